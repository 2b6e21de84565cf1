"""Live board meetings: votes and counts pushed to every member's screen.

Built on `pages.consumers.LiveConsumer`, as every live page is (origin, MFA,
size limit, close codes, the state on connect). Counts are never kept in a
consumer: each screen asks the database when told something changed, so any
number of ASGI workers sharing Redis agree.
"""

from __future__ import annotations

from channels.db import database_sync_to_async
from django.core.exceptions import PermissionDenied, ValidationError

from pages.consumers import CLOSE_BAD_MESSAGE, LiveConsumer
from voice.board import selectors, services
from voice.board.models import MeetingPage, Question
from voice.board.permissions import MEMBERS_AREA


class MeetingConsumer(LiveConsumer):
    """One screen in one meeting: sends votes in, receives counts out."""

    permission = MEMBERS_AREA
    # Meeting screens have always been told 4400 for any message refused.
    too_big_close_code = CLOSE_BAD_MESSAGE

    @property
    def meeting_id(self) -> int:
        return self.scope["url_route"]["kwargs"]["meeting_id"]

    def may_listen(self, user) -> bool:
        if not user.has_perm(self.permission):
            return False
        return MeetingPage.objects.filter(pk=self.meeting_id).exists()

    def group_for_socket(self) -> str:
        return services.meeting_group_name(self.meeting_id)

    def current_state(self) -> dict:
        return {
            "type": "meeting",
            "questions": selectors.meeting_state(self.meeting_id),
        }

    async def handle_message(self, message: dict) -> bool:
        vote = self.parse_vote(message)
        if vote is None:
            return False
        error = await self.vote(vote["question"], vote["choice"])
        if error:
            await self.send_json({"type": "error", "message": error})
        return True

    async def on_event(self, payload: dict) -> None:
        if payload["type"] == "question.opened":
            await self.send_json({"type": "opened", "question": payload["question"]})
        else:  # question.counts, question.closed
            await self.send_state(payload["question"])

    async def send_state(self, question_id: int) -> None:
        state = await database_sync_to_async(selectors.question_state)(question_id)
        if state is not None:
            await self.send_json({"type": "state", **state})

    @staticmethod
    def parse_vote(message: dict) -> dict | None:
        """A vote message, or None for anything else."""
        if message.get("type") != "vote":
            return None
        question, choice = message.get("question"), message.get("choice")
        if not isinstance(question, int) or isinstance(question, bool):
            return None
        if not isinstance(choice, str):
            return None
        return {"question": question, "choice": choice}

    @database_sync_to_async
    def vote(self, question_id: int, choice: str) -> str:
        """Cast the vote; an empty string when it counted, else what went wrong."""
        question = Question.objects.filter(
            pk=question_id, meeting_id=self.meeting_id
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
