"""Moderation reports: what happened over a period, as tables and trends (CSV, Excel, PDF)."""
