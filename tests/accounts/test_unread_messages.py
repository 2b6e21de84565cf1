"""The navigation says how many messages are unread, for every role, in one query."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts import roles
from accounts.notifications import notify

pytestmark = pytest.mark.django_db

PAGE_WITH_NAV = "/feedback/"


def nav_text(response) -> str:
    html = response.content.decode()
    nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)
    return " ".join(re.sub(r"<[^>]+>", " ", nav).split())


@pytest.mark.parametrize(
    "role", [roles.YOUNG_PERSON, roles.PARENT_CARER, roles.CASE_WORKER]
)
def test_the_navigation_says_how_many_messages_are_unread(client_for, people, role):
    person = people[role]
    notify(user=person, message="Your event is tomorrow.", by_email=False)
    notify(user=person, message="We replied to you.", by_email=False)
    client = client_for(person)

    assert "Messages , 2 unread" in nav_text(client.get(PAGE_WITH_NAV))


def test_no_unread_messages_shows_no_number(client_for, young_person):
    notify(user=young_person, message="Read already.", by_email=False)
    client = client_for(young_person)
    client.get("/accounts/messages/")

    text = nav_text(client.get(PAGE_WITH_NAV))

    assert "Messages" in text
    assert "unread" not in text


def test_opening_messages_marks_them_read(client_for, young_person):
    notify(user=young_person, message="We replied to you.", by_email=False)
    client = client_for(young_person)

    opened = client.get("/accounts/messages/")

    assert "We replied to you." in opened.content.decode()
    assert "unread" not in nav_text(opened)
    assert "unread" not in nav_text(client.get(PAGE_WITH_NAV))


def test_the_unread_count_costs_one_query(client_for, young_person):
    for n in range(5):
        notify(user=young_person, message=f"Message {n}", by_email=False)
    client = client_for(young_person)
    client.get(PAGE_WITH_NAV)

    with CaptureQueriesContext(connection) as queries:
        client.get(PAGE_WITH_NAV)

    counting = [q for q in queries if "accounts_notification" in q["sql"]]
    assert len(counting) == 1
