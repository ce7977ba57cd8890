"""CPU cost of one request refused by the in-flight bound, in process (no HTTP server).

Builds the real app on a fresh SQLite database, fills its bound (CIVILITY_MAX_IN_FLIGHT), and
sends POST /v1/moderate with a valid service key straight into the ASGI stack; every call is
a 503 `overloaded`. Where the refusal happens is what it measures:

- `counting`: the counting gate alone, inside the edge (after the key, rate limit and body);
- `early`: the early gate in front of the edge as well (the registration the app uses);
- `outermost`: a gate before the request-id and metrics middleware (for comparison only).

Log level matters: every 5xx is a warning line (request_ids.py), so it runs at both `warning`
(the default) and `error`. Prints microseconds of CPU per refusal and writes
bench/results/admission_cost.json. The HTTP server's own parse and write come on top.

    .venv/bin/python bench/admission_cost.py [--requests 3000] [--rounds 2]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).parent / "results"
POSITIONS = ("counting", "early", "outermost")
LEVELS = ("warning", "error")


async def measure(position: str, level: str, requests: int) -> float:
    """Returns microseconds of CPU per refused request for one placement of the gates."""
    from starlette.middleware import Middleware

    from civility.api.admission import Admission, AdmissionMiddleware
    from civility.api.app import create_app, error_dialects
    from civility.api.edge import EdgeMiddleware
    from civility.auth.keys import Role
    from civility.container import build_container
    from civility.logging import configure_logging
    from civility.request_ids import RequestIdMiddleware
    from civility.settings import load_settings
    from civility.storage.db import upgrade

    configure_logging(level, json=True)
    settings = load_settings(data_dir=Path(tempfile.mkdtemp()), rate_limit_service="1000000/minute")
    upgrade(settings.database_url)
    admin: list[str] = []
    app = create_app(lambda: build_container(settings), on_admin_key=admin.append)
    admission = Admission(limit=1, dialects=error_dialects())
    stack = [m for m in app.user_middleware if m.cls is not AdmissionMiddleware]  # type: ignore[comparison-overlap]
    edge = next(i for i, m in enumerate(stack) if m.cls is EdgeMiddleware)  # type: ignore[comparison-overlap]
    stack.insert(edge + 1, Middleware(AdmissionMiddleware, admission=admission))
    if position == "early":
        stack.insert(edge, Middleware(AdmissionMiddleware, admission=admission, counts=False))
    elif position == "outermost":
        rid = next(i for i, m in enumerate(stack) if m.cls is RequestIdMiddleware)  # type: ignore[comparison-overlap]
        stack.insert(rid, Middleware(AdmissionMiddleware, admission=admission, counts=False))
    app.user_middleware[:] = stack

    lifespan: asyncio.Queue[dict[str, str]] = asyncio.Queue()
    await lifespan.put({"type": "lifespan.startup"})
    said: list[dict[str, Any]] = []

    async def life_send(message: dict[str, Any]) -> None:
        said.append(message)

    life = asyncio.create_task(
        app({"type": "lifespan", "asgi": {"version": "3.0"}, "state": {}}, lifespan.get, life_send)  # type: ignore[arg-type]
    )
    while not said:
        await asyncio.sleep(0.01)
    assert said[0]["type"] == "lifespan.startup.complete", said
    container = app.state.container
    key = container.api_keys.create(Role.SERVICE).secret
    admission.in_flight = 1  # full: every call below is refused
    body = json.dumps(
        {"message_id": "m1", "author_id": "u1", "channel_id": "c1", "text": "hello there"}
    ).encode()
    headers = [
        (b"host", b"bench"),
        (b"authorization", f"Bearer {key}".encode()),
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
    ]
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "path": "/v1/moderate",
        "raw_path": b"/v1/moderate",
        "query_string": b"",
        "headers": headers,
        "scheme": "http",
        "server": ("127.0.0.1", 8000),
        "client": ("127.0.0.1", 40000),
        "root_path": "",
    }
    statuses: dict[int, int] = {}

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            statuses[message["status"]] = statuses.get(message["status"], 0) + 1

    for _ in range(200):  # warm the key cache and the code paths
        await app({**scope, "state": {}}, receive, send)  # type: ignore[arg-type]
    statuses.clear()
    started = time.process_time()
    for _ in range(requests):
        await app({**scope, "state": {}}, receive, send)  # type: ignore[arg-type]
    cpu = (time.process_time() - started) / requests * 1e6
    assert statuses == {503: requests}, statuses
    await lifespan.put({"type": "lifespan.shutdown"})
    await life
    return cpu


def main() -> None:
    """Runs every placement and log level in alternation, in fresh processes."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--requests", type=int, default=3000)
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--one", nargs=2, metavar=("POSITION", "LEVEL"), help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.one:
        sys.stdout.flush()
        cpu = asyncio.run(measure(args.one[0], args.one[1], args.requests))
        print(f"RESULT {cpu:.1f}")
        return
    samples: dict[str, list[float]] = {}
    for _ in range(args.rounds):
        for position in POSITIONS:
            for level in LEVELS:
                out = subprocess.run(
                    [
                        sys.executable,
                        __file__,
                        "--requests",
                        str(args.requests),
                        "--one",
                        position,
                        level,
                    ],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                line = next(x for x in out.stdout.splitlines() if x.startswith("RESULT "))
                samples.setdefault(f"{position}/{level}", []).append(float(line.split()[1]))
    medians = {k: round(statistics.median(v), 1) for k, v in samples.items()}
    report = {
        "benchmark": "admission_cost",
        "unit": "microseconds of CPU per refused POST /v1/moderate, in process",
        "requests_per_sample": args.requests,
        "samples": samples,
        "medians": medians,
        "conditions": {
            "cpus": os.cpu_count(),
            "load_average_1m_at_end": round(os.getloadavg()[0], 2),
            "python": platform.python_version(),
        },
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "admission_cost.json").write_text(json.dumps(report, indent=2) + "\n")
    for name, value in medians.items():
        print(f"{name:<20} {value:>7.1f} us CPU per refusal  samples {samples[name]}")


if __name__ == "__main__":
    main()
