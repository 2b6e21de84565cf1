"""Factories for moderation tests: feedback topics and feedback around a ModeratedText."""

import secrets

import factory

from voice.feedback.models import Feedback, Speaker, Topic
from voice.moderation.models import ModeratedText


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Topic {n}")


class ModeratedTextFactory(factory.django.DjangoModelFactory):
    """An item as it stands once screened, without going through submit_text."""

    class Meta:
        model = ModeratedText

    kind = ModeratedText.Kind.FEEDBACK
    text = factory.Sequence(lambda n: f"The sessions were good, number {n}.")


class FeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Feedback

    receipt_code = factory.LazyFunction(lambda: secrets.token_hex(4).upper())
    speaker = Speaker.YOUNG_PERSON
    topic = factory.SubFactory(TopicFactory)
    feeling = 4
    moderated_text = factory.SubFactory(ModeratedTextFactory)
