"""The community web app: FastAPI + Jinja2, its own SQLite, moderation only through the SDK.

Three integration modes, one per surface:
- posts: pre-publication. `moderate()` decides before the post is shown; hide/block is refused
  (kept hidden, so a moderator's later approval in Civility can still publish it).
- comments: post-publication. Published at once, `submit()`ted; the decision arrives by webhook
  (`POST /webhooks/civility`, subscribed at start-up with an admin key, signature checked with the
  SDK) or, as a fallback that can be turned off, by polling.
- chat: hybrid. Local rules refuse the obvious at once; the model decides asynchronously.

Decisions change: a moderator's verdict in Civility (approve, hide, remove, a reversal, an
upheld appeal) arrives as a `message.*` event with a higher `version`, and the item follows it.
Input Civility would refuse (validation.py) is refused here before anything is stored.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import structlog
from fastapi import FastAPI, Form, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from civility.client import (
    AsyncCivility,
    BadRequestError,
    CivilityError,
    Decision,
    Event,
    MessageInput,
)
from civility.client.webhooks import HEADER, WebhookVerificationError, verify_signature

from . import rules, subscription, validation
from .store import Store
from .validation import Refused

log = structlog.get_logger(__name__)
TEMPLATES = Jinja2Templates(directory=Path(__file__).parent / "templates")
REFUSED = ("hide", "block")


@dataclass
class Config:
    """Where Civility is, and how the community learns about late decisions."""

    civility_url: str
    api_key: str
    database: str = "community.db"
    webhook_secret: str = ""  # a subscription made by hand; empty when the app subscribes itself
    poll_seconds: float = 2.0  # 0 turns the polling fallback off
    admin_key: str = ""  # set: the app subscribes its receiver at start-up
    public_url: str = ""  # where Civility can reach this app

    @classmethod
    def from_env(cls) -> Config:
        """Reads COMMUNITY_* and CIVILITY_URL / CIVILITY_API_KEY / CIVILITY_ADMIN_KEY."""
        port = os.environ.get("COMMUNITY_PORT", "8100")
        return cls(
            civility_url=os.environ.get("CIVILITY_URL", "http://127.0.0.1:8000"),
            api_key=os.environ["CIVILITY_API_KEY"],
            database=os.environ.get("COMMUNITY_DB", "community.db"),
            webhook_secret=os.environ.get("COMMUNITY_WEBHOOK_SECRET", ""),
            poll_seconds=float(os.environ.get("COMMUNITY_POLL_SECONDS", "2")),
            admin_key=os.environ.get("CIVILITY_ADMIN_KEY", ""),
            public_url=os.environ.get("COMMUNITY_PUBLIC_URL", f"http://127.0.0.1:{port}"),
        )


async def poll_once(civ: AsyncCivility, store: Store) -> int:
    """Fallback for webhooks: asks Civility about every undecided item; returns how many landed."""
    landed = 0
    for item in store.undecided():
        assert item.civility_id is not None
        message = await civ.get_message(item.civility_id)
        if message.decided and message.action is not None:
            store.apply_decision(item.civility_id, message.action, _version(message))
            landed += 1
    return landed


def _version(message: Decision) -> int:
    """The version of a message's current decision: 0 automated, else its newest human one."""
    return message.history[-1].version if message.history else 0


async def _catch_up(civ: AsyncCivility, store: Store) -> None:
    """One poll at start-up: decisions made while the app was down sent their webhooks nowhere."""
    try:
        await poll_once(civ, store)
    except CivilityError as exc:
        log.warning("community.catch_up_failed", error=str(exc))


async def _subscribe(config: Config) -> subscription.Subscription | None:
    if not (config.admin_key and config.public_url):
        return None
    try:
        sub = await subscription.subscribe(config.civility_url, config.admin_key, config.public_url)
    except CivilityError as exc:  # keep the site up; polling (if on) still brings decisions
        log.error("community.subscribe_failed", error=str(exc), polling=config.poll_seconds > 0)
        return None
    log.info("community.subscribed", webhook=sub.id, url=sub.url)
    return sub


async def _unsubscribe(config: Config, sub: subscription.Subscription | None) -> None:
    if sub is None:
        return
    try:
        await subscription.unsubscribe(config.civility_url, config.admin_key, sub.id)
    except CivilityError as exc:  # it will be replaced at the next start anyway
        log.warning("community.unsubscribe_failed", webhook=sub.id, error=str(exc))


async def _poll_forever(civ: AsyncCivility, store: Store, every: float) -> None:
    while True:
        try:
            await poll_once(civ, store)
        except CivilityError as exc:  # the service is down: keep the site up, try again later
            log.warning("community.poll_failed", error=str(exc))
        await asyncio.sleep(every)


def create_app(config: Config) -> FastAPI:
    """Builds the community app."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.store = Store(config.database)
        app.state.civ = AsyncCivility(config.civility_url, config.api_key, max_concurrency=8)
        sub = await _subscribe(config)
        app.state.subscription = sub
        secrets = [config.webhook_secret] if config.webhook_secret else []
        app.state.webhook_secrets = secrets + ([sub.secret] if sub else [])
        poller = None
        if config.poll_seconds > 0:
            poller = asyncio.create_task(
                _poll_forever(app.state.civ, app.state.store, config.poll_seconds)
            )
        else:
            await _catch_up(app.state.civ, app.state.store)
        try:
            yield
        finally:
            if poller is not None:
                poller.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await poller
            await _unsubscribe(config, sub)
            await app.state.civ.aclose()
            app.state.store.close()

    app = FastAPI(title="Community (Civility example)", lifespan=lifespan)
    _routes(app)
    return app


def _page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return TEMPLATES.TemplateResponse(request, name, context, status_code=status)


def _routes(app: FastAPI) -> None:
    @app.get("/", response_class=HTMLResponse)
    async def index(request: Request) -> HTMLResponse:
        store: Store = request.app.state.store
        return _page(request, "index.html", posts=store.posts(), chat=store.chat())

    @app.exception_handler(Refused)
    async def refused(request: Request, exc: Refused) -> HTMLResponse:
        return _page(request, "refused.html", 422, what="input", reasons=[str(exc)])

    @app.post("/posts", response_model=None)
    async def create_post(
        request: Request, author: str = Form(), title: str = Form(), body: str = Form()
    ) -> Response:
        """Pre-publication: the decision comes first, the post is shown only if it is allowed."""
        store: Store = request.app.state.store
        civ: AsyncCivility = request.app.state.civ
        author = validation.author(author)
        text = validation.text(f"{title}\n\n{body}", "post")
        draft_id = f"post-{os.urandom(6).hex()}"
        try:
            decision = await civ.moderate(draft_id, author, "posts", text)
        except BadRequestError as exc:  # a limit this app does not know (another config)
            raise Refused(exc.message) from exc
        refused = decision.action in REFUSED
        # Kept, hidden, when refused: a moderator who approves it in Civility publishes it.
        post = store.add(
            "post",
            author,
            body,
            title=title,
            state="hidden" if refused else "visible",
            decision=decision.action,
        )
        store.link(post.id, decision.id)
        if refused:
            reasons = [r.message for r in decision.reasons]
            return _page(request, "refused.html", 422, what="post", reasons=reasons)
        return RedirectResponse("/", status_code=303)

    @app.get("/posts/{post_id}", response_class=HTMLResponse)
    async def show_post(request: Request, post_id: str) -> HTMLResponse:
        store: Store = request.app.state.store
        post = store.get(post_id)
        if post is None or post.state != "visible":
            return _page(request, "refused.html", 404, what="post", reasons=["no such post"])
        rating = await _rating(request, post_id)
        return _page(request, "post.html", post=post, comments=store.thread(post_id), rating=rating)

    @app.post("/posts/{post_id}/comments", response_model=None)
    async def create_comment(
        request: Request,
        post_id: str,
        author: str = Form(),
        body: str = Form(),
        parent_id: str | None = Form(None),
    ) -> Response:
        """Post-publication: visible now, hidden later if Civility says so."""
        store: Store = request.app.state.store
        author, body = validation.author(author), validation.text(body, "comment")
        comment = store.add("comment", author, body, post_id=post_id, parent_id=parent_id or None)
        await _submit(request, comment.id, author, f"post:{post_id}", body)
        return RedirectResponse(f"/posts/{post_id}", status_code=303)

    @app.post("/chat", response_model=None)
    async def chat(request: Request, author: str = Form(), body: str = Form()) -> Response:
        """Hybrid: local rules refuse at once; the model's verdict arrives asynchronously."""
        author, body = validation.author(author), validation.text(body, "message")
        refusal = rules.fast_check(body)
        if refusal is not None:
            return _page(request, "refused.html", 422, what="chat message", reasons=[refusal])
        store: Store = request.app.state.store
        message = store.add("chat", author, body)
        await _submit(request, message.id, author, "chat", body)
        return RedirectResponse("/", status_code=303)

    @app.post("/posts/{post_id}/rate", response_model=None)
    async def rate(
        request: Request, post_id: str, author: str = Form(), score: str = Form()
    ) -> Response:
        """Ratings go to Civility (trust-weighted averages); kept locally too, as a fallback."""
        author, stars = validation.author(author), validation.stars(score)
        try:
            await request.app.state.civ.rate(post_id, author, stars)
        except BadRequestError as exc:  # refused there: not kept here either
            raise Refused(exc.message) from exc
        except CivilityError as exc:
            log.warning("community.rating_not_forwarded", error=str(exc))
        request.app.state.store.rate(post_id, author, stars)
        return RedirectResponse(f"/posts/{post_id}", status_code=303)

    @app.post("/webhooks/civility", response_model=None)
    async def webhook(request: Request) -> Response:
        """Receives Civility's decision events (signed with `Civility-Signature`)."""
        raw = await request.body()
        secrets: list[str] = request.app.state.webhook_secrets
        if not secrets:
            return JSONResponse({"error": "webhooks are not configured"}, status_code=404)
        try:
            verify_signature(secrets, request.headers.get(HEADER), raw)
        except WebhookVerificationError as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)
        applied = _apply_events(request.app.state.store, raw)
        return JSONResponse({"applied": applied})


async def _submit(request: Request, item_id: str, author: str, channel: str, text: str) -> None:
    store: Store = request.app.state.store
    civ: AsyncCivility = request.app.state.civ
    try:
        [accepted] = await civ.submit([MessageInput(item_id, author, channel, text)])
    except BadRequestError as exc:
        # Refused there (a limit this app does not know): never shown unmoderated.
        store.apply_local_refusal(item_id)
        raise Refused(exc.message) from exc
    except CivilityError as exc:
        # Published already; without an id the poller cannot follow it, so say so loudly.
        log.error("community.submit_failed", item=item_id, error=str(exc))
        return
    store.link(item_id, accepted.id)


def _apply_events(store: Store, raw: bytes) -> int:
    # Civility's dispatcher POSTs one event per request (an item of GET /v1/events); a list, or
    # {"events": [...]}, is accepted too so a relay that batches can reuse this route.
    data = json.loads(raw)
    items = data.get("events", [data]) if isinstance(data, dict) else data
    applied = 0
    for item in items:
        # Automated decisions (version 0) and moderators' later ones (message.restored,
        # message.hidden, message.removed with version 1, 2, ...): the newest wins.
        change = Event.from_json(item).decision_change()
        if change is not None:
            applied += store.apply_decision(change.message_id, change.decision, change.version)
    return applied


async def _rating(request: Request, post_id: str) -> dict[str, Any]:
    count, average = request.app.state.store.local_rating(post_id)
    rating: dict[str, Any] = {"count": count, "average": average, "source": "local"}
    try:
        remote = await request.app.state.civ.get_rating(post_id)
    except CivilityError:
        return rating
    if remote.count:
        rating = {"count": remote.count, "average": remote.stable_average, "source": "civility"}
    return rating


def app() -> FastAPI:
    """The app configured from the environment (for `uvicorn --factory`)."""
    return create_app(Config.from_env())
