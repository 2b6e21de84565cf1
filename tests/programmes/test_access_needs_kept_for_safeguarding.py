"""Access needs that became a safeguarding concern are kept from programme staff."""

import csv
import io

import pytest

from accounts import roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

DISCLOSURE = "need to be home by 6 or my dad batters me"
PASSED_ON = "Passed to the safeguarding lead"


def sign_up_with(client_for, event, needs, username):
    young = UserFactory(username=username, roles=[roles.YOUNG_PERSON])
    client_for(young).post(f"/events/{event.pk}/sign-up/", {"access_needs": needs})


def test_staff_see_that_worrying_access_needs_were_passed_on_not_the_words(
    client_for, people, event
):
    sign_up_with(client_for, event, DISCLOSURE, "worried-one")
    sign_up_with(client_for, event, "I need a quiet space", "calm-one")

    page = client_for(people[roles.PROGRAMME_STAFF]).get(f"/staff/events/{event.pk}/")

    html = page.content.decode()
    assert "batters" not in html
    assert PASSED_ON in html
    assert "I need a quiet space" in html


def test_the_waiting_list_keeps_worrying_access_needs_from_staff(
    client_for, people, event
):
    sign_up_with(client_for, event, "I need a quiet space", "first-one")
    sign_up_with(client_for, event, "Step-free entrance", "second-one")
    sign_up_with(client_for, event, DISCLOSURE, "waiting-one")

    html = (
        client_for(people[roles.PROGRAMME_STAFF])
        .get(f"/staff/events/{event.pk}/")
        .content.decode()
    )

    assert "batters" not in html
    assert PASSED_ON in html


def test_the_sign_up_export_keeps_worrying_access_needs_from_staff(
    client_for, people, event
):
    sign_up_with(client_for, event, DISCLOSURE, "worried-one")
    sign_up_with(client_for, event, "I need a quiet space", "calm-one")

    response = client_for(people[roles.PROGRAMME_STAFF]).get(
        f"/staff/events/{event.pk}/sign-ups.csv"
    )

    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = {row[0]: row for row in csv.reader(io.StringIO(content))}
    assert "batters" not in content
    assert PASSED_ON in rows["worried-one"]
    assert "I need a quiet space" in rows["calm-one"]
