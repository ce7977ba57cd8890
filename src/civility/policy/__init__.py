"""Moderation policies: thresholds, severity, per-channel settings and the decision step."""

from civility.policy.channel_settings import (
    CapsCheck,
    CheckSettings,
    FloodCheck,
    NewAccountLinkCheck,
    RateCheck,
    RepetitionCheck,
    StrikeSettings,
)
from civility.policy.decide import BANNED_CODE, decide, model_reasons
from civility.policy.model import DEFAULT_RULES, CategoryRule, Policy, SeverityBands
from civility.policy.repository import (
    InMemoryPolicyRepository,
    PolicyRepository,
    next_version,
    resolve_policy,
)

__all__ = [
    "BANNED_CODE",
    "DEFAULT_RULES",
    "CapsCheck",
    "CategoryRule",
    "CheckSettings",
    "FloodCheck",
    "InMemoryPolicyRepository",
    "NewAccountLinkCheck",
    "Policy",
    "PolicyRepository",
    "RateCheck",
    "RepetitionCheck",
    "SeverityBands",
    "StrikeSettings",
    "decide",
    "model_reasons",
    "next_version",
    "resolve_policy",
]
