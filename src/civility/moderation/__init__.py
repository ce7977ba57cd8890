"""Moderation: messages, their decisions, and the service every adapter goes through."""
