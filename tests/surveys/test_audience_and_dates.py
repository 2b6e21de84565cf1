"""Who may answer, and when: audience, opening and closing dates, and the mode."""

import datetime

import pytest
from django.utils import timezone

from accounts import roles
from tests.surveys.factories import make_survey
from voice.surveys.audience import eligibility
from voice.surveys.models import Audience, Mode, SurveyResponse
from voice.surveys.selectors import open_surveys_for

GROUP_AUDIENCES = {
    Audience.YOUNG_PEOPLE: roles.YOUNG_PERSON,
    Audience.PARENTS_CARERS: roles.PARENT_CARER,
    Audience.SHADOW_BOARD: roles.BOARD_MEMBER,
}


@pytest.mark.django_db
@pytest.mark.parametrize("audience", list(GROUP_AUDIENCES))
def test_a_survey_for_one_group_opens_only_for_people_in_that_group(
    client, home_page, people, audience
):
    survey = make_survey(home_page, audience=audience)
    assert client.get(survey.url)["Location"].startswith("/accounts/login/")
    for role, person in people.items():
        client.force_login(person)
        page = client.get(survey.url).content.decode()
        if role == GROUP_AUDIENCES[audience]:
            assert "Question 1 of" in page, role
        else:
            assert "This survey is for" in page, role
            assert "Question 1 of" not in page, role


@pytest.mark.django_db
def test_someone_outside_the_audience_cannot_send_answers_either(
    client, home_page, people
):
    from tests.surveys.factories import question_ids

    survey = make_survey(home_page, audience=Audience.PARENTS_CARERS)
    fields = question_ids(survey)
    client.force_login(people[roles.YOUNG_PERSON])
    response = client.post(
        survey.url,
        {
            fields["emoji_scale"]: "3",
            fields["yes_no"]: "1",
            fields["rating"]: "5",
            "submission_token": "x" * 30,
        },
    )
    assert "This survey is for parents and carers." in response.content.decode()
    assert not SurveyResponse.objects.exists()


@pytest.mark.django_db
def test_a_survey_for_anyone_in_anonymous_mode_needs_no_account(client, survey):
    assert "Question 1 of" in client.get(survey.url).content.decode()


@pytest.mark.django_db
def test_a_signed_in_survey_for_anyone_asks_people_to_sign_in(client, home_page):
    survey = make_survey(home_page, mode=Mode.SIGNED_IN)
    response = client.get(survey.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_a_survey_not_open_yet_says_so_and_takes_no_answers(
    client, home_page, full_answers
):
    now = timezone.now()
    survey = make_survey(
        home_page,
        opens_at=now + datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=8),
    )
    assert "This survey is not open yet." in client.get(survey.url).content.decode()
    client.post(survey.url, {"submission_token": "y" * 30})
    assert not SurveyResponse.objects.exists()


@pytest.mark.django_db
def test_a_closed_survey_says_so_and_takes_no_answers(client, home_page):
    now = timezone.now()
    survey = make_survey(
        home_page,
        opens_at=now - datetime.timedelta(days=8),
        closes_at=now - datetime.timedelta(seconds=1),
    )
    assert "This survey has closed." in client.get(survey.url).content.decode()
    client.post(survey.url, {"submission_token": "y" * 30})
    assert not SurveyResponse.objects.exists()


@pytest.mark.django_db
def test_eligibility_turns_at_the_exact_opening_and_closing_times(home_page, people):
    survey = make_survey(home_page)
    person = people[roles.YOUNG_PERSON]
    assert not eligibility(
        person, survey, now=survey.opens_at - datetime.timedelta(seconds=1)
    ).allowed
    assert eligibility(person, survey, now=survey.opens_at).allowed
    assert not eligibility(person, survey, now=survey.closes_at).allowed


@pytest.mark.django_db
def test_the_survey_list_shows_only_open_surveys_the_person_may_answer(
    client, home_page, people
):
    now = timezone.now()
    for_anyone = make_survey(home_page, title="For anyone")
    for_parents = make_survey(
        home_page, title="For parents", audience=Audience.PARENTS_CARERS
    )
    make_survey(
        home_page,
        title="Closed one",
        opens_at=now - datetime.timedelta(days=9),
        closes_at=now - datetime.timedelta(days=2),
    )
    draft = make_survey(home_page, title="Draft one")
    draft.unpublish()

    page = client.get("/surveys/").content.decode()
    assert "For anyone" in page
    assert "For parents" not in page and "Closed one" not in page
    assert "Draft one" not in page

    client.force_login(people[roles.PARENT_CARER])
    page = client.get("/surveys/").content.decode()
    assert "For anyone" in page and "For parents" in page
    assert open_surveys_for(people[roles.YOUNG_PERSON]) == [for_anyone]
    assert for_parents in open_surveys_for(people[roles.PARENT_CARER])


@pytest.mark.django_db
def test_a_survey_must_close_after_it_opens(home_page):
    from django.core.exceptions import ValidationError

    now = timezone.now()
    survey = make_survey(home_page)
    survey.closes_at = now - datetime.timedelta(days=5)
    with pytest.raises(ValidationError) as error:
        survey.full_clean()
    assert "closes_at" in error.value.message_dict
