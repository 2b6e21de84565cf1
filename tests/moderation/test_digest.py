"""Moderators are emailed a digest when items wait in the queue too long."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from voice.moderation.models import ModeratedText

pytestmark = pytest.mark.django_db


def test_the_digest_emails_moderators_only_when_items_wait_too_long(
    moderator, other_moderator, settings
):
    settings.MODERATION_DIGEST_AFTER_HOURS = 24
    item = ModeratedText.objects.create(
        kind="feedback", text="It was ok, my name is Jo"
    )
    call_command("send_moderation_digest", stdout=io.StringIO())
    assert mail.outbox == []

    ModeratedText.objects.filter(pk=item.pk).update(
        created_at=timezone.now() - timedelta(hours=30)
    )
    call_command("send_moderation_digest", stdout=io.StringIO())
    assert {m.to[0] for m in mail.outbox} == {"one@example.org", "two@example.org"}
    message = mail.outbox[0]
    assert message.subject == "1 item waiting for moderation"
    assert "30 hours" in message.body
    assert "Jo" not in message.body
