"""Rating review items in the review queue: GET /v1/review?view=ratings (issue 17 with 25)."""

from __future__ import annotations

import base64
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from tests.conftest import Api
from tests.ratings.test_ratings_api import _burst
from tests.review.review_seed import DEMO, seed

from civility.auth.keys import Role
from civility.ratings.reviews import RatingReview, ReviewStatus
from civility.storage.db import Database
from civility.storage.ratings import SqlRatingRepository


def queue(api: Api, role: Role = Role.MODERATOR, **params: Any) -> Any:
    return api.client.get("/v1/review", params=params, headers=api.headers(role))


def listing(api: Api, params: dict[str, Any]) -> Any:
    return queue(api, Role.MODERATOR, **params)


def test_a_burst_is_a_rating_item_of_the_queue_until_decided(api: Api) -> None:
    _burst(api)
    page = queue(api, view="ratings")
    assert page.status_code == 200, page.text
    (item,) = page.json()["items"]
    assert (item["kind"], item["reason"], item["status"], item["resolution"]) == (
        "rating_review",
        "burst",
        "pending",
        None,
    )
    assert (len(item["user_ids"]), item["post_ids"]) == (60, ["bp"])
    mod = api.headers(Role.MODERATOR)
    evidence = api.client.get(item["href"], headers=mod).json()["evidence"]
    assert evidence["posts"]["bp"]["average_without"] == 4.5
    verdict = api.client.post(f"{item['href']}/verdict", json={"verdict": "clear"}, headers=mod)
    assert verdict.status_code == 200, verdict.text

    assert queue(api, view="ratings").json()["items"] == []
    assert queue(api, view="ratings", status="claimed").json()["items"] == []
    (done,) = queue(api, view="ratings", status="resolved").json()["items"]
    assert (done["id"], done["status"], done["resolution"]) == (item["id"], "resolved", "cleared")
    assert done["resolved_by"] is not None


def test_message_items_say_their_kind(api: Api) -> None:
    seed(api.container.db, DEMO, api.container.clock.now())
    items = queue(api).json()["items"]
    assert items
    assert {i["kind"] for i in items} == {"message"}


def _stored(api: Api) -> list[RatingReview]:
    return _store(api.container.db, "rrv_")


def _store(db: Database, prefix: str) -> list[RatingReview]:
    """Seven items: four open, two confirmed, one cleared; two share their creation time."""
    t0 = datetime(2026, 3, 1, 12, tzinfo=UTC)
    statuses = [ReviewStatus.OPEN] * 4 + [ReviewStatus.CONFIRMED] * 2 + [ReviewStatus.CLEARED]
    reviews = []
    for n, status in enumerate(statuses):
        at = t0 + timedelta(minutes=min(n, 5))  # items 5 and 6 at the same moment
        decided = status is not ReviewStatus.OPEN
        reviews.append(
            RatingReview(
                id=f"{prefix}{n:02d}",
                key=f"burst:{prefix}p{n}",
                kind="burst",
                status=status,
                post_ids=(f"p{n}",),
                user_ids=(f"u{n}",),
                evidence={},
                created_at=at,
                updated_at=at,
                resolved_by="key:mod" if decided else None,
                resolved_at=at if decided else None,
            )
        )
    with SqlRatingRepository(db).transaction() as tx:
        tx.save_reviews(reviews)
    return reviews


def _walk(api: Api, status: str, limit: int) -> list[str]:
    seen: list[str] = []
    cursor = None
    for _ in range(10):
        params: dict[str, Any] = {"view": "ratings", "status": status, "limit": limit}
        if cursor:
            params["cursor"] = cursor
        body = listing(api, params).json()
        seen += [i["id"] for i in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            return seen
    raise AssertionError("the pages never end")


@pytest.mark.parametrize("limit", [1, 2, 3, 50])
def test_pages_are_newest_first_without_gaps_or_repeats(api: Api, limit: int) -> None:
    reviews = _stored(api)
    newest = sorted(reviews, key=lambda r: (r.created_at, r.id), reverse=True)
    assert _walk(api, "all", limit) == [r.id for r in newest]
    assert _walk(api, "pending", limit) == [r.id for r in newest if r.status is ReviewStatus.OPEN]
    # Confirmed and cleared items merged into one order.
    assert _walk(api, "resolved", limit) == ["rrv_06", "rrv_05", "rrv_04"]


def test_refusals(api: Api) -> None:
    _stored(api)
    assert queue(api, Role.SERVICE, view="ratings").status_code == 403
    for name in ("channel_id", "author_id", "category", "reason"):
        r = listing(api, {"view": "ratings", name: "x"})
        assert (r.status_code, r.json()["error"]["code"]) == (422, "filter_not_supported")
    for raw in ('["not a time", "rrv_1"]', '["2026-03-01T12:00:00", "rrv_1"]', "[1, 2]"):
        cursor = base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")
        r = queue(api, view="ratings", cursor=cursor)
        assert (r.status_code, r.json()["error"]["code"]) == (422, "bad_cursor"), raw
    assert queue(api, view="nonsense").status_code == 422


def test_the_sql_keyset_pages_on_both_databases(db: Database) -> None:
    prefix = f"rrv_{uuid.uuid4().hex[:8]}_"  # the session's PostgreSQL is shared
    mine = _store(db, prefix)
    repo = SqlRatingRepository(db)
    seen: list[str] = []
    before = None
    while True:
        page = repo.list_reviews(None, 2, before)
        if not page:
            break
        seen += [r.id for r in page if r.id.startswith(prefix)]
        before = (page[-1].created_at, page[-1].id)
    newest = sorted(mine, key=lambda r: (r.created_at, r.id), reverse=True)
    assert seen == [r.id for r in newest]
    open_after = repo.list_reviews(ReviewStatus.OPEN, 10, (mine[3].created_at, mine[3].id))
    assert [r.id for r in open_after if r.id.startswith(prefix)] == [
        f"{prefix}02",
        f"{prefix}01",
        f"{prefix}00",
    ]
