"""Domain errors; the HTTP layer maps each one to a status code in one place."""

from __future__ import annotations


class DomainError(Exception):
    """Base of every error the domain raises on purpose."""

    code = "error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code


class Invalid(DomainError):
    """The input breaks a rule of the domain."""

    code = "invalid"


class NotFound(DomainError):
    """The thing asked for does not exist."""

    code = "not_found"


class Conflict(DomainError):
    """The request clashes with the current state."""

    code = "conflict"


class Unauthorized(DomainError):
    """No valid credentials were given."""

    code = "unauthorized"


class Forbidden(DomainError):
    """The caller's role does not allow this."""

    code = "forbidden"


class Unavailable(DomainError):
    """A dependency (database, broker) cannot be reached right now."""

    code = "unavailable"


class RateLimited(DomainError):
    """Too many requests; retry after the given number of seconds."""

    code = "rate_limited"

    def __init__(self, message: str, *, retry_after: float, code: str | None = None) -> None:
        super().__init__(message, code=code)
        self.retry_after = retry_after


# The HTTP status each error answers with: api/errors.py writes the body, and the dashboard and
# the compatibility routes answer with the same statuses.
HTTP_STATUS: dict[type[DomainError], int] = {
    Invalid: 422,
    NotFound: 404,
    Conflict: 409,
    Unauthorized: 401,
    Forbidden: 403,
    RateLimited: 429,
    Unavailable: 503,
}


def http_status(exc: DomainError) -> int:
    """Returns the HTTP status of an error (400 for one the table does not name)."""
    return next((s for cls, s in HTTP_STATUS.items() if isinstance(exc, cls)), 400)
