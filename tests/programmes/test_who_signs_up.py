"""The sign-up button and the sign-up page follow who each event is for."""

import pytest

from accounts import roles
from programmes.models import EventPage, SignUp
from tests.factories import UserFactory
from tests.programmes.factories import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def parents_evening(programme):
    return make_event(
        programme, title="Parents' evening", audience=EventPage.Audience.PARENTS
    )


@pytest.fixture
def parent(db):
    return UserFactory(username="a-parent", roles=[roles.PARENT_CARER])


def sign_up_page(event):
    return f"/events/{event.pk}/sign-up/"


def test_a_parent_signs_up_for_the_parents_evening(client_for, parent, parents_evening):
    client = client_for(parent)
    page = client.get(parents_evening.url).content.decode()
    assert sign_up_page(parents_evening) in page

    response = client.post(sign_up_page(parents_evening), {}, follow=True)

    assert "Done! You have a place" in response.content.decode()
    assert SignUp.objects.get(person=parent).status == SignUp.Status.PLACE


def test_a_parent_is_told_a_young_peoples_event_is_not_for_them(
    client_for, parent, event
):
    client = client_for(parent)
    page = client.get(event.url).content.decode()
    assert sign_up_page(event) not in page
    assert "This event is for young people, so only they can sign up." in page

    response = client.post(sign_up_page(event), {})

    assert response.status_code == 403
    assert "This event is for young people" in response.content.decode()
    assert not SignUp.objects.exists()


def test_a_young_person_cannot_sign_up_for_the_parents_evening(
    client_for, young_person, parents_evening
):
    client = client_for(young_person)
    page = client.get(parents_evening.url).content.decode()
    assert sign_up_page(parents_evening) not in page
    assert "only they can sign up" in page

    assert client.post(sign_up_page(parents_evening), {}).status_code == 403
    assert not SignUp.objects.exists()


def test_a_case_worker_is_not_offered_the_parents_evening_for_a_young_person(
    client_for, parents_evening
):
    worker = UserFactory(roles=[roles.CASE_WORKER])
    supported = UserFactory(roles=[roles.YOUNG_PERSON], case_worker=worker)
    client = client_for(worker)
    assert (
        "Sign up a young person" not in client.get(parents_evening.url).content.decode()
    )

    response = client.post(sign_up_page(parents_evening), {"person": supported.pk})

    assert response.status_code == 403
    assert not SignUp.objects.exists()


@pytest.mark.parametrize(
    ("audience", "told"),
    [
        (EventPage.Audience.PARENTS, "To sign up, sign in as a parent or carer."),
        (EventPage.Audience.YOUNG_PEOPLE, "To sign up, sign in first."),
    ],
)
def test_a_visitor_is_told_to_sign_in_and_comes_back_to_the_sign_up(
    client, programme, audience, told
):
    event = make_event(programme, audience=audience)
    page = client.get(event.url).content.decode()
    assert told in page
    assert "Sign in to sign up" in page
    assert f"/accounts/login/?next={sign_up_page(event)}" in page
