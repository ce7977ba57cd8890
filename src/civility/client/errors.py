"""Errors the SDK raises: one class per kind of failure, each carrying the server's error code."""

from __future__ import annotations


class CivilityError(Exception):
    """Base of every SDK error."""


class APIConnectionError(CivilityError):
    """The service could not be reached (after the retries)."""


class APIStatusError(CivilityError):
    """The service answered with an error status."""

    def __init__(self, status: int, code: str, message: str, retry_after: float | None = None):
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.retry_after = retry_after


class BadRequestError(APIStatusError):
    """400 or 422: the request was refused as invalid."""


class AuthenticationError(APIStatusError):
    """401: missing or unknown API key."""


class PermissionDeniedError(APIStatusError):
    """403: the key's role may not do this."""


class NotFoundError(APIStatusError):
    """404: no such message (or route)."""


class ConflictError(APIStatusError):
    """409: the request clashes with the current state."""


class RateLimitError(APIStatusError):
    """429: too many requests (after the retries)."""


class ServerError(APIStatusError):
    """5xx: the service failed (after the retries)."""


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: BadRequestError,
    429: RateLimitError,
}


def error_for(status: int, code: str, message: str, retry_after: float | None) -> APIStatusError:
    """Builds the error class that matches an HTTP status."""
    cls = _BY_STATUS.get(status) or (ServerError if status >= 500 else APIStatusError)
    return cls(status, code, message, retry_after)
