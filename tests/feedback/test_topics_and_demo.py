"""Topics staff manage in the admin, and the demo feedback."""

import io

import pytest
from django.core.management import call_command

from accounts import roles
from voice.feedback.models import Feedback, Topic
from voice.feedback.topics import DEFAULT_TOPICS

pytestmark = pytest.mark.django_db


def test_default_topics_are_there_from_the_start():
    names = set(Topic.objects.values_list("name", flat=True))
    assert {name for name, _ in DEFAULT_TOPICS} <= names


def test_a_service_manager_manages_topics_in_the_admin(client_for, people):
    client = client_for(people[roles.SERVICE_MANAGER])
    listing = client.get("/admin/snippets/feedback/topic/")
    assert listing.status_code == 200
    assert "My worker" in listing.content.decode()
    response = client.post(
        "/admin/snippets/feedback/topic/add/",
        {
            "name": "Travel",
            "plain_words": "Getting here",
            "sort_order": "5",
            "active": "on",
        },
    )
    assert response.status_code == 302
    assert Topic.objects.filter(name="Travel").exists()


def test_a_topic_added_after_the_form_was_shown_is_offered_at_once(client):
    assert "Getting here" not in client.get("/feedback/").content.decode()

    Topic.objects.create(name="Travel", plain_words="Getting here")

    assert "Getting here" in client.get("/feedback/").content.decode()


def test_a_topic_added_is_offered_at_once_to_people_signed_in_too(client_for, people):
    client = client_for(people[roles.YOUNG_PERSON])
    assert "Getting here" not in client.get("/feedback/").content.decode()

    Topic.objects.create(name="Travel", plain_words="Getting here")

    assert "Getting here" in client.get("/feedback/").content.decode()


def test_a_topic_switched_off_leaves_the_form_at_once(client):
    topic = Topic.objects.get(name="Court")
    assert ">Court</option>" in client.get("/feedback/").content.decode()

    topic.active = False
    topic.save()

    assert ">Court</option>" not in client.get("/feedback/").content.decode()


def test_a_young_person_cannot_open_the_topic_admin(client_for, people):
    client = client_for(people[roles.YOUNG_PERSON])
    assert client.get("/admin/snippets/feedback/topic/").status_code in (302, 403)


def test_the_demo_shares_believable_feedback_and_can_run_twice(client):
    call_command("seed_demo", stdout=io.StringIO())
    count = Feedback.objects.count()
    call_command("seed_demo", stdout=io.StringIO())
    assert Feedback.objects.count() == count >= 10
    html = client.get("/feedback/shared/").content.decode()
    assert "waiting room is boring" in html
