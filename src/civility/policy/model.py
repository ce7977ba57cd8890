"""A moderation policy: thresholds per category and action, severity bands, checks, strikes.

Default thresholds (a score strictly above a threshold triggers that action; 1.0 = never):

=================  =====  =====  =====  ============
category           flag   hide   block  min severity
=================  =====  =====  =====  ============
toxicity           0.40   0.70   1.00   low
severe_toxicity    0.30   0.50   0.80   medium
obscene            0.50   0.80   1.00   low
threat             0.30   0.50   0.80   high
insult             0.50   0.75   1.00   low
identity_attack    0.30   0.50   0.80   high
=================  =====  =====  =====  ============

Severity of a model reason = max(category's min severity, score band) with bands
low <= 0.70 < medium <= 0.90 < high, so a threat or identity attack over any threshold is high.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from civility.errors import Invalid
from civility.policy import _parse as p
from civility.policy.channel_settings import CheckSettings, StrikeSettings
from civility.policy.verdict import Action, Severity
from civility.scoring.base import CATEGORIES

_RULE_FIELDS = ("flag", "hide", "block", "min_severity")
_POLICY_FIELDS = ("version", "channel_id", "categories", "severity", "checks", "strikes")
_BAND_FIELDS = ("medium_above", "high_above")


@dataclass(frozen=True, slots=True)
class CategoryRule:
    """Thresholds of one category; a score strictly above a threshold triggers its action."""

    flag: float
    hide: float
    block: float
    min_severity: Severity = Severity.LOW

    def action_for(self, score: float) -> Action:
        """Returns the harshest action whose threshold the score exceeds."""
        if score > self.block:
            return Action.BLOCK
        if score > self.hide:
            return Action.HIDE
        if score > self.flag:
            return Action.FLAG
        return Action.ALLOW

    def to_dict(self) -> dict[str, Any]:
        """Returns the JSON form."""
        return {
            "flag": self.flag,
            "hide": self.hide,
            "block": self.block,
            "min_severity": self.min_severity.value,
        }


DEFAULT_RULES: Mapping[str, CategoryRule] = {
    "toxicity": CategoryRule(0.40, 0.70, 1.00),
    "severe_toxicity": CategoryRule(0.30, 0.50, 0.80, Severity.MEDIUM),
    "obscene": CategoryRule(0.50, 0.80, 1.00),
    "threat": CategoryRule(0.30, 0.50, 0.80, Severity.HIGH),
    "insult": CategoryRule(0.50, 0.75, 1.00),
    "identity_attack": CategoryRule(0.30, 0.50, 0.80, Severity.HIGH),
}


@dataclass(frozen=True, slots=True)
class SeverityBands:
    """Score bands that grade a model reason when its category does not force a higher grade."""

    medium_above: float = 0.70
    high_above: float = 0.90

    def grade(self, score: float) -> Severity:
        """Returns the severity of a score that crossed some threshold."""
        if score > self.high_above:
            return Severity.HIGH
        if score > self.medium_above:
            return Severity.MEDIUM
        return Severity.LOW


@dataclass(frozen=True, slots=True)
class Policy:
    """Everything that decides a channel's messages; `channel_id` None is the global default.

    `categories` is treated as immutable; build a new Policy (dataclasses.replace) to change it.
    """

    version: int = 1
    channel_id: str | None = None
    categories: Mapping[str, CategoryRule] = field(default_factory=lambda: dict(DEFAULT_RULES))
    severity: SeverityBands = field(default_factory=SeverityBands)
    checks: CheckSettings = field(default_factory=CheckSettings)
    strikes: StrikeSettings = field(default_factory=StrikeSettings)

    @classmethod
    def default(cls, channel_id: str | None = None) -> Policy:
        """Returns the built-in policy (version 1)."""
        # Policies are immutable, and the default is asked for once per message.
        return _default_policy(channel_id)

    def rule(self, category: str) -> CategoryRule:
        """Returns the rule of a category (built-in default if the policy lacks it)."""
        return self.categories.get(category) or DEFAULT_RULES[category]

    def with_version(self, version: int) -> Policy:
        """Returns a copy carrying another version number."""
        return dataclasses.replace(self, version=version)

    def to_dict(self) -> dict[str, Any]:
        """Returns the JSON form."""
        return {
            "version": self.version,
            "channel_id": self.channel_id,
            "categories": {c: self.rule(c).to_dict() for c in CATEGORIES},
            "severity": {
                "medium_above": self.severity.medium_above,
                "high_above": self.severity.high_above,
            },
            "checks": self.checks.to_dict(),
            "strikes": self.strikes.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: object, base: Policy | None = None) -> Policy:
        """Parses and validates the JSON form; missing parts come from base (default policy)."""
        src = p.as_mapping(data, "policy")
        p.reject_unknown(src, _POLICY_FIELDS, "policy")
        base = base or cls.default()
        parsed: dict[str, Any] = {}
        for key, parse in _PARTS.items():
            if key in src:
                parsed[key] = parse(src[key], base)
        return dataclasses.replace(base, **parsed)


def _channel_id(value: object) -> str | None:
    if value is None or (isinstance(value, str) and value.strip()):
        return value
    raise Invalid("policy.channel_id: expected a non-empty string or null", code="invalid_policy")


def _categories(value: object, base: Policy) -> dict[str, CategoryRule]:
    src = p.as_mapping(value, "policy.categories")
    p.reject_unknown(src, CATEGORIES, "policy.categories")
    rules = {c: base.rule(c) for c in CATEGORIES}
    for category, raw in src.items():
        rules[category] = _rule(raw, rules[category], f"policy.categories.{category}")
    return rules


def _rule(value: object, base: CategoryRule, path: str) -> CategoryRule:
    src = p.as_mapping(value, path)
    p.reject_unknown(src, _RULE_FIELDS, path)

    def num(key: str, fallback: float) -> float:
        return p.number(src[key], f"{path}.{key}", 0.0, 1.0) if key in src else fallback

    rule = CategoryRule(
        flag=num("flag", base.flag),
        hide=num("hide", base.hide),
        block=num("block", base.block),
        min_severity=(
            _severity(src["min_severity"], f"{path}.min_severity")
            if "min_severity" in src
            else base.min_severity
        ),
    )
    if not rule.flag <= rule.hide <= rule.block:
        raise Invalid(
            f"{path}: thresholds must be ordered flag <= hide <= block", code="invalid_policy"
        )
    return rule


def _severity(value: object, path: str) -> Severity:
    if isinstance(value, str) and value in {s.value for s in Severity if s is not Severity.NONE}:
        return Severity(value)
    raise Invalid(f"{path}: expected low, medium or high", code="invalid_policy")


def _bands(value: object, base: SeverityBands) -> SeverityBands:
    src = p.as_mapping(value, "policy.severity")
    p.reject_unknown(src, _BAND_FIELDS, "policy.severity")

    def num(key: str, fallback: float) -> float:
        return p.number(src[key], f"policy.severity.{key}", 0.0, 1.0) if key in src else fallback

    medium = num("medium_above", base.medium_above)
    high = num("high_above", base.high_above)
    if medium > high:
        raise Invalid("policy.severity: need medium_above <= high_above", code="invalid_policy")
    return SeverityBands(medium, high)


def _version(value: object, base: Policy) -> int:
    return p.integer(value, "policy.version", 1, 2**31 - 1)


_PARTS: dict[str, Callable[[object, Policy], object]] = {
    "version": _version,
    "channel_id": lambda v, base: _channel_id(v),
    "categories": _categories,
    "severity": lambda v, base: _bands(v, base.severity),
    "checks": lambda v, base: CheckSettings.from_dict(v, "policy.checks"),
    "strikes": lambda v, base: StrikeSettings.from_dict(v, "policy.strikes"),
}


@functools.lru_cache(maxsize=4096)
def _default_policy(channel_id: str | None) -> Policy:
    return Policy(channel_id=channel_id)
