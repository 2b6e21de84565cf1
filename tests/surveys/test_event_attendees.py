"""Surveys for the people who came to one event."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from accounts import roles
from accounts.models import Notification
from programmes.models import SignUp
from tests.factories import UserFactory
from tests.programmes.factories import make_event, make_programme, programme_index
from tests.surveys.factories import make_survey
from voice.surveys.models import Audience, Mode, SurveyInvitation
from voice.surveys.services import send_event_survey_invitations


@pytest.fixture
def past_event(home_page):
    programme = make_programme(programme_index(home_page), title="Inspire")
    return make_event(
        programme, title="Climbing taster", starts_in=-datetime.timedelta(days=1)
    )


def came(event, person, *, attended=True):
    return SignUp.objects.create(
        event=event,
        person=person,
        signed_up_by=person,
        status=SignUp.Status.PLACE,
        attended=attended,
    )


@pytest.fixture
def event_survey(home_page, past_event):
    return make_survey(
        home_page,
        title="How was climbing?",
        audience=Audience.EVENT_ATTENDEES,
        event=past_event,
        mode=Mode.SIGNED_IN,
    )


@pytest.mark.django_db
def test_someone_who_came_to_the_event_may_answer_its_survey(
    client, event_survey, past_event
):
    person = UserFactory(roles=[roles.YOUNG_PERSON])
    came(past_event, person)
    client.force_login(person)
    page = client.get(event_survey.url).content.decode()
    assert "Question 1 of" in page


@pytest.mark.django_db
def test_someone_signed_up_who_did_not_come_may_not_answer(
    client, event_survey, past_event
):
    person = UserFactory(roles=[roles.YOUNG_PERSON])
    came(past_event, person, attended=False)
    client.force_login(person)
    page = client.get(event_survey.url).content.decode()
    assert "This survey is for the people who came to the event." in page
    assert "Question 1 of" not in page
    response = client.post(event_survey.url, {"submission_token": "x" * 30})
    assert event_survey.responses.count() == 0
    assert response.status_code in (200, 403)


@pytest.mark.django_db
def test_someone_not_signed_in_is_asked_to_sign_in(client, event_survey):
    response = client.get(event_survey.url)
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_an_anonymous_event_survey_still_checks_who_came_but_keeps_no_link(
    client, home_page, past_event
):
    survey = make_survey(home_page, audience=Audience.EVENT_ATTENDEES, event=past_event)
    assert client.get(survey.url)["Location"].startswith("/accounts/login/")
    person = UserFactory(roles=[roles.YOUNG_PERSON])
    came(past_event, person)
    client.force_login(person)
    assert "Question 1 of" in client.get(survey.url).content.decode()


@pytest.mark.django_db
def test_an_event_survey_must_name_its_event(home_page):
    from django.core.exceptions import ValidationError

    survey = make_survey(home_page)
    survey.audience = Audience.EVENT_ATTENDEES
    with pytest.raises(ValidationError) as error:
        survey.full_clean()
    assert "event" in error.value.message_dict


def run_invitations():
    out = StringIO()
    call_command("send_event_survey_invitations", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_people_who_came_are_invited_to_the_event_survey_once(event_survey, past_event):
    first, second = (UserFactory(roles=[roles.YOUNG_PERSON]) for _ in range(2))
    came(past_event, first)
    came(past_event, second)

    assert "Sent 2 event survey invitation(s)." in run_invitations()
    assert "Sent 0 event survey invitation(s)." in run_invitations()

    for person in (first, second):
        messages = Notification.objects.filter(user=person)
        assert messages.count() == 1
        assert messages.get().link == event_survey.url
        assert "Climbing taster" in messages.get().message
    assert SurveyInvitation.objects.filter(survey=event_survey).count() == 2


@pytest.mark.django_db
def test_only_people_marked_as_having_come_are_invited(event_survey, past_event):
    attendee = UserFactory(roles=[roles.YOUNG_PERSON])
    absent = UserFactory(roles=[roles.YOUNG_PERSON])
    stranger = UserFactory(roles=[roles.YOUNG_PERSON])
    came(past_event, attendee)
    came(past_event, absent, attended=False)

    run_invitations()

    assert Notification.objects.filter(user=attendee).count() == 1
    assert not Notification.objects.filter(user=absent).exists()
    assert not Notification.objects.filter(user=stranger).exists()


@pytest.mark.django_db
def test_nobody_is_invited_before_the_event_has_ended(home_page):
    programme = make_programme(programme_index(home_page), title="Today")
    event = make_event(
        programme,
        start=timezone.now() - datetime.timedelta(hours=1),
        end=timezone.now() + datetime.timedelta(hours=1),
    )
    make_survey(home_page, audience=Audience.EVENT_ATTENDEES, event=event)
    person = UserFactory(roles=[roles.YOUNG_PERSON])
    came(event, person)

    assert "Sent 0 " in run_invitations()
    assert not Notification.objects.filter(user=person).exists()

    later = timezone.now() + datetime.timedelta(hours=2)
    assert send_event_survey_invitations(now=later) == 1
    assert Notification.objects.filter(user=person).count() == 1


@pytest.mark.django_db
def test_no_invitation_for_a_survey_that_has_closed_or_is_not_live(
    home_page, past_event
):
    make_survey(
        home_page,
        audience=Audience.EVENT_ATTENDEES,
        event=past_event,
        opens_at=timezone.now() - datetime.timedelta(days=3),
        closes_at=timezone.now() - datetime.timedelta(days=1),
    )
    draft = make_survey(home_page, audience=Audience.EVENT_ATTENDEES, event=past_event)
    draft.unpublish()
    came(past_event, UserFactory(roles=[roles.YOUNG_PERSON]))

    assert "Sent 0 " in run_invitations()
    assert not SurveyInvitation.objects.exists()
