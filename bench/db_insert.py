"""Hot-path inserts on PostgreSQL: executemany (psycopg pipeline) vs COPY (storage.bulk).

Inserts --batches transactions of --rows decision events each, alternating the two ways for
--repeats rounds, and reports the median client CPU, PostgreSQL backend CPU and wall time per
row. Writes bench/results/db_insert.json.

    .venv/bin/python bench/db_insert.py
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import Engine, insert, text

from civility.storage import tables as t
from civility.storage.bulk import insert_rows
from civility.storage.db import create_db_engine

ROOT = Path(__file__).resolve().parents[1]
PG_ADMIN = os.environ.get(
    "CIVILITY_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
TCK = os.sysconf("SC_CLK_TCK")


def backend_cpu(pid: int) -> float:
    """CPU seconds of one PostgreSQL backend (it runs on this machine)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TCK


def rows(tag: str, n: int) -> list[dict[str, Any]]:
    """Decision-event rows as the worker writes them."""
    now = datetime.now(UTC)
    return [
        {
            "id": f"decision:msg_{tag}_{i}",
            "type": "message.allowed",
            "actor": "system:policy-v1",
            "subject_type": "message",
            "subject_id": f"msg_{tag}_{i}",
            "channel_id": f"chan{i % 13}",
            "payload": {
                "message_id": f"msg_{tag}_{i}",
                "author_id": f"user{i % 997}",
                "decision": "allow",
                "scores": {"toxicity": 0.01, "insult": 0.02, "threat": 0.0},
                "reasons": [],
            },
            "created_at": now,
        }
        for i in range(n)
    ]


def executemany(engine: Engine, batch: list[dict[str, Any]]) -> None:
    """SQLAlchemy insert() with a list of rows: psycopg's pipelined executemany."""
    with engine.begin() as conn:
        conn.execute(insert(t.events), batch)


def copy(engine: Engine, batch: list[dict[str, Any]]) -> None:
    """civility.storage.bulk.insert_rows: COPY FROM STDIN."""
    with engine.begin() as conn:
        insert_rows(conn, t.events, batch)


def main() -> None:
    """Runs both ways alternately on a fresh database and writes the medians."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=128, help="rows per transaction (a batch)")
    ap.add_argument("--batches", type=int, default=40)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    name = f"civility_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = PG_ADMIN.rsplit("/", 1)[0] + f"/{name}"
    try:
        env = {**os.environ, "CIVILITY_DATABASE_URL": url}
        subprocess.run([sys.executable, "-m", "civility", "db", "upgrade"], env=env, check=True)
        engine = create_db_engine(url, pool_size=1)
        with engine.connect() as conn:
            pid = int(conn.execute(text("SELECT pg_backend_pid()")).scalar_one())
        ways: dict[str, Callable[[Engine, list[dict[str, Any]]], None]] = {
            "executemany": executemany,
            "copy": copy,
        }
        samples: dict[str, list[tuple[float, float, float]]] = {w: [] for w in ways}
        per = args.rows * args.batches
        for r in range(args.repeats):
            for way, fn in ways.items():
                c0, s0, w0 = time.process_time(), backend_cpu(pid), time.perf_counter()
                for b in range(args.batches):
                    fn(engine, rows(f"{way}{r}_{b}", args.rows))
                c1, s1, w1 = time.process_time(), backend_cpu(pid), time.perf_counter()
                samples[way].append((c1 - c0, s1 - s0, w1 - w0))
        engine.dispose()
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    out: dict[str, Any] = {"benchmark": "db_insert", "args": vars(args)}
    for way, s in samples.items():
        out[way] = {
            "client_cpu_us_per_row": round(1e6 * statistics.median(x[0] for x in s) / per, 1),
            "server_cpu_us_per_row": round(1e6 * statistics.median(x[1] for x in s) / per, 1),
            "wall_us_per_row": round(1e6 * statistics.median(x[2] for x in s) / per, 1),
        }
    for key in ("client_cpu_us_per_row", "server_cpu_us_per_row"):
        out[f"{key}_ratio_executemany_over_copy"] = round(
            out["executemany"][key] / max(out["copy"][key], 1e-9), 2
        )
    path = ROOT / "bench" / "results" / "db_insert.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out, indent=2))
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
