"""Per-channel settings that live next to the thresholds: fast checks and strike ladder.

Durations are stored as plain integers (seconds, hours, days) so the JSON form is obvious;
properties expose them as `timedelta`.

Defaults (documented here because they are policy, not code):

* new-account links: accounts younger than 7 days posting a link -> flag
* caps: more than 80 % upper-case letters in texts longer than 20 chars -> flag
* repetition: one character repeated 10+ times in a row, or one word 5+ times in a row -> flag
* flood: the same normalised text 3+ times within 60 s from one author in one channel -> hide
* rate: more than 20 messages per 60 s from one author in one channel -> hide
* strikes: weight low 0.5, medium 1, high 2; expire after 30 days; warning at 2,
  temporary ban (24 h) at 3, permanent ban at 5; global escalation off.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, TypeVar

from civility.errors import Invalid
from civility.policy import _parse as p
from civility.policy.verdict import Action, Severity

_CHECK_ACTIONS = (Action.FLAG, Action.HIDE, Action.BLOCK)
_DAY_S = 86_400
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class NewAccountLinkCheck:
    """Links posted by accounts younger than `min_account_age_days`."""

    enabled: bool = True
    min_account_age_days: int = 7
    action: Action = Action.FLAG

    @property
    def min_account_age(self) -> timedelta:
        """Returns the minimum age as a timedelta."""
        return timedelta(days=self.min_account_age_days)


@dataclass(frozen=True, slots=True)
class CapsCheck:
    """Shouting: share of upper-case letters above `max_ratio` in long enough texts."""

    enabled: bool = True
    max_ratio: float = 0.8
    min_length: int = 20
    action: Action = Action.FLAG


@dataclass(frozen=True, slots=True)
class RepetitionCheck:
    """Long runs of one character or of one word."""

    enabled: bool = True
    max_char_run: int = 10
    max_word_run: int = 5
    action: Action = Action.FLAG


@dataclass(frozen=True, slots=True)
class FloodCheck:
    """The same normalised text posted `max_duplicates` times within the window."""

    enabled: bool = True
    max_duplicates: int = 3
    window_seconds: int = 60
    action: Action = Action.HIDE

    @property
    def window(self) -> timedelta:
        """Returns the window as a timedelta."""
        return timedelta(seconds=self.window_seconds)


@dataclass(frozen=True, slots=True)
class RateCheck:
    """More than `max_per_window` messages from one author within the window."""

    enabled: bool = True
    max_per_window: int = 20
    window_seconds: int = 60
    action: Action = Action.HIDE

    @property
    def window(self) -> timedelta:
        """Returns the window as a timedelta."""
        return timedelta(seconds=self.window_seconds)


@dataclass(frozen=True, slots=True)
class CheckSettings:
    """All fast checks of a channel."""

    new_account_links: NewAccountLinkCheck = NewAccountLinkCheck()
    caps: CapsCheck = CapsCheck()
    repetition: RepetitionCheck = RepetitionCheck()
    flood: FloodCheck = FloodCheck()
    rate: RateCheck = RateCheck()

    def to_dict(self) -> dict[str, Any]:
        """Returns the JSON form."""
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}

    @classmethod
    def from_dict(cls, data: object, path: str = "checks") -> CheckSettings:
        """Parses the JSON form; missing fields keep their defaults."""
        src = p.as_mapping(data, path)
        p.reject_unknown(src, _CHECK_PARSERS, path)
        kwargs: dict[str, Any] = {
            k: fn(src[k], f"{path}.{k}") for k, fn in _CHECK_PARSERS.items() if k in src
        }
        return cls(**kwargs)


@dataclass(frozen=True, slots=True)
class StrikeSettings:
    """How violations turn into strikes, warnings and bans."""

    weight_low: float = 0.5
    weight_medium: float = 1.0
    weight_high: float = 2.0
    expiry_days: int = 30
    warn_at: float = 2.0
    temp_ban_at: float = 3.0
    temp_ban_hours: int = 24
    perm_ban_at: float = 5.0
    # Verdicts milder than this are not violations (a flag only asks a human to look).
    min_action: Action = Action.HIDE
    # Global escalation counts strikes across every channel; None switches a rung off.
    global_temp_ban_at: float | None = None
    global_perm_ban_at: float | None = None

    @property
    def expiry(self) -> timedelta:
        """Returns how long a strike counts."""
        return timedelta(days=self.expiry_days)

    @property
    def temp_ban_duration(self) -> timedelta:
        """Returns the length of an automatic temporary ban."""
        return timedelta(hours=self.temp_ban_hours)

    def weight(self, severity: Severity) -> float:
        """Returns the strike weight of a violation of this severity."""
        return {
            Severity.NONE: 0.0,
            Severity.LOW: self.weight_low,
            Severity.MEDIUM: self.weight_medium,
            Severity.HIGH: self.weight_high,
        }[severity]

    def to_dict(self) -> dict[str, Any]:
        """Returns the JSON form."""
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}

    @classmethod
    def from_dict(cls, data: object, path: str = "strikes") -> StrikeSettings:
        """Parses the JSON form; missing fields keep their defaults."""
        src = p.as_mapping(data, path)
        p.reject_unknown(src, _STRIKE_PARSERS, path)
        kwargs: dict[str, Any] = {
            k: fn(src[k], f"{path}.{k}") for k, fn in _STRIKE_PARSERS.items() if k in src
        }
        result = cls(**kwargs)
        _check_ladder(result, path)
        return result


def _check_ladder(s: StrikeSettings, path: str) -> None:
    """Rejects a ladder whose rungs are out of order."""
    if not s.warn_at <= s.temp_ban_at <= s.perm_ban_at:
        raise Invalid(f"{path}: need warn_at <= temp_ban_at <= perm_ban_at", code="invalid_policy")
    g_temp, g_perm = s.global_temp_ban_at, s.global_perm_ban_at
    if g_temp is not None and g_perm is not None and g_temp > g_perm:
        raise Invalid(
            f"{path}: need global_temp_ban_at <= global_perm_ban_at", code="invalid_policy"
        )


def _plain(value: object) -> object:
    """Turns a settings value into its JSON form."""
    if isinstance(value, Action):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


_Parser = Callable[[object, str], object]


def _sub(cls: type[_T], parsers: Mapping[str, _Parser]) -> Callable[[object, str], _T]:
    """Builds a parser for one nested settings object; missing fields keep defaults."""

    def parse(value: object, path: str) -> _T:
        src = p.as_mapping(value, path)
        p.reject_unknown(src, parsers, path)
        kwargs: dict[str, Any] = {
            k: fn(src[k], f"{path}.{k}") for k, fn in parsers.items() if k in src
        }
        return cls(**kwargs)

    return parse


def _act(value: object, path: str) -> Action:
    return p.action(value, path, _CHECK_ACTIONS)


def _ints(lo: int, hi: int) -> Callable[[object, str], int]:
    return lambda v, path: p.integer(v, path, lo, hi)


def _nums(lo: float, hi: float) -> Callable[[object, str], float]:
    return lambda v, path: p.number(v, path, lo, hi)


_CHECK_PARSERS: dict[str, _Parser] = {
    "new_account_links": _sub(
        NewAccountLinkCheck,
        {"enabled": p.boolean, "min_account_age_days": _ints(0, 3650), "action": _act},
    ),
    "caps": _sub(
        CapsCheck,
        {
            "enabled": p.boolean,
            "max_ratio": _nums(0.0, 1.0),
            "min_length": _ints(1, 100_000),
            "action": _act,
        },
    ),
    "repetition": _sub(
        RepetitionCheck,
        {
            "enabled": p.boolean,
            "max_char_run": _ints(2, 10_000),
            "max_word_run": _ints(2, 10_000),
            "action": _act,
        },
    ),
    "flood": _sub(
        FloodCheck,
        {
            "enabled": p.boolean,
            "max_duplicates": _ints(2, 10_000),
            "window_seconds": _ints(1, _DAY_S),
            "action": _act,
        },
    ),
    "rate": _sub(
        RateCheck,
        {
            "enabled": p.boolean,
            "max_per_window": _ints(1, 100_000),
            "window_seconds": _ints(1, _DAY_S),
            "action": _act,
        },
    ),
}

_STRIKE_PARSERS: dict[str, _Parser] = {
    "weight_low": _nums(0.0, 100.0),
    "weight_medium": _nums(0.0, 100.0),
    "weight_high": _nums(0.0, 100.0),
    "expiry_days": _ints(1, 3650),
    "warn_at": _nums(0.0, 1000.0),
    "temp_ban_at": _nums(0.0, 1000.0),
    "temp_ban_hours": _ints(1, 24 * 3650),
    "perm_ban_at": _nums(0.0, 1000.0),
    "min_action": lambda v, path: p.action(v, path, _CHECK_ACTIONS),
    "global_temp_ban_at": lambda v, path: p.optional_number(v, path, 0.0, 1000.0),
    "global_perm_ban_at": lambda v, path: p.optional_number(v, path, 0.0, 1000.0),
}
