"""Live alerts to safeguarding leads' open pages (see `pages.live`)."""

from __future__ import annotations

from pages.live import send_on_commit
from voice.safeguarding.selectors import open_concern_count

SAFEGUARDING_GROUP = "safeguarding"


def safeguarding_event(event: str, concern_id: int) -> None:
    """Tell safeguarding leads a concern arrived or changed."""
    send_on_commit(
        SAFEGUARDING_GROUP,
        lambda: {"event": event, "id": concern_id, "open": open_concern_count()},
    )
