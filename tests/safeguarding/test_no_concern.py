"""A concern raised wrongly is never a loss: "no concern" sends the text back to the queue."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from tests.feedback.factories import make_feedback
from tests.moderation.factories import ModeratedTextFactory
from voice.moderation.models import ModeratedText
from voice.safeguarding.models import SafeguardingConcern

pytestmark = pytest.mark.django_db

WORRYING = "my brothers mates keep making me drop off parcels for them"
REASON = "They mean parcels for the family shop; checked with their worker."


def _acknowledged(client, concern):
    client.post(reverse("safeguarding:acknowledge", args=[concern.pk]))


def test_no_concern_sends_the_text_back_to_the_queue_in_its_place_by_arrival(
    client_for, submit, leads, moderator
):
    older = ModeratedTextFactory(created_at=timezone.now() - timedelta(hours=2))
    item = submit(WORRYING)
    ModeratedText.objects.filter(pk=item.pk).update(
        created_at=timezone.now() - timedelta(hours=1)
    )
    newer = ModeratedTextFactory()
    concern = SafeguardingConcern.objects.get(moderated_text=item)
    lead = client_for(leads[0])
    _acknowledged(lead, concern)

    response = lead.post(
        reverse("safeguarding:no_concern", args=[concern.pk]),
        {"reason": REASON},
        follow=True,
    )

    assert "The text is back in the moderation queue." in response.content.decode()
    concern.refresh_from_db()
    assert concern.closed_by == leads[0]
    assert concern.no_concern_reason == REASON
    queue = client_for(moderator).get(reverse("moderation:queue"))
    order = [row.pk for row in queue.context["page_obj"].object_list]
    assert order == [older.pk, item.pk, newer.pk]
    page = client_for(moderator).get(reverse("moderation:item", args=[item.pk]))
    assert page.status_code == 200
    assert "a safeguarding lead found no concern" in page.content.decode()
    assert "Claim this item" in page.content.decode()


def test_the_no_concern_reason_is_never_written_to_the_audit_log(
    client_for, submit, leads
):
    item = submit(WORRYING)
    concern = SafeguardingConcern.objects.get(moderated_text=item)
    lead = client_for(leads[0])
    _acknowledged(lead, concern)
    lead.post(reverse("safeguarding:no_concern", args=[concern.pk]), {"reason": REASON})

    page = lead.get(reverse("safeguarding:detail", args=[concern.pk])).content
    assert REASON in page.decode()
    for entry in ModelLogEntry.objects.all():
        assert "family shop" not in str(entry.data)


def test_no_concern_needs_a_reason_shown_beside_the_field(client_for, submit, leads):
    item = submit(WORRYING)
    concern = SafeguardingConcern.objects.get(moderated_text=item)
    lead = client_for(leads[0])
    _acknowledged(lead, concern)

    response = lead.post(
        reverse("safeguarding:no_concern", args=[concern.pk]), {"reason": "  "}
    )

    assert response.status_code == 400
    assert "Say briefly why there is no concern." in response.content.decode()
    item.refresh_from_db()
    assert item.status == ModeratedText.Status.SAFEGUARDING


def test_the_childs_receipt_says_a_safeguarding_lead_found_nothing_to_worry_about(
    client, client_for, submit, leads
):
    feedback = make_feedback(WORRYING)
    item = feedback.moderated_text
    concern = SafeguardingConcern.objects.get(moderated_text=item)
    lead = client_for(leads[0])
    _acknowledged(lead, concern)
    lead.post(reverse("safeguarding:no_concern", args=[concern.pk]), {"reason": REASON})
    lead.logout()

    html = client.post(
        reverse("feedback:check"), {"code": feedback.receipt_code}, follow=True
    ).content.decode()

    assert "read it and is not worried about you" in html
    assert "family shop" not in html


def test_an_unsafe_button_concern_found_to_be_no_concern_simply_closes(
    client_for, leads
):
    concern = SafeguardingConcern.objects.create(
        source=SafeguardingConcern.Source.UNSAFE_BUTTON, details="pressed by mistake"
    )
    lead = client_for(leads[0])
    _acknowledged(lead, concern)

    response = lead.post(
        reverse("safeguarding:no_concern", args=[concern.pk]),
        {"reason": "Pressed by mistake, said so at the session."},
        follow=True,
    )

    assert "Closed: no concern." in response.content.decode()
    concern.refresh_from_db()
    assert concern.closed_at is not None
    assert not ModeratedText.objects.exists()


def test_after_no_concern_the_moderator_sees_the_personal_detail_redaction_proposed(
    client_for, submit, leads, moderator
):
    item = submit(f"{WORRYING}, text me on 07700 900123")
    concern = SafeguardingConcern.objects.get(moderated_text=item)
    lead = client_for(leads[0])
    _acknowledged(lead, concern)
    lead.post(reverse("safeguarding:no_concern", args=[concern.pk]), {"reason": REASON})

    page = client_for(moderator)
    page.post(reverse("moderation:claim", args=[item.pk]))
    html = page.get(reverse("moderation:item", args=[item.pk])).content.decode()

    proposal = f"{WORRYING}, text me on [phone number]"
    assert f"{proposal}</textarea>" in html
