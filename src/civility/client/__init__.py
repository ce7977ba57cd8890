"""Civility's Python SDK: `Civility` (sync) and `AsyncCivility` over one keep-alive pool each."""

from civility.client._async import AsyncCivility
from civility.client._base import RetryPolicy
from civility.client._sync import Civility
from civility.client.errors import (
    APIConnectionError,
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    CivilityError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
)
from civility.client.models import (
    Accepted,
    AnalyzeResult,
    Decision,
    Event,
    MessageInput,
    ModelInfo,
    Page,
    PostRating,
    RatingAccepted,
    Reason,
    Span,
    SupportCell,
)

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "Accepted",
    "AnalyzeResult",
    "AsyncCivility",
    "AuthenticationError",
    "BadRequestError",
    "Civility",
    "CivilityError",
    "ConflictError",
    "Decision",
    "Event",
    "MessageInput",
    "ModelInfo",
    "NotFoundError",
    "Page",
    "PermissionDeniedError",
    "PostRating",
    "RateLimitError",
    "RatingAccepted",
    "Reason",
    "RetryPolicy",
    "ServerError",
    "Span",
    "SupportCell",
]
