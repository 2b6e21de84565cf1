"""The short privacy notice is shown where a young person signs up for an event."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_sign_up_form_shows_the_privacy_notice_next_to_it(
    client_for, young_person, event
):
    page = client_for(young_person).get(
        reverse("events:sign_up", kwargs={"event_id": event.pk})
    )
    text = page.content.decode()
    assert page.status_code == 200
    assert 'name="csrfmiddlewaretoken"' in text
    assert "What happens to what you tell us" in text
    assert "Read the full privacy information" in text
