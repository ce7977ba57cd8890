"""Server CPU per request of POST /v1/moderate on the embedded default, and where it goes.

Wall-clock throughput on a shared machine says more about the neighbours than about us; the
CPU time the server process spends per request does not. Two modes:

* measure (default): starts `civility serve` (SQLite, in-process queue, built-in model), drives
  it with bench/_loadgen.py (closed loop, --concurrency connections, --duration seconds) and
  reads the server's CPU time (user + system, all threads, from /proc) around the run. With
  --baseline SRC it alternates rounds of this tree and of another source tree (a `git worktree`
  of an older commit) and reports both medians and the ratio:

      git worktree add /tmp/base <commit>
      .venv/bin/python bench/moderate_cpu.py --baseline /tmp/base/src --rounds 5

  (--this SRC measures another tree instead of the installed package as this side.)

* --service: no HTTP; ModerationService.moderate on batches of --batch messages in process
  (the group commit's work), thread CPU per message, alternating with --baseline like above.
  The steadiest before/after number: the batch size does not depend on the machine's load.

* --profile: runs the server in this process under cProfile (every thread: the event loop and
  the group committer's worker thread) while the load generator drives it, and writes the
  cumulative profile (top functions as JSON, and a .pstats file for snakeviz or pstats).

* --spy: samples `civility serve` (a separate process, as measured above, --this tree) with
  py-spy (a dev dependency: `make .venv` installs it) while the load runs, and
  writes the call tree of every thread as CPU µs per request (bench/results/moderate_pyspy.txt,
  or --out; --raw keeps py-spy's collapsed stacks for flamegraph.pl or speedscope). Sampling
  from outside costs the server a share of its speed, but not the shape of where time goes.

Writes bench/results/moderate_cpu.json (or --out).
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import os
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _loadgen import run_load

RESULTS = Path(__file__).resolve().parent / "results"
LOADGEN = Path(__file__).resolve().parent / "_loadgen.py"
TICKS = os.sysconf("SC_CLK_TCK")


def process_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process, all its threads (Linux /proc)."""
    return process_cpu_seconds_of(Path(f"/proc/{pid}/stat"))


def thread_cpu_seconds(pid: int) -> dict[int, float]:
    """User + system CPU seconds of each thread of a process (Linux /proc)."""
    seconds = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError):  # a thread that ended meanwhile
            seconds[int(task.name)] = process_cpu_seconds_of(task / "stat")
    return seconds


def process_cpu_seconds_of(stat: Path) -> float:
    """User + system CPU seconds from a /proc stat file."""
    fields = stat.read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def load(port: int, key: str, concurrency: int, duration: float) -> dict[str, Any]:
    """Runs the load generator for `duration` seconds (no warm-up window); returns its counts."""
    cmd = [sys.executable, str(LOADGEN), "--port", str(port), "--key", key]
    cmd += ["--target", "moderate", "--concurrency", str(concurrency)]
    cmd += ["--duration", str(duration), "--warmup", "0"]
    raw = run_load(cmd)
    samples = sorted(raw["samples_ms"])
    return {
        "requests": len(samples),
        "errors": raw["errors"],
        "p50_ms": round(statistics.median(samples), 2) if samples else None,
    }


def measure_once(src: str | None, args: argparse.Namespace) -> dict[str, Any]:
    """Starts a fresh server (from `src` when given) and returns its CPU µs per request."""
    from civility.testing import run_server

    env = {
        "CIVILITY_SCORER": "builtin",
        "CIVILITY_WORKERS": "1",
        # The admin key's default limit (6,000 a minute) would answer most calls with a 429.
        "CIVILITY_RATE_LIMIT_ADMIN": "10000000/minute",
    }
    if src:
        env["PYTHONPATH"] = src
    with tempfile.TemporaryDirectory() as tmp, run_server(Path(tmp), env) as server:
        pid = server.proc.pid
        load(server.port, server.key, args.concurrency, args.warmup)  # model, caches, JIT-free
        before, threads_before = process_cpu_seconds(pid), thread_cpu_seconds(pid)
        run = load(server.port, server.key, args.concurrency, args.duration)
        used, threads = process_cpu_seconds(pid) - before, thread_cpu_seconds(pid)
    requests = max(1, run["requests"])
    run["cpu_s"] = round(used, 3)
    run["cpu_us_per_request"] = round(used / requests * 1e6, 1)
    # The main thread runs the event loop (HTTP, middleware, routes); the others are the group
    # commit's worker threads (ModerationService.moderate) and the jobs' threads.
    loop = threads.get(pid, 0.0) - threads_before.get(pid, 0.0)
    run["event_loop_cpu_us_per_request"] = round(loop / requests * 1e6, 1)
    run["other_threads_cpu_us_per_request"] = round((used - loop) / requests * 1e6, 1)
    return run


def measure(args: argparse.Namespace) -> dict[str, Any]:
    """Alternates rounds of this tree and the baseline; medians and the ratio."""
    runs: dict[str, list[dict[str, Any]]] = {"this": [], "baseline": []}
    for _ in range(args.rounds):
        runs["this"].append(measure_once(args.this, args))
        if args.baseline:
            runs["baseline"].append(measure_once(args.baseline, args))
        print(json.dumps({k: v[-1] for k, v in runs.items() if v}), file=sys.stderr)
    summary = {
        name: statistics.median(r["cpu_us_per_request"] for r in rs)
        for name, rs in runs.items()
        if rs
    }
    split = {
        name: {
            part: statistics.median(r[part] for r in rs)
            for part in ("event_loop_cpu_us_per_request", "other_threads_cpu_us_per_request")
        }
        for name, rs in runs.items()
        if rs
    }
    result: dict[str, Any] = {
        "benchmark": "moderate_cpu",
        "unit": "server process CPU µs per POST /v1/moderate (user + system, all threads)",
        "args": {k: v for k, v in vars(args).items() if k != "profile"},
        "runs": runs,
        "median_cpu_us_per_request": summary,
        "median_split": split,
        "load_average": os.getloadavg(),
    }
    if "baseline" in summary:
        result["baseline_over_this"] = round(summary["baseline"] / summary["this"], 3)
    return result


def service_once(batch: int, batches: int) -> dict[str, Any]:
    """CPU µs per message of ModerationService.moderate on fixed-size batches (in process).

    What a group commit of `batch` concurrent calls costs without HTTP and without the batch
    size depending on how busy the machine is: the steadiest number for a before/after.
    """
    from _loadgen import TEXTS
    from civility.container import build_container
    from civility.moderation.models import IncomingMessage
    from civility.settings import load_settings
    from civility.storage.db import upgrade

    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(data_dir=Path(tmp), scorer="builtin")
        upgrade(settings.database_url)
        container = build_container(settings)
        try:
            counter = iter(range(10**9))

            def make() -> list[IncomingMessage]:
                ns = [next(counter) for _ in range(batch)]
                return [
                    IncomingMessage(f"m{n}", f"u{n % 500}", f"c{n % 20}", TEXTS[n % len(TEXTS)])
                    for n in ns
                ]

            for _ in range(20):  # warm-up: model, caches, statement cache
                container.moderation.moderate(make())
            per_message = []
            for _ in range(batches):
                messages = make()
                start = time.thread_time()
                container.moderation.moderate(messages)
                per_message.append((time.thread_time() - start) / batch * 1e6)
        finally:
            container.close()
    return {"batch": batch, "batches": batches, "us_per_message": statistics.median(per_message)}


def service(args: argparse.Namespace) -> dict[str, Any]:
    """Alternates in-process service runs of this tree and the baseline (child processes)."""
    runs: dict[str, list[float]] = {"this": [], "baseline": []}
    trees = (
        [("this", args.this), ("baseline", args.baseline)]
        if args.baseline
        else [("this", args.this)]
    )
    for _ in range(args.rounds):
        for name, src in trees:
            env = dict(os.environ)
            if src:
                env["PYTHONPATH"] = src
            cmd = [sys.executable, __file__, "--service-child", "--batch", str(args.batch)]
            out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True)
            runs[name].append(json.loads(out.stdout.strip().splitlines()[-1])["us_per_message"])
    summary = {name: statistics.median(v) for name, v in runs.items() if v}
    result: dict[str, Any] = {
        "benchmark": "moderate_service_cpu",
        "unit": "thread CPU µs per message in ModerationService.moderate, fixed batch size",
        "batch": args.batch,
        "runs": runs,
        "median_us_per_message": summary,
    }
    if "baseline" in summary:
        result["baseline_over_this"] = round(summary["baseline"] / summary["this"], 3)
    return result


class ThreadProfiles:
    """One cProfile profiler per thread (cProfile sees only the thread that enabled it)."""

    def __init__(self) -> None:
        self.profiles: list[cProfile.Profile] = []
        self._lock = threading.Lock()

    def _hook(self, *_: object) -> None:
        # Runs once per new thread: its own profiler replaces this hook for that thread.
        # Thread CPU time, not wall time: on a busy machine a preempted call is not slow.
        profile = cProfile.Profile(time.thread_time)
        with self._lock:
            self.profiles.append(profile)
        profile.enable()

    def start(self) -> None:
        """Profiles this thread and every thread started from now on."""
        threading.setprofile(self._hook)
        self._hook()

    def clear(self) -> None:
        """Forgets what was counted so far (start-up and warm-up)."""
        with self._lock:
            for p in self.profiles:
                p.clear()

    def stop(self) -> pstats.Stats:
        """Stops profiling and merges every thread's profile."""
        threading.setprofile(None)  # type: ignore[arg-type]
        for p in self.profiles:
            p.disable()
        stats = pstats.Stats(self.profiles[0])
        for p in self.profiles[1:]:
            with contextlib.suppress(TypeError):  # a thread that never ran a profiled call
                stats.add(p)
        return stats


def in_process(args: argparse.Namespace) -> dict[str, Any]:
    """Runs the server in this process (under cProfile with --profile) while the load runs."""
    import uvicorn

    from civility.api.app import create_app
    from civility.container import build_container
    from civility.logging import configure_logging
    from civility.moderation.service import ModerationService
    from civility.settings import load_settings
    from civility.storage.db import upgrade
    from civility.testing import free_port

    tmp = tempfile.mkdtemp()
    port = free_port()
    os.environ.update(
        {
            "CIVILITY_DATA_DIR": tmp,
            "CIVILITY_LOG_LEVEL": "warning",
            "CIVILITY_RATE_LIMIT_ADMIN": "10000000/minute",
        }
    )
    os.environ.pop("CIVILITY_DATABASE_URL", None)
    settings = load_settings()
    configure_logging(settings.log_level, json=settings.log_json)  # as `civility serve` does
    upgrade(settings.database_url)
    keys: list[str] = []
    app = create_app(lambda: build_container(settings), on_admin_key=keys.append)
    config = uvicorn.Config(app, port=port, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    profiles = ThreadProfiles()
    outcome: dict[str, Any] = {}
    batch_cpu = [0.0]
    original = ModerationService.moderate

    def timed_moderate(self: Any, batch: Any) -> Any:
        # The group committer's share: its worker thread's CPU time inside the service.
        start = time.thread_time()
        try:
            return original(self, batch)
        finally:
            batch_cpu[0] += time.thread_time() - start

    ModerationService.moderate = timed_moderate  # type: ignore[method-assign]

    def drive() -> None:
        while not server.started:
            threading.Event().wait(0.05)
        load(port, keys[0], args.concurrency, args.warmup)
        if args.profile:
            profiles.clear()
        batch_cpu[0] = 0.0
        before = time.process_time()
        outcome.update(load(port, keys[0], args.concurrency, args.duration))
        total = time.process_time() - before
        requests = max(1, outcome["requests"])
        outcome["process_cpu_us_per_request"] = round(total / requests * 1e6, 1)
        outcome["service_cpu_us_per_request"] = round(batch_cpu[0] / requests * 1e6, 1)
        outcome["rest_cpu_us_per_request"] = round((total - batch_cpu[0]) / requests * 1e6, 1)
        server.should_exit = True

    driver = threading.Thread(target=drive, daemon=True)
    driver.start()  # before profiling starts: the driver's own waiting is not the server's
    if args.profile:
        profiles.start()
    server.run()  # uvicorn picks the loop (uvloop) as `civility serve` does
    if not args.profile:
        return {"benchmark": "moderate_split", "run": outcome}
    stats = profiles.stop()
    RESULTS.mkdir(exist_ok=True)
    stats.dump_stats(str(RESULTS / "moderate_profile.pstats"))
    text = io.StringIO()
    stats.stream = text  # type: ignore[attr-defined]
    stats.sort_stats("cumulative").print_stats(60)
    (RESULTS / "moderate_profile.txt").write_text(text.getvalue())
    top = []
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    for (file, line, name), (_, calls, tottime, cumtime, _) in sorted(
        raw.items(), key=lambda kv: kv[1][3], reverse=True
    )[:80]:
        top.append(
            {
                "function": f"{Path(file).name}:{line}:{name}",
                "calls": calls,
                "own_us_per_request": round(tottime / max(1, outcome["requests"]) * 1e6, 1),
                "cumulative_us_per_request": round(cumtime / max(1, outcome["requests"]) * 1e6, 1),
            }
        )
    return {"benchmark": "moderate_profile", "run": outcome, "top_cumulative": top}


SPY_RATE = 200  # samples a second per thread
ROOT_FRAMES = ("Runner.run (", "Thread._bootstrap_inner (")


def spy(args: argparse.Namespace) -> str:
    """Samples the server under load with py-spy; returns the call tree as text."""
    from civility.testing import run_server

    exe = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    if not Path(exe).exists():
        sys.exit("py-spy is not installed: it comes with the dev extras (make .venv)")
    env = {
        "CIVILITY_SCORER": "builtin",
        "CIVILITY_WORKERS": "1",
        "CIVILITY_RATE_LIMIT_ADMIN": "10000000/minute",
    }
    if args.this:
        env["PYTHONPATH"] = args.this
    with tempfile.TemporaryDirectory() as tmp, run_server(Path(tmp), env) as server:
        pid = server.proc.pid
        load(server.port, server.key, args.concurrency, args.warmup)
        raw = Path(tmp) / "stacks.txt"
        # --nonblocking: pausing the process for every sample (the default) slows it several
        # times over, the more so the more threads it has. --gil: only the thread holding
        # the GIL is sampled, so a thread waiting for it (or for the OS) does not count.
        cmd = [exe, "record", "-p", str(pid), "-r", str(SPY_RATE), "-f", "raw", "-o", str(raw)]
        cmd += ["-d", str(int(args.duration + 2)), "--nonblocking", "--gil"]
        sampler = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1.0)
        before = process_cpu_seconds(pid)
        run = load(server.port, server.key, args.concurrency, args.duration)
        used = process_cpu_seconds(pid) - before
        sampler.wait()
        stacks = raw.read_text()
    if args.raw:
        (RESULTS / args.raw).write_text(stacks)
    cpu_us = used / max(1, run["requests"]) * 1e6
    header = (
        f"py-spy record --gil --nonblocking, {SPY_RATE} samples/s, while bench/_loadgen.py ran "
        f"{args.concurrency} connections for {args.duration:.0f} s: {run['requests']} requests, "
        f"{cpu_us:.0f} µs server CPU per request while sampled (/proc; load average "
        f"{os.getloadavg()[0]:.1f}).\nEach line: the frame's share of the samples (the thread "
        "holding the GIL) times that CPU per request, in µs; the share; the frame.\n"
        "C code that releases the GIL (numpy in the scorer, SQLite) is not sampled: the split "
        "of CPU between threads is in this script's measure mode.\n"
    )
    return header + call_tree(stacks, cpu_us)


def call_tree(stacks: str, cpu_us: float, min_share: float = 0.004) -> str:
    """Renders py-spy's collapsed stacks as an indented tree of µs per request (over min_share)."""
    tree: dict[str, Any] = {}
    busy = 0
    for line in stacks.splitlines():
        stack, _, count = line.rpartition(" ")
        frames = [re.sub(r" \(([^)]*/)?([^/)]+?)(:\d+)?\)$", r" (\2)", f) for f in stack.split(";")]
        if frames[-1].startswith(("Condition.wait", "wait (threading")):
            continue  # an idle pool thread
        busy += int(count)
        # Start at the event loop or a thread's body: what is above them is the same for all.
        roots = [i for i, f in enumerate(frames) if f.startswith(ROOT_FRAMES)]
        node = tree
        for frame in frames[roots[-1] if roots else 1 :]:  # [0] is the thread
            entry = node.setdefault(frame, [0, {}])
            entry[0] += int(count)
            node = entry[1]
    lines: list[str] = []

    def show(node: dict[str, Any], depth: int) -> None:
        for frame, (count, children) in sorted(node.items(), key=lambda kv: -kv[1][0]):
            if count / max(1, busy) < min_share:
                continue
            us = count / max(1, busy) * cpu_us
            lines.append(f"{us:7.1f} {count / busy:6.1%} {' ' * min(depth, 40)}{frame}")
            show(children, depth + 1)

    show(tree, 0)
    return "\n".join(lines) + "\n"


def main() -> None:
    """Parses arguments, runs the chosen mode and writes the JSON result."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--concurrency", type=int, default=32)
    p.add_argument("--duration", type=float, default=10.0)
    p.add_argument("--warmup", type=float, default=3.0)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--baseline", default=None, help="source tree to compare with (its src/)")
    p.add_argument(
        "--this",
        default=None,
        help="source tree measured as this side (default: the installed package); a worktree "
        "with only the change under test keeps other uncommitted edits out of the comparison",
    )
    p.add_argument("--profile", action="store_true", help="cProfile the server in process")
    p.add_argument(
        "--split",
        action="store_true",
        help="in process, no profiler: CPU per request in ModerationService.moderate and outside",
    )
    p.add_argument("--service", action="store_true", help="in process, no HTTP: fixed --batch size")
    p.add_argument("--spy", action="store_true", help="py-spy the server (--this tree) under load")
    p.add_argument("--raw", default=None, help="with --spy: also keep the collapsed stacks here")
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--service-child", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--out", default=None)
    args = p.parse_args()
    if args.service_child:
        print(json.dumps(service_once(args.batch, 150)))
        return
    if args.spy:
        RESULTS.mkdir(exist_ok=True)
        text = spy(args)
        (RESULTS / (args.out or "moderate_pyspy.txt")).write_text(text)
        print(text[:6000])
        return
    if args.service:
        result = service(args)
        name = "moderate_service_cpu.json"
    elif args.profile or args.split:
        result = in_process(args)
        name = "moderate_profile.json" if args.profile else "moderate_split.json"
    else:
        result = measure(args)
        name = "moderate_cpu.json"
    out = args.out or name
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / out).write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2)[:6000])


if __name__ == "__main__":
    main()
