"""Drop-in compatibility with other moderation APIs (Perspective, OpenAI, Coral): pure mappings."""
