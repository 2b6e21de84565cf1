"""Event listings: upcoming and past, filters, pages, and a fixed number of queries."""

import datetime

import pytest
from django.utils import timezone

from programmes.models import EventPage, SignUp
from tests.factories import UserFactory
from tests.programmes.factories import make_event, make_programme

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [event.title for event in response.context["events"]]


def test_upcoming_events_across_all_programmes_soonest_first(client, programme, index):
    other = make_programme(index, title="Knife crime awareness")
    make_event(programme, title="Later", starts_in=datetime.timedelta(days=20))
    make_event(other, title="Sooner", starts_in=datetime.timedelta(days=2))
    make_event(programme, title="Gone", starts_in=-datetime.timedelta(days=2))
    make_event(programme, title="Hidden draft", live=False)
    response = client.get("/events/")
    assert titles(response) == ["Sooner", "Later"]
    html = response.content.decode()
    assert "Knife crime awareness" in html and "Inspire" in html


def test_filters_by_programme_month_and_audience(client, programme, index):
    other = make_programme(index, title="Other")
    now = timezone.localtime()
    next_month = (now.replace(day=1) + datetime.timedelta(days=32)).replace(day=15)
    make_event(
        programme, title="Mine soon", starts_in=datetime.timedelta(days=0, hours=3)
    )
    make_event(other, title="Theirs next month", start=next_month)
    make_event(
        programme,
        title="Parents next month",
        start=next_month + datetime.timedelta(hours=2),
        audience=EventPage.Audience.PARENTS,
    )
    assert titles(client.get(f"/events/?programme={programme.pk}")) == [
        "Mine soon",
        "Parents next month",
    ]
    assert titles(client.get(f"/events/?month={next_month:%Y-%m}")) == [
        "Theirs next month",
        "Parents next month",
    ]
    assert titles(client.get("/events/?audience=parents")) == ["Parents next month"]


def test_nonsense_filters_show_a_message_not_an_error(client, programme):
    make_event(programme, title="Still listed")
    response = client.get("/events/?programme=abc&month=2020-99&audience=aliens&page=x")
    assert response.status_code == 200
    assert titles(response) == ["Still listed"]
    assert "Select a valid choice" in response.content.decode()


def test_listings_are_paginated(client, programme):
    for number in range(12):
        make_event(
            programme,
            title=f"Event {number:02}",
            starts_in=datetime.timedelta(days=number + 1),
        )
    first = client.get("/events/")
    assert len(titles(first)) == 10
    assert "Page 1 of 2" in first.content.decode()
    second = client.get("/events/?page=2")
    assert titles(second) == ["Event 10", "Event 11"]
    assert titles(client.get("/events/?page=99")) == ["Event 10", "Event 11"]


def test_past_events_are_archived_with_their_outcomes(client, programme):
    make_event(
        programme,
        title="Studio day",
        starts_in=-datetime.timedelta(days=10),
        outcomes="<p>Two tracks recorded.</p>",
    )
    make_event(programme, title="Coming up")
    response = client.get("/events/past/")
    assert titles(response) == ["Studio day"]
    assert "Two tracks recorded." in response.content.decode()
    programme_page = client.get(programme.url).content.decode()
    assert "Two tracks recorded." in programme_page
    assert "Coming up" in programme_page


def test_full_events_say_the_waiting_list_is_open(client, programme):
    event = make_event(programme, title="Tiny", capacity=1)
    SignUp.objects.create(event=event, person=UserFactory(), status=SignUp.Status.PLACE)
    assert (
        "Full: you can join the waiting list" in client.get("/events/").content.decode()
    )


def add_events(programme, count):
    for number in range(count):
        event = make_event(programme, starts_in=datetime.timedelta(days=number + 1))
        SignUp.objects.create(event=event, person=UserFactory(), status="place")


def count_queries(client, django_assert_max_num_queries, path) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "path_for",
    [
        lambda programme: "/events/",
        lambda programme: "/events/past/",
        lambda programme: programme.url,
        lambda programme: "/events/calendar.ics",
    ],
    ids=["upcoming", "past", "programme page", "feed"],
)
def test_listing_queries_do_not_grow_with_the_number_of_events(
    client, programme, index, django_assert_max_num_queries, path_for
):
    other = make_programme(index)
    add_events(programme, 2)
    add_events(other, 1)
    for event in EventPage.objects.all()[:1]:
        EventPage.objects.filter(pk=event.pk).update(
            start=timezone.now() - datetime.timedelta(days=3),
            end=timezone.now() - datetime.timedelta(days=2),
        )
    path = path_for(programme)
    client.get(path)  # warm caches (site root, settings)
    few = count_queries(client, django_assert_max_num_queries, path)

    add_events(programme, 9)
    add_events(other, 9)
    for event in EventPage.objects.order_by("-pk")[:6]:
        EventPage.objects.filter(pk=event.pk).update(
            start=timezone.now() - datetime.timedelta(days=3),
            end=timezone.now() - datetime.timedelta(days=2),
        )
    many = count_queries(client, django_assert_max_num_queries, path)
    assert many == few
    with django_assert_max_num_queries(few):
        client.get(path)


def test_a_programme_page_lists_its_own_events_ten_to_a_page_and_six_past(
    client, programme, index
):
    other = make_programme(index, title="Knife crime awareness")
    make_event(other, title="Not this programme")
    for number in range(12):
        make_event(
            programme,
            title=f"Soon {number:02}",
            starts_in=datetime.timedelta(days=number + 1),
        )
    for number in range(8):
        make_event(
            programme,
            title=f"Done {number:02}",
            starts_in=-datetime.timedelta(days=number + 2),
        )

    first = client.get(programme.url)
    second = client.get(programme.url, {"page": 2})

    upcoming = [event.title for event in first.context["upcoming"]]
    assert upcoming == [f"Soon {number:02}" for number in range(10)]
    assert [event.title for event in second.context["upcoming"]] == [
        "Soon 10",
        "Soon 11",
    ]
    assert [event.title for event in first.context["past"]] == [
        f"Done {number:02}" for number in range(6)
    ]
    page = first.content.decode()
    assert "Not this programme" not in page
    assert f"{programme.title} · " in page
    assert "10 places left" in page
