"""Claims and decisions: one moderator at a time, never your own text, all in the audit log."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from accounts.models import Notification
from tests.moderation.factories import FeedbackFactory, ModeratedTextFactory
from voice.moderation import services
from voice.moderation.models import ModeratedText, NotSharedReason, Theme
from voice.safeguarding.models import SafeguardingConcern

pytestmark = pytest.mark.django_db


def actions_for(item):
    return list(
        ModelLogEntry.objects.for_instance(item)
        .order_by("pk")
        .values_list("action", flat=True)
    )


def test_screening_after_submission_stores_offensive_words_details_and_a_redaction(
    submit,
):
    item = submit("my name is Jordan and this place is shit, ring 07700 900123")

    assert item.status == ModeratedText.Status.WAITING
    assert item.screened_at is not None
    assert [w["word"] for w in item.offensive_words] == ["shit"]
    assert {d["kind"] for d in item.personal_details} == {"name", "phone"}
    assert item.proposed_redaction == (
        "my name is [name] and this place is shit, ring [phone number]"
    )
    assert item.text.startswith("my name is Jordan")


def test_a_second_moderator_cannot_claim_an_item_already_claimed(
    moderator, other_moderator
):
    item = ModeratedTextFactory()
    services.claim_item(item=item, moderator=moderator)

    with pytest.raises(services.ItemTaken, match="taken by mod-one"):
        services.claim_item(item=item, moderator=other_moderator)
    item.refresh_from_db()
    assert item.claimed_by == moderator


def test_a_stale_claim_can_be_taken_over(moderator, other_moderator, settings):
    settings.MODERATION_CLAIM_STALE_MINUTES = 30
    item = ModeratedTextFactory()
    services.claim_item(item=item, moderator=moderator)
    ModeratedText.objects.filter(pk=item.pk).update(
        claimed_at=timezone.now() - timedelta(minutes=31)
    )

    services.claim_item(item=item, moderator=other_moderator)

    item.refresh_from_db()
    assert item.claimed_by == other_moderator
    entry = ModelLogEntry.objects.for_instance(item).latest("pk")
    assert entry.data == {"taken_over_from": "mod-one"}


def test_the_queue_shows_taken_by_and_refuses_a_second_claim(
    client_for, moderator, other_moderator
):
    item = ModeratedTextFactory()
    services.claim_item(item=item, moderator=moderator)
    client = client_for(other_moderator)

    assert (
        "Taken by mod-one" in client.get(reverse("moderation:queue")).content.decode()
    )
    response = client.post(reverse("moderation:claim", args=[item.pk]), follow=True)
    assert "This is taken by mod-one." in response.content.decode()


def test_approving_with_a_redaction_keeps_the_original_and_tells_the_author(
    client_for, moderator, young_person, submit
):
    item = submit("my name is Jordan and the youth club is great", author=young_person)
    FeedbackFactory(moderated_text=item, author=young_person, share_consent=True)
    client = client_for(moderator)
    client.post(reverse("moderation:claim", args=[item.pk]))

    page = client.get(reverse("moderation:item", args=[item.pk])).content.decode()
    assert "my name is [name] and the youth club is great</textarea>" in page

    response = client.post(
        reverse("moderation:approve", args=[item.pk]),
        {"redacted_text": "my name is [name] and the youth club is great"},
    )
    assert response.status_code == 302

    item.refresh_from_db()
    assert item.status == ModeratedText.Status.APPROVED
    assert item.text == "my name is Jordan and the youth club is great"
    assert item.public_text == "my name is [name] and the youth club is great"
    assert item.decided_by == moderator
    assert item.claimed_by is None
    assert actions_for(item) == ["moderation.claim", "moderation.approve"]
    notice = Notification.objects.get(user=young_person)
    assert "shared on our website" in notice.message
    assert "Jordan" not in notice.message


def test_approving_unchanged_text_stores_no_redaction(moderator):
    item = ModeratedTextFactory(text="Good sessions")
    services.claim_item(item=item, moderator=moderator)
    services.approve_item(item=item, moderator=moderator, redacted_text="Good sessions")
    item.refresh_from_db()
    assert item.redacted_text == ""
    assert item.public_text == "Good sessions"


def test_the_original_text_cannot_be_edited_through_a_model_form():
    from django.forms import modelform_factory

    form_class = modelform_factory(ModeratedText, fields="__all__")
    assert "text" not in form_class().fields


def test_not_sharing_needs_a_reason_from_the_list(client_for, moderator, young_person):
    item = ModeratedTextFactory(author=young_person)
    client = client_for(moderator)
    client.post(reverse("moderation:claim", args=[item.pk]))

    response = client.post(
        reverse("moderation:not_shared", args=[item.pk]), {"reason": "999"}
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    response = client.post(reverse("moderation:not_shared", args=[item.pk]), {})
    assert "Choose a reason from the list." in response.content.decode()

    reason = NotSharedReason.objects.get(title="Personal details")
    client.post(reverse("moderation:not_shared", args=[item.pk]), {"reason": reason.pk})
    item.refresh_from_db()
    assert item.status == ModeratedText.Status.NOT_SHARED
    assert item.not_shared_reason == reason
    entry = ModelLogEntry.objects.for_instance(item).latest("pk")
    assert entry.action == "moderation.not_shared"
    assert entry.data["reason"] == "Personal details"
    assert reason.plain_words in Notification.objects.get(user=young_person).message


def test_escalating_creates_a_concern_from_the_moderator_and_leaves_the_queue(
    moderator, leads, django_capture_on_commit_callbacks
):
    item = ModeratedTextFactory()
    services.claim_item(item=item, moderator=moderator)
    with django_capture_on_commit_callbacks(execute=True):
        concern = services.escalate_to_safeguarding(
            item=item, moderator=moderator, why="Sounds frightened of someone at home"
        )
    item.refresh_from_db()
    assert item.status == ModeratedText.Status.SAFEGUARDING
    assert concern.source == SafeguardingConcern.Source.MODERATOR
    assert concern.raised_by == moderator
    assert concern.moderated_text == item
    assert {m.to[0] for m in mail.outbox} == {"lead1@example.org", "lead2@example.org"}


def test_a_moderator_cannot_moderate_their_own_text(client_for, people, submit):
    from accounts import roles

    moderator = people[roles.MODERATOR]
    item = submit("I think the building needs a ramp", author=moderator)

    with pytest.raises(services.OwnText):
        services.claim_item(item=item, moderator=moderator)
    with pytest.raises(services.OwnText):
        services.approve_item(item=item, moderator=moderator)
    client = client_for(moderator)
    page = client.get(reverse("moderation:item", args=[item.pk])).content.decode()
    assert "You wrote this, so someone else must moderate it." in page
    client.post(reverse("moderation:approve", args=[item.pk]), {"redacted_text": ""})
    item.refresh_from_db()
    assert item.status == ModeratedText.Status.WAITING


def test_a_decision_on_an_item_held_by_someone_else_is_refused(
    moderator, other_moderator
):
    item = ModeratedTextFactory()
    services.claim_item(item=item, moderator=moderator)
    with pytest.raises(services.ItemTaken):
        services.approve_item(item=item, moderator=other_moderator)


def test_a_decided_item_cannot_be_decided_again(moderator):
    item = ModeratedTextFactory()
    services.approve_item(item=item, moderator=moderator)
    with pytest.raises(services.AlreadyDecided):
        services.decline_to_share(
            item=item, moderator=moderator, reason=NotSharedReason.objects.first()
        )


def test_themes_and_replies_are_saved_logged_and_the_author_told(
    client_for, moderator, young_person
):
    item = ModeratedTextFactory(author=young_person)
    theme = Theme.objects.get(name="Feeling listened to")
    client = client_for(moderator)

    client.post(reverse("moderation:themes", args=[item.pk]), {"themes": [theme.pk]})
    client.post(
        reverse("moderation:reply", args=[item.pk]),
        {"reply": "Thank you. We fixed it."},
    )

    item.refresh_from_db()
    assert list(item.themes.all()) == [theme]
    assert item.reply == "Thank you. We fixed it."
    assert item.replied_by == moderator
    assert actions_for(item) == ["moderation.themes", "moderation.reply"]
    assert "replied" in Notification.objects.get(user=young_person).message


def test_an_empty_or_too_long_reply_gets_a_clear_message(client_for, moderator):
    item = ModeratedTextFactory()
    client = client_for(moderator)
    response = client.post(reverse("moderation:reply", args=[item.pk]), {"reply": ""})
    assert "Write a reply first." in response.content.decode()
    response = client.post(
        reverse("moderation:reply", args=[item.pk]), {"reply": "x" * 2001}
    )
    assert response.status_code == 400
    assert "at most 2000 characters" in response.content.decode()
    assert "x" * 2001 in response.content.decode()


def test_the_item_page_shows_highlighted_words_and_its_history(
    client_for, moderator, submit
):
    item = submit("<b>this</b> is shit, email me at jo@example.org")
    services.claim_item(item=item, moderator=moderator)
    page = (
        client_for(moderator)
        .get(reverse("moderation:item", args=[item.pk]))
        .content.decode()
    )
    assert '<mark class="flag-offensive"' in page
    assert '<mark class="flag-personal"' in page
    assert "&lt;b&gt;this&lt;/b&gt;" in page
    assert "Claimed for moderation" in page
    assert "by mod-one" in page


def test_an_item_held_for_safeguarding_is_hidden_from_moderators_but_open_to_leads(
    client_for, moderator, leads, submit
):
    item = submit("they make me sell stuff for them")
    assert (
        client_for(moderator)
        .get(reverse("moderation:item", args=[item.pk]))
        .status_code
        == 404
    )
    assert (
        client_for(leads[0]).get(reverse("moderation:item", args=[item.pk])).status_code
        == 200
    )


def test_the_audit_log_has_no_way_to_be_edited_from_our_pages(client_for, moderator):
    """History is shown, never editable: the item page has no form that posts to the log."""
    item = ModeratedTextFactory()
    services.claim_item(item=item, moderator=moderator)
    page = (
        client_for(moderator)
        .get(reverse("moderation:item", args=[item.pk]))
        .content.decode()
    )
    history = page.split('id="history-heading"')[1]
    assert "<form" not in history
