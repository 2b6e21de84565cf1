"""Live updates to moderators' open queue pages (see `pages.live`)."""

from __future__ import annotations

from pages.live import send_on_commit
from voice.moderation.selectors import waiting_badge

QUEUE_GROUP = "moderation-queue"


def queue_event(event: str, item_id: int, **extra) -> None:
    """Tell moderators an item arrived, was claimed, released or decided."""
    send_on_commit(
        QUEUE_GROUP,
        lambda: {"event": event, "id": item_id, "waiting": waiting_badge(), **extra},
    )
