"""A claim holds: while one moderator has an item, nobody else replies to it,
tags it or decides it, and the item page shows who has it."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.moderation.factories import ModeratedTextFactory
from voice.moderation import services
from voice.moderation.models import ModeratedText, NotSharedReason, Theme


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_a_second_moderator_cannot_reply_while_the_first_holds_the_item(
    settings, moderator, other_moderator
):
    settings.STAFF_MFA_REQUIRED = False
    item = ModeratedTextFactory()
    services.claim_item(item=item, moderator=moderator)

    response = signed_in(other_moderator).post(
        reverse("moderation:reply", args=[item.pk]),
        {"reply": "We hear you."},
    )

    item.refresh_from_db()
    assert item.reply == ""
    assert response.status_code == 409
    page = response.content.decode()
    assert "This is taken by mod-one." in page
    assert "We hear you." in page  # what they typed is kept


@pytest.mark.django_db
def test_a_second_moderator_cannot_change_themes_or_decide_while_the_first_holds_it(
    settings, moderator, other_moderator
):
    settings.STAFF_MFA_REQUIRED = False
    item = ModeratedTextFactory()
    services.claim_item(item=item, moderator=moderator)
    other = signed_in(other_moderator)
    theme = Theme.objects.first()

    other.post(reverse("moderation:themes", args=[item.pk]), {"themes": [theme.pk]})
    other.post(
        reverse("moderation:not_shared", args=[item.pk]),
        {"reason": NotSharedReason.objects.first().pk},
    )
    other.post(reverse("moderation:approve", args=[item.pk]), {"redacted_text": ""})

    item.refresh_from_db()
    assert item.status == ModeratedText.Status.WAITING
    assert list(item.themes.all()) == []
    assert item.claimed_by == moderator


@pytest.mark.django_db
def test_the_holder_can_still_reply_and_a_reply_after_the_decision_needs_no_claim(
    settings, moderator, other_moderator
):
    settings.STAFF_MFA_REQUIRED = False
    item = ModeratedTextFactory()
    services.claim_item(item=item, moderator=moderator)
    signed_in(moderator).post(
        reverse("moderation:reply", args=[item.pk]), {"reply": "Thanks for this."}
    )
    services.approve_item(item=item, moderator=moderator)
    signed_in(other_moderator).post(
        reverse("moderation:reply", args=[item.pk]), {"reply": "We changed it."}
    )
    item.refresh_from_db()
    assert item.reply == "We changed it."


@pytest.mark.django_db
def test_the_item_page_says_who_holds_it_and_offers_no_claim_button(
    settings, moderator, other_moderator
):
    settings.STAFF_MFA_REQUIRED = False
    item = ModeratedTextFactory()
    services.claim_item(item=item, moderator=moderator)
    page = (
        signed_in(other_moderator)
        .get(reverse("moderation:item", args=[item.pk]))
        .content.decode()
    )
    assert "Taken by mod-one" in page
    assert "Claim this item" not in page
    assert f'data-moderation-item="{item.pk}"' in page
    assert 'data-socket="/ws/staff/moderation/"' in page
