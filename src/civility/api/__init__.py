"""The HTTP adapter: thin FastAPI routes over the service layer."""
