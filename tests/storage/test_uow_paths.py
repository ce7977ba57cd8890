"""Every write path on the unit of work: when writing its events fails after its state was
written, the state rolls back too (SQLite and PostgreSQL, real databases)."""

from __future__ import annotations

import itertools
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from tests.storage.uow import EventWriteFailed, failing_unit_of_work, log_sizes

from civility.blocklists.service import BlocklistCache, BlocklistService
from civility.clock import ManualClock
from civility.container import build_enforcement
from civility.enforcement.service import EnforcementService
from civility.events.models import Event, EventType, new_event
from civility.moderation.models import IncomingMessage
from civility.moderation.service import ModerationService
from civility.policy.service import PolicyService
from civility.policy.verdict import Action, Severity
from civility.scoring.lexicon import LexiconBaselineScorer
from civility.settings import Settings
from civility.storage.db import Database
from civility.storage.enforcement import (
    SqlBlocklistRepository,
    SqlEnforcementRepository,
    SqlPolicyRepository,
)
from civility.storage.repositories import SqlModerationRepository
from civility.storage.tenants import SqlTenantRepository, default_tenant
from civility.storage.webhooks import SqlWebhookRepository
from civility.tenancy.models import TenantSettings
from civility.tenancy.service import TenantService
from civility.webhooks.models import DeliveryRecord, Subscription
from civility.webhooks.service import WebhookService
from civility.webhooks.targets import TargetPolicy

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
RUN = itertools.count()


def unique(prefix: str) -> str:
    # The PostgreSQL database lives for the whole session: names stay unique across tests.
    return f"{prefix}-{next(RUN):06d}-{id(RUN)}"


def _blocklists(db: Database, *, failing: bool) -> tuple[BlocklistService, SqlBlocklistRepository]:
    uow = failing_unit_of_work(db) if failing else None
    store = SqlBlocklistRepository(db, unit_of_work=uow)
    return BlocklistService(store, BlocklistCache(store), ManualClock(NOW)), store


def test_blocklist_add_and_import_roll_back_with_their_events(db: Database) -> None:
    service, store = _blocklists(db, failing=True)
    channel = unique("bl")
    before = (store.version(), log_sizes(db))
    with pytest.raises(EventWriteFailed):
        service.add({"pattern": "spam", "channel_id": channel}, "admin")
    with pytest.raises(EventWriteFailed):
        service.import_rows([{"pattern": "a", "channel_id": channel}], "admin")
    assert store.page(channel, None, 10) == []
    assert (store.version(), log_sizes(db)) == before


def test_blocklist_remove_rolls_back_with_its_event(db: Database) -> None:
    working, _ = _blocklists(db, failing=False)
    entry = working.add({"pattern": "spam", "channel_id": unique("bl")}, "admin").entry
    failing, store = _blocklists(db, failing=True)
    before = (store.version(), log_sizes(db))
    with pytest.raises(EventWriteFailed):
        failing.remove(entry.id or "", "admin")
    assert [r.entry for r in store.page(entry.channel_id, None, 10)] == [entry]
    assert (store.version(), log_sizes(db)) == before
    working.remove(entry.id or "", "admin")
    assert store.page(entry.channel_id, None, 10) == []


def test_a_policy_version_rolls_back_with_its_event(db: Database) -> None:
    clock = ManualClock(NOW)
    channel = unique("pol")
    failing = SqlPolicyRepository(
        db, clock, check_interval=0, unit_of_work=failing_unit_of_work(db)
    )
    before = log_sizes(db)
    with pytest.raises(EventWriteFailed):
        PolicyService(failing, clock).update(channel, {"checks": {}}, "admin")
    assert (failing.get(channel), failing.history(channel, 10), log_sizes(db)) == (None, [], before)
    # A second repository (another process) sees nothing either, and a working save goes in.
    working = SqlPolicyRepository(db, clock, check_interval=0)
    stored = PolicyService(working, clock).update(channel, {}, "admin")
    assert working.get(channel) == stored
    assert log_sizes(db)[0] == before[0] + 1


def test_bans_strikes_and_resets_roll_back_with_their_events(db: Database) -> None:
    clock = ManualClock(NOW)
    store = SqlEnforcementRepository(db, unit_of_work=failing_unit_of_work(db))
    service = EnforcementService(store, SqlPolicyRepository(db, clock), clock)
    user = unique("user")
    before = log_sizes(db)
    with pytest.raises(EventWriteFailed):
        service.ban(user, "c1", None, actor="mod", reason="spam")
    with pytest.raises(EventWriteFailed):
        service.add_strike(user, "c1", Severity.HIGH, actor="mod", reason="insult")
    with pytest.raises(EventWriteFailed):
        service.reset_strikes(user, None, actor="mod", reason="fresh start")
    assert (store.records_for(user), log_sizes(db)) == ([], before)
    working = EnforcementService(
        SqlEnforcementRepository(db), SqlPolicyRepository(db, clock), clock
    )
    working.ban(user, "c1", None, actor="mod", reason="spam")
    assert [r.kind for r in store.records_for(user)] == ["ban_issued"]
    assert log_sizes(db)[0] == before[0] + 1


def _webhooks(db: Database, *, failing: bool) -> tuple[WebhookService, SqlWebhookRepository]:
    repo = SqlWebhookRepository(db, unit_of_work=failing_unit_of_work(db) if failing else None)
    service = WebhookService(
        repo,
        ManualClock(NOW),
        rotation_grace=timedelta(hours=1),
        targets=TargetPolicy.parse("127.0.0.1"),
    )
    return service, repo


def _save_progress(
    repo: SqlWebhookRepository, sub: Subscription, delivery: DeliveryRecord, events: list[Event]
) -> None:
    # As the dispatcher stores a delivery's outcome.
    with repo.transaction() as tx:
        tx.save_progress(sub, delivery)
        tx.record(events)


def test_webhook_changes_and_delivery_progress_roll_back_with_their_events(db: Database) -> None:
    working, repo = _webhooks(db, failing=False)
    sub = working.create("http://127.0.0.1:9/hook", ["message.*"], "admin")
    failing, _ = _webhooks(db, failing=True)
    before = log_sizes(db)
    with pytest.raises(EventWriteFailed):
        failing.create("http://127.0.0.1:9/other", ["message.*"], "admin")
    with pytest.raises(EventWriteFailed):
        failing.rotate_secret(sub.id, "admin")
    with pytest.raises(EventWriteFailed):
        failing.disable(sub.id, "admin")
    with pytest.raises(EventWriteFailed):
        failing.delete(sub.id, "admin")
    # The dispatcher's write: progress, a delivery and webhook.disabled after too many failures.
    delivery = DeliveryRecord(sub.id, "evt_x", "message.flagged", 1, 500, False, "500", 1.0, NOW)
    disabled = new_event(
        EventType.WEBHOOK_DISABLED,
        subject=("webhook", sub.id),
        actor="system:webhooks",
        payload={"consecutive_failures": 10},
        at=NOW,
    )
    stopped = sub.with_(enabled=False, consecutive_failures=10, cursor=sub.cursor + 1)
    with pytest.raises(EventWriteFailed):
        _save_progress(
            SqlWebhookRepository(db, unit_of_work=failing_unit_of_work(db)),
            stopped,
            delivery,
            [disabled],
        )
    assert [s for s in repo.all() if s.url.startswith("http://127.0.0.1:9/")] == [sub]
    assert (repo.deliveries(sub.id, 10), log_sizes(db)) == ([], before)


def _tenant_name() -> str:
    return "t" + uuid.uuid4().hex[:12]


def _tenants(db: Database, *, failing: bool) -> tuple[TenantService, SqlTenantRepository]:
    repo = SqlTenantRepository(db, unit_of_work=failing_unit_of_work(db) if failing else None)
    service = TenantService(
        repo, ManualClock(NOW), provision=lambda _: None, default=default_tenant(NOW)
    )
    return service, repo


def test_tenant_changes_roll_back_with_their_events(db: Database) -> None:
    working, repo = _tenants(db, failing=False)
    tenant = working.create(_tenant_name())
    failing, _ = _tenants(db, failing=True)
    before = log_sizes(db)
    with pytest.raises(EventWriteFailed):
        failing.create(_tenant_name())
    with pytest.raises(EventWriteFailed):
        failing.configure(tenant.id, {"retention_days": 7}, actor="owner")
    with pytest.raises(EventWriteFailed):
        failing.set_disabled(tenant.id, True, actor="owner")
    assert repo.get(tenant.id) == tenant
    assert tenant.settings == TenantSettings()
    assert ([t.id for t in repo.list()].count(tenant.id), log_sizes(db)) == (1, before)


def _moderation(db: Database, settings: Settings, *, failing: bool) -> ModerationService:
    clock = ManualClock(NOW)
    return ModerationService(
        SqlModerationRepository(db, unit_of_work=failing_unit_of_work(db) if failing else None),
        LexiconBaselineScorer(),
        build_enforcement(settings, db, clock).decisions,
        clock,
        records=SqlEnforcementRepository(db),
    )


def test_a_decided_batch_rolls_back_with_its_events(db: Database, settings: Settings) -> None:
    working = _moderation(db, settings, failing=False)
    failing = _moderation(db, settings, failing=True)
    author, channel = unique("author"), unique("chan")
    insult = IncomingMessage(unique("m"), author, channel, "you are an idiot and stupid moron")
    before = log_sizes(db)
    # Synchronous: message, scores, decision, strike and warning, then the events.
    with pytest.raises(EventWriteFailed):
        failing.moderate([insult])
    repo = SqlModerationRepository(db)
    assert repo.find_messages([(channel, insult.message_id)]) == {}
    assert SqlEnforcementRepository(db).records_for(author) == []
    assert log_sizes(db) == before
    # Asynchronous: the accepted message stays undecided.
    [accepted], _ = working.accept([insult])
    with pytest.raises(EventWriteFailed):
        failing.process([accepted.id])
    assert list(repo.undecided([accepted.id])) == [accepted.id]
    assert SqlEnforcementRepository(db).records_for(author) == []
    assert working.process([accepted.id]) == 1
    assert [r.kind for r in SqlEnforcementRepository(db).records_for(author)] == [
        "strike_added",
        "warning_issued",
    ]
    # A person's decision on top of it.
    with pytest.raises(EventWriteFailed):
        failing.override(accepted.id, Action.ALLOW, actor="mod", reason="fine")
    assert working.get_message(accepted.id).human is None
