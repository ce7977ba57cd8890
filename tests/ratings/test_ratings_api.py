"""Ratings through the HTTP API: accept, flush, read, validation, limits with Retry-After."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.conftest import Api

from civility.api.routes.ratings import RatingBulkOut
from civility.auth.keys import Role
from civility.settings import Settings, load_settings


@pytest.fixture
def settings(sqlite_url: str, tmp_path: Path) -> Settings:
    """Small limits so the tests can reach them."""
    return load_settings(
        database_url=sqlite_url,
        data_dir=tmp_path,
        env="test",
        scorer="lexicon-baseline",
        ratings_user_limit="3/hour",
        ratings_post_limit="5/minute",
        ratings_max_bulk=10,
        ratings_flush_interval_ms=600_000,  # the tests flush explicitly
    )


def flush(api: Api) -> None:
    """Applies pending ratings now, on the app's own event loop."""
    applier = api.client.app.state.container.rating_applier  # type: ignore[attr-defined]
    assert api.client.portal is not None
    assert api.client.portal.call(applier.flush) is True


def rating(post: str = "p1", user: str = "u1", score: Any = 4, **extra: Any) -> dict[str, Any]:
    return {"post_id": post, "user_id": user, "score": score, **extra}


def test_a_rating_is_accepted_then_readable_after_the_flush(api: Api) -> None:
    h = api.headers(Role.SERVICE)
    r = api.client.post("/v1/ratings", json=rating(ip="203.0.113.9"), headers=h)
    assert r.status_code == 202, r.text
    assert r.json() == {"post_id": "p1", "user_id": "u1", "status": "accepted", "retry_after": None}
    assert api.client.get("/v1/posts/p1/rating", headers=h).json()["count"] == 0
    flush(api)
    api.client.post("/v1/ratings", json=rating(user="u2", score=2), headers=h)
    api.client.post("/v1/ratings", json=rating(user="u1", score=5), headers=h)  # replaces 4
    flush(api)
    body = api.client.get("/v1/posts/p1/rating", headers=h).json()
    assert body["count"] == 2
    assert body["raw_average"] == 3.5
    assert body["trusted_average"] == 3.5
    assert body["suspicious_count"] == 0
    assert body["stable_average"] is not None


def test_bulk_reports_each_item_and_limits_per_user(api: Api) -> None:
    h = api.headers()
    items = [rating(post=f"b{i}", user="heavy", score=3) for i in range(4)]
    items.append(rating(post="b0", user="light", score=1, user_created_at="2026-01-01T00:00:00Z"))
    r = api.client.post("/v1/ratings/bulk", json={"ratings": items}, headers=h)
    assert r.status_code == 202, r.text
    body = r.json()
    assert [i["status"] for i in body["items"]] == ["accepted"] * 3 + ["rate_limited", "accepted"]
    assert body["items"][3]["retry_after"] >= 1
    assert (body["accepted"], body["rate_limited"]) == (4, 1)
    # Written without the model, the answer is still exactly the documented RatingBulkOut.
    assert RatingBulkOut.model_validate(body).model_dump(mode="json") == body
    assert body["items"][0] == {
        "post_id": "b0",
        "user_id": "heavy",
        "status": "accepted",
        "retry_after": None,
    }
    flush(api)
    assert api.client.get("/v1/posts/b0/rating", headers=h).json()["count"] == 2


def test_the_user_limit_is_a_429_with_retry_after(api: Api) -> None:
    h = api.headers(Role.SERVICE)
    for i in range(3):
        assert (
            api.client.post("/v1/ratings", json=rating(post=f"q{i}"), headers=h).status_code == 202
        )
    r = api.client.post("/v1/ratings", json=rating(post="q9"), headers=h)
    assert r.status_code == 429
    assert int(r.headers["Retry-After"]) >= 1
    assert r.json()["error"]["code"] == "rate_limited"
    bulk = api.client.post("/v1/ratings/bulk", json={"ratings": [rating(post="q8")]}, headers=h)
    assert bulk.status_code == 429
    assert int(bulk.headers["Retry-After"]) >= 1


def test_the_post_limit_is_a_429(api: Api) -> None:
    h = api.headers(Role.SERVICE)
    codes = [
        api.client.post("/v1/ratings", json=rating(post="hot", user=f"v{i}"), headers=h).status_code
        for i in range(6)
    ]
    assert codes == [202] * 5 + [429]


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        (rating(score=5.5), 422, "invalid_request"),
        (rating(score=-1), 422, "invalid_request"),
        (rating(score="five"), 422, "invalid_request"),
        (rating(score=None), 422, "invalid_request"),
        (rating(stars=3), 422, "invalid_request"),
        ({"post_id": "p", "score": 3}, 422, "invalid_request"),
        (rating(post=""), 422, "invalid_request"),
        (rating(user="x" * 201), 422, "invalid_request"),
        (rating(ip="not-an-ip"), 422, "invalid_request"),
        (rating(user_created_at="yesterday"), 422, "invalid_request"),
        ([rating()], 422, "invalid_request"),
    ],
)
def test_bad_ratings_are_clear_4xx(api: Api, body: Any, status: int, code: str) -> None:
    r = api.client.post("/v1/ratings", json=body, headers=api.headers())
    assert r.status_code == status, r.text
    assert r.json()["error"]["code"] == code
    assert r.json()["error"]["message"]


def test_non_finite_scores_are_refused(api: Api) -> None:
    body = b'{"post_id": "p", "user_id": "u", "score": NaN}'
    headers = {**api.headers(), "Content-Type": "application/json"}
    r = api.client.post("/v1/ratings", content=body, headers=headers)
    assert 400 <= r.status_code < 500
    assert r.json()["error"]["code"] in ("invalid_json", "invalid_request")


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"ratings": []}, "invalid_request"),
        ({"ratings": [rating()], "extra": 1}, "invalid_request"),
        ({"ratings": [rating(score=9)]}, "invalid_request"),
        ({"ratings": [rating(user=f"u{i}") for i in range(11)]}, "batch_too_large"),
    ],
)
def test_bad_bulk_requests_are_422(api: Api, body: Any, code: str) -> None:
    r = api.client.post("/v1/ratings/bulk", json=body, headers=api.headers())
    assert r.status_code == 422, r.text
    assert r.json()["error"]["code"] == code


def test_roles_and_unknown_posts(api: Api) -> None:
    r = api.client.post("/v1/ratings", json=rating(), headers=api.headers(Role.MODERATOR))
    assert r.status_code == 403
    assert api.client.get("/v1/posts/p1/rating").status_code == 401
    body = api.client.get("/v1/posts/never-rated/rating", headers=api.headers(Role.MODERATOR))
    assert body.status_code == 200
    assert body.json()["count"] == 0
    assert body.json()["raw_average"] is None
    long_id = api.client.get(f"/v1/posts/{'x' * 201}/rating", headers=api.headers())
    assert long_id.status_code == 422


def _burst(api: Api) -> None:
    """A post with history, then a burst from new accounts, applied straight to the service."""
    from datetime import UTC, datetime, timedelta

    from civility.ratings.models import RatingSubmission

    service = api.client.app.state.container.ratings  # type: ignore[attr-defined]
    t0 = datetime.now(UTC) - timedelta(days=3)
    old = t0 - timedelta(days=900)
    service.apply(
        [
            RatingSubmission("bp", f"fan{i}", 4.5, t0 + timedelta(minutes=30 * i), old)
            for i in range(60)
        ]
    )
    at = datetime.now(UTC)
    service.apply([RatingSubmission("bp", f"a{i}", 0.0, at, at) for i in range(60)])


def test_moderators_see_one_review_item_per_burst_and_decide_it(api: Api) -> None:
    _burst(api)
    mod = api.headers(Role.MODERATOR)
    assert (
        api.client.get("/v1/ratings/reviews", headers=api.headers(Role.SERVICE)).status_code == 403
    )
    items = api.client.get("/v1/ratings/reviews", headers=mod).json()["items"]
    assert [(i["kind"], len(i["user_ids"]), i["post_ids"]) for i in items] == [
        ("burst", 60, ["bp"])
    ]
    item = api.client.get(f"/v1/ratings/reviews/{items[0]['id']}", headers=mod).json()
    assert item["evidence"]["posts"]["bp"]["average_without"] == 4.5
    assert "held" not in item["evidence"]
    url = f"/v1/ratings/reviews/{item['id']}/verdict"
    bad = api.client.post(url, json={"verdict": "maybe"}, headers=mod)
    assert bad.status_code == 422
    assert bad.json()["error"]["code"] == "invalid_request"
    done = api.client.post(url, json={"verdict": "clear", "note": "fine"}, headers=mod)
    assert done.status_code == 200, done.text
    assert done.json()["status"] == "cleared"
    again = api.client.post(url, json={"verdict": "confirm"}, headers=mod)
    assert (again.status_code, again.json()["error"]["code"]) == (409, "already_resolved")
    missing = api.client.post(
        "/v1/ratings/reviews/rrv_x/verdict", json={"verdict": "clear"}, headers=mod
    )
    assert (missing.status_code, missing.json()["error"]["code"]) == (
        404,
        "rating_review_not_found",
    )
    assert api.client.get("/v1/ratings/reviews?status=cleared", headers=mod).json()["items"]
    body = api.client.get("/v1/posts/bp/rating", headers=mod).json()
    assert body["suspicious_count"] == 0
    assert body["under_review"] is None
