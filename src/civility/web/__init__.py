"""The moderators' dashboard: server-rendered pages (Jinja2 + HTMX) on the API's app."""
