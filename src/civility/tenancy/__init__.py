"""Tenants: communities that share one installation and nothing else (see docs/tenancy.md)."""
