"""Signed-in surveys: one response each, changeable until close. Anonymous: nothing that points to a person."""

import datetime

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone

from accounts import roles
from tests.surveys.factories import make_survey, question_ids
from voice.moderation.models import ModeratedText
from voice.safeguarding.models import SafeguardingConcern
from voice.surveys.models import Answer, Mode, SurveyResponse
from voice.surveys.services import submit_response


@pytest.fixture
def signed_in_survey(home_page):
    return make_survey(home_page, mode=Mode.SIGNED_IN)


def post_answers(client, survey, token, **values):
    fields = question_ids(survey)
    data = {"submission_token": token}
    for kind, value in values.items():
        data[fields[kind]] = value
    return client.post(survey.url, data)


REQUIRED = {"emoji_scale": "2", "yes_no": "0", "rating": "3"}


@pytest.mark.django_db
def test_a_signed_in_person_has_one_response_and_changes_it_by_answering_again(
    client, signed_in_survey, people
):
    person = people[roles.YOUNG_PERSON]
    client.force_login(person)
    post_answers(client, signed_in_survey, "a" * 30, short_text="First go", **REQUIRED)
    page = client.get(signed_in_survey.url).content.decode()
    assert "You have answered this survey" in page
    assert 'value="2" ' in page and "checked" in page  # their answer is filled in
    assert "First go" in page

    response = post_answers(
        client,
        signed_in_survey,
        "b" * 30,
        emoji_scale="5",
        yes_no="1",
        rating="9",
        short_text="Second go",
    )
    assert "Your changes are saved" in response.content.decode()
    saved = SurveyResponse.objects.get()
    assert saved.respondent == person
    numbers = sorted(
        saved.answers.exclude(number=None).values_list("number", flat=True)
    )
    assert numbers == [1, 5, 9]
    assert list(ModeratedText.objects.values_list("text", flat=True)) == ["Second go"]


@pytest.mark.django_db
def test_an_unchanged_written_answer_keeps_its_moderation_decision(
    client, signed_in_survey, people
):
    client.force_login(people[roles.YOUNG_PERSON])
    post_answers(
        client, signed_in_survey, "a" * 30, short_text="Same words", **REQUIRED
    )
    item = ModeratedText.objects.get()
    item.status = ModeratedText.Status.APPROVED
    item.save()
    post_answers(
        client, signed_in_survey, "b" * 30, short_text="Same words", **REQUIRED
    )
    assert ModeratedText.objects.get().status == ModeratedText.Status.APPROVED


@pytest.mark.django_db
def test_words_that_raised_a_concern_stay_when_the_person_changes_them(
    client, signed_in_survey, people
):
    from voice.safeguarding.models import SafeguardingPhrase

    SafeguardingPhrase.objects.get_or_create(
        phrase="knife", category=SafeguardingPhrase.Category.WEAPONS
    )
    client.force_login(people[roles.YOUNG_PERSON])
    post_answers(
        client, signed_in_survey, "a" * 30, short_text="He has a knife", **REQUIRED
    )
    post_answers(client, signed_in_survey, "b" * 30, short_text="Nothing", **REQUIRED)
    concern = SafeguardingConcern.objects.get()
    assert concern.moderated_text.text == "He has a knife"
    assert concern.raised_by == people[roles.YOUNG_PERSON]


@pytest.mark.django_db
def test_two_people_each_have_their_own_response(client, signed_in_survey, people):
    for index, role in enumerate([roles.YOUNG_PERSON, roles.PARENT_CARER]):
        client.force_login(people[role])
        post_answers(client, signed_in_survey, str(index) * 30, **REQUIRED)
    assert SurveyResponse.objects.count() == 2


@pytest.mark.django_db
def test_answers_cannot_be_changed_after_the_survey_closes(
    client, signed_in_survey, people
):
    person = people[roles.YOUNG_PERSON]
    client.force_login(person)
    post_answers(client, signed_in_survey, "a" * 30, **REQUIRED)
    signed_in_survey.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    signed_in_survey.save()
    response = post_answers(
        client, signed_in_survey, "b" * 30, emoji_scale="5", yes_no="1", rating="10"
    )
    assert "This survey has closed." in response.content.decode()
    assert 10 not in Answer.objects.values_list("number", flat=True)


@pytest.mark.django_db
def test_a_second_first_answer_from_the_same_person_updates_instead_of_duplicating(
    signed_in_survey, people
):
    person = people[roles.YOUNG_PERSON]
    blocks = {b.block_type: b.id for b in signed_in_survey.questions}
    for token in ("c" * 30, "d" * 30):
        submit_response(
            survey=signed_in_survey,
            user=person,
            answers={blocks["emoji_scale"]: "3", blocks["yes_no"]: "1"},
            submission_token=token,
        )
    assert SurveyResponse.objects.filter(respondent=person).count() == 1


@pytest.mark.django_db
def test_an_anonymous_survey_keeps_nothing_that_points_to_the_person(
    client, home_page, people
):
    survey = make_survey(home_page, mode=Mode.ANONYMOUS)
    person = people[roles.YOUNG_PERSON]
    client.force_login(person)
    sessions_before = Session.objects.count()
    client.post(
        survey.url,
        {
            **{question_ids(survey)[k]: v for k, v in REQUIRED.items()},
            question_ids(survey)["short_text"]: "I like the trips",
            "submission_token": "e" * 30,
        },
        REMOTE_ADDR="203.0.113.9",
        HTTP_USER_AGENT="Phone browser 1.0",
    )
    saved = SurveyResponse.objects.get()
    assert saved.respondent is None
    assert ModeratedText.objects.get().author is None
    # No field anywhere holds the address or the browser.
    stored = [
        str(value) for row in SurveyResponse.objects.values() for value in row.values()
    ] + [str(value) for row in Answer.objects.values() for value in row.values()]
    assert not any("203.0.113.9" in value for value in stored)
    assert not any("Phone browser" in value for value in stored)
    field_names = {f.name for f in SurveyResponse._meta.get_fields()}
    assert not field_names & {"ip_address", "user_agent", "session_key"}
    assert Session.objects.count() == sessions_before
    # And an anonymous survey does not offer to change answers later.
    assert "You have answered" not in client.get(survey.url).content.decode()


@pytest.mark.django_db
def test_a_safeguarding_concern_from_an_anonymous_survey_names_no_one(
    client, home_page, people
):
    from voice.safeguarding.models import SafeguardingPhrase

    SafeguardingPhrase.objects.get_or_create(
        phrase="hurt myself", category=SafeguardingPhrase.Category.SELF_HARM
    )
    survey = make_survey(home_page, mode=Mode.ANONYMOUS)
    client.force_login(people[roles.YOUNG_PERSON])
    post_answers(
        client, survey, "f" * 30, long_text="I want to hurt myself", **REQUIRED
    )
    concern = SafeguardingConcern.objects.get()
    assert concern.raised_by is None
    assert concern.moderated_text.author is None
