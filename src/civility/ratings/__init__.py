"""Ratings: one per user per post, applied in batches, with fraud detection and stable averages."""
