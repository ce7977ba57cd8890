"""An AMQP connection that sends what one event-loop turn wrote as one socket write.

aiormq writes each publish (its method, header and body frames) with its own
`StreamWriter.write`, and asyncio sends each of those at once: one `send` per message, which
RabbitMQ then reads as one small TCP segment, waking up for each. The relay publishes hundreds
of messages in a row, so this connection gathers the writes of one loop turn and sends them
together, through aiormq's public extension points: `transport_factory` (how the socket is
opened) and the connection's `FRAME_BUFFER_SIZE` (how many frames may wait for the writer, 10
by default, which would hand the writer ten messages a turn).
"""

from __future__ import annotations

import asyncio
from typing import Any

import aiormq

# Frames that may wait for the connection's writer: a relay batch (500 events) and its commit.
FRAME_BUFFER_SIZE = 2048


class CoalescingWriter(asyncio.StreamWriter):
    """A StreamWriter whose writes of one loop turn leave in one transport write."""

    def __init__(
        self,
        transport: asyncio.WriteTransport,
        protocol: asyncio.StreamReaderProtocol,
        reader: asyncio.StreamReader,
        loop: asyncio.AbstractEventLoop,
    ) -> None:
        super().__init__(transport, protocol, reader, loop)
        self._pending = bytearray()
        self._flush_scheduled = False
        self._eof = False
        self._event_loop = loop

    def write(self, data: bytes | bytearray | memoryview) -> None:
        """Queues data for the end of this loop turn."""
        if self._eof:
            super().write(data)  # raises as asyncio does for a write after write_eof()
            return
        self._pending += data
        if not self._flush_scheduled:
            self._flush_scheduled = True
            self._event_loop.call_soon(self._flush)

    def _flush(self) -> None:
        self._flush_scheduled = False
        if not self._pending:
            return
        data = bytes(self._pending)
        self._pending.clear()
        if self.transport.is_closing():
            return  # the connection is gone: what it had not sent is lost with it
        super().write(data)

    async def drain(self) -> None:
        """Sends what is queued, then waits as StreamWriter.drain does."""
        self._flush()
        await super().drain()

    def write_eof(self) -> None:
        """Sends what is queued, then half-closes."""
        self._flush()
        self._eof = True
        super().write_eof()

    def close(self) -> None:
        """Sends what is queued, then closes."""
        self._flush()
        super().close()


class CoalescingTransportFactory(aiormq.TransportFactory):
    """Opens the connection's socket (TCP, or TLS for amqps://) with a CoalescingWriter."""

    async def create(
        self,
        url: Any,  # aiormq's yarl.URL (yarl is not a dependency of ours)
        **kwargs: Any,
    ) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        """Connects to url's host and port; kwargs as for asyncio's create_connection."""
        provider: aiormq.SSLContextProvider | None = kwargs.pop("ssl_context_provider", None)
        ssl = await provider.get_context() if url.scheme == "amqps" and provider else None
        loop = asyncio.get_running_loop()
        reader = asyncio.StreamReader(loop=loop)
        protocol = asyncio.StreamReaderProtocol(reader, loop=loop)
        try:
            transport, _ = await loop.create_connection(
                lambda: protocol, url.host, url.port, ssl=ssl, **kwargs
            )
        except OSError as exc:
            raise aiormq.exceptions.AMQPConnectionError(*exc.args) from exc
        return reader, CoalescingWriter(transport, protocol, reader, loop)


class BatchConnection(aiormq.Connection):
    """An aiormq connection whose writer can take a whole relay batch in one turn."""

    FRAME_BUFFER_SIZE = FRAME_BUFFER_SIZE


async def connect(url: str) -> aiormq.Connection:
    """Opens a BatchConnection with coalesced socket writes."""
    connection = BatchConnection(url, transport_factory=CoalescingTransportFactory())
    await connection.connect()
    return connection
