"""Feedback made the way the site makes it, with moderator decisions set directly."""

from django.utils import timezone

from voice.feedback.models import Feedback, Speaker, Topic
from voice.feedback.services import give_feedback
from voice.moderation.models import ModeratedText


def a_topic() -> Topic:
    return Topic.objects.filter(active=True).first() or Topic.objects.create(
        name="My worker"
    )


def make_feedback(
    text: str = "My worker listens to me.",
    *,
    share: bool = True,
    author=None,
    topic: Topic | None = None,
    feeling: int = 4,
    wants_reply: bool = False,
) -> Feedback:
    feedback, _ = give_feedback(
        speaker=Speaker.YOUNG_PERSON,
        topic=topic or a_topic(),
        feeling=feeling,
        text=text,
        share_consent=share,
        wants_reply=wants_reply,
        author=author,
    )
    return feedback


def approve(feedback: Feedback, *, redacted: str = "", reply: str = "") -> Feedback:
    """What a moderator's approval leaves behind (the moderation app makes it for real)."""
    item = feedback.moderated_text
    item.status = ModeratedText.Status.APPROVED
    item.redacted_text = redacted
    item.reply = reply
    item.decided_at = timezone.now()
    item.save()
    return feedback


def make_shared(text: str = "The building is too cold.", **kwargs) -> Feedback:
    return approve(make_feedback(text, share=True), **kwargs)
