"""Log entries written before the log kept only facts lose their words on migrating."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import ModelLogEntry

from tests.moderation.factories import ModeratedTextFactory
from tests.test_migrations import run_forward
from voice.safeguarding.models import SafeguardingConcern

pytestmark = pytest.mark.django_db

WHY = "She says her uncle shouts at her every night"
NOTE = "Spoke to her aunt, referral made to early help"


def old_entry(instance, action: str, data: dict) -> ModelLogEntry:
    return ModelLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(instance),
        object_id=str(instance.pk),
        label=str(instance),
        action=action,
        data=data,
        timestamp=timezone.now(),
    )


def test_the_migration_turns_an_old_why_and_note_into_their_lengths():
    item = ModeratedTextFactory()
    concern = SafeguardingConcern.objects.create(source="moderator")
    escalated = old_entry(item, "moderation.escalate", {"why": WHY})
    noted = old_entry(concern, "safeguarding.action", {"action": NOTE})
    other = old_entry(item, "moderation.approve", {"redacted": True})

    run_forward("moderation", "0010_scrub_words_from_audit_log")

    escalated.refresh_from_db()
    noted.refresh_from_db()
    other.refresh_from_db()
    assert escalated.data == {"why_length": len(WHY)}
    assert noted.data == {"action_length": len(NOTE)}
    assert other.data == {"redacted": True}
    every_entry = " ".join(str(row.data) for row in ModelLogEntry.objects.all())
    assert "uncle" not in every_entry and "early help" not in every_entry
