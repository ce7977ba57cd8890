"""Operational signals: gauges refreshed before a scrape, and the /metrics server of the roles."""
