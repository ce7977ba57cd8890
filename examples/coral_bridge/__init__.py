"""Carries decisions made later in Civility (review, reversal, appeal) to Coral Talk."""
