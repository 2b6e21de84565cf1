"""Wagtail's audit log outlives the records the purge empties, so it holds no one's words."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry, PageLogEntry

from privacy.retention import purge_expired_data
from tests.moderation.factories import ModeratedTextFactory
from voice.safeguarding.models import SafeguardingConcern

pytestmark = pytest.mark.django_db

TEXT = "sometimes i sleep at my mates cos its not nice at home"
WHY = "Mentions sleeping away from home, sounds like it happens often."
NOTE = "Rang the family support worker, who knew already."


def every_log_entry() -> str:
    rows = [*ModelLogEntry.objects.all(), *PageLogEntry.objects.all()]
    return " ".join(f"{row.label} {row.data}" for row in rows).lower()


def test_a_purge_leaves_no_word_of_the_text_the_why_or_the_note_in_the_audit_log(
    client_for, moderator, leads
):
    item = ModeratedTextFactory(text=TEXT)
    moderating = client_for(moderator)
    moderating.post(reverse("moderation:claim", args=[item.pk]))
    moderating.post(reverse("moderation:escalate", args=[item.pk]), {"why": WHY})
    concern = SafeguardingConcern.objects.get(moderated_text=item)
    lead = client_for(leads[0])
    lead.post(reverse("safeguarding:acknowledge", args=[concern.pk]))
    lead.post(reverse("safeguarding:action", args=[concern.pk]), {"action": NOTE})
    lead.post(reverse("safeguarding:close", args=[concern.pk]))
    concern.refresh_from_db()
    assert NOTE in concern.action_taken
    assert concern.details == WHY
    assert "family support worker" not in every_log_entry()
    assert "sleeping away" not in every_log_entry()

    SafeguardingConcern.objects.filter(pk=concern.pk).update(
        closed_at=timezone.now() - timedelta(days=365 * 30)
    )
    purge_expired_data()

    concern.refresh_from_db()
    assert (concern.details, concern.action_taken) == ("", "")
    logged = every_log_entry()
    for words in ("sleep at my mates", "sleeping away", "family support worker"):
        assert words not in logged
