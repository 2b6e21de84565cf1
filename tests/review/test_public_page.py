""" "You said, we did": only actions under way, done or not possible, never anything identifying."""

import pytest

from accounts import roles
from tests.factories import user_with_role
from tests.review.factories import TopicFactory, make_feedback
from voice.review import services
from voice.review.models import Action

URL = "/you-said-we-did/"


def make_action(cycle, topic, manager, status, what, feedback=()):
    action = services.create_action(
        cycle=cycle,
        topic=topic,
        what_we_heard=f"Heard about {what}",
        what_we_will_do=what,
        owner=manager,
        user=manager,
        feedback=feedback,
    )
    if status != "proposed":
        action = services.change_action_status(
            action=action, status=status, user=manager, reason="The council said no."
        )
    return action


@pytest.fixture
def one_of_each(cycle, topic, manager):
    author = user_with_role(roles.YOUNG_PERSON, username="jaden-secret-name")
    feedback = make_feedback(
        author=author, text="My worker Dave at Riverside is never there, I'm Jaden"
    )
    return {
        status: make_action(cycle, topic, manager, status, f"Plan {status}", [feedback])
        for status in Action.Status.values
    } | {"feedback": feedback}


def test_shows_only_in_progress_done_and_not_possible_actions(client, one_of_each):
    html = client.get(URL).content.decode()

    assert "Plan in_progress" in html and "We are doing this:" in html
    assert "Plan done" in html and "We did this:" in html
    assert "Plan not_possible" in html
    assert "We could not, because:" in html and "The council said no." in html
    assert "Plan proposed" not in html
    assert "Plan agreed" not in html


def test_never_shows_feedback_text_authors_or_receipt_codes(client, one_of_each):
    html = client.get(URL).content.decode()

    feedback = one_of_each["feedback"]
    assert "Dave" not in html and "Jaden" not in html
    assert "jaden-secret-name" not in html
    assert feedback.receipt_code not in html
    assert "You said:" in html and "Heard about Plan done" in html


def test_newest_change_comes_first_and_topics_filter(client, cycle, manager, topic):
    court = TopicFactory(name="Court")
    make_action(cycle, topic, manager, "done", "Older change")
    make_action(cycle, court, manager, "in_progress", "Newer change")

    html = client.get(URL).content.decode()
    assert html.index("Newer change") < html.index("Older change")

    filtered = client.get(URL, {"topic": court.pk}).content.decode()
    assert "Newer change" in filtered and "Older change" not in filtered
    # Nonsense in the filter shows everything instead of failing.
    assert client.get(URL, {"topic": "abc"}).status_code == 200


def test_a_topic_with_nothing_to_show_is_told_next_to_the_filter(
    client, cycle, manager, topic
):
    make_action(cycle, topic, manager, "done", "A change")
    empty = TopicFactory(name="Nothing yet")

    response = client.get(URL, {"topic": empty.pk})

    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"topic"}
    assert "A change" in response.content.decode()
    assert ">Nothing yet<" not in response.content.decode()


def test_the_list_is_paginated(client, cycle, manager, topic):
    for n in range(12):
        make_action(cycle, topic, manager, "done", f"Change number {n:02d}")

    first = client.get(URL).content.decode()
    second = client.get(URL, {"page": 2}).content.decode()

    assert "Change number 11" in first and "Change number 00" not in first
    assert "Change number 00" in second and "Page 2 of 2" in second


def test_the_page_needs_the_same_queries_for_more_items(client, cycle, manager, topic):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    young = user_with_role(roles.YOUNG_PERSON, username="counter")
    client.force_login(young)

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL).status_code == 200
        return len(captured.captured_queries)

    for n in range(2):
        make_action(cycle, topic, manager, "done", f"A{n}")
    client.get(URL)  # warm the per-process caches (site, settings)
    small = count()
    for n in range(15):
        make_action(cycle, TopicFactory(name=f"T{n}"), manager, "done", f"B{n}")
    assert count() == small


def test_the_public_page_offers_no_rating(client, one_of_each):
    """Ratings are the children's whose feedback an action came from, on their receipt."""
    html = client.get(URL).content.decode()

    assert "How well did we respond?" not in html
    assert client.post(f"{URL}{one_of_each['done'].pk}/rate/").status_code == 404
