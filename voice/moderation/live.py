"""Live updates to moderators' and safeguarding leads' open pages, over channels.

Payloads carry ids, counts and staff names only, never anyone's words: the page
fetches what it needs to show over HTTP, through the same access rules as
every other page.

Sends happen after the transaction commits and never make a write fail: if
the channel layer (Redis) is out of reach, the data is already stored, the
failure is logged, and pages still show it on their next load.
"""

from __future__ import annotations

import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

logger = logging.getLogger(__name__)

QUEUE_GROUP = "moderation-queue"
SAFEGUARDING_GROUP = "safeguarding"


def send_to_group(group: str, payload: dict) -> None:
    """Send one event to everyone listening on a group, now; log and carry on on failure."""
    try:
        layer = get_channel_layer()
        if layer is None:
            return
        async_to_sync(layer.group_send)(
            group, {"type": "live.event", "payload": payload}
        )
    except Exception:
        logger.exception("Live update to %s could not be sent", group)


def send_on_commit(group: str, make_payload) -> None:
    """Send an event once the current transaction has committed.

    `make_payload` is called after the commit, so counts in it are the
    committed ones.
    """

    def send() -> None:
        try:
            payload = make_payload()
        except Exception:
            logger.exception("Live update to %s could not be prepared", group)
            return
        send_to_group(group, payload)

    transaction.on_commit(send)


def queue_event(event: str, item_id: int, **extra) -> None:
    """Tell moderators an item arrived, was claimed, released or decided."""
    from voice.moderation.selectors import waiting_badge

    send_on_commit(
        QUEUE_GROUP,
        lambda: {"event": event, "id": item_id, "waiting": waiting_badge(), **extra},
    )


def safeguarding_event(event: str, concern_id: int) -> None:
    """Tell safeguarding leads a concern arrived or changed."""
    from voice.moderation.selectors import open_concern_count

    send_on_commit(
        SAFEGUARDING_GROUP,
        lambda: {"event": event, "id": concern_id, "open": open_concern_count()},
    )
