"""Each platform's real message format: Slack Block Kit and Discord embeds (pure).

Limits are the platforms' documented ones: Slack's header text is at most 150 characters, a
section's text 3000 and its fields 10 of 2000 each; a Discord embed's title is at most 256,
its description 4096, 25 fields (name 256, value 1024), footer 2048, 6000 in all.
"""

from __future__ import annotations

from typing import Any

from civility.notifications.models import Notice
from civility.policy.verdict import Severity

# Discord colours by severity (an embed's `color` is an RGB integer).
DISCORD_COLORS = {
    Severity.NONE: 0x9AA5B1,
    Severity.LOW: 0x1565C0,
    Severity.MEDIUM: 0xE0A100,
    Severity.HIGH: 0xC62828,
}
SLACK_EMOJI = {
    Severity.NONE: ":white_circle:",
    Severity.LOW: ":large_blue_circle:",
    Severity.MEDIUM: ":large_orange_circle:",
    Severity.HIGH: ":red_circle:",
}


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def slack_escape(text: str) -> str:
    """Escapes the three characters Slack's mrkdwn treats as control characters."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def discord_escape(text: str) -> str:
    """Escapes Discord markdown so user text shows as typed (mentions are off separately)."""
    out = text
    for ch in ("\\", "*", "_", "~", "`", "|", ">", "#", "[", "]", "(", ")"):
        out = out.replace(ch, "\\" + ch)
    return out


def slack_message(notice: Notice) -> dict[str, Any]:
    """Returns an incoming-webhook body: fallback `text` plus Block Kit blocks."""
    title = f"{notice.title} ({notice.severity.value})"
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": _cut(title, 150), "emoji": True}},
    ]
    if notice.fields:
        blocks.append(
            {
                "type": "section",
                "fields": [
                    {
                        "type": "mrkdwn",
                        "text": _cut(f"*{slack_escape(k)}*\n{slack_escape(v)}", 2000),
                    }
                    for k, v in notice.fields[:10]
                ],
            }
        )
    if notice.excerpt:
        quoted = "\n".join("&gt; " + slack_escape(line) for line in notice.excerpt.splitlines())
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": _cut(quoted, 3000)}})
    stamp = int(notice.at.timestamp())
    context = (
        f"{SLACK_EMOJI[notice.severity]} {notice.severity.value} · `{notice.event_type}` · "
        f"<!date^{stamp}^{{date_short_pretty}} {{time}}|{notice.at.isoformat()}>"
    )
    blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": context}]})
    if notice.link:
        blocks.append(
            {
                "type": "actions",
                "elements": [
                    {
                        "type": "button",
                        "text": {"type": "plain_text", "text": "Open in Civility"},
                        "url": notice.link,
                        "action_id": "civility_open",
                    }
                ],
            }
        )
    return {"text": _cut(title, 3000), "blocks": blocks, "unfurl_links": False}


def discord_message(notice: Notice) -> dict[str, Any]:
    """Returns a webhook execute body: one embed, coloured by severity, no mentions."""
    embed: dict[str, Any] = {
        "title": _cut(notice.title, 256),
        "color": DISCORD_COLORS[notice.severity],
        "timestamp": notice.at.isoformat(),
        "footer": {"text": f"Civility · {notice.event_type} · {notice.severity.value}"},
        "fields": [
            {"name": _cut(k, 256), "value": _cut(discord_escape(v) or "-", 1024), "inline": True}
            for k, v in notice.fields[:25]
        ],
    }
    if notice.excerpt:
        quoted = "\n".join("> " + discord_escape(line) for line in notice.excerpt.splitlines())
        embed["description"] = _cut(quoted, 4096)
    if notice.link:
        embed["url"] = notice.link
    # Nobody is pinged by a quoted @everyone or <@id> in a user's message.
    return {"username": "Civility", "embeds": [embed], "allowed_mentions": {"parse": []}}
