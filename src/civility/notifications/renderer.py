"""Turns an event into a channel's Slack or Discord message, for the webhook dispatcher."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

import orjson

from civility.events.models import Event
from civility.notifications.formats import discord_message, slack_message
from civility.notifications.models import ChannelKind, ChannelOptions, TextMode
from civility.notifications.rules import held_back, notice_for, severity_of
from civility.webhooks.dispatcher import Outgoing
from civility.webhooks.models import Subscription


class MessageTexts(Protocol):
    """Reads messages' texts (only when a channel may show some of it)."""

    def text_of(self, message_id: str) -> str | None:
        """Returns a message's text, or None when there is no such message."""
        ...


class ChatRenderer:
    """Renders notices for one kind of channel (the dispatcher keeps one per kind)."""

    def __init__(self, kind: ChannelKind, texts: MessageTexts, dashboard_url: str = "") -> None:
        self._kind = kind
        self._texts = texts
        self._dashboard = dashboard_url

    def render(self, sub: Subscription, event: Event, now: datetime) -> Outgoing | None:
        """Returns the platform's message for an event, or None when the channel skips it."""
        options = ChannelOptions.from_dict(sub.options)
        if held_back(severity_of(event), options, now):
            return None  # before reading any text
        text = None
        if options.text is not TextMode.NONE and event.subject_type == "message":
            text = self._texts.text_of(event.subject_id)
        notice = notice_for(event, options, now, text=text, dashboard_url=self._dashboard)
        if notice is None:
            return None
        body = slack_message(notice) if self._kind is ChannelKind.SLACK else discord_message(notice)
        return Outgoing(orjson.dumps(body), {})
