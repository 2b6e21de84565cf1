""" "You said, we did": only actions under way, done or not possible, never anything identifying."""

import pytest
from django.test import override_settings

from accounts import roles
from tests.factories import pass_mfa, user_with_role
from tests.review.factories import TopicFactory, make_feedback
from voice.review import services
from voice.review.models import Action, ActionRating

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
        action = make_action(cycle, topic, manager, "done", f"A{n}")
        services.rate_action(action=action, score=4, rater=young)
    client.get(URL)  # warm the per-process caches (site, settings)
    small = count()
    for n in range(15):
        action = make_action(
            cycle, TopicFactory(name=f"T{n}"), manager, "done", f"B{n}"
        )
        services.rate_action(action=action, score=4, rater=young)
    assert count() == small


def test_an_anonymous_visitor_rates_once_per_item_and_can_change_it(
    client, cycle, topic, manager
):
    action = make_action(cycle, topic, manager, "done", "Games")

    response = client.post(f"{URL}{action.pk}/rate/", {"score": "2", "next": URL})
    assert response.status_code == 302
    assert response["Location"] == f"{URL}#action-{action.pk}"
    client.post(f"{URL}{action.pk}/rate/", {"score": "5", "next": URL})

    rating = ActionRating.objects.get()
    assert (rating.score, rating.rater) == (5, None)
    html = client.get(URL).content.decode()
    assert 'aria-pressed="true"' in html and "You can change your answer." in html

    # Another visitor (another session) adds their own.
    client.cookies.clear()
    client.post(f"{URL}{action.pk}/rate/", {"score": "3"})
    assert sorted(ActionRating.objects.values_list("score", flat=True)) == [3, 5]


def test_a_signed_in_young_person_has_one_rating_per_item(
    client, cycle, topic, manager
):
    action = make_action(cycle, topic, manager, "in_progress", "Texts")
    young = user_with_role(roles.YOUNG_PERSON, username="rater")
    client.force_login(young)

    client.post(f"{URL}{action.pk}/rate/", {"score": "1"})
    client.post(f"{URL}{action.pk}/rate/", {"score": "4"})
    client.logout()
    client.force_login(young)  # a new session, the same person
    client.post(f"{URL}{action.pk}/rate/", {"score": "3"})

    assert list(ActionRating.objects.values_list("rater__username", "score")) == [
        ("rater", 3)
    ]


def test_staff_and_parents_read_but_do_not_rate(client, cycle, topic, manager):
    action = make_action(cycle, topic, manager, "done", "Games")
    client.force_login(manager)
    pass_mfa(client, manager)

    assert "How well did we respond?" not in client.get(URL).content.decode()
    assert client.post(f"{URL}{action.pk}/rate/", {"score": "5"}).status_code == 403
    assert not ActionRating.objects.exists()


def test_items_not_on_the_public_page_cannot_be_rated(client, cycle, topic, manager):
    action = make_action(cycle, topic, manager, "agreed", "Secret plan")

    assert client.post(f"{URL}{action.pk}/rate/", {"score": "5"}).status_code == 404


def test_a_bad_rating_is_refused_with_a_message(client, cycle, topic, manager):
    action = make_action(cycle, topic, manager, "done", "Games")

    response = client.post(f"{URL}{action.pk}/rate/", {"score": "9"}, follow=True)

    assert "Choose how well you think we did" in response.content.decode()
    assert not ActionRating.objects.exists()


def test_a_room_of_thirty_on_one_address_can_all_rate(client, cycle, topic, manager):
    actions = [make_action(cycle, topic, manager, "done", f"C{n}") for n in range(3)]
    for _ in range(30):
        client.cookies.clear()
        for action in actions:
            response = client.post(f"{URL}{action.pk}/rate/", {"score": "4"})
            assert response.status_code == 302
    assert ActionRating.objects.count() == 90


@override_settings(REVIEW_RATINGS_PER_PERSON=(3, 600))
def test_one_person_tapping_too_fast_is_asked_to_wait(client, cycle, topic, manager):
    from django.core.cache import cache

    cache.clear()
    action = make_action(cycle, topic, manager, "done", "Games")
    for _ in range(3):
        assert client.post(f"{URL}{action.pk}/rate/", {"score": "4"}).status_code == 302

    response = client.post(f"{URL}{action.pk}/rate/", {"score": "2"})

    assert response.status_code == 429
    assert "Please wait a little" in response.content.decode()
    assert ActionRating.objects.get().score == 4
