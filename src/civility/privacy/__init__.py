"""Data rights: an author's data exported or erased, and old message texts purged."""
