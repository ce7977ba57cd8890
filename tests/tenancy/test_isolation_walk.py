"""Every route, called with one tenant's keys on another tenant's data, sees nothing of it.

The walk reads the routes from the app's OpenAPI document, so a new route is walked without
anyone remembering to add it. For each route, tenant beta calls it with alpha's ids and with
ids that exist nowhere: the answers must be the same (after replacing the ids), so beta can
neither read alpha's data nor learn that it exists. Lists, filters and cursors must not hold
alpha's markers; beta's mutations on alpha's ids must leave everything alpha sees unchanged;
and the dashboard of a beta user shows nothing of alpha.
"""

from __future__ import annotations

import itertools
import json
import re
from datetime import timedelta
from typing import Any

from tests.tenancy.conftest import Tenanted

from civility.auth.dashboard import DashboardRole

# Routes not walked, and why.
NOT_WALKED = {
    "/healthz": "no tenant data",
    "/readyz": "no tenant data",
    "/metrics": "process metrics; per-tenant series are named by tenant (docs/tenancy.md)",
    "/v1/coral/moderation-phase": "signed by Coral, not keyed: the default tenant's only",
}
# The owner's routes manage the installation's tenants (test_tenants_api.py).
OWNER_ROUTES = "/v1/tenants"

# One valid body per mutating route ({param} is replaced like the path's parameters).
BODIES: dict[tuple[str, str], Any] = {
    ("POST", "/v1/analyze"): {"text": "hello", "channel_id": "{channel_id}"},
    ("POST", "/v1/moderate"): {
        "message_id": "walk-1",
        "channel_id": "{channel_id}",
        "author_id": "{author_id}",
        "text": "walking by",
    },
    ("POST", "/v1/messages"): {
        "message_id": "walk-2",
        "channel_id": "{channel_id}",
        "author_id": "{author_id}",
        "text": "walking by",
    },
    ("POST", "/v1/review/resolve"): {"action": "approve", "item_ids": ["{item_id}"]},
    ("POST", "/v1/review/{item_id}/claim"): None,
    ("POST", "/v1/review/{item_id}/resolve"): {"action": "approve"},
    ("POST", "/v1/review/{item_id}/reverse"): {"note": "walk"},
    ("POST", "/v1/review/{item_id}/undo"): None,
    ("POST", "/v1/review/{item_id}/notes"): {"text": "walk"},
    ("POST", "/v1/users/{author_id}/notes"): {"text": "walk"},
    ("POST", "/v1/reports"): {"id": "{id}", "reporter_id": "walker", "reason": "spam"},
    ("POST", "/v1/reports/queue/{message_id}/resolve"): {"action": "dismiss"},
    ("POST", "/v1/reports/queue/{message_id}/reverse"): {"note": "walk"},
    ("POST", "/v1/reports/queue/{message_id}/undo"): None,
    ("POST", "/v1/appeals"): {
        "kind": "decision",
        "author_id": "{author_id}",
        "statement": "walk",
        "id": "{id}",
    },
    ("POST", "/v1/appeals/{appeal_id}/decide"): {"outcome": "uphold"},
    ("POST", "/v1/ratings"): {"post_id": "{post_id}", "user_id": "walker", "score": 1},
    ("POST", "/v1/ratings/bulk"): {
        "ratings": [{"post_id": "{post_id}", "user_id": "walker", "score": 1}]
    },
    ("POST", "/v1/ratings/reviews/{review_id}/verdict"): {"verdict": "confirm"},
    ("POST", "/v1alpha1/comments:analyze"): {
        "comment": {"text": "walking by"},
        "requestedAttributes": {"TOXICITY": {}},
    },
    ("POST", "/v1alpha1/comments:suggestscore"): {
        "comment": {"text": "walking by"},
        "attributeScores": {"TOXICITY": {"summaryScore": {"value": 0.9}}},
    },
    ("POST", "/v1/moderations"): {"input": "walking by"},
    ("PUT", "/v1/channels/{channel_id}/policy"): {
        "categories": {
            "insult": {"flag": 0.1, "hide": 0.97, "block": 0.99},
            "toxicity": {"flag": 0.1, "hide": 0.97, "block": 0.99},
        }
    },
    ("POST", "/v1/blocklist"): {"pattern": "walkword", "channel_id": "{channel_id}"},
    ("DELETE", "/v1/blocklist/{entry_id}"): None,
    ("POST", "/v1/blocklist/import"): [{"pattern": "walkword2"}],
    ("POST", "/v1/blocklist/test"): {"text": "walkword", "channel_id": "{channel_id}"},
    ("POST", "/v1/users/{author_id}/ban"): {"reason": "walk", "channel_id": "{channel_id}"},
    ("POST", "/v1/users/{author_id}/unban"): {"reason": "walk", "channel_id": "{channel_id}"},
    ("POST", "/v1/users/{author_id}/strikes/reset"): {"reason": "walk"},
    ("POST", "/v1/webhooks"): {"url": "http://127.0.0.1:9/walk", "event_types": ["*"]},
    ("DELETE", "/v1/webhooks/{webhook_id}"): None,
    ("POST", "/v1/webhooks/{webhook_id}/rotate-secret"): None,
    ("POST", "/v1/webhooks/{webhook_id}/enable"): None,
    ("POST", "/v1/webhooks/{webhook_id}/disable"): None,
    ("POST", "/v1/apikeys"): {"role": "service", "name": "walk"},
    ("POST", "/v1/apikeys/{key_id}/revoke"): None,
    ("DELETE", "/v1/authors/{author_id}"): None,
    ("POST", "/v1/notifications"): {
        "kind": "slack",
        "url": "https://hooks.slack.com/services/T000/B000/walk",
    },
    ("DELETE", "/v1/notifications/{notification_id}"): None,
    ("POST", "/v1/notifications/{notification_id}/enable"): None,
    ("POST", "/v1/notifications/{notification_id}/disable"): None,
}


def ok(response: Any, *codes: int) -> Any:
    """Asserts a seeding call worked and returns its JSON."""
    assert response.status_code in (codes or (200, 201, 202)), response.text
    return response.json()


def seed(t: Tenanted, name: str) -> dict[str, str]:
    """Writes one tenant's data of every kind through the API; returns its ids by parameter."""
    marker = f"{name}marker"
    author, chan, post = f"{name}-author", f"{name}-chan", f"{name}-post"

    def call(method: str, url: str, body: Any = None, role: str = "admin") -> Any:
        return t.call(method, url, name, role, json=body)

    ok(
        call(
            "PUT",
            f"/v1/channels/{chan}/policy",
            BODIES[("PUT", "/v1/channels/{channel_id}/policy")],
        )
    )
    blocked = {"pattern": f"{name}badword", "channel_id": chan, "action": "block"}
    entry = ok(call("POST", "/v1/blocklist", blocked), 201)
    message = {"channel_id": chan, "author_id": author}
    hidden = ok(
        call("POST", "/v1/moderate", {**message, "message_id": "m1", "text": f"idiot {marker}"})
    )
    allowed = ok(
        call("POST", "/v1/moderate", {**message, "message_id": "m2", "text": f"hi {marker}"})
    )
    ok(call("POST", "/v1/messages", {**message, "message_id": "m3", "text": f"later {marker}"}))
    text = f"{name}badword {marker}"
    hidden_ = ok(call("POST", "/v1/moderate", {**message, "message_id": "m4", "text": text}))
    assert hidden_["decision"] == "block", hidden_
    report = {"id": allowed["id"], "reporter_id": f"{name}-reporter", "reason": "spam"}
    ok(call("POST", "/v1/reports", report), 201)
    appeal_body = {
        "kind": "decision",
        "author_id": author,
        "statement": marker,
        "id": hidden_["id"],
    }
    appeal = ok(call("POST", "/v1/appeals", appeal_body), 201)
    ok(call("POST", f"/v1/users/{author}/notes", {"text": f"note {marker}"}), 201)
    ok(call("POST", f"/v1/users/{author}/ban", {"reason": marker, "channel_id": chan}), 201)
    ok(call("POST", "/v1/ratings", {"post_id": post, "user_id": f"{name}-rater", "score": 4}))
    hook = ok(
        call("POST", "/v1/webhooks", {"url": f"http://127.0.0.1:9/{name}", "event_types": ["*"]}),
        201,
    )
    slack = {"kind": "slack", "url": f"https://hooks.slack.com/services/T/B/{name}", "name": marker}
    note_channel = ok(call("POST", "/v1/notifications", slack), 201)
    key = ok(call("POST", "/v1/apikeys", {"role": "service", "name": marker}), 201)
    items = ok(call("GET", "/v1/review?state=pending"))["items"]
    assert items, "the hidden message should be queued for review"
    return {
        "id": hidden["id"],
        "message_id": allowed["id"],
        "item_id": items[0]["id"],
        "author_id": author,
        "channel_id": chan,
        "post_id": post,
        "appeal_id": appeal["id"],
        "entry_id": str(entry["id"]),
        "webhook_id": str(hook["id"]),
        "notification_id": str(note_channel["id"]),
        "key_id": key["key_id"],
        "review_id": "rrv_01JZZZZZZZZZZZZZZZZZZZZZZZ",  # no rating review in the seed: a shape
        "marker": marker,
    }


def nowhere(ids: dict[str, str]) -> dict[str, str]:
    """Ids of the same shapes that exist in no tenant."""
    return {
        k: v
        if k == "marker"
        else re.sub(r"[0-9A-Za-z]$", lambda m: "Q" if m[0] != "Q" else "R", v)
        + ("" if k != "author_id" else "-ghost")
        for k, v in ids.items()
    }


def routes(t: Tenanted) -> list[tuple[str, str, dict[str, Any]]]:
    """(method, path template, operation) of every walked route of the OpenAPI document."""
    found = []
    for path, ops in t.client.app.openapi()["paths"].items():  # type: ignore[attr-defined]
        if path in NOT_WALKED or path.startswith(OWNER_ROUTES):
            continue
        for method, op in ops.items():
            found.append((method.upper(), path, op))
    return found


def fill(template: str, ids: dict[str, str]) -> str:
    """Replaces {param} by the id it names ({channel_id} of notifications is a notification)."""
    if template.startswith("/v1/notifications/"):
        template = template.replace("{channel_id}", "{notification_id}")
    return re.sub(r"\{(\w+)\}", lambda m: ids[m[1]], template)


def body_for(method: str, path: str, ids: dict[str, str]) -> Any:
    """The route's walking body with the ids filled in."""
    key = (
        method,
        path.replace("/v1/notifications/{channel_id}", "/v1/notifications/{notification_id}"),
    )
    assert key in BODIES, f"no walking body for {method} {path}: add one to BODIES"
    body = BODIES[key]
    if body is None:
        return None
    return json.loads(fill(json.dumps(body), ids))


def query_for(op: dict[str, Any], ids: dict[str, str]) -> dict[str, str]:
    """Filters naming another tenant's objects, for every filter the route has."""
    names = {p["name"] for p in op.get("parameters", []) if p["in"] == "query"}
    return {n: ids[n] for n in ("channel_id", "author_id", "post_id", "message_id") if n in names}


def normalise(text: str, ids: dict[str, str]) -> str:
    """The answer with the ids it was asked about replaced, to compare two walks."""
    for k, v in sorted(ids.items(), key=lambda kv: -len(kv[1])):
        if k != "marker":
            text = text.replace(v, f"<{k}>")
    return re.sub(r'"request_id":\s*"[0-9a-f]+"', '"request_id":"<r>"', text)


def assert_unseen(text: str, alpha: dict[str, str], where: str) -> None:
    """Fails when an answer holds any trace of alpha's data."""
    for key in ("marker", "author_id", "channel_id", "post_id", "id", "message_id", "appeal_id"):
        assert alpha[key] not in text, f"{where} shows alpha's {key}: {text[:300]}"


def snapshot(t: Tenanted, tenant: str, ids: dict[str, str]) -> dict[str, str]:
    """Everything a tenant's admin reads, route by route (the clock stands still)."""
    seen = {}
    for method, path, op in routes(t):
        if method != "GET":
            continue
        url = fill(path, ids)
        r = t.call("GET", url, tenant, params=query_for(op, ids))
        seen[f"GET {url}"] = f"{r.status_code} {normalise(r.text, {})}"
    return seen


def apply_ratings(t: Tenanted) -> None:
    """Applies every tenant's accepted ratings now: the applier flushes on wall time."""
    for name in ("alpha", "beta"):
        applier = t.root.tenants.get(t.ids[name]).rating_applier
        assert t.client.portal.call(applier.flush) is True


def test_every_route_hides_one_tenants_data_from_another(any_tenanted: Tenanted) -> None:
    t = any_tenanted
    t.add_tenant("alpha")
    t.add_tenant("beta")
    alpha = seed(t, "alpha")
    seed(t, "beta")
    ghost = nowhere(alpha)
    walked: set[tuple[str, str]] = set()

    # Reads: alpha's ids answer exactly as ids that exist nowhere; lists show no trace.
    # The default tenant (the installation's own) is a tenant like the others.
    for viewer, (method, path, op) in itertools.product(("beta", "default"), routes(t)):
        if method != "GET":
            continue
        walked.add((method, path))
        real = t.call("GET", fill(path, alpha), viewer, params=query_for(op, alpha))
        fake = t.call("GET", fill(path, ghost), viewer, params=query_for(op, ghost))
        assert real.status_code < 500, (path, real.text)
        assert fake.status_code < 500, (path, fake.text)
        assert (real.status_code, normalise(real.text, alpha)) == (
            fake.status_code,
            normalise(fake.text, ghost),
        ), f"GET {path} answers differently for alpha's ids"
        # It may echo the ids it was asked about; it must not show alpha's content.
        assert alpha["marker"] not in real.text, f"GET {path}: {real.text[:300]}"
        if "{" not in path:
            # Unfiltered, a list must not hold a trace of alpha at all.
            whole = t.call("GET", path, viewer, params={"limit": 200} if "limit" in str(op) else {})
            assert whole.status_code < 500, whole.text
            assert_unseen(whole.text, alpha, f"GET {path} as {viewer}")

    # Cursors: alpha's page cursor gives beta nothing of alpha's.
    for path in ("/v1/messages", "/v1/events", "/v1/review"):
        first = t.call("GET", path, "alpha", params={"limit": 1}).json()
        cursor = first.get("next_cursor")
        assert cursor, f"{path}: alpha should have a second page"
        r = t.call("GET", path, "beta", params={"limit": 50, "cursor": cursor})
        assert r.status_code < 500, r.text
        assert_unseen(r.text, alpha, f"GET {path} with alpha's cursor")

    # Counts: beta's stats and standing count only beta's messages.
    now = t.root.clock.now()
    span = {"bucket": "day", "since": (now - timedelta(days=2)).isoformat()}
    span["until"] = (now + timedelta(days=1)).isoformat()
    totals = {
        name: sum(
            b["total"] for b in t.call("GET", "/v1/stats", name, params=span).json()["buckets"]
        )
        for name in ("alpha", "beta")
    }
    assert totals == {"alpha": 4, "beta": 4}, totals
    standing = t.call("GET", f"/v1/users/{alpha['author_id']}", "beta").json()
    assert "alphamarker" not in json.dumps(standing)

    # Writes: beta acting on alpha's ids changes nothing alpha sees, and answers as for
    # ids that exist nowhere.
    apply_ratings(t)
    before = snapshot(t, "alpha", alpha)
    for method, path, _ in routes(t):
        if method == "GET":
            continue
        walked.add((method, path))
        real = t.call(method, fill(path, alpha), "beta", json=body_for(method, path, alpha))
        fake = t.call(method, fill(path, ghost), "beta", json=body_for(method, path, ghost))
        assert real.status_code < 500, (method, path, real.text)
        assert fake.status_code < 500, (method, path, fake.text)
        assert real.status_code == fake.status_code, (method, path, real.text, fake.text)
        assert "alphamarker" not in real.text, (method, path, real.text)
    apply_ratings(t)
    after = snapshot(t, "alpha", alpha)
    changed = [k for k in before if before[k] != after[k]]
    assert not changed, f"beta's writes changed what alpha sees: {changed}"

    every = {(m, p) for m, p, _ in routes(t)}
    assert walked == every, every - walked


def test_a_tenants_dashboard_user_sees_only_that_tenant(tenanted: Tenanted) -> None:
    t = tenanted
    beta_id = t.add_tenant("beta")
    t.add_tenant("alpha")
    alpha = seed(t, "alpha")
    seed(t, "beta")
    password = "correct horse battery"
    t.root.dashboard.create(
        "beta-admin", password, DashboardRole.ADMIN, actor="test", tenant=beta_id
    )
    csrf = re.compile(r'name="csrf_token" value="([^"]+)"')
    token = csrf.search(t.client.get("/dashboard/login").text)
    assert token
    signed = t.client.post(
        "/dashboard/login",
        data={"username": "beta-admin", "password": password, "csrf_token": token[1]},
        follow_redirects=False,
    )
    assert signed.status_code == 303, signed.text
    pages = ["/", "/audit", "/ratings", "/policy", "/blocklist", "/appeals", "/queue", "/reported"]
    pages += ["/reports", "/users", "/queue/live"]
    for page in pages:
        r = t.client.get(f"/dashboard{page}")
        assert r.status_code == 200, (page, r.text[:300])
        assert_unseen(r.text, alpha, f"dashboard {page}")
    # Beta's own queue is there: the pages above are not empty for want of a tenant.
    assert "betamarker" in t.client.get("/dashboard/queue").text
    for page in (
        f"/queue/items/{alpha['item_id']}",
        f"/users/{alpha['author_id']}",
        f"/appeals/{alpha['appeal_id']}",
        f"/reported/{alpha['message_id']}",
    ):
        r = t.client.get(f"/dashboard{page}")
        assert r.status_code in (200, 404), (page, r.status_code)
        assert alpha["marker"] not in r.text, f"dashboard {page}"
