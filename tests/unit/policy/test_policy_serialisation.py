"""Policy (de)serialisation and validation."""

from __future__ import annotations

import json
from typing import Any

import pytest

from civility.errors import Invalid
from civility.policy import InMemoryPolicyRepository, Policy, resolve_policy
from civility.policy.verdict import Action, Severity


def test_default_round_trips_through_json() -> None:
    policy = Policy.default()
    data = json.loads(json.dumps(policy.to_dict()))
    assert Policy.from_dict(data) == policy


def test_custom_policy_round_trips() -> None:
    data: dict[str, Any] = {
        "version": 4,
        "channel_id": "general",
        "categories": {"threat": {"flag": 0.1, "hide": 0.2, "block": 0.3}},
        "severity": {"medium_above": 0.5},
        "checks": {"caps": {"enabled": False}, "flood": {"max_duplicates": 5, "action": "block"}},
        "strikes": {"temp_ban_at": 4, "global_perm_ban_at": 10},
    }
    policy = Policy.from_dict(data)
    assert policy.version == 4
    assert policy.rule("threat").block == 0.3
    assert policy.rule("threat").min_severity is Severity.HIGH
    assert policy.severity.medium_above == 0.5
    assert policy.checks.caps.enabled is False
    assert policy.checks.flood.action is Action.BLOCK
    assert policy.checks.rate == Policy.default().checks.rate
    assert policy.strikes.temp_ban_at == 4.0
    assert Policy.from_dict(json.loads(json.dumps(policy.to_dict()))) == policy


def test_missing_parts_come_from_base() -> None:
    base = Policy.from_dict({"categories": {"insult": {"flag": 0.2}}})
    channel = Policy.from_dict({"channel_id": "c1"}, base=base)
    assert channel.rule("insult").flag == 0.2
    assert channel.channel_id == "c1"


@pytest.mark.parametrize(
    "data",
    [
        [],
        {"unknown": 1},
        {"version": 0},
        {"version": "1"},
        {"channel_id": ""},
        {"categories": {"spam": {"flag": 0.5}}},
        {"categories": {"toxicity": {"flag": 1.2}}},
        {"categories": {"toxicity": {"flag": -0.1}}},
        {"categories": {"toxicity": {"flag": True}}},
        {"categories": {"toxicity": {"flag": float("nan")}}},
        {"categories": {"toxicity": {"flag": 0.8, "hide": 0.7}}},
        {"categories": {"toxicity": {"hide": 0.9, "block": 0.8}}},
        {"categories": {"toxicity": {"min_severity": "none"}}},
        {"categories": {"toxicity": {"typo": 0.5}}},
        {"categories": {"toxicity": "high"}},
        {"severity": {"medium_above": 0.95, "high_above": 0.9}},
        {"checks": {"caps": {"max_ratio": 2}}},
        {"checks": {"caps": {"action": "allow"}}},
        {"checks": {"caps": {"enabled": "yes"}}},
        {"checks": {"nope": {}}},
        {"strikes": {"warn_at": 4, "temp_ban_at": 3}},
        {"strikes": {"temp_ban_at": 6}},
        {"strikes": {"global_temp_ban_at": 9, "global_perm_ban_at": 3}},
        {"strikes": {"expiry_days": 0}},
    ],
)
def test_bad_input_raises_invalid(data: Any) -> None:
    with pytest.raises(Invalid) as info:
        Policy.from_dict(data)
    assert info.value.code == "invalid_policy"


def test_repository_versions_and_resolution() -> None:
    repo = InMemoryPolicyRepository()
    assert resolve_policy(repo, "c1") == Policy.default()
    first = repo.save(Policy.default())
    second = repo.save(Policy.from_dict({"categories": {"toxicity": {"hide": 0.6}}}))
    assert (first.version, second.version) == (1, 2)
    assert resolve_policy(repo, "c1") is second
    own = repo.save(Policy.default("c1"))
    assert own.version == 1
    assert resolve_policy(repo, "c1") is own
    assert resolve_policy(repo, "c2") is second
