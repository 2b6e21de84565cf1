"""Live updates to staff pages that are open (moderation queue, safeguarding), over channels.

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
