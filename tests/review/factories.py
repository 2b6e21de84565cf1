"""Makers for service review tests: feedback goes through submit_text like the real form."""

import datetime

import factory
from django.utils import timezone

from voice.feedback.models import Feedback, Speaker, Topic
from voice.feedback.receipts import new_receipt_code
from voice.moderation.models import ModeratedText, Theme
from voice.moderation.services import submit_text
from voice.review.models import ReviewCycle


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Topic {n}")


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Theme {n}")


class ReviewCycleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewCycle

    name = factory.Sequence(lambda n: f"Quarter {n}")
    start = datetime.date(2026, 1, 1)
    end = datetime.date(2026, 3, 31)


def at(year: int, month: int, day: int, hour: int = 12, minute: int = 0):
    """An aware time in the site's time zone."""
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))


def make_feedback(
    *,
    text: str = "The waiting room is boring.",
    topic: Topic | None = None,
    feeling: int = 3,
    speaker: str = Speaker.YOUNG_PERSON,
    author=None,
    status: str = ModeratedText.Status.APPROVED,
    created_at=None,
    decided_at=None,
    replied_at=None,
    themes=(),
) -> Feedback:
    created_at = created_at or timezone.now()
    moderated = submit_text(text=text, kind=ModeratedText.Kind.FEEDBACK, author=author)
    moderated.status = status
    moderated.created_at = created_at
    if decided_at is None and status != ModeratedText.Status.WAITING:
        decided_at = created_at + datetime.timedelta(days=1)
    moderated.decided_at = decided_at
    if replied_at is not None:
        moderated.reply = "Thank you for telling us."
        moderated.replied_at = replied_at
    moderated.save()
    if themes:
        moderated.themes.set(themes)
    return Feedback.objects.create(
        receipt_code=new_receipt_code(),
        speaker=speaker,
        topic=topic or TopicFactory(name="Appointments"),
        feeling=feeling,
        moderated_text=moderated,
        author=author,
        share_consent=True,
        created_at=created_at,
    )
