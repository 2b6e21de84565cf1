"""One faces scale: rating what came of feedback shows the faces the feedback form shows."""

import re

import pytest
from django.core.cache import cache

from tests.review.factories import make_feedback
from tests.review.test_public_page import make_action

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()


def faces_in(html: str, css_class: str) -> list[str]:
    return re.findall(rf'class="{css_class}"[^>]*>([^<]+)<', html)


def test_the_rating_buttons_show_the_same_five_faces_as_the_feedback_form(
    client, cycle, topic, manager
):
    feedback = make_feedback(text="The waiting room is boring.")
    make_action(cycle, topic, manager, "done", "New games", [feedback])

    form_faces = faces_in(client.get("/feedback/").content.decode(), "feeling__face")
    receipt = client.post(
        "/feedback/check/", {"code": feedback.receipt_code}, follow=True
    )
    rating_faces = faces_in(receipt.content.decode(), "rating-face")

    assert len(form_faces) == 5
    assert rating_faces == form_faces
