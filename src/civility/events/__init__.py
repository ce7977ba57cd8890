"""The append-only moderation event log."""
