"""The one websocket base for every live page (moderation queue, safeguarding, board).

Every socket meets the same checks, in this order: the site's own origin (the
ASGI middleware in config/websockets.py), a signed-in, active account whose
session passed MFA if it is staff, and the consumer's own permission. Messages
in are text, at most `WEBSOCKET_MAX_MESSAGE_BYTES` bytes (as the network
carries them, not characters), and one JSON object; anything else closes that
socket alone. Close codes are defined here and nowhere else.

A page that opens its socket with `?state=1` (as the site's scripts always do)
gets the current state as the first message, so a page that lost its
connection is never left showing old counts after it reconnects.

Events from `pages.live` arrive as `live.event` and go to `on_event`.
"""

from __future__ import annotations

import json
import logging
from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings

from accounts.mfa import mfa_step_needed

logger = logging.getLogger(__name__)

CLOSE_NOT_ALLOWED = 4403
CLOSE_BAD_MESSAGE = 4400
CLOSE_TOO_BIG = 4413
CLOSE_UNKNOWN_PATH = 4404  # config.websockets: a path no route knows
STATE_QUERY = "state"


def message_is_too_big(text_data: str) -> bool:
    return len(text_data.encode()) > settings.WEBSOCKET_MAX_MESSAGE_BYTES


class LiveConsumer(AsyncWebsocketConsumer):
    """A socket for people holding `permission`, joined to one group."""

    permission = ""
    group = ""
    # The code a message over the size limit is closed with.
    too_big_close_code = CLOSE_TOO_BIG

    async def connect(self) -> None:
        user = self.scope.get("user")
        if not await self.user_may_listen(user):
            await self.close(code=CLOSE_NOT_ALLOWED)
            return
        self.group_name = self.group_for_socket()
        await self.channel_layer.group_add(self.group_name, self.channel_name)
        await self.accept()
        if self.asked_for_state():
            await self.send_json(await database_sync_to_async(self.current_state)())

    async def disconnect(self, code: int) -> None:
        group = getattr(self, "group_name", None)
        if group:
            await self.channel_layer.group_discard(group, self.channel_name)

    @database_sync_to_async
    def user_may_listen(self, user) -> bool:
        if user is None or not user.is_authenticated or not user.is_active:
            return False
        if mfa_step_needed(self.scope.get("session"), user):
            return False
        return self.may_listen(user)

    def may_listen(self, user) -> bool:
        """Runs after the account and MFA checks; override for object checks."""
        return user.has_perm(self.permission)

    def group_for_socket(self) -> str:
        return self.group

    def asked_for_state(self) -> bool:
        query = parse_qs(self.scope.get("query_string", b"").decode("latin1"))
        return STATE_QUERY in query

    def current_state(self) -> dict:
        """What the page shows now, sent first on every (re)connect that asks."""
        raise NotImplementedError

    async def receive(self, text_data: str | None = None, bytes_data=None) -> None:
        if bytes_data is not None or not text_data:
            await self.close(code=CLOSE_BAD_MESSAGE)
            return
        if message_is_too_big(text_data):
            await self.close(code=self.too_big_close_code)
            return
        try:
            message = json.loads(text_data)
        except ValueError:
            message = None
        if not isinstance(message, dict) or not await self.handle_message(message):
            await self.close(code=CLOSE_BAD_MESSAGE)

    async def handle_message(self, message: dict) -> bool:
        """Act on one message from the page; False when it is not one we take."""
        return False

    async def send_json(self, payload: dict) -> None:
        await self.send(text_data=json.dumps(payload))

    async def live_event(self, event: dict) -> None:
        await self.on_event(event["payload"])

    async def on_event(self, payload: dict) -> None:
        """An event sent with `pages.live`; by default passed on to the page as it is."""
        await self.send_json(payload)


class CountConsumer(LiveConsumer):
    """A staff list whose page shows one count (waiting items, open concerns).

    The page may ask for the count with `{"type": "count"}`; the state sent on
    connect is the same count.
    """

    count_key = ""

    async def handle_message(self, message: dict) -> bool:
        if message.get("type") != "count":
            return False
        count = await database_sync_to_async(self.current_count)()
        await self.send_json({"event": "count", self.count_key: count})
        return True

    def current_state(self) -> dict:
        return {"event": "state", self.count_key: self.current_count()}

    def current_count(self) -> int | str:
        raise NotImplementedError
