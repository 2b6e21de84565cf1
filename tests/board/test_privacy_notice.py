"""The short privacy notice is shown with the form to join the shadow board."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_application_form_shows_the_privacy_notice(client_for, young_person):
    page = client_for(young_person).get(reverse("board:apply"))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Send my application" in text
    assert "What happens to what you tell us" in text


def test_someone_already_on_the_board_sees_no_form_and_no_notice(client_for, member):
    text = client_for(member).get(reverse("board:apply")).content.decode()
    assert "Send my application" not in text
    assert "What happens to what you tell us" not in text
