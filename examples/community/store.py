"""The community's own SQLite database: posts, threaded comments, chat and local ratings."""

from __future__ import annotations

import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS items (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,              -- post | comment | chat
    post_id TEXT,                    -- comments: the post they belong to
    parent_id TEXT,                  -- comments: the comment they answer (threads)
    author TEXT NOT NULL,
    title TEXT,
    body TEXT NOT NULL,
    state TEXT NOT NULL,             -- visible | hidden
    civility_id TEXT,                -- Civility's message id, once submitted
    decision TEXT,                   -- Civility's current decision, once known
    created_at REAL NOT NULL,
    decision_version INTEGER         -- its version: 0 automated, 1, 2, ... moderators'
);
CREATE INDEX IF NOT EXISTS items_civility ON items (civility_id);
CREATE TABLE IF NOT EXISTS ratings (
    post_id TEXT NOT NULL, user TEXT NOT NULL, score REAL NOT NULL,
    PRIMARY KEY (post_id, user)
);
"""


@dataclass
class Item:
    """A post, a comment or a chat message."""

    id: str
    kind: str
    post_id: str | None
    parent_id: str | None
    author: str
    title: str | None
    body: str
    state: str
    civility_id: str | None
    decision: str | None
    created_at: float
    decision_version: int | None = None
    children: list[Item] | None = None


class Store:
    """A thread-safe wrapper around one SQLite connection (an example, not a scaling guide)."""

    def __init__(self, path: str) -> None:
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._lock = threading.Lock()
        with self._lock:
            self._db.executescript(SCHEMA)
            columns = {r[1] for r in self._db.execute("PRAGMA table_info(items)")}
            if "decision_version" not in columns:  # a database from before reversals
                self._db.execute("ALTER TABLE items ADD COLUMN decision_version INTEGER")

    def close(self) -> None:
        """Closes the database."""
        self._db.close()

    def _rows(self, sql: str, *args: Any) -> list[Item]:
        with self._lock:
            return [Item(**dict(r)) for r in self._db.execute(sql, args).fetchall()]

    def add(
        self,
        kind: str,
        author: str,
        body: str,
        *,
        title: str | None = None,
        post_id: str | None = None,
        parent_id: str | None = None,
        state: str = "visible",
        decision: str | None = None,
    ) -> Item:
        """Stores a new item and returns it."""
        item = Item(
            uuid.uuid4().hex[:12],
            kind,
            post_id,
            parent_id,
            author,
            title,
            body,
            state,
            None,
            decision,
            time.time(),
        )
        with self._lock:
            self._db.execute(
                "INSERT INTO items (id, kind, post_id, parent_id, author, title, body, state,"
                " civility_id, decision, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    item.id,
                    kind,
                    post_id,
                    parent_id,
                    author,
                    title,
                    body,
                    state,
                    None,
                    decision,
                    item.created_at,
                ),
            )
        return item

    def link(self, item_id: str, civility_id: str) -> None:
        """Remembers Civility's id of an item submitted for asynchronous moderation."""
        with self._lock:
            self._db.execute("UPDATE items SET civility_id=? WHERE id=?", (civility_id, item_id))

    def apply_decision(self, civility_id: str, decision: str, version: int = 0) -> bool:
        """Shows or hides an item as Civility's decision says; returns whether one changed.

        A moderator's later decision (version 1, 2, ...) replaces the automated one (0): an
        approved comment comes back. An older version arriving late (a retried webhook) is
        ignored, so the item ends as the newest decision says.
        """
        state = "hidden" if decision in ("hide", "block") else "visible"
        with self._lock:
            cur = self._db.execute(
                "UPDATE items SET decision=?, state=?, decision_version=? WHERE civility_id=?"
                " AND (decision_version IS NULL OR decision_version <= ?)",
                (decision, state, version, civility_id, version),
            )
            return cur.rowcount > 0

    def apply_local_refusal(self, item_id: str) -> None:
        """Hides an item Civility refused to take (it would otherwise stay unmoderated)."""
        with self._lock:
            self._db.execute("UPDATE items SET state='hidden' WHERE id=?", (item_id,))

    def get(self, item_id: str) -> Item | None:
        """Returns one item."""
        rows = self._rows("SELECT * FROM items WHERE id=?", item_id)
        return rows[0] if rows else None

    def posts(self) -> list[Item]:
        """Visible posts, newest first."""
        return self._rows(
            "SELECT * FROM items WHERE kind='post' AND state='visible' ORDER BY created_at DESC"
        )

    def chat(self, limit: int = 50) -> list[Item]:
        """Visible chat messages, oldest first."""
        rows = self._rows(
            "SELECT * FROM items WHERE kind='chat' AND state='visible' "
            "ORDER BY created_at DESC LIMIT ?",
            limit,
        )
        return rows[::-1]

    def thread(self, post_id: str) -> list[Item]:
        """Visible comments of a post as a tree (replies under their parent)."""
        rows = self._rows(
            "SELECT * FROM items WHERE kind='comment' AND post_id=? "
            "AND state='visible' ORDER BY created_at",
            post_id,
        )
        by_id = {r.id: r for r in rows}
        roots: list[Item] = []
        for r in rows:
            r.children = []
        for r in rows:
            parent = by_id.get(r.parent_id or "")
            (parent.children if parent and parent.children is not None else roots).append(r)
        return roots

    def undecided(self) -> list[Item]:
        """Items submitted to Civility whose decision has not arrived yet."""
        return self._rows("SELECT * FROM items WHERE civility_id IS NOT NULL AND decision IS NULL")

    def rate(self, post_id: str, user: str, score: float) -> None:
        """Stores a user's rating locally (shown when Civility's is not available)."""
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO ratings VALUES (?,?,?)", (post_id, user, score)
            )

    def local_rating(self, post_id: str) -> tuple[int, float | None]:
        """Count and plain average of a post's local ratings."""
        with self._lock:
            n, avg = self._db.execute(
                "SELECT COUNT(*), AVG(score) FROM ratings WHERE post_id=?", (post_id,)
            ).fetchone()
        return int(n), avg
