"""A concern a moderator passes on shows when the child wrote it and when it was passed on."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.moderation.factories import ModeratedTextFactory
from voice.moderation import services
from voice.moderation.models import ModeratedText

pytestmark = pytest.mark.django_db


def test_a_passed_on_concern_shows_when_it_was_written_and_when_it_was_passed_on(
    client_for, moderator, leads
):
    item = ModeratedTextFactory()
    written = timezone.localtime() - timedelta(days=2)
    ModeratedText.objects.filter(pk=item.pk).update(
        created_at=written.replace(hour=9, minute=15)
    )
    item.refresh_from_db()
    concern = services.escalate_to_safeguarding(
        item=item, moderator=moderator, why="They sound frightened at home."
    )
    passed_on = timezone.localtime(concern.created_at)
    client = client_for(leads[0])

    detail = client.get(reverse("safeguarding:detail", args=[concern.pk]))
    listing = client.get(reverse("safeguarding:list"))

    for page in (detail.content.decode(), listing.content.decode()):
        assert "Written" in page
        assert written.strftime("%-d %b %Y") + ", 09:15" in page
        assert "Passed on" in page
        assert passed_on.strftime("%-d %b %Y, %H:%M") in page


def test_the_moderation_page_of_a_passed_on_item_shows_both_times(
    client_for, moderator, leads
):
    item = ModeratedTextFactory()
    written = timezone.localtime() - timedelta(days=3)
    ModeratedText.objects.filter(pk=item.pk).update(
        created_at=written.replace(hour=8, minute=40)
    )
    item.refresh_from_db()
    concern = services.escalate_to_safeguarding(
        item=item, moderator=moderator, why="They sound frightened at home."
    )
    passed_on = timezone.localtime(concern.created_at)

    page = (
        client_for(leads[0])
        .get(reverse("moderation:item", args=[item.pk]))
        .content.decode()
    )

    assert "Written" in page
    assert written.strftime("%-d %b %Y") + ", 08:40" in page
    assert "Passed on" in page
    assert passed_on.strftime("%-d %b %Y, %H:%M") in page
