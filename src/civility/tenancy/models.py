"""A tenant, its settings and the rules for their names."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from civility.errors import Invalid

DEFAULT_TENANT = "default"
# A tenant's name becomes part of a PostgreSQL schema name and a SQLite file name.
NAME = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
SCORERS = ("builtin", "cascade")
# One item of the `limits` library's notation, which the rate limiter parses.
LIMIT = re.compile(r"\s*\d+\s*(/|per)\s*(\d+\s*)?(second|minute|hour|day|month|year)s?\s*")


def check_name(name: str) -> str:
    """Returns a valid tenant name; raises Invalid otherwise."""
    if not NAME.fullmatch(name):
        raise Invalid(
            "a tenant name is 2-40 characters: a lower-case letter, then lower-case letters, "
            f"digits or _ (got {name!r})",
            code="invalid_tenant_name",
        )
    return name


@dataclass(frozen=True, slots=True)
class TenantSettings:
    """What a tenant may set for itself; None means the installation's setting."""

    rate_limit: str | None = None  # `limits` notation for all its keys together, "600/minute"
    quota: str | None = None  # the same notation over a long window, "100000/day"
    scorer: str | None = None  # builtin or cascade (CIVILITY_SCORER)
    cascade_band: tuple[float, float] | None = None
    retention_days: int | None = None

    def to_json(self) -> dict[str, Any]:
        """Returns the stored form (only what is set)."""
        data = asdict(self)
        if self.cascade_band is not None:
            data["cascade_band"] = list(self.cascade_band)
        return {k: v for k, v in data.items() if v is not None}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TenantSettings:
        """Reads and checks the stored or submitted form; raises Invalid."""
        unknown = set(data) - {"rate_limit", "quota", "scorer", "cascade_band", "retention_days"}
        if unknown:
            raise Invalid(
                f"unknown tenant settings: {', '.join(sorted(unknown))}", code="invalid_settings"
            )
        band = data.get("cascade_band")
        settings = cls(
            rate_limit=_limit(data.get("rate_limit"), "rate_limit"),
            quota=_limit(data.get("quota"), "quota"),
            scorer=data.get("scorer"),
            cascade_band=None if band is None else _band(band),
            retention_days=data.get("retention_days"),
        )
        if settings.scorer is not None and settings.scorer not in SCORERS:
            raise Invalid(f"scorer must be one of {', '.join(SCORERS)}", code="invalid_settings")
        days = settings.retention_days
        if days is not None and (not isinstance(days, int) or isinstance(days, bool) or days < 1):
            raise Invalid(
                "retention_days must be a whole number of days >= 1", code="invalid_settings"
            )
        return settings


def _limit(value: Any, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not LIMIT.fullmatch(value):
        raise Invalid(
            f"{name} must be in `limits` notation such as '600/minute' (got {value!r})",
            code="invalid_settings",
        )
    return value


def _band(value: Any) -> tuple[float, float]:
    ok = (
        isinstance(value, list | tuple)
        and len(value) == 2
        and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
        and 0 <= value[0] < value[1] <= 1
    )
    if not ok:
        raise Invalid(
            "cascade_band must be [low, high] with 0 <= low < high <= 1", code="invalid_settings"
        )
    return (float(value[0]), float(value[1]))


@dataclass(frozen=True, slots=True)
class Tenant:
    """One community of the installation."""

    id: str
    name: str
    settings: TenantSettings
    created_at: datetime
    disabled: bool = False

    @property
    def is_default(self) -> bool:
        """Tells whether this is the installation's own tenant (its data in the main database)."""
        return self.id == DEFAULT_TENANT

    def public(self) -> dict[str, Any]:
        """The JSON form shown to owners."""
        return {
            "id": self.id,
            "name": self.name,
            "settings": self.settings.to_json(),
            "created_at": self.created_at.isoformat(),
            "disabled": self.disabled,
        }
