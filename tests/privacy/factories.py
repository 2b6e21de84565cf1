"""Feedback and free text for privacy tests, made the way the site makes them."""

import secrets

from django.utils import timezone

from voice.feedback.models import Feedback, Feeling, Speaker, Topic
from voice.moderation.models import ModeratedText
from voice.moderation.services import submit_text
from voice.safeguarding.models import SafeguardingPhrase


def topic(name: str = "Appointments") -> Topic:
    found, _ = Topic.objects.get_or_create(name=name)
    return found


def feedback(
    *,
    author=None,
    text: str = "My worker listens to me.",
    topic_name: str = "Appointments",
    feeling: int = Feeling.HAPPY,
    status: str = ModeratedText.Status.APPROVED,
    decided_at=None,
    share_consent: bool = False,
    reply: str = "",
) -> Feedback:
    """One piece of feedback through moderation's `submit_text`, decided as asked."""
    item = submit_text(text=text, kind=ModeratedText.Kind.FEEDBACK, author=author)
    if item.status != ModeratedText.Status.SAFEGUARDING:
        item.status = status
        if status != ModeratedText.Status.WAITING:
            item.decided_at = decided_at or timezone.now()
    elif decided_at:
        item.decided_at = decided_at
    item.reply = reply
    item.save()
    return Feedback.objects.create(
        receipt_code=secrets.token_hex(4).upper(),
        speaker=Speaker.YOUNG_PERSON,
        topic=topic(topic_name),
        feeling=feeling,
        moderated_text=item,
        share_consent=share_consent,
        author=author if author is not None and author.is_authenticated else None,
    )


def safeguarding_phrase(phrase: str = "hurt myself") -> SafeguardingPhrase:
    found, _ = SafeguardingPhrase.objects.get_or_create(
        phrase=phrase, defaults={"category": SafeguardingPhrase.Category.SELF_HARM}
    )
    return found
