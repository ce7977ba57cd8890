"""Toxicity scoring: the built-in fast tier and the optional accurate tier."""
