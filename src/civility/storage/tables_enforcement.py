"""Tables of the enforcement capability: policy versions, blocklist entries, strikes and bans."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    Index,
    Integer,
    String,
    Table,
    Text,
)

from civility.storage.tables import BigId, metadata

# Append-only: every edit is a new row. Versions are numbered across all scopes (the built-in
# default is 1), so the policy_version of a decision names exactly one policy. `scope` is the
# channel id, or "" for the global default (NULL would not take part in an index lookup).
policies = Table(
    "policies",
    metadata,
    Column("seq", BigId, primary_key=True, autoincrement=True),
    Column("scope", String(200), nullable=False),
    Column("version", Integer, nullable=False, unique=True),
    Column("body", JSON, nullable=False),
    Column("actor", String(200), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_policies_scope_version", "scope", "version"),
)

# Soft delete: a removed entry keeps its row (deleted_at set) so the audit trail can name it.
blocklist_entries = Table(
    "blocklist_entries",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("pattern", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("action", String(8), nullable=False),
    Column("language", String(16), nullable=True),
    Column("channel_id", String(200), nullable=True),
    Column("created_by", String(200), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("deleted_by", String(200), nullable=True),
    Column("deleted_at", DateTime(timezone=True), nullable=True),
    Index("ix_blocklist_entries_deleted_at", "deleted_at"),
)

# Named counters bumped in the transaction of a change, so other processes can tell cheaply
# that a cache (the compiled blocklist) is stale.
counters = Table(
    "counters",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("value", BigInteger, nullable=False),
)

# Append-only strikes, warnings, bans and their lifting; a user's status is derived from them.
enforcement_records = Table(
    "enforcement_records",
    metadata,
    Column("seq", BigId, primary_key=True, autoincrement=True),
    Column("user_id", String(200), nullable=False),
    Column("channel_id", String(200), nullable=True),
    Column("kind", String(16), nullable=False),
    Column("message_id", String(32), nullable=True),
    Column("body", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # When a ban ends (NULL: never, or not a ban): lets "bans in force" skip expired ones in SQL.
    Column("expires_at", DateTime(timezone=True), nullable=True),
    Index("ix_enforcement_records_user_seq", "user_id", "seq"),
    Index("ix_enforcement_records_kind_seq", "kind", "seq"),
)
