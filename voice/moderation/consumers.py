"""The moderators' queue websocket (see `pages.consumers.CountConsumer`)."""

from __future__ import annotations

from pages.consumers import CountConsumer
from voice.moderation import live
from voice.moderation.selectors import waiting_badge


class ModerationQueueConsumer(CountConsumer):
    permission = "moderation.moderate_text"
    group = live.QUEUE_GROUP
    count_key = "waiting"

    def current_count(self) -> int | str:
        return waiting_badge()
