"""The staff home shows moderation and safeguarding cards, with live counts, to those allowed."""

import pytest
from django.urls import reverse

from accounts import roles
from tests.moderation.factories import ModeratedTextFactory
from voice.safeguarding.models import SafeguardingConcern

pytestmark = pytest.mark.django_db


def test_moderators_see_the_queue_card_with_its_live_waiting_count(client_for, people):
    ModeratedTextFactory.create_batch(3)
    page = (
        client_for(people[roles.MODERATOR]).get(reverse("staff:home")).content.decode()
    )
    assert "Moderation queue" in page
    assert "<span data-count-value>3</span> waiting" in page
    assert 'data-socket="/ws/staff/moderation/"' in page
    assert "js/moderation.js" in page
    assert "Safeguarding" not in page


def test_safeguarding_leads_see_both_cards(client_for, people):
    SafeguardingConcern.objects.create(source="unsafe_button")
    page = (
        client_for(people[roles.SAFEGUARDING_LEAD])
        .get(reverse("staff:home"))
        .content.decode()
    )
    assert "Moderation queue" in page
    assert "<span data-count-value>1</span> open" in page
    assert page.count("js/moderation.js") == 1


def test_other_staff_see_neither_card(client_for, people):
    page = (
        client_for(people[roles.PROGRAMME_STAFF])
        .get(reverse("staff:home"))
        .content.decode()
    )
    assert "Moderation queue" not in page
    assert "moderation.js" not in page


def test_moderation_lists_open_in_the_admin_for_those_who_manage_them(
    client_for, people
):
    phrases = "/admin/snippets/safeguarding/safeguardingphrase/"
    themes = "/admin/snippets/moderation/theme/"
    lead = client_for(people[roles.SAFEGUARDING_LEAD])
    assert "county lines" in lead.get(phrases).content.decode()
    client = client_for(people[roles.MODERATOR])
    assert "Feeling listened to" in client.get(themes).content.decode()
    assert client.get(phrases).status_code != 200
