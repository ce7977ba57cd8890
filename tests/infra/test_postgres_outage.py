"""PostgreSQL unreachable for 10 s (a TCP proxy in the test is cut; the shared server keeps
running): writes answer 503 with a clear error, and the service recovers by itself without
losing anything it accepted."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from tests.infra.infra_helpers import wait_until

from civility.api.app import create_app
from civility.auth.keys import Role
from civility.container import Container, build_container
from civility.scoring.lexicon import LexiconBaselineScorer
from civility.settings import load_settings
from civility.storage import tables as t

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


class TcpProxy:
    """Forwards 127.0.0.1:<port> to a target; `cut()` drops and refuses connections."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self._target = (target_host, target_port)
        self._loop = asyncio.new_event_loop()
        self._writers: set[asyncio.StreamWriter] = set()
        self.cut_off = False
        self.port = 0
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        server = self._loop.run_until_complete(asyncio.start_server(self._handle, "127.0.0.1", 0))
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        self._loop.run_forever()
        server.close()
        self._loop.run_until_complete(server.wait_closed())
        self._loop.close()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self.cut_off:
            writer.close()
            return
        try:
            up_reader, up_writer = await asyncio.open_connection(*self._target)
        except OSError:
            writer.close()
            return
        self._writers |= {writer, up_writer}
        await asyncio.gather(self._pipe(reader, up_writer), self._pipe(up_reader, writer))

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while chunk := await reader.read(65536):
                writer.write(chunk)
                await writer.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            self._writers.discard(writer)
            writer.close()

    def start(self) -> None:
        """Starts forwarding."""
        self._thread.start()
        assert self._ready.wait(5)

    def cut(self) -> None:
        """Drops every open connection and refuses new ones."""

        def drop() -> None:
            self.cut_off = True
            for w in list(self._writers):
                w.transport.abort()

        self._loop.call_soon_threadsafe(drop)

    def restore(self) -> None:
        """Accepts connections again."""
        self.cut_off = False

    def stop(self) -> None:
        """Stops the proxy thread."""
        self.cut()
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)


@pytest.fixture
def proxy() -> Iterator[TcpProxy]:
    p = TcpProxy("127.0.0.1", 5432)
    p.start()
    yield p
    p.stop()


def _msg(tag: str, i: int) -> dict[str, Any]:
    return {"message_id": f"{tag}-{i}", "author_id": "u", "channel_id": tag, "text": f"hi {i}"}


def test_a_10_second_database_outage_answers_503_and_recovers(
    postgres_url: str, proxy: TcpProxy, tmp_path: Path
) -> None:
    url = postgres_url.replace("127.0.0.1:5432", f"127.0.0.1:{proxy.port}")
    settings = load_settings(
        database_url=url,
        env="test",
        scorer="lexicon-baseline",
        data_dir=tmp_path,
        pending_sweep_seconds=1,
        pending_min_age_seconds=1,
        batch_max_wait_ms=1,
    )
    built: list[Container] = []

    def build() -> Container:
        built.append(build_container(settings, scorer=LexiconBaselineScorer()))
        return built[0]

    with TestClient(create_app(build), raise_server_exceptions=False) as client:
        c = built[0]
        h = {"Authorization": f"Bearer {c.api_keys.create(Role.SERVICE).secret}"}
        accepted: list[str] = []

        def submit(tag: str, n: int) -> int:
            r = client.post(
                "/v1/messages", json={"messages": [_msg(tag, i) for i in range(n)]}, headers=h
            )
            if r.status_code == 202:
                accepted.extend(item["id"] for item in r.json()["items"])
            return r.status_code

        assert submit("before", 50) == 202
        proxy.cut()
        outage_end = time.monotonic() + 10
        answers: list[tuple[int, str]] = []
        while time.monotonic() < outage_end:
            r = client.post("/v1/moderate", json=_msg("during", len(answers)), headers=h)
            answers.append(
                (r.status_code, r.json()["error"]["code"] if r.status_code >= 400 else "")
            )
            submit("during-async", 5)
        ready = client.get("/readyz")
        proxy.restore()

        assert answers, "no request was answered during the outage"
        assert {status for status, _ in answers} == {503}, answers[:5]
        assert {code for _, code in answers} == {"database_unavailable"}
        assert ready.status_code == 503
        assert submit("after", 50) == 202
        r = client.post("/v1/moderate", json=_msg("after-sync", 1), headers=h)
        assert r.status_code == 200

        def decided() -> int:
            with c.db.read() as conn:
                return int(
                    conn.execute(
                        select(func.count())
                        .select_from(t.decisions)
                        .where(t.decisions.c.message_id.in_(accepted))
                    ).scalar_one()
                )

        # Deliveries that failed during the outage are re-enqueued by the pending sweeper.
        assert wait_until(lambda: decided() == len(accepted), 60), (decided(), len(accepted))
        assert client.get("/readyz").status_code == 200
