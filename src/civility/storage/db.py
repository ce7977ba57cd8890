"""Engine creation and migrations, the same for SQLite and PostgreSQL."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import orjson
from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, OperationalError

from civility.errors import Conflict, Invalid, Unavailable

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
WRITE_OPTION = "civility_write"
OUTBOX_OPTION = "civility_outbox"


def normalise_url(url: str) -> str:
    """Picks the psycopg 3 driver for plain postgresql:// URLs."""
    if url.startswith("postgresql://"):
        return "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def create_db_engine(url: str, *, pool_size: int = 8, schema: str | None = None) -> Engine:
    """Creates an engine; SQLite gets WAL, a busy timeout and foreign keys.

    `schema` (PostgreSQL) pins every connection's search_path to one tenant's schema, so every
    statement, raw SQL included, reads and writes that tenant's tables only.
    """
    url = normalise_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            json_serializer=_json_dumps,
            json_deserializer=orjson.loads,
            connect_args={"check_same_thread": False, "timeout": 30},
            pool_size=pool_size,
            max_overflow=pool_size,
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin_immediate)
        return engine
    return create_engine(
        url,
        json_serializer=_json_dumps,
        json_deserializer=orjson.loads,
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_pre_ping=True,
        pool_timeout=10,
        connect_args={
            "connect_timeout": 5,
            **({"options": f"-csearch_path={_schema_name(schema)}"} if schema else {}),
        },
    )


def _schema_name(schema: str) -> str:
    # Tenant schema names are generated from checked tenant ids; refuse anything else.
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", schema):
        raise ValueError(f"not a schema name: {schema!r}")
    return schema


def _json_dumps(value: Any) -> str:
    # orjson is several times faster than json for the JSON columns written on the hot path.
    return orjson.dumps(value).decode()


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin.
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_begin_immediate(conn: Any) -> None:
    # Writers take the lock up front (no SQLITE_BUSY on lock upgrade); readers stay deferred.
    write = conn.get_execution_options().get(WRITE_OPTION, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def alembic_config(url: str) -> Config:
    """Builds an Alembic config pointing at the packaged migrations."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", normalise_url(url).replace("%", "%%"))
    return cfg


def upgrade(url: str, revision: str = "head", *, schema: str | None = None) -> None:
    """Applies the migrations up to `revision` (in one tenant's schema when given)."""
    if schema is not None:
        plain = create_db_engine(url, pool_size=1)
        try:
            with plain.begin() as conn:
                conn.exec_driver_sql(f"CREATE SCHEMA IF NOT EXISTS {_schema_name(schema)}")
        finally:
            plain.dispose()
    engine = create_db_engine(url, pool_size=1, schema=schema)
    try:
        with engine.begin() as conn:
            cfg = alembic_config(url)
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    finally:
        engine.dispose()


@contextmanager
def translate_errors() -> Iterator[None]:
    """Maps driver errors to domain errors (Conflict for duplicates, Unavailable for outages)."""
    try:
        yield
    except IntegrityError as exc:
        raise Conflict("the record already exists", code="duplicate") from exc
    except DataError as exc:
        # A value the database cannot hold (PostgreSQL text refuses NUL characters).
        reason = str(exc.orig).splitlines()[0] if exc.orig is not None else "invalid value"
        raise Invalid(f"a value cannot be stored: {reason}", code="unstorable_value") from exc
    except OperationalError as exc:
        raise Unavailable("the database is unavailable", code="database_unavailable") from exc
    except DBAPIError as exc:
        # 25006: PostgreSQL refuses writes (a failover onto a read-only replica): an outage.
        if getattr(exc.orig, "sqlstate", None) == "25006":
            raise Unavailable("the database is read-only", code="database_unavailable") from exc
        if exc.connection_invalidated:
            raise Unavailable(
                "the database connection was lost", code="database_unavailable"
            ) from exc
        raise


class Database:
    """An engine plus the two ways the repositories use it: short reads and write transactions."""

    def __init__(
        self, engine: Engine, *, outbox: Sequence[str] = ("*",), schema: str | None = None
    ) -> None:
        self.engine = engine
        self.schema = schema
        # Without a broker to publish to, outbox rows would only pile up: writers skip them
        # (outbox=()); otherwise only event types matching these patterns get outbox rows.
        self._writer = engine.execution_options(
            **{WRITE_OPTION: True, OUTBOX_OPTION: tuple(outbox)}
        )
        self.dialect = engine.dialect.name
        # Autocommit on PostgreSQL: a lone SELECT is its own snapshot, and a transaction
        # around it costs a BEGIN and a ROLLBACK round trip (the worker makes two such reads
        # per batch).
        self._one_statement = (
            engine.execution_options(isolation_level="AUTOCOMMIT")
            if self.dialect == "postgresql"
            else engine
        )

    @classmethod
    def from_url(
        cls,
        url: str,
        *,
        pool_size: int = 8,
        outbox: Sequence[str] = ("*",),
        schema: str | None = None,
    ) -> Database:
        """Connects to `url`; `outbox` = the event type patterns that get outbox rows."""
        engine = create_db_engine(url, pool_size=pool_size, schema=schema)
        return cls(engine, outbox=outbox, schema=schema)

    def read(self) -> AbstractContextManager[Connection]:
        """Opens a connection for reading."""
        return self.engine.connect()

    def read_one(self) -> AbstractContextManager[Connection]:
        """Opens a connection for reads that need no common snapshot (each its own statement)."""
        return self._one_statement.connect()

    def write(self) -> AbstractContextManager[Connection]:
        """Opens a write transaction that commits on success and rolls back on error."""
        return self._writer.begin()

    def ping(self) -> None:
        """Runs a trivial query; raises if the database is unreachable."""
        with self.engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")

    def dispose(self) -> None:
        """Closes every pooled connection."""
        self.engine.dispose()
