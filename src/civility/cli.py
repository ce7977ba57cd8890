"""The `civility` command: serve, worker, db, apikey, score, eval, train."""

from __future__ import annotations

import asyncio
import contextlib
import csv
import io
import json
import os
import signal
import sys
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from civility.errors import DomainError
from civility.settings import Settings, load_settings

if TYPE_CHECKING:
    from civility.container import Container
    from civility.observability.gauges import GaugeRefresher
    from civility.queue.base import MessageQueue
    from civility.scoring.base import Scorer
    from civility.storage.db import Database
    from civility.tenancy.service import TenantService

T = TypeVar("T")

app = typer.Typer(
    help="Civility: self-hosted moderation.", no_args_is_help=True, pretty_exceptions_enable=False
)
db_app = typer.Typer(help="Database commands.", no_args_is_help=True)
key_app = typer.Typer(help="API keys.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(key_app, name="apikey")
tenant_app = typer.Typer(
    help="Tenants: communities sharing this installation (docs/tenancy.md).",
    no_args_is_help=True,
)
app.add_typer(tenant_app, name="tenant")
user_app = typer.Typer(help="Dashboard users (moderators, admins, viewers).", no_args_is_help=True)
app.add_typer(user_app, name="user")
dead_app = typer.Typer(help="Dead-lettered queue messages.", no_args_is_help=True)
app.add_typer(dead_app, name="deadletter")
author_app = typer.Typer(help="An author's data: export or erase.", no_args_is_help=True)
app.add_typer(author_app, name="author")
retention_app = typer.Typer(help="Message retention.", no_args_is_help=True)
app.add_typer(retention_app, name="retention")
# soft_wrap: an error is one line however narrow the terminal (scripts read it too).
err = Console(stderr=True, soft_wrap=True)


def _settings(**overrides: object) -> Settings:
    try:
        return load_settings(**{k: v for k, v in overrides.items() if v is not None})
    except DomainError as exc:
        err.print(f"[red]error:[/red] {exc.message}")
        raise typer.Exit(2) from None


@db_app.command("upgrade")
def db_upgrade(revision: str = "head") -> None:
    """Applies database migrations (the installation's, then every tenant's)."""
    from civility.container import upgrade_tenants
    from civility.storage.db import upgrade

    settings = _settings()
    upgrade(settings.database_url, revision)
    err.print(f"database at {_safe_url(settings.database_url)} is at {revision}")
    if revision == "head":
        count = upgrade_tenants(settings)
        if count:
            err.print(f"{count} tenant database(s) are at head")


@tenant_app.command("create")
def tenant_create(
    name: Annotated[str, typer.Argument(help="2-40 lower-case letters, digits or _")],
) -> None:
    """Creates a tenant with an empty database of its own; prints its id as the last line."""
    with _tenants() as tenants, _user_errors():
        tenant = tenants.create(name, actor="cli")
    err.print(f"created tenant {tenant.name}")
    print(tenant.id)


@tenant_app.command("disable")
def tenant_disable(name: Annotated[str, typer.Argument(help="The tenant's name")]) -> None:
    """Disables a tenant: its keys and users are refused and its jobs stop (within 30 s)."""
    with _tenants() as tenants, _user_errors():
        tenants.set_disabled(name, True, actor="cli")
    err.print(f"disabled tenant {name}; its data stays (`tenant enable {name}` undoes it)")


@tenant_app.command("enable")
def tenant_enable(name: Annotated[str, typer.Argument(help="The tenant's name")]) -> None:
    """Enables a disabled tenant again."""
    with _tenants() as tenants, _user_errors():
        tenants.set_disabled(name, False, actor="cli")
    err.print(f"enabled tenant {name}")


@tenant_app.command("list")
def tenant_list(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON lines")] = False,
) -> None:
    """Lists tenants: id, name, created, settings (the default tenant first)."""
    with _tenants() as tenants:
        rows = tenants.list()
    for t in rows:
        if as_json:
            print(json.dumps(t.public()))
        else:
            own = json.dumps(t.settings.to_json()) if t.settings.to_json() else ""
            print(f"{t.id:<32}  {t.name:<20}  {t.created_at.isoformat()}  {own}")


@contextlib.contextmanager
def _tenants(settings: Settings | None = None) -> Iterator[TenantService]:
    """The tenant service over the migrated installation database."""
    import functools
    from datetime import UTC, datetime

    from civility.clock import SystemClock
    from civility.container import provision_tenant
    from civility.storage.tenants import SqlTenantRepository, default_tenant
    from civility.tenancy.service import TenantService

    settings = settings or _settings()
    with _database(settings) as db:
        yield TenantService(
            SqlTenantRepository(db),
            SystemClock(),
            provision=functools.partial(provision_tenant, settings),
            default=default_tenant(datetime(1970, 1, 1, tzinfo=UTC)),
        )


@contextlib.contextmanager
def _tenant_database(name: str | None) -> Iterator[tuple[Database, Settings]]:
    """A tenant's migrated database and its settings (the installation's for the default)."""
    from civility.container import tenant_settings
    from civility.storage.db import Database, upgrade
    from civility.storage.tenants import tenant_database_url

    settings = _settings()
    if name is None or name == "default":
        with _database(settings) as db:
            yield db, settings
        return
    with _tenants(settings) as tenants, _user_errors():
        tenant = tenants.get(name)
    url, schema = tenant_database_url(settings.database_url, tenant.id)
    with _user_errors():
        upgrade(url, schema=schema)
        db = Database.from_url(url, pool_size=1, schema=schema)
    try:
        yield db, tenant_settings(settings, tenant, url)
    finally:
        db.dispose()


def _tenant_id(name: str | None) -> str:
    """The id of a tenant named on the command line (the default tenant when left out)."""
    if name is None or name == "default":
        return "default"
    with _tenants() as tenants, _user_errors():
        return tenants.get(name).id


def _safe_url(url: str) -> str:
    head, sep, tail = url.partition("@")
    return f"{head.split('//')[0]}//***@{tail}" if sep else url


@key_app.command("create")
def apikey_create(
    role: Annotated[str, typer.Option(help="service, moderator, admin or owner")],
    name: Annotated[str, typer.Option(help="A label for the key")] = "",
    tenant: Annotated[str | None, typer.Option(help="The tenant's name (default: default)")] = None,
    channel: Annotated[
        list[str] | None, typer.Option(help="Limit the key to this channel (repeatable)")
    ] = None,
    user: Annotated[
        str | None,
        typer.Option(help="The dashboard user the key acts for (it counts as that person)"),
    ] = None,
) -> None:
    """Creates an API key and prints it as the last line (it is shown only once)."""
    from civility.auth.keys import parse_role
    from civility.clock import SystemClock
    from civility.container import build_api_keys, tenant_log_of
    from civility.storage.db import Database, upgrade

    settings = _settings()
    try:
        parsed = parse_role(role)
    except DomainError as exc:
        err.print(f"[red]error:[/red] {exc.message}")
        raise typer.Exit(2) from None
    tenant_id = _tenant_id(tenant)
    upgrade(settings.database_url)
    db = Database.from_url(settings.database_url, pool_size=1)
    try:
        log = tenant_log_of(settings)
        keys = build_api_keys(db, SystemClock(), cache_seconds=0, tenant_log=log).scoped(tenant_id)
        with _user_errors():
            key = keys.create(parsed, name=name, channels=channel or None, user=user)
    finally:
        db.dispose()
    err.print(f"created {parsed.value} key {key.key_id}; store it now, it is not shown again:")
    print(key.secret)


@key_app.command("list")
def apikey_list(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON lines")] = False,
    tenant: Annotated[str | None, typer.Option(help="The tenant's name (default: default)")] = None,
) -> None:
    """Lists a tenant's API keys: id, role, name, created, revoked, the user a key acts for and
    whether that user is disabled (never the secrets)."""
    from civility.clock import SystemClock
    from civility.container import build_api_keys

    tenant_id = _tenant_id(tenant)
    with _database() as db:
        keys = build_api_keys(db, SystemClock(), cache_seconds=0).scoped(tenant_id).list()
    for k in keys:
        revoked = k.revoked_at.isoformat() if k.revoked_at else None
        if as_json:
            row: dict[str, object] = {"key_id": k.key_id, "role": k.role.value, "name": k.name}
            row["tenant"] = k.tenant
            row["channels"] = None if k.channels is None else list(k.channels)
            row["user"] = k.user
            row["user_disabled"] = k.user_disabled
            print(json.dumps(row | {"created_at": k.created_at.isoformat(), "revoked_at": revoked}))
        else:
            # A disabled user's key is not revoked: it is refused until the user is enabled.
            refused = "refused: user disabled" if k.user_disabled else "active"
            state = f"revoked {revoked}" if revoked else refused
            owner = f"{k.user}, disabled" if k.user_disabled else k.user
            person = f"  (user {owner})" if k.user else ""
            print(f"{k.key_id}  {k.role.value:<9}  {state:<40}  {k.name}{person}")


@key_app.command("revoke")
def apikey_revoke(
    key_id: Annotated[str, typer.Argument(help="The key's id (`apikey list`)")],
    tenant: Annotated[str | None, typer.Option(help="The tenant's name (default: default)")] = None,
) -> None:
    """Revokes an API key; other processes refuse it within CIVILITY_API_KEY_CACHE_SECONDS."""
    from civility.clock import SystemClock
    from civility.container import build_api_keys, tenant_log_of

    tenant_id = _tenant_id(tenant)
    with _database() as db, _user_errors():
        log = tenant_log_of(_settings())
        keys = build_api_keys(db, SystemClock(), cache_seconds=0, tenant_log=log).scoped(tenant_id)
        keys.revoke(key_id, actor="cli")
    err.print(f"revoked key {key_id}")


@user_app.command("disable")
def user_disable(username: Annotated[str, typer.Argument(help="Sign-in name")]) -> None:
    """Disables a dashboard account: ends its sessions, refuses its API keys (`user enable`)."""
    from civility.clock import SystemClock
    from civility.container import build_dashboard_accounts, tenant_log_of

    settings = _settings()
    with _database(settings) as db, _user_errors():
        accounts = build_dashboard_accounts(db, SystemClock(), tenant_log_of(settings))
        changed = accounts.disable(username, actor="cli")
    err.print(f"disabled {username}" if changed else f"{username} was already disabled")


@user_app.command("enable")
def user_enable(username: Annotated[str, typer.Argument(help="Sign-in name")]) -> None:
    """Enables a disabled dashboard account: it can sign in and its API keys work again."""
    from civility.clock import SystemClock
    from civility.container import build_dashboard_accounts, tenant_log_of

    settings = _settings()
    with _database(settings) as db, _user_errors():
        accounts = build_dashboard_accounts(db, SystemClock(), tenant_log_of(settings))
        changed = accounts.enable(username, actor="cli")
    err.print(f"enabled {username}" if changed else f"{username} was not disabled")


@author_app.command("export")
def author_export(
    author_id: Annotated[str, typer.Argument(help="The platform's author id")],
    out: Annotated[Path | None, typer.Option(help="Write the JSON here (default: stdout)")] = None,
    tenant: Annotated[str | None, typer.Option(help="The tenant's name (default: default)")] = None,
) -> None:
    """Prints (or writes) everything stored about an author as JSON."""
    from civility.clock import SystemClock
    from civility.privacy.service import DataRightsService
    from civility.storage.privacy import SqlAuthorData

    with _tenant_database(tenant) as (db, _), _user_errors():
        data = DataRightsService(SqlAuthorData(db), SystemClock()).export(author_id)
    text = json.dumps(data, ensure_ascii=False, indent=2, default=_json_default)
    if out is None:
        print(text)
        return
    _write_atomically(out, text + "\n")
    err.print(f"wrote {out}")


@author_app.command("erase")
def author_erase(
    author_id: Annotated[str, typer.Argument(help="The platform's author id")],
    yes: Annotated[bool, typer.Option("--yes", help="Erase without asking")] = False,
    tenant: Annotated[str | None, typer.Option(help="The tenant's name (default: default)")] = None,
) -> None:
    """Erases an author's texts, metadata, notes and ratings (decisions and counts stay)."""
    from civility.clock import SystemClock
    from civility.privacy.service import DataRightsService, erasure_payload
    from civility.storage.privacy import SqlAuthorData

    if not yes and not typer.confirm(f"Erase everything {author_id!r} wrote?"):
        _fail("nothing erased", code=1)
    with _tenant_database(tenant) as (db, _), _user_errors():
        erasure = DataRightsService(SqlAuthorData(db), SystemClock()).erase(author_id, actor="cli")
    print(json.dumps({"author_id": author_id, **erasure_payload(erasure)}))


@retention_app.command("purge")
def retention_purge(
    days: Annotated[
        int | None, typer.Option(min=1, help="Override CIVILITY_RETENTION_DAYS for this run")
    ] = None,
    tenant: Annotated[str | None, typer.Option(help="The tenant's name (default: default)")] = None,
) -> None:
    """Blanks texts and metadata of decided messages older than the retention period."""
    from civility.clock import SystemClock
    from civility.privacy.service import DataRightsService
    from civility.storage.privacy import SqlAuthorData

    with _tenant_database(tenant) as (db, settings), _user_errors():
        keep = days if days is not None else settings.retention_days
        if keep <= 0:
            _fail("no retention period: set CIVILITY_RETENTION_DAYS or pass --days")
        service = DataRightsService(SqlAuthorData(db), SystemClock(), retention_days=keep)
        purged = service.purge_expired(max_batches=1_000_000)
    err.print(f"purged the texts of {purged} message(s) older than {keep} days")


def _json_default(value: object) -> str:
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    raise TypeError(f"{type(value).__name__} is not JSON")


def _write_atomically(path: Path, text: str) -> None:
    """Writes a file completely or not at all (a temporary file renamed into place)."""
    tmp = path.with_name(f".{path.name}.partial")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        _fail(f"cannot write {path}: {exc.strerror or exc}")


@dead_app.command("list")
def deadletter_list(
    limit: Annotated[int, typer.Option(min=1, max=100_000)] = 100,
) -> None:
    """Lists dead-lettered messages (left in place) with their status in the database."""
    settings = _settings()
    letters = _run_on_queue(settings, lambda q: q.list_dead_letters(limit))
    ids = [str(b.get("id")) for b in letters]
    with _database(settings) as db:
        from civility.storage.repositories import SqlModerationRepository

        views = SqlModerationRepository(db).get_views([i for i in ids if i])
    for body, mid in zip(letters, ids, strict=True):
        view = views.get(mid)
        status = view.status if view is not None else "unknown"
        print(json.dumps({"id": mid, "status": status, "body": body}, ensure_ascii=False))
    err.print(f"{len(letters)} dead letter(s) shown")


@dead_app.command("replay")
def deadletter_replay(
    limit: Annotated[int, typer.Option(min=1, max=1_000_000)] = 10_000,
) -> None:
    """Moves dead-lettered messages back onto the queue; deciding them twice is harmless."""
    settings = _settings()
    count = _run_on_queue(settings, lambda q: q.replay_dead_letters(limit))
    err.print(f"replayed {count} dead letter(s) onto {settings.broker_queue}")


def _run_on_queue(settings: Settings, action: Callable[[MessageQueue], Awaitable[T]]) -> T:
    from civility.container import build_queue

    if settings.broker_url.startswith("memory://"):
        _fail(
            "with CIVILITY_BROKER_URL=memory:// dead letters live inside the `serve` process; "
            "its sweeper re-enqueues undecided messages (CIVILITY_PENDING_SWEEP_SECONDS)"
        )
    queue = build_queue(
        settings.broker_url,
        name=settings.broker_queue,
        max_attempts=settings.broker_max_attempts,
        queue_type=settings.broker_queue_type,
    )

    async def go() -> T:
        await queue.start()
        try:
            return await action(queue)
        finally:
            await queue.close()

    with _user_errors():
        return asyncio.run(go())
    raise AssertionError("unreachable")  # pragma: no cover


@contextlib.contextmanager
def _database(settings: Settings | None = None) -> Iterator[Database]:
    """The migrated database of the settings, disposed of afterwards."""
    from civility.storage.db import Database, upgrade

    settings = settings or _settings()
    with _user_errors():
        upgrade(settings.database_url)
        db = Database.from_url(settings.database_url, pool_size=1)
    try:
        yield db
    finally:
        db.dispose()


@contextlib.contextmanager
def _user_errors() -> Iterator[None]:
    """Turns a domain error (a user's mistake, an outage) into one line and exit status 2."""
    try:
        yield
    except DomainError as exc:
        _fail(exc.message)


def _fail(message: str, code: int = 2) -> NoReturn:
    err.print(f"[red]error:[/red] {message}", markup=True, highlight=False)
    raise typer.Exit(code)


@user_app.command("create")
def user_create(
    username: Annotated[str, typer.Option(help="Sign-in name")],
    role: Annotated[str, typer.Option(help="admin, moderator or viewer")],
    password: Annotated[
        str | None, typer.Option(help="At least 10 characters; asked for when left out")
    ] = None,
    tenant: Annotated[str | None, typer.Option(help="The tenant's name (default: default)")] = None,
) -> None:
    """Creates a dashboard account of a tenant (the password is stored as an argon2 hash)."""
    from civility.auth.dashboard import parse_dashboard_role
    from civility.clock import SystemClock
    from civility.container import build_dashboard_accounts, tenant_log_of
    from civility.storage.db import Database, upgrade

    settings = _settings()
    tenant_id = _tenant_id(tenant)
    if password is None:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    upgrade(settings.database_url)
    db = Database.from_url(settings.database_url, pool_size=1)
    try:
        accounts = build_dashboard_accounts(db, SystemClock(), tenant_log_of(settings))
        accounts.create(
            username, password, parse_dashboard_role(role), actor="cli", tenant=tenant_id
        )
    except DomainError as exc:
        err.print(f"[red]error:[/red] {exc.message}")
        raise typer.Exit(2) from None
    finally:
        db.dispose()
    err.print(f"created {role} {username}; sign in at /dashboard/login")


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Bind address")] = None,
    port: Annotated[int | None, typer.Option(help="Port")] = None,
    workers: Annotated[int | None, typer.Option(help="HTTP server processes")] = None,
    database_url: Annotated[str | None, typer.Option(help="sqlite:// or postgresql:// URL")] = None,
    broker_url: Annotated[str | None, typer.Option(help="memory://, amqp:// or redis://")] = None,
    scorer: Annotated[str | None, typer.Option(help="builtin or lexicon-baseline")] = None,
    migrate: Annotated[bool, typer.Option(help="Apply migrations first")] = True,
) -> None:
    """Runs the HTTP service (with an embedded worker on the in-process queue)."""
    import uvicorn

    from civility.logging import configure_logging
    from civility.storage.db import upgrade

    overrides = {
        "host": host,
        "port": port,
        "workers": workers,
        "database_url": database_url,
        "broker_url": broker_url,
        "scorer": scorer,
    }
    settings = _settings(**overrides)
    # Server processes build their own settings from the environment: pass the options on.
    for name, value in overrides.items():
        if value is not None:
            os.environ[f"CIVILITY_{name.upper()}"] = str(value)
    configure_logging(settings.log_level, json=settings.log_json)
    if migrate:
        from civility.container import upgrade_tenants

        upgrade(settings.database_url)
        upgrade_tenants(settings)
    _announce_first_admin(settings)
    if settings.workers > 1:
        _prepare_multiprocess_metrics(settings)
        if not settings.redis_url:
            err.print(
                f"[yellow]warning:[/yellow] {settings.workers} processes without "
                "CIVILITY_REDIS_URL: each keeps its own flood/rate windows and rating limits, "
                "so those checks count only the traffic that reaches it."
            )
    uvicorn.run(
        "civility.api.asgi:create",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=settings.workers,
        log_level=settings.log_level,
        access_log=False,
    )


def _announce_first_admin(settings: Settings) -> None:
    from civility.clock import SystemClock
    from civility.container import build_api_keys
    from civility.storage.db import Database

    db = Database.from_url(settings.database_url, pool_size=1)
    try:
        key = build_api_keys(db, SystemClock(), cache_seconds=0).ensure_admin()
    finally:
        db.dispose()
    if key is not None:
        err.print("[bold]First start: created an admin API key. It is shown only this once:[/bold]")
        print(key.secret, flush=True)


def _prepare_multiprocess_metrics(settings: Settings) -> None:
    directory = Path(os.environ.get("PROMETHEUS_MULTIPROC_DIR") or settings.data_dir / "metrics")
    directory.mkdir(parents=True, exist_ok=True)
    for stale in directory.glob("*.db"):
        stale.unlink()
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(directory)


def _run_jobs(
    settings: Settings,
    role: str,
    gauges: Callable[[Container], GaugeRefresher],
    jobs: dict[str, bool],
) -> None:
    """Runs one role's jobs for every tenant, with its metrics server, until SIGINT/SIGTERM."""
    from civility.container import build_container
    from civility.jobs import JobSet, TenantJobs
    from civility.observability.server import start_role_metrics

    async def run() -> None:
        container = build_container(settings)
        server = await start_role_metrics(
            settings.host, settings.metrics_port, gauges(container), role=role
        )
        tenants = TenantJobs(container, JobSet(**jobs))
        await tenants.start()
        done = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, done.set)
        refresh = asyncio.create_task(tenants.run())
        try:
            await done.wait()
        finally:
            await tenants.stop()
            await refresh
            if server is not None:
                await server.close()
            container.close()

    asyncio.run(run())


@app.command()
def worker(
    broker_url: Annotated[str | None, typer.Option(help="amqp:// or redis://")] = None,
) -> None:
    """Runs a queue consumer (one of any number, on any machine), and the pending sweeper.

    The sweeper re-enqueues accepted messages still undecided (say, dead-lettered during a
    database outage); the processes elect one to do it, so workers alone lose nothing.
    """
    from civility.logging import configure_logging
    from civility.observability.gauges import GaugeRefresher

    settings = _settings(broker_url=broker_url)
    configure_logging(settings.log_level, json=settings.log_json)
    if settings.broker_url.startswith("memory://"):
        err.print(
            "[red]error:[/red] `civility worker` needs a shared broker (CIVILITY_BROKER_URL="
            "amqp://... or redis://...); with memory:// the worker runs inside `serve`."
        )
        raise typer.Exit(2)

    if settings.scorer != "lexicon-baseline":
        from civility.scoring.threats import compile_rules

        # Before consuming: compiled on first use, each language's rules (~0.3 s, ~2.6 s for
        # all eight) would land on the first batches that name it and hold them up.
        compile_rules()
    # A consumer (and the elected sweeper) for every tenant's queue; new tenants join.
    _run_jobs(
        settings,
        "worker",
        lambda c: GaugeRefresher(c.clock, queue=c.queue),
        {"worker": True, "sweeper": True},
    )


@app.command()
def relay(
    broker_url: Annotated[str | None, typer.Option(help="amqp:// URL")] = None,
) -> None:
    """Publishes committed events from the outbox to the `civility.events` exchange."""
    from civility.logging import configure_logging
    from civility.observability.gauges import GaugeRefresher
    from civility.storage.backlog import SqlBacklog

    settings = _settings(broker_url=broker_url)
    configure_logging(settings.log_level, json=settings.log_json)

    if not settings.broker_url.startswith(("amqp://", "amqps://")):
        _fail("the event relay needs an amqp:// broker URL")
    # One relay per tenant's outbox; each event carries its tenant in a header.
    _run_jobs(
        settings,
        "relay",
        lambda c: GaugeRefresher(c.clock, backlog=SqlBacklog(c.db)),
        {"queue": False, "relay": True, "sweeper": False},
    )


@app.command()
def score(
    texts: Annotated[list[str] | None, typer.Argument(help="Texts to score")] = None,
    file: Annotated[
        Path | None, typer.Option(help="CSV file to score (any size, streamed)")
    ] = None,
    text_column: Annotated[str, typer.Option(help="Column holding the text")] = "text",
    out: Annotated[Path | None, typer.Option(help="Where to write the scored CSV")] = None,
    encoding: Annotated[str, typer.Option(help="The CSV's text encoding")] = "utf-8-sig",
    batch_size: Annotated[int, typer.Option(min=1, max=4096)] = 256,
    scorer_name: Annotated[str, typer.Option("--scorer")] = "builtin",
) -> None:
    """Scores texts given as arguments, or a CSV file of any size (streamed).

    The output CSV is the input's columns plus one per category and `language`; it appears
    only once complete (written beside it, then renamed), never half-written.
    """
    from civility.container import build_scorer

    if file is None:
        if not texts:
            _fail("give texts as arguments or --file")
        scorer = build_scorer(scorer_name)
        for text, result in zip(texts, scorer.analyze(texts, explain=False), strict=True):
            scores = {k: round(v, 4) for k, v in result.scores.items()}
            print(
                json.dumps(
                    {"text": text, "language": result.language, "scores": scores},
                    ensure_ascii=False,
                )
            )
        return
    if out is None:
        _fail("--file needs --out")
    if not file.is_file():
        _fail(f"cannot read {file}: no such file")
    if out.resolve() == file.resolve():
        _fail("--out must not be the input file")
    _score_csv(build_scorer(scorer_name), file, text_column, out, batch_size, encoding)


def _score_csv(
    scorer: Scorer, src: Path, column: str, dst: Path, batch_size: int, encoding: str
) -> None:
    """Streams src through the scorer into dst; on any failure dst is left as it was."""
    from civility.scoring.base import CATEGORIES

    csv.field_size_limit(sys.maxsize)
    partial = dst.with_name(f".{dst.name}.partial")
    rows_done = 0
    try:
        total = src.stat().st_size
        with (
            src.open("rb") as raw,
            io.TextIOWrapper(raw, encoding=encoding, newline="") as fin,
            partial.open("w", newline="", encoding="utf-8") as fout,
            Progress(
                TextColumn("scoring"),
                BarColumn(),
                TextColumn("{task.percentage:>3.0f}%"),
                TextColumn("{task.fields[rows]} rows"),
                TimeElapsedColumn(),
                console=err,
                transient=True,
                # Only on a terminal: piped to a file or a log, a progress bar is noise.
                disable=not err.is_terminal,
            ) as progress,
        ):
            reader = csv.DictReader(fin)
            if reader.fieldnames is None or column not in reader.fieldnames:
                have = ", ".join(reader.fieldnames or []) or "none"
                _fail(f"no column {column!r} in {src} (its columns: {have}); see --text-column")
            added = [c for c in (*CATEGORIES, "language") if c not in reader.fieldnames]
            writer = csv.DictWriter(fout, fieldnames=[*reader.fieldnames, *added])
            writer.writeheader()
            task = progress.add_task("score", total=total, rows=0)
            batch: list[dict[str, str]] = []

            def flush() -> None:
                nonlocal rows_done
                results = scorer.analyze([r[column] or "" for r in batch], explain=False)
                for row, res in zip(batch, results, strict=True):
                    row.update({k: f"{v:.6f}" for k, v in res.scores.items()})
                    row["language"] = res.language
                    writer.writerow(row)
                rows_done += len(batch)
                batch.clear()
                # The byte position of the binary file: text files refuse tell() mid-iteration.
                progress.update(task, completed=raw.tell(), rows=rows_done)

            for row in reader:
                if None in row:  # csv's restkey: more fields than the header names
                    _fail(
                        f"{src} line {reader.line_num}: more fields than the header's "
                        f"{len(reader.fieldnames)} columns (quote texts holding commas)"
                    )
                batch.append(row)
                if len(batch) >= batch_size:
                    flush()
            if batch:
                flush()
        partial.replace(dst)
    except UnicodeDecodeError as exc:
        partial.unlink(missing_ok=True)
        _fail(
            f"{src} is not {encoding} text ({exc.reason} after {rows_done} rows); "
            "give its encoding with --encoding, e.g. --encoding latin-1"
        )
    except csv.Error as exc:
        partial.unlink(missing_ok=True)
        _fail(f"{src} is not a readable CSV (after {rows_done} rows): {exc}")
    except OSError as exc:
        partial.unlink(missing_ok=True)
        reading = exc.filename in (None, str(src))
        _fail(f"cannot {'read' if reading else 'write'} {src if reading else dst}: {exc.strerror}")
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    err.print(f"wrote {rows_done} scored rows to {dst}")


EVAL_FORMAT = (
    "a CSV (or .csv.gz) in UTF-8 with a header row: `text` (required); one or more label "
    "columns named after the categories (toxicity, severe_toxicity, obscene, threat, insult, "
    "identity_attack), each 0 or 1 (or a probability between 0 and 1), empty where unknown; "
    "optional `lang` (per-language rows in the report), `source`, and `spans` (a JSON list of "
    "[start, end] character offsets of the toxic parts)"
)


@app.command("eval")
def evaluate(
    data: Annotated[Path, typer.Option(help="Labelled CSV: see the command's help")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Evaluates the built-in model on a labelled CSV (ROC-AUC, PR-AUC, F1, span F1).

    The file: a CSV (or .csv.gz) in UTF-8 with a header row: `text` (required); one or more
    label columns named after the categories (toxicity, severe_toxicity, obscene, threat,
    insult, identity_attack), each 0 or 1 (or a probability), empty where unknown; optional
    `lang`, `source`, and `spans` (a JSON list of [start, end] character offsets).
    """
    from civility.scoring import evaluate as ev
    from civility.scoring.model import load_scorer

    rows = _eval_rows(data)
    result = ev.evaluate_rows(rows, load_scorer())
    print(json.dumps(result, indent=2, sort_keys=True) if as_json else ev.format_report(result))


def _eval_rows(path: Path) -> list[dict[str, str]]:
    """Reads and checks a labelled CSV; every problem is one line naming the row and column."""
    from civility.scoring import evaluate as ev
    from civility.scoring.base import CATEGORIES

    try:
        rows = ev.read_rows(path)
    except UnicodeDecodeError:
        _fail(f"{path} is not UTF-8 text; expected {EVAL_FORMAT}")
    except (csv.Error, EOFError) as exc:
        _fail(f"{path} is not a readable CSV ({exc}); expected {EVAL_FORMAT}")
    except OSError as exc:
        _fail(f"cannot read {path}: {exc.strerror or exc}")
    if not rows:
        _fail(f"{path} has no data rows; expected {EVAL_FORMAT}")
    columns = set(rows[0])
    labels = [c for c in CATEGORIES if c in columns]
    if "text" not in columns or not labels:
        _fail(f"{path} has columns {sorted(columns)}; expected {EVAL_FORMAT}")
    for number, row in enumerate(rows, start=2):  # the header is line 1
        for column in labels:
            value = row.get(column) or ""
            try:
                ok = value == "" or 0.0 <= float(value) <= 1.0
            except ValueError:
                ok = False
            if not ok:
                _fail(f"{path} line {number}: {column} must be 0..1 or empty, not {value!r}")
        if row.get("spans"):
            try:
                spans = json.loads(row["spans"])
                ok = all(0 <= int(a) <= int(b) for a, b in spans)
            except (ValueError, TypeError):
                ok = False
            if not ok:
                _fail(f"{path} line {number}: spans must be a JSON list of [start, end] pairs")
    return rows


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def train(ctx: typer.Context) -> None:
    """Trains the built-in model from the labelled pool (needs the `train` extra)."""
    from civility.training.pipeline import main as train_main

    raise typer.Exit(train_main(list(ctx.args)))


def main() -> None:
    """Entry point of the console script."""
    app()
