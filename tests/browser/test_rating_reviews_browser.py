"""The Ratings tab of the queue in a real Chromium against the real server (issues 17 and 25).

Two rating review items wait (a burst and a review bomb, stored as the detector stores them);
a moderator sees the posts' averages without and with each group, clears the burst with a
note and confirms the review bomb: both leave the open list, and the ratings API and the review
queue's view=ratings say how each was decided and by whom.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from tests.browser.conftest import (
    PASSWORD,
    Server,
    seed_demo,
    serve_with_moderators,
)
from tests.conftest import IN_CI

from civility.ratings.reviews import RatingReview, ReviewStatus
from civility.storage.db import Database
from civility.storage.ratings import SqlRatingRepository

if not IN_CI:  # under CI=true a missing plugin is an import error, not a skip
    pytest.importorskip("pytest_playwright", reason="pip install pytest-playwright==0.10.0")
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.e2e, pytest.mark.slow]


def _item(n: int, kind: str, post: str, without: float, with_: float) -> RatingReview:
    at = datetime.now(UTC) - timedelta(hours=n)
    return RatingReview(
        id=f"rrv_browser{n}",
        key=f"{kind}:{post}",
        kind=kind,
        status=ReviewStatus.OPEN,
        post_ids=(post,),
        user_ids=tuple(f"{kind}-u{i}" for i in range(12)),
        evidence={"posts": {post: {"average_without": without, "average_with": with_}}},
        created_at=at,
        updated_at=at,
    )


def seed_ratings(db: Database) -> None:
    seed_demo(db)
    with SqlRatingRepository(db).transaction() as tx:
        tx.save_reviews(
            [
                _item(1, "burst", "post-a", 4.5, 2.25),
                _item(2, "review_bomb", "post-b", 4.1, 2.9),
            ]
        )


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server of this module's own."""
    yield from serve_with_moderators(tmp_path_factory, "rating-reviews", seed_ratings, ("mod",))


def test_a_moderator_clears_and_confirms_rating_review_items(
    page: Page, server: Server, artifacts: Path
) -> None:
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(f"{server.url}/dashboard/queue?view=flagged")
    page.get_by_label("User name").fill("mod")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/dashboard/queue"))
    lists = page.get_by_role("navigation", name="Lists")
    lists.get_by_role("link", name="Rating reviews").click()
    expect(page).to_have_url(re.compile(r"/dashboard/queue/ratings"))

    rows = page.locator("table.rating-reviews tbody tr[data-id]")
    expect(rows).to_have_count(2)
    burst = page.locator("#rating-rrv_browser1")
    expect(burst).to_contain_text("burst")
    expect(burst).to_contain_text("post-a: 4.5 → 2.25")
    expect(burst).to_contain_text("12")
    page.screenshot(path=str(artifacts / "rating-reviews-01-open.png"), full_page=True)

    burst.get_by_placeholder("optional note").fill("a real fan club")
    burst.get_by_role("button", name="Clear").click()
    expect(page.locator("#flash")).to_contain_text("Cleared")
    expect(rows).to_have_count(1)
    page.locator("#rating-rrv_browser2").get_by_role("button", name="Confirm").click()
    expect(page.locator("#flash")).to_contain_text("Confirmed")
    expect(page.locator("table.rating-reviews")).to_contain_text("No open rating review items.")

    page.goto(f"{server.url}/dashboard/queue/ratings?status=all")
    expect(rows).to_have_count(2)
    expect(page.locator("#rating-rrv_browser1")).to_contain_text("cleared by dashboard:mod")
    page.screenshot(path=str(artifacts / "rating-reviews-02-decided.png"), full_page=True)

    headers = {"Authorization": f"Bearer {server.key}"}
    with httpx.Client(base_url=server.url, headers=headers) as client:
        cleared = client.get("/v1/ratings/reviews/rrv_browser1").json()
        assert (cleared["status"], cleared["note"]) == ("cleared", "a real fan club")
        queue = client.get("/v1/review", params={"view": "ratings", "status": "resolved"})
        assert [(i["id"], i["resolution"]) for i in queue.json()["items"]] == [
            ("rrv_browser1", "cleared"),
            ("rrv_browser2", "confirmed"),
        ]
