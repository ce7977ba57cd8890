"""The relay's AMQP connection coalesces a loop turn's writes."""

from __future__ import annotations

import asyncio
import socket

import pytest

from civility.outbox.transport import CoalescingWriter


async def _writer_and_peer() -> tuple[CoalescingWriter, socket.socket]:
    ours, peer = socket.socketpair()
    peer.setblocking(False)
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader(loop=loop)
    protocol = asyncio.StreamReaderProtocol(reader, loop=loop)
    transport, _ = await loop.create_connection(lambda: protocol, sock=ours)
    return CoalescingWriter(transport, protocol, reader, loop), peer


def _received(peer: socket.socket) -> bytes:
    try:
        return peer.recv(1 << 16)
    except BlockingIOError:
        return b""


def test_writes_of_one_loop_turn_leave_together_at_its_end() -> None:
    async def scenario() -> None:
        writer, peer = await _writer_and_peer()
        for part in (b"publish-1;", b"publish-2;", b"publish-3;"):
            writer.write(part)
        assert _received(peer) == b""  # nothing sent while the turn runs
        await asyncio.sleep(0)  # the loop's next turn
        assert _received(peer) == b"publish-1;publish-2;publish-3;"
        writer.close()
        await writer.wait_closed()
        peer.close()

    asyncio.run(scenario())


def test_drain_write_eof_and_close_send_what_is_queued_first() -> None:
    async def scenario() -> None:
        writer, peer = await _writer_and_peer()
        writer.write(b"heartbeat")
        await writer.drain()
        assert _received(peer) == b"heartbeat"
        writer.write(b"close")
        writer.write_eof()
        assert _received(peer) == b"close"
        with pytest.raises(RuntimeError):
            writer.write(b"late")  # as asyncio's own writer refuses it
        writer.close()
        await writer.wait_closed()
        peer.close()

    asyncio.run(scenario())
