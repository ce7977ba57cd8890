"""Storage adapters: SQLAlchemy tables, migrations and repositories."""
