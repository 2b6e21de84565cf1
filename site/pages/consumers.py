"""The websocket base that keeps staff pages up to date (moderation queue, safeguarding).

The server only pushes events (ids and counts, see `pages.live`). A page may ask
for the current count with `{"type": "count"}`; anything else, anything that
is not a small JSON object, or binary data closes that socket.
"""

from __future__ import annotations

import json
import logging

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings

from accounts.mfa import mfa_step_needed

logger = logging.getLogger(__name__)

CLOSE_NOT_ALLOWED = 4403
CLOSE_BAD_MESSAGE = 4400
CLOSE_TOO_BIG = 4413


class LiveConsumer(AsyncWebsocketConsumer):
    """A socket for people holding `permission`, joined to one group."""

    permission = ""
    group = ""
    count_key = ""

    async def connect(self) -> None:
        user = self.scope.get("user")
        if not await self.user_may_listen(user):
            await self.close(code=CLOSE_NOT_ALLOWED)
            return
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        await self.channel_layer.group_discard(self.group, self.channel_name)

    @database_sync_to_async
    def user_may_listen(self, user) -> bool:
        if user is None or not user.is_authenticated or not user.is_active:
            return False
        if mfa_step_needed(self.scope.get("session"), user):
            return False
        return user.has_perm(self.permission)

    async def receive(self, text_data: str | None = None, bytes_data=None) -> None:
        if bytes_data is not None or text_data is None:
            await self.close(code=CLOSE_BAD_MESSAGE)
            return
        if len(text_data) > settings.MODERATION_SOCKET_MAX_MESSAGE:
            await self.close(code=CLOSE_TOO_BIG)
            return
        try:
            message = json.loads(text_data)
        except ValueError:
            await self.close(code=CLOSE_BAD_MESSAGE)
            return
        if not isinstance(message, dict) or message.get("type") != "count":
            await self.close(code=CLOSE_BAD_MESSAGE)
            return
        count = await database_sync_to_async(self.current_count)()
        await self.send(text_data=json.dumps({"event": "count", self.count_key: count}))

    def current_count(self) -> int | str:
        raise NotImplementedError

    async def live_event(self, event: dict) -> None:
        await self.send(text_data=json.dumps(event["payload"]))
