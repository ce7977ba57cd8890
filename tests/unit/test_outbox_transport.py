"""The relay's AMQP connection coalesces a loop turn's writes, and its messages carry the same
properties as aio-pika's Message would give them (docs/events.md)."""

from __future__ import annotations

import asyncio
import socket
from datetime import UTC, datetime

import aio_pika
import pytest
from pamqp.header import ContentHeader

from civility.events.models import SCHEMA_VERSION, Event
from civility.outbox.amqp import AmqpEventPublisher
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


def test_properties_are_those_of_aio_pikas_message_byte_for_byte() -> None:
    event = Event(
        id="decision:msg_1",
        type="message.hidden",
        actor="system",
        subject_type="message",
        subject_id="msg_1",
        channel_id="c",
        payload={"decision": "hide"},
        created_at=datetime(2026, 3, 1, 12, 30, 5, tzinfo=UTC),
    )
    ours = AmqpEventPublisher("amqp://unused/", tenant="forum").properties(event)
    theirs = aio_pika.Message(
        b"",
        message_id=event.id,
        type=event.type,
        timestamp=event.created_at,
        content_type="application/json",
        delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
        headers={"schema_version": SCHEMA_VERSION, "tenant": "forum"},
    ).properties
    assert ContentHeader(properties=ours, body_size=7).marshal() == (
        ContentHeader(properties=theirs, body_size=7).marshal()
    )
