"""Live board meetings: votes and counts pushed to every member's screen.

Counts are never kept in a consumer: each screen asks the database when told
something changed, so any number of ASGI workers sharing Redis agree.
"""

from __future__ import annotations

import json
import logging

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.mfa import mfa_step_needed
from voice.board import selectors, services
from voice.board.models import MeetingPage, Question
from voice.board.permissions import MEMBERS_AREA

logger = logging.getLogger(__name__)

MAX_MESSAGE_BYTES = 1024
CLOSE_NOT_ALLOWED = 4403
CLOSE_BAD_MESSAGE = 4400


class MeetingConsumer(AsyncWebsocketConsumer):
    """One screen in one meeting: sends votes in, receives counts out."""

    async def connect(self) -> None:
        user = self.scope.get("user")
        meeting_id = self.scope["url_route"]["kwargs"]["meeting_id"]
        if not await self.may_join(user, meeting_id):
            await self.close(code=CLOSE_NOT_ALLOWED)
            return
        self.group_name = services.meeting_group_name(meeting_id)
        await self.channel_layer.group_add(self.group_name, self.channel_name)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        group = getattr(self, "group_name", None)
        if group:
            await self.channel_layer.group_discard(group, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None) -> None:
        message = self.parse(text_data, bytes_data)
        if message is None:
            await self.close(code=CLOSE_BAD_MESSAGE)
            return
        error = await self.vote(message["question"], message["choice"])
        if error:
            await self.send(text_data=json.dumps({"type": "error", "message": error}))

    # --- events from the channel layer --------------------------------------

    async def question_counts(self, event: dict) -> None:
        await self.send_state(event["question"])

    async def question_closed(self, event: dict) -> None:
        await self.send_state(event["question"])

    async def question_opened(self, event: dict) -> None:
        await self.send(
            text_data=json.dumps({"type": "opened", "question": event["question"]})
        )

    # --- helpers ------------------------------------------------------------

    async def send_state(self, question_id: int) -> None:
        state = await database_sync_to_async(selectors.question_state)(question_id)
        if state is not None:
            await self.send(text_data=json.dumps({"type": "state", **state}))

    @staticmethod
    def parse(text_data, bytes_data) -> dict | None:
        """A vote message, or None for anything malformed or too big."""
        if bytes_data is not None or not text_data:
            return None
        if len(text_data.encode()) > MAX_MESSAGE_BYTES:
            return None
        try:
            message = json.loads(text_data)
        except ValueError:
            return None
        if not isinstance(message, dict) or message.get("type") != "vote":
            return None
        question, choice = message.get("question"), message.get("choice")
        if not isinstance(question, int) or isinstance(question, bool):
            return None
        if not isinstance(choice, str):
            return None
        return {"question": question, "choice": choice}

    @database_sync_to_async
    def may_join(self, user, meeting_id: int) -> bool:
        if user is None or not user.is_authenticated or not user.is_active:
            return False
        if mfa_step_needed(self.scope.get("session"), user):
            return False
        if not user.has_perm(MEMBERS_AREA):
            return False
        return MeetingPage.objects.filter(pk=meeting_id).exists()

    @database_sync_to_async
    def vote(self, question_id: int, choice: str) -> str:
        """Cast the vote; an empty string when it counted, else what went wrong."""
        meeting_id = self.scope["url_route"]["kwargs"]["meeting_id"]
        question = Question.objects.filter(
            pk=question_id, meeting_id=meeting_id
        ).first()
        if question is None:
            return "That question is not part of this meeting."
        try:
            services.cast_vote(
                question=question, member=self.scope["user"], choice=choice
            )
        except PermissionDenied:
            return "Only board members can vote."
        except ValidationError as error:
            return " ".join(error.messages)
        return ""
