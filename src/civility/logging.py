"""Structured logging setup (structlog over the standard library)."""

from __future__ import annotations

import faulthandler
import logging

import structlog


def configure_logging(level: str = "info", *, json: bool = False) -> None:
    """Configures structlog and the standard library for the whole process.

    Also arms Python's fault handler: a SIGBUS from a memory-mapped file that became
    unreadable (SQLite's `-shm`), a SIGSEGV or a SIGABRT then writes the signal and every
    thread's stack to stderr before the process dies, instead of vanishing without a line.
    """
    faulthandler.enable(all_threads=True)
    logging.basicConfig(format="%(message)s", level=level.upper())
    renderer: structlog.typing.Processor = (
        structlog.processors.JSONRenderer() if json else structlog.dev.ConsoleRenderer(colors=False)
    )
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.format_exc_info,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level.upper())),
        cache_logger_on_first_use=True,
    )
