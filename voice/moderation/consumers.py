"""The moderators' queue websocket (see `pages.consumers.LiveConsumer`)."""

from __future__ import annotations

from pages.consumers import LiveConsumer
from voice.moderation import live
from voice.moderation.selectors import waiting_badge


class ModerationQueueConsumer(LiveConsumer):
    permission = "moderation.moderate_text"
    group = live.QUEUE_GROUP
    count_key = "waiting"

    def current_count(self) -> int | str:
        return waiting_badge()
