"""Notifications to Slack and Discord: channels, what triggers them, and each platform's format."""
