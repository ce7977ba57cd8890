"""The small HTTP server of the roles without an API (`civility worker`, `civility relay`).

It answers GET /metrics (Prometheus text, the state gauges refreshed first) and GET /healthz
on CIVILITY_METRICS_PORT. It runs on the role's own event loop, so a /healthz answer also
proves that the loop is not stuck.
"""

from __future__ import annotations

import asyncio
import contextlib

import structlog
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from civility import metrics
from civility.observability.gauges import GaugeRefresher

log = structlog.get_logger(__name__)

READ_TIMEOUT = 5.0


class MetricsServer:
    """Serves /metrics and /healthz for one process; start() binds, close() stops."""

    def __init__(self, host: str, port: int, gauges: GaugeRefresher, *, role: str) -> None:
        self._host = host
        self._port = port
        self._gauges = gauges
        self._role = role
        self._server: asyncio.Server | None = None

    @property
    def port(self) -> int:
        """Returns the bound port (the real one when started on port 0)."""
        if self._server is None or not self._server.sockets:
            return self._port
        return int(self._server.sockets[0].getsockname()[1])

    async def start(self) -> bool:
        """Binds the port and starts answering; False (and a log line) if it cannot bind."""
        try:
            self._server = await asyncio.start_server(self._handle, self._host, self._port)
        except OSError as exc:
            # Several workers on one host need a port each; the work goes on without metrics.
            log.error("metrics.bind_failed", role=self._role, port=self._port, error=repr(exc))
            return False
        log.info("metrics.listening", role=self._role, host=self._host, port=self.port)
        return True

    async def close(self) -> None:
        """Stops answering and closes the socket."""
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            request = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), READ_TIMEOUT)
            status, content_type, body = await self._answer(request.split(b"\r\n", 1)[0])
            head = (
                f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n"
                f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
            )
            writer.write(head.encode("latin-1") + body)
            await writer.drain()
        except (TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, OSError):
            pass  # a client that went away or sent garbage gets nothing
        finally:
            writer.close()
            with contextlib.suppress(OSError):
                await writer.wait_closed()

    async def _answer(self, request_line: bytes) -> tuple[str, str, bytes]:
        parts = request_line.split()
        if len(parts) != 3 or parts[0] != b"GET":
            return "405 Method Not Allowed", "text/plain", b"GET only\n"
        path = parts[1].split(b"?", 1)[0]
        if path == b"/metrics":
            await self._gauges.refresh()
            body = generate_latest(metrics.exposition_registry())
            return "200 OK", CONTENT_TYPE_LATEST, body
        if path == b"/healthz":
            return "200 OK", "application/json", f'{{"status":"ok","role":"{self._role}"}}'.encode()
        return "404 Not Found", "text/plain", b"not found\n"


async def start_role_metrics(
    host: str, port: int, gauges: GaugeRefresher, *, role: str
) -> MetricsServer | None:
    """Starts a role's metrics server on `port` (None when the port is 0 or cannot be bound)."""
    if port == 0:
        return None
    server = MetricsServer(host, port, gauges, role=role)
    return server if await server.start() else None
