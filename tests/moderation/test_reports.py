"""Reports on shared feedback: hiding needs people on different networks, and the
moderator sees why an item came back."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from tests.feedback.factories import make_shared
from voice.moderation.models import ModeratedText

pytestmark = pytest.mark.django_db


def shared_html(client) -> str:
    return client.get("/feedback/shared/").content.decode()


def report_from(address: str, feedback, reason="unkind"):
    """A fresh browser (a new cookie) on the given network address."""
    return Client(REMOTE_ADDR=address).post(
        f"/feedback/shared/{feedback.pk}/report/", {"reason": reason}
    )


def test_three_fresh_private_windows_in_one_place_cannot_take_an_item_down():
    feedback = make_shared("Words someone wants gone.")
    for _ in range(3):
        assert report_from("203.0.113.7", feedback).status_code == 302

    feedback.moderated_text.refresh_from_db()
    assert feedback.moderated_text.status == ModeratedText.Status.APPROVED
    assert "Words someone wants gone." in shared_html(Client())


def test_reports_from_three_networks_send_it_back_with_count_reasons_and_history(
    client_for, moderator
):
    cache.clear()  # reports counted in an earlier test must not count here
    feedback = make_shared("Words three people reported.")
    report_from("203.0.113.7", feedback, "unkind")
    report_from("198.51.100.20", feedback, "personal_details")
    report_from("192.0.2.99", feedback, "unkind")

    feedback.moderated_text.refresh_from_db()
    assert feedback.moderated_text.status == ModeratedText.Status.WAITING
    page = (
        client_for(moderator)
        .get(reverse("moderation:item", args=[feedback.moderated_text_id]))
        .content.decode()
    )
    assert "Reported 3 times" in page
    assert "It is rude, unkind or hurtful: 2" in page
    assert "It says who someone is, or how to find them: 1" in page
    assert "Taken off the shared page and sent back to moderators after reports" in page
    assert "3 reports" in page
