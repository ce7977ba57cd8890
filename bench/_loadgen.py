"""A small closed-loop HTTP/1.1 load generator (keep-alive, fixed concurrency, fixed time).

Run as its own process so the server under test does not share its interpreter; writes one
JSON object with every latency sample (milliseconds) of the measured window to the file named
by --out. Not to stdout: a parent reading a multi-megabyte line from the pipe sometimes got it
split (JSONDecodeError at char 262,145 and 524,289 in bench/moderate.py). `run_load` runs a
load process that way and returns its JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

TEXTS = [
    "Thanks for the stream tonight, the second half was really fun to watch with everyone here!",
    "you are a complete idiot and nobody in this chat wants you here, just leave already ok",
    "Does anyone know when the next tournament starts? I want to sign up with my friends.",
    "shut up you stupid moron, I will find you and make you regret every word you typed",
    "Спасибо за стрим, было очень интересно, жду следующего выпуска с нетерпением, друзья!",
    "eres un idiota y un imbécil, nadie te quiere aquí, vete de una vez por todas ya mismo",
    "Bu yayın harikaydı, herkese teşekkürler, bir sonraki yayını sabırsızlıkla bekliyorum.",
    "questo video è fantastico, grazie mille per tutto il lavoro che fate ogni settimana!!",
]


async def _worker(
    host: str,
    port: int,
    make: object,
    stop_at: float,
    measure_from: float,
    samples: list[float],
    errors: list[int],
) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    assert callable(make)
    while True:
        now = time.perf_counter()
        if now >= stop_at:
            break
        writer.write(make())
        start = time.perf_counter()
        head = await reader.readuntil(b"\r\n\r\n")
        length = 0
        status = int(head[9:12])
        for line in head.split(b"\r\n"):
            if line[:15].lower() == b"content-length:":
                length = int(line[15:])
        if length:
            await reader.readexactly(length)
        end = time.perf_counter()
        if start >= measure_from:
            if status >= 400:
                errors.append(status)
            samples.append((end - start) * 1000)
    writer.close()


def _request_factory(method: str, path: str, host: str, key: str, body_kind: str) -> object:
    counter = itertools.count()
    prefix = f"{time.time_ns()}-"

    def make() -> bytes:
        n = next(counter)
        if body_kind == "moderate":
            body = json.dumps(
                {
                    "message_id": prefix + str(n),
                    "author_id": f"u{n % 500}",
                    "channel_id": f"c{n % 20}",
                    "text": TEXTS[n % len(TEXTS)],
                }
            ).encode()
        else:
            body = b""
        head = (
            f"{method} {path} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {key}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        )
        return head.encode() + body

    return make


async def run(args: argparse.Namespace) -> dict[str, object]:
    """Runs the load and returns the raw samples."""
    method, path, kind = {
        "moderate": ("POST", "/v1/moderate", "moderate"),
        "healthz": ("GET", "/healthz", "none"),
    }[args.target]
    start = time.perf_counter()
    measure_from = start + args.warmup
    stop_at = measure_from + args.duration
    samples: list[float] = []
    errors: list[int] = []
    make = _request_factory(method, path, f"{args.host}:{args.port}", args.key, kind)
    await asyncio.gather(
        *(
            _worker(args.host, args.port, make, stop_at, measure_from, samples, errors)
            for _ in range(args.concurrency)
        )
    )
    return {"samples_ms": samples, "errors": len(errors), "duration_s": args.duration}


def run_load(cmd: list[str], env: dict[str, str] | None = None) -> dict[str, Any]:
    """Runs a load process with `--out FILE` appended; returns the JSON object it wrote there."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "load.json"
        proc = subprocess.run(
            [*cmd, "--out", str(out)], env=env, capture_output=True, text=True, check=False
        )
        if proc.returncode != 0:
            raise RuntimeError(f"load process exited {proc.returncode}: {proc.stderr[-4000:]}")
        loaded: dict[str, Any] = json.loads(out.read_bytes())
        return loaded


def write_result(path: str, result: object) -> None:
    """Writes a load process's result where its parent reads it (see run_load)."""
    Path(path).write_text(json.dumps(result))


def main() -> None:
    """Parses arguments, runs, writes the JSON to --out."""
    p = argparse.ArgumentParser()
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--target", choices=["moderate", "healthz"], default="moderate")
    p.add_argument("--concurrency", type=int, default=64)
    p.add_argument("--duration", type=float, default=20.0)
    p.add_argument("--warmup", type=float, default=3.0)
    p.add_argument("--out", required=True, help="file to write the JSON result to")
    args = p.parse_args()
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    write_result(args.out, asyncio.run(run(args)))


if __name__ == "__main__":
    main()
