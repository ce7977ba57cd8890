"""Issue 17's queue and dashboard fixes in a real Chromium against the real server, one test per
workflow; the screenshots of docs/dashboard.md are written here (docs/images)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from tests.browser.conftest import ARTIFACTS, CHROMIUM_ARGS, PASSWORD, Server, _cli, prepare
from tests.browser.queue_seed import HOSTILE_TEXT, SPAM_TEXT, THREAT_TEXT, seed_queue
from tests.conftest import IN_CI

if not IN_CI:  # under CI=true a missing plugin is an import error, not a skip
    pytest.importorskip("pytest_playwright", reason="pip install pytest-playwright==0.10.0")
from playwright.sync_api import Browser, ConsoleMessage, Page, expect

from civility.clock import SystemClock
from civility.testing import run_server

pytestmark = [pytest.mark.browser, pytest.mark.e2e, pytest.mark.slow]

DOCS_IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"
assert CHROMIUM_ARGS  # the launch arguments come from conftest's fixture


@pytest.fixture(scope="module")
def qserver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, dict[str, str]]]:
    """A server of its own on the issue-17 queue (the shared one's data is the older tests')."""
    data, env, ids = prepare(
        tmp_path_factory, "queue", lambda db: seed_queue(db, SystemClock().now())
    )
    for name, role in (("admin", "admin"), ("mod", "moderator"), ("mod2", "moderator")):
        _cli(
            env, data, "user", "create", "--username", name, "--password", PASSWORD, "--role", role
        )
    with run_server(data, env) as running:
        yield running, ids


def login(page: Page, url: str, username: str, path: str = "/dashboard/queue") -> None:
    page.goto(f"{url}/dashboard/login?{urlencode({'next': path})}")
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(re.escape(path.split("?")[0])))


def doc_shot(page: Page, name: str, *, full: bool = False) -> None:
    """Screenshots into test-artifacts/browser, and into docs/images with
    CIVILITY_UPDATE_DOCS_IMAGES=1 (so an ordinary run leaves the tracked images alone)."""
    targets = [ARTIFACTS]
    if os.environ.get("CIVILITY_UPDATE_DOCS_IMAGES") == "1":
        targets.append(DOCS_IMAGES)
    for folder in targets:
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / f"{name}.png"), full_page=full)


def test_priority_order_puts_the_threat_first(
    page: Page, qserver: tuple[Server, dict[str, str]]
) -> None:
    server, ids = qserver
    page.set_viewport_size({"width": 1400, "height": 900})
    login(page, server.url, "mod")
    first = page.locator(".items .row").first
    # The threat scored 0.46 comes before 56 insults scored 0.61 to 0.89.
    expect(first).to_have_attribute("data-id", ids["threat"])
    expect(first.locator(".prio")).to_have_text("threat")
    expect(first.locator(".sla")).to_contain_text("due in")
    expect(page.locator("#detail blockquote.text")).to_contain_text(THREAT_TEXT)
    doc_shot(page, "queue")
    # Ordered by raw score the threat sinks below them.
    page.goto(f"{server.url}/dashboard/queue?order=score")
    expect(page.locator(".items .row").first).not_to_have_attribute("data-id", ids["threat"])
    # In the automated view the blocklist block (no score at all) leads instead of sinking.
    page.goto(f"{server.url}/dashboard/queue?view=automated")
    expect(page.locator(".items .row").first).to_have_attribute("data-id", ids["blocklist"])
    expect(page.locator(".items .row").first.locator(".prio")).to_have_text("blocklist")


def test_banned_authors_messages_fold_into_the_ban(
    page: Page, qserver: tuple[Server, dict[str, str]]
) -> None:
    server, _ = qserver
    page.set_viewport_size({"width": 1400, "height": 900})
    login(page, server.url, "mod", "/dashboard/queue?view=automated")
    group = page.locator("#ban-groups .group")
    expect(group).to_have_count(1)
    expect(group).to_contain_text("banned1")
    expect(group.locator(".count")).to_have_text("5")
    expect(page.locator(".items .row .author", has_text="banned1")).to_have_count(0)
    expect(page.locator("#count-banned")).to_have_text("+1 banned")
    doc_shot(page, "automated-banned-folded")
    group.get_by_role("button", name="Keep all 5 blocked").click()
    expect(page.locator("#flash")).to_contain_text("5 item(s) removed.")
    expect(page.locator("#ban-groups")).to_have_count(0)


def test_identical_texts_group_and_resolve_together(
    page: Page, qserver: tuple[Server, dict[str, str]]
) -> None:
    server, _ = qserver
    page.set_viewport_size({"width": 1400, "height": 900})
    login(page, server.url, "mod", "/dashboard/queue?view=automated&group=text")
    before = int(page.locator("#count-automated").inner_text())
    group = page.locator("#groups .group", has_text=SPAM_TEXT)
    expect(group.locator(".count")).to_have_text("8")
    expect(group).to_contain_text("from 8 author(s)")
    doc_shot(page, "grouped-by-text")
    group.get_by_role("button", name="Approve all 8").click()
    expect(page.locator("#flash")).to_contain_text("8 item(s) approved.")
    expect(page.locator("#count-automated")).to_have_text(str(before - 8))
    expect(page.locator("#groups .group", has_text=SPAM_TEXT)).to_have_count(0)


def test_all_pending_from_one_author_across_pages(
    page: Page, qserver: tuple[Server, dict[str, str]]
) -> None:
    server, _ = qserver
    page.set_viewport_size({"width": 1400, "height": 900})
    login(page, server.url, "mod", "/dashboard/queue?group=author")
    troll = page.locator("#groups .group", has_text="troll")
    expect(troll.locator(".count")).to_have_text("3")
    troll.get_by_role("link", name="show").click()
    expect(page.locator(".chips")).to_contain_text("author troll")
    expect(page.locator(".items .row")).to_have_count(3)
    page.get_by_label("apply to").select_option("filter")
    page.locator("#bulk").get_by_role("button", name="Hide").click()
    expect(page.locator("#flash")).to_contain_text("3 item(s) hidden.")
    expect(page.locator(".items .row")).to_have_count(0)


def test_j_and_k_continue_across_pages(page: Page, qserver: tuple[Server, dict[str, str]]) -> None:
    server, _ = qserver
    page.set_viewport_size({"width": 1400, "height": 900})
    login(page, server.url, "mod", "/dashboard/queue?order=age")
    rows = page.locator(".items .row")
    expect(rows).to_have_count(50)
    expect(page.locator('.pager a[data-page="prev"]')).to_have_count(0)
    for i in range(1, 50):
        page.keyboard.press("j")
        expect(rows.nth(i)).to_have_class(re.compile("selected"))
    last_of_first = rows.nth(49).get_attribute("data-id")
    page.keyboard.press("j")  # past item 50: the next page, its first item open
    expect(page).to_have_url(re.compile("cursor="))
    expect(rows.first).to_have_class(re.compile("selected"))
    expect(page.locator('.pager a[data-page="prev"]')).to_be_visible()
    page.keyboard.press("k")  # before its first item: back to the previous page, on its last
    expect(page).to_have_url(re.compile("back="))
    expect(rows).to_have_count(50)
    expect(page.locator(".items .row.selected")).to_have_attribute("data-id", last_of_first or "")


def test_a_colleagues_verdict_shows_up_without_reload(
    browser: Browser, qserver: tuple[Server, dict[str, str]]
) -> None:
    server, ids = qserver
    mine, theirs = browser.new_context(), browser.new_context()
    try:
        me, other = mine.new_page(), theirs.new_page()
        me.set_viewport_size({"width": 1400, "height": 900})
        login(me, server.url, "mod", f"/dashboard/queue?author_id=edgy&item={ids['hostile']}")
        expect(me.locator("#detail article")).to_have_attribute("data-id", ids["hostile"])
        count = int(me.locator("#count-flagged").inner_text())
        login(other, server.url, "mod2", f"/dashboard/queue?author_id=edgy&item={ids['hostile']}")
        other.locator("#detail").get_by_role("button", name="Approve").click()
        expect(other.locator(f"#row-{ids['hostile']}")).to_have_class(re.compile("st-resolved"))
        me.evaluate("htmx.trigger('#live', 'refresh')")  # the 5 s poll, now
        expect(me.locator("#detail [data-changed]")).to_contain_text("approve by dashboard:mod2")
        expect(me.locator(f"#row-{ids['hostile']}")).to_have_class(re.compile("st-resolved"))
        expect(me.locator("#count-flagged")).to_have_text(str(count - 1))
        doc_shot(me, "live-update")
    finally:
        mine.close()
        theirs.close()


def test_a_lost_race_refreshes_the_panel_instead_of_a_bare_409(
    browser: Browser, qserver: tuple[Server, dict[str, str]]
) -> None:
    server, _ = qserver
    mine, theirs = browser.new_context(), browser.new_context()
    try:
        me, other = mine.new_page(), theirs.new_page()
        login(me, server.url, "mod", "/dashboard/queue?order=age")
        target = me.locator(".items .row.selected").get_attribute("data-id")
        login(other, server.url, "mod2", f"/dashboard/queue?order=age&item={target}")
        other.locator("#detail").get_by_role("button", name="Hide").click()
        expect(other.locator(f"#row-{target}")).to_have_class(re.compile("st-resolved"))
        me.locator("#detail").get_by_role("button", name="Approve").click()
        expect(me.locator("#flash .error")).to_contain_text("already resolved")
        expect(me.locator("#detail .detail-head")).to_contain_text(
            "resolved: hide by dashboard:mod2"
        )
    finally:
        mine.close()
        theirs.close()


def test_shortcuts_work_after_a_note_and_b_focuses_a_visible_field(
    page: Page, qserver: tuple[Server, dict[str, str]]
) -> None:
    server, _ = qserver
    page.set_viewport_size({"width": 1400, "height": 900})
    login(page, server.url, "mod", "/dashboard/queue?order=channel")
    first = page.locator(".items .row.selected").get_attribute("data-id")
    page.keyboard.press("n")
    page.keyboard.type("seen this before")
    page.keyboard.press("Enter")
    expect(page.locator("#detail .note")).to_contain_text("seen this before")
    page.keyboard.press("j")  # not typed into the note box
    expect(page.locator(".items .row.selected")).not_to_have_attribute("data-id", first or "")
    second = page.locator(".items .row.selected").get_attribute("data-id")
    expect(page.locator("#detail article")).to_have_attribute("data-id", second or "")
    expect(page.locator("#detail [data-note]")).to_have_value("")
    page.keyboard.press("b")
    focused = page.evaluate("[document.activeElement.type, document.activeElement.name]")
    assert focused == ["radio", "ban_scope"]
    expect(page.locator("#ban-panel")).to_have_attribute("open", "")


def test_claim_has_no_console_error_and_the_favicon_loads(
    page: Page, qserver: tuple[Server, dict[str, str]]
) -> None:
    server, _ = qserver
    errors: list[str] = []
    missing: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if _is_error(m) else None)
    page.on("response", lambda r: missing.append(r.url) if r.status == 404 else None)
    login(page, server.url, "mod", "/dashboard/queue?order=channel")
    page.locator("#detail").get_by_role("button", name="Claim").click()
    expect(page.locator("#detail .detail-head")).to_contain_text("claimed by dashboard:mod")
    assert errors == []
    assert missing == []
    icon = page.request.get(f"{server.url}/favicon.ico")
    assert icon.ok
    assert icon.headers["content-type"].startswith("image/svg+xml")


def _is_error(message: ConsoleMessage) -> bool:
    return message.type == "error"


def test_rule_filter_lists_the_rules_that_exist(
    page: Page, qserver: tuple[Server, dict[str, str]]
) -> None:
    server, ids = qserver
    login(page, server.url, "mod")
    options = page.locator('select[name="reason"] option').all_inner_texts()
    assert options == ["any", "insult", "threat"]
    page.get_by_label("Rule").select_option("threat")
    page.get_by_role("button", name="Apply").click()
    expect(page.locator(".items .row")).to_have_count(1)
    expect(page.locator(".items .row")).to_have_attribute("data-id", ids["threat"])


def test_channel_policy_saves_and_errors_keep_navigation_and_input(
    page: Page, qserver: tuple[Server, dict[str, str]]
) -> None:
    server, _ = qserver
    page.set_viewport_size({"width": 1400, "height": 1000})
    login(page, server.url, "admin", "/dashboard/policy?channel=gaming")
    expect(page.locator("h1")).to_contain_text("Policy of #gaming")
    page.get_by_role("button", name=re.compile("Save as version")).click()
    expect(page.locator("#flash")).to_contain_text("Saved as version")
    expect(page.locator("textarea[name=body]")).to_contain_text('"channel_id": "gaming"')
    doc_shot(page, "policy")

    page.locator("textarea[name=body]").fill('{"categories": {"threat": ')
    page.get_by_role("button", name=re.compile("Save as version")).click()
    expect(page.locator("#form-error")).to_contain_text("not valid JSON")
    expect(page.locator("textarea[name=body]")).to_have_value('{"categories": {"threat": ')
    expect(
        page.get_by_role("navigation", name="Dashboard").get_by_role("link", name="Queue")
    ).to_be_visible()

    page.goto(f"{server.url}/dashboard/blocklist")
    page.get_by_label("Pattern").fill("(unclosed")
    page.get_by_label("Kind").select_option("regex")
    page.get_by_role("button", name="Add").click()
    expect(page.locator("#form-error")).to_contain_text("Not added")
    expect(page.get_by_label("Pattern")).to_have_value("(unclosed")
    expect(page.get_by_label("Kind")).to_have_value("regex")
    expect(
        page.get_by_role("link", name="Sign out").or_(page.get_by_role("button", name="Sign out"))
    ).to_be_visible()

    # A failed action of another kind lands on an error page that keeps the navigation.
    page.goto(f"{server.url}/dashboard/queue/items/msg_does_not_exist")
    expect(page.locator("h1")).to_have_text("Not found")
    expect(page.get_by_role("navigation", name="Dashboard")).to_be_visible()


def test_unban_per_ban_with_one_click(page: Page, qserver: tuple[Server, dict[str, str]]) -> None:
    server, _ = qserver
    login(page, server.url, "mod", "/dashboard/users/user7")
    for channel in ("general", ""):
        page.locator("details.ban").first.evaluate("d => { d.open = true; }")
        form = page.locator('form[action$="/users/user7/ban"]')
        form.get_by_label("Channel").fill(channel)
        form.get_by_label("Reason").fill("spam")
        form.get_by_role("button", name="Ban").click()
        expect(page.locator("#flash")).to_contain_text("Banned.")
    bans = page.locator("ul.bans li")
    expect(bans).to_have_count(2)
    page.get_by_role("button", name="Lift the ban in #general").click()
    expect(bans).to_have_count(1)
    expect(bans).to_contain_text("everywhere")


def test_audit_log_shows_the_escaped_text_and_a_summary(
    page: Page, qserver: tuple[Server, dict[str, str]]
) -> None:
    server, ids = qserver
    page.set_viewport_size({"width": 1400, "height": 900})
    login(page, server.url, "admin", f"/dashboard/audit?subject_id={ids['hostile']}")
    row = page.locator("table.audit tbody tr", has_text="review.resolved")
    expect(row.locator("q.said")).to_have_text(HOSTILE_TEXT)  # shown as text, never run
    expect(row.locator(".summary")).to_contain_text("approve (message now allow)")
    decided = page.locator("table.audit tbody tr", has_text="message.flagged")
    expect(decided.locator(".summary")).to_contain_text("flag by the policy v1: insult")
    doc_shot(page, "audit")


def test_flagged_ratings_have_a_page(page: Page, qserver: tuple[Server, dict[str, str]]) -> None:
    server, _ = qserver
    login(page, server.url, "mod")
    page.get_by_role("navigation", name="Dashboard").get_by_role("link", name="Ratings").click()
    expect(page.locator("h1")).to_have_text("Flagged ratings")
    row = page.locator("table.grid tbody tr").first
    expect(row).to_contain_text("post-42")
    expect(row).to_contain_text("new account")


PAGES = (
    "/dashboard/queue",
    "/dashboard/queue?view=automated",
    "/dashboard/users",
    "/dashboard/users/edgy",
    "/dashboard/audit",
    "/dashboard/ratings",
    "/dashboard/",
    "/dashboard/policy",
    "/dashboard/blocklist",
    "/dashboard/reports",
)


def test_usable_at_390_px(page: Page, qserver: tuple[Server, dict[str, str]]) -> None:
    server, _ = qserver
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, server.url, "admin")
    for path in PAGES:
        page.goto(server.url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} is {width} px wide"
        box = page.get_by_role("button", name="Sign out").bounding_box()
        assert box is not None
        assert box["x"] + box["width"] <= 390
    page.goto(f"{server.url}/dashboard/queue?order=age")
    doc_shot(page, "mobile-queue")
    row = page.locator(".items .row").nth(6)
    target = row.get_attribute("data-id")
    row.locator(".snippet").click()
    expect(page.locator("#detail article")).to_have_attribute("data-id", target or "")
    expect(page.locator("#detail article")).to_be_in_viewport()


def test_dark_mode_and_focus_ring(page: Page, qserver: tuple[Server, dict[str, str]]) -> None:
    server, _ = qserver
    page.emulate_media(color_scheme="dark")
    page.set_viewport_size({"width": 1400, "height": 900})
    login(page, server.url, "mod")
    dark = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
    assert dark == "rgb(16, 22, 29)"
    page.locator(".filters select[name=status]").focus()
    page.keyboard.press("Tab")  # keyboard focus shows the ring
    outline = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()"
    )
    assert outline[0] == "solid"
    assert outline[1] >= 3
    doc_shot(page, "queue-dark")
    page.emulate_media(color_scheme="light")
    page.evaluate("document.activeElement.blur()")
    light = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
    assert light == "rgb(245, 247, 250)"
