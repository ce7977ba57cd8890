"""A small Reddit-like community built only on Civility's Python SDK (an integration example)."""
