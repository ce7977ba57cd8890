"""The decision pipeline, table-driven: bans, blocklist and checks before the model, then policy."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest

from civility.blocklists.matcher import BlocklistEntry, EntryKind
from civility.blocklists.service import BlocklistCache, BlocklistRecord
from civility.enforcement.engine import InForce
from civility.enforcement.records import BanIssued, EnforcementRecord, StrikeAdded
from civility.events.models import Event
from civility.moderation.context import ContextLoader
from civility.moderation.pipeline import Judgement, Screening, decide, screen, settle
from civility.moderation.records import StoredMessage
from civility.policy.channel_settings import CheckSettings, RateCheck, StrikeSettings
from civility.policy.checks import MemoryWindowStore, WindowHit
from civility.policy.model import Policy
from civility.policy.repository import InMemoryPolicyRepository
from civility.policy.verdict import Action, Severity
from civility.scoring.base import CATEGORIES, TextAnalysis

NOW = datetime(2026, 5, 1, 12, tzinfo=UTC)
CLEAN = dict.fromkeys(CATEGORIES, 0.01)
INSULT = {**CLEAN, "toxicity": 0.85, "insult": 0.8}


@dataclass
class Entries:
    """An in-memory blocklist store."""

    records: list[BlocklistRecord] = field(default_factory=list)
    changes: int = 0

    def active(self) -> list[BlocklistRecord]:
        return list(self.records)

    def page(
        self, channel_id: str | None, after_id: str | None, limit: int
    ) -> list[BlocklistRecord]:
        return self.records[:limit]

    def add(self, records: Sequence[BlocklistRecord], events: Sequence[Event]) -> None:
        self.records.extend(records)
        self.changes += 1

    def remove(self, entry_id: str, actor: str, now: datetime, event: Event) -> bool:
        return False

    def version(self) -> int:
        return self.changes


@dataclass
class Records:
    """In-memory enforcement records."""

    by_user: dict[str, list[EnforcementRecord]] = field(default_factory=dict)

    def records_for_many(
        self, user_ids: Sequence[str], *, in_force: InForce | None = None
    ) -> dict[str, list[EnforcementRecord]]:
        keep = in_force.keeps if in_force is not None else lambda _: True
        return {u: [r for r in self.by_user[u] if keep(r)] for u in user_ids if u in self.by_user}


def _message(
    text: str, author: str = "u1", channel: str = "c1", created: datetime | None = None
) -> StoredMessage:
    return StoredMessage("msg_1", "p1", author, channel, text, None, {}, created, NOW)


def _engine(
    entries: list[BlocklistEntry] = (),  # type: ignore[assignment]
    records: list[EnforcementRecord] = (),  # type: ignore[assignment]
    policy: Policy | None = None,
) -> ContextLoader:
    policies = InMemoryPolicyRepository()
    if policy is not None:
        policies.save(policy)
    store = Entries([BlocklistRecord(e, "admin", NOW) for e in entries])
    return ContextLoader(
        policies, BlocklistCache(store), Records({"u1": list(records)}), MemoryWindowStore()
    )


def _screen(loader: ContextLoader, batch: list[StoredMessage]) -> list[Screening]:
    """Phases 1-3: what the rules say before the model."""
    context = loader.load(batch, NOW)
    screened = [screen(m, context) for m in batch]
    return settle(screened, loader.count_windows([h for s in screened for h in s.hits], NOW))


def _decide(
    loader: ContextLoader, batch: list[StoredMessage], scores: dict[str, float] | None = None
) -> tuple[list[Judgement], list[str]]:
    """Runs the whole pipeline; returns the judgements and the texts the scorer was given."""
    scored: list[str] = []

    def analyze(texts: Sequence[str], explain: object) -> list[TextAnalysis]:
        scored.extend(texts)
        return [TextAnalysis(scores or CLEAN, "en") for _ in texts]

    judgements = decide(
        batch,
        loader.load(batch, NOW),
        count_windows=lambda hits: loader.count_windows(hits, NOW),
        analyze=analyze,
    )
    return judgements, scored


GLOBAL_BAN = BanIssued("u1", None, NOW - timedelta(hours=1), None, "mod", "raids")
OTHER_CHANNEL_BAN = BanIssued("u1", "c2", NOW - timedelta(hours=1), None, "mod", "raids")
EXPIRED_BAN = BanIssued("u1", "c1", NOW - timedelta(days=2), NOW - timedelta(days=1), "system", "3")
BLOCK_WORD = BlocklistEntry("idiot", EntryKind.WORD, Action.BLOCK)
FLAG_WORD = BlocklistEntry("crypto*", EntryKind.WILDCARD, Action.FLAG)
OTHER_CHANNEL_WORD = BlocklistEntry("idiot", EntryKind.WORD, Action.BLOCK, channel_id="c2")
BLOCKING_CAPS = Policy(
    checks=CheckSettings(caps=CheckSettings().caps.__class__(action=Action.BLOCK))
)


@pytest.mark.parametrize(
    ("name", "engine", "text", "scores", "final", "action", "codes"),
    [
        ("clean", _engine(), "hello there", CLEAN, False, Action.ALLOW, []),
        (
            "model insult",
            _engine(),
            "hello there",
            INSULT,
            False,
            Action.HIDE,
            ["toxicity", "insult"],
        ),
        (
            "global ban",
            _engine(records=[GLOBAL_BAN]),
            "hello",
            None,
            True,
            Action.BLOCK,
            ["banned"],
        ),
        (
            "other channel ban",
            _engine(records=[OTHER_CHANNEL_BAN]),
            "hello",
            CLEAN,
            False,
            Action.ALLOW,
            [],
        ),
        ("expired ban", _engine(records=[EXPIRED_BAN]), "hello", CLEAN, False, Action.ALLOW, []),
        (
            "blocklist block",
            _engine([BLOCK_WORD]),
            "what an 1d10t",
            None,
            True,
            Action.BLOCK,
            ["blocklist"],
        ),
        (
            "blocklist flag",
            _engine([FLAG_WORD]),
            "cryptocoins",
            CLEAN,
            False,
            Action.FLAG,
            ["blocklist"],
        ),
        (
            "other channel entry",
            _engine([OTHER_CHANNEL_WORD]),
            "idiot",
            CLEAN,
            False,
            Action.ALLOW,
            [],
        ),
        (
            "caps flags",
            _engine(),
            "THIS IS REALLY GREAT NEWS FOR ALL",
            CLEAN,
            False,
            Action.FLAG,
            ["caps"],
        ),
        (
            "caps blocks",
            _engine(policy=BLOCKING_CAPS),
            "THIS IS REALLY GREAT NEWS FOR ALL",
            None,
            True,
            Action.BLOCK,
            ["caps"],
        ),
        (
            "ban beats blocklist",
            _engine([BLOCK_WORD], [GLOBAL_BAN]),
            "idiot",
            None,
            True,
            Action.BLOCK,
            ["banned"],
        ),
    ],
)
def test_pipeline(
    name: str,
    engine: ContextLoader,
    text: str,
    scores: dict[str, float] | None,
    final: bool,
    action: Action,
    codes: list[str],
) -> None:
    message = _message(text)
    [screened] = _screen(engine, [message])
    assert screened.final is final, name
    [judgement], scored = _decide(engine, [message], scores)
    assert scored == ([] if final else [text]), name  # the rules alone decide: no model
    assert judgement.verdict.action is action, name
    assert [r.code for r in judgement.verdict.reasons] == codes, name


def test_new_account_link_needs_the_account_age() -> None:
    engine = _engine()
    young = _message("see www.example.com", "a", created=NOW - timedelta(days=1))
    old = _message("see www.example.com", "b", created=NOW - timedelta(days=30))
    unknown = _message("see www.example.com", "c")
    screened = _screen(engine, [young, old, unknown])
    assert [[r.code for r in p.reasons] for p in screened] == [["new_account_link"], [], []]


def test_rate_check_counts_across_a_batch() -> None:
    policy = Policy(checks=CheckSettings(rate=RateCheck(max_per_window=2, action=Action.HIDE)))
    engine = _engine(policy=policy)
    screened = _screen(engine, [_message(f"hello {i}") for i in range(3)])
    assert [p.final for p in screened] == [False, False, True]


@pytest.mark.parametrize(
    ("prior_weight", "expected_kinds"),
    [
        (0.0, ["strike_added"]),
        (1.0, ["strike_added", "warning_issued"]),
        (2.0, ["strike_added", "ban_issued"]),
        (4.0, ["strike_added", "ban_issued"]),
    ],
)
def test_strike_ladder_after_a_violation(prior_weight: float, expected_kinds: list[str]) -> None:
    prior: list[EnforcementRecord] = []
    if prior_weight:
        prior.append(
            StrikeAdded("u1", "c1", NOW - timedelta(days=1), prior_weight, Severity.MEDIUM, "x")
        )
    engine = _engine(records=prior, policy=Policy(strikes=StrikeSettings()))
    [judgement], _ = _decide(engine, [_message("hello")], INSULT)
    assert [r.kind for r in judgement.records] == expected_kinds
    if prior_weight >= 4:
        ban = judgement.records[-1]
        assert isinstance(ban, BanIssued)
        assert ban.permanent


def test_blocklist_cache_rebuilds_only_when_the_version_moves() -> None:
    store = Entries()
    ticks = iter([0.0, 0.5, 1.5, 1.6, 3.0])
    cache = BlocklistCache(store, check_interval=1.0, monotonic=lambda: next(ticks))
    empty = cache.current()
    store.add([BlocklistRecord(BLOCK_WORD, "a", NOW)], [])
    assert cache.current() is empty  # within the interval: no check
    rebuilt = cache.current()
    assert len(rebuilt) == 1
    assert cache.current() is rebuilt
    assert cache.current() is rebuilt  # checked again, version unchanged: no rebuild


def test_flood_and_rate_count_across_one_batch_in_order() -> None:
    policy = Policy(checks=CheckSettings(rate=RateCheck(max_per_window=3)))
    engine = _engine(policy=policy)
    batch = [_message("buy my stuff"), _message("Buy  my stuff!"), _message("hello")]
    batch += [_message("b u y my stuff"), _message("bye")]
    codes = [[r.code for r in pre.reasons] for pre in _screen(engine, batch)]
    # The third copy of one normalised text floods; the fourth message in the window is rate.
    assert codes == [[], [], [], ["flood", "rate"], ["rate"]]


class _CountingStore(MemoryWindowStore):
    """The in-memory store, remembering every key it was asked to hit."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: list[str] = []

    def hit_many(self, hits: Sequence[WindowHit], now: datetime) -> list[int]:
        self.keys.extend(h.key for h in hits)
        return super().hit_many(hits, now)


def test_a_banned_author_hits_no_counters() -> None:
    store = _CountingStore()
    engine = ContextLoader(
        InMemoryPolicyRepository(),
        BlocklistCache(Entries()),
        Records({"u1": [GLOBAL_BAN]}),
        store,
    )
    batch = [_message("one"), _message("two"), _message("hi", author="u2")]
    screened = _screen(engine, batch)
    assert [p.ban is not None for p in screened] == [True, True, False]
    assert store.keys
    assert all(":u2" in k for k in store.keys)


def test_the_context_reads_bans_and_strikes_in_force_once_per_batch() -> None:
    prior = [StrikeAdded("u1", "c1", NOW - timedelta(days=1), 1.0, Severity.MEDIUM, "x")]
    reads: list[tuple[list[str], InForce | None]] = []

    class Counting(Records):
        def records_for_many(
            self, user_ids: Sequence[str], *, in_force: InForce | None = None
        ) -> dict[str, list[EnforcementRecord]]:
            reads.append((list(user_ids), in_force))
            return super().records_for_many(user_ids, in_force=in_force)

    records = Counting({"u1": prior, "u2": []})
    engine = ContextLoader(
        InMemoryPolicyRepository(), BlocklistCache(Entries()), records, MemoryWindowStore()
    )
    clean, rude = _message("hello", "u2"), _message("idiot", "u1")
    context = engine.load([clean, rude], NOW)
    [(authors, in_force)] = reads
    assert authors == ["u1", "u2"]
    # Only what can still count: a long-standing author's whole history is not read.
    assert in_force is not None
    assert in_force.strikes_since == NOW - StrikeSettings().expiry
    assert context.records["u1"] == tuple(prior)
