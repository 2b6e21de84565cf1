"""The safeguarding leads' websocket: a live alert for every new concern."""

from __future__ import annotations

from pages.consumers import CountConsumer
from voice.safeguarding import live
from voice.safeguarding.selectors import open_concern_count


class SafeguardingConsumer(CountConsumer):
    permission = "safeguarding.handle_safeguarding"
    group = live.SAFEGUARDING_GROUP
    count_key = "open"

    def current_count(self) -> int:
        return open_concern_count()
