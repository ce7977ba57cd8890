"""Errors the SDK raises: one class per kind of failure, each carrying the server's error code."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from civility.client.models import Decision


class CivilityError(Exception):
    """Base of every SDK error."""


class APIConnectionError(CivilityError):
    """The service could not be reached (after the retries)."""


class APITimeoutError(APIConnectionError):
    """The service did not answer within the client's timeout (after the retries)."""


class APIResponseValidationError(CivilityError):
    """The service answered with a success status but a body the SDK cannot read.

    A proxy's HTML page, a truncated body or a field of the wrong type: ``status`` and the
    start of the ``body`` say what came back.
    """

    def __init__(self, message: str, *, status: int, body: str) -> None:
        super().__init__(f"{message} (HTTP {status}, body starts {body[:200]!r})")
        self.status = status
        self.body = body


class DecisionTimeoutError(CivilityError, TimeoutError):
    """`wait_for_decision` ran out of time; ``message`` is the last (undecided) state seen."""

    def __init__(self, id: str, timeout: float, message: Decision) -> None:
        super().__init__(f"message {id} was not decided within {timeout:g} s")
        self.id = id
        self.timeout = timeout
        self.message = message


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
