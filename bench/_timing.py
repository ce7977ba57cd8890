"""Timing helper shared by the in-process benchmarks (bench/reports.py, bench/review_queue.py)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any


def timed_ms(fn: Callable[[], Any], repeat: int, digits: int = 1) -> dict[str, float]:
    """Median and max milliseconds of ``repeat`` calls of ``fn`` after one warm-up call."""
    fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return {
        "p50_ms": round(statistics.median(samples), digits),
        "max_ms": round(max(samples), digits),
    }
