"""What surveys hold about a person: in their download, and gone (or nameless) when they leave."""

import pytest

from accounts import roles
from privacy.registry import export_sections
from privacy.services import delete_account
from tests.factories import UserFactory
from tests.surveys.factories import make_survey
from voice.moderation.models import ModeratedText
from voice.safeguarding.models import SafeguardingConcern, SafeguardingPhrase
from voice.surveys.models import Answer, Mode, SurveyInvitation, SurveyResponse
from voice.surveys.personal_data import LABEL
from voice.surveys.selectors import survey_results
from voice.surveys.services import submit_response


def answer(survey, person, *, token, long_text="Shorter meetings please"):
    ids = {block.block_type: block.id for block in reversed(list(survey.questions))}
    return submit_response(
        survey=survey,
        user=person,
        answers={
            ids["emoji_scale"]: "4",
            ids["yes_no"]: "1",
            ids["several_choices"]: ["Sport", "Trips"],
            ids["long_text"]: long_text,
            ids["rating"]: "8",
        },
        submission_token=token,
        speaker_type="young_person",
        age_band="14_15",
    ).response


def section(person):
    return next(s for s in export_sections(person) if s.label == str(LABEL))


@pytest.fixture
def survey(home_page):
    return make_survey(home_page, title="Meetings", mode=Mode.SIGNED_IN)


@pytest.fixture
def two_people(survey):
    me = UserFactory(roles=[roles.YOUNG_PERSON])
    other = UserFactory(roles=[roles.YOUNG_PERSON])
    answer(survey, me, token="m" * 30, long_text="Shorter meetings please")
    answer(survey, other, token="o" * 30, long_text="Meet at the park")
    return me, other


def summary(survey):
    results = survey_results(survey)
    return results.total, [(q.answered, q.mean) for q in results.questions]


@pytest.mark.django_db
def test_the_download_holds_my_answers_in_words_and_not_anyone_elses(
    survey, two_people
):
    me, _ = two_people
    rows = section(me).rows
    answers = {row["Question"]: row["Your answer"] for row in rows if "Question" in row}
    assert answers["How was today?"].endswith("Happy")
    assert answers["Did you feel safe?"] == "Yes"
    assert answers["What would you like more of?"] == "Sport; Trips"
    assert answers["What should we change?"] == "Shorter meetings please"
    assert answers["How much do we listen?"] == "8"
    assert answers["About you"] == "A young person, 14 to 15"
    assert all(row["Survey"] == "Meetings" for row in rows)
    text = repr(rows)
    assert "Meet at the park" not in text


@pytest.mark.django_db
def test_anonymous_answers_are_not_part_of_anyones_data(home_page):
    person = UserFactory(roles=[roles.YOUNG_PERSON])
    anonymous = make_survey(home_page, mode=Mode.ANONYMOUS)
    answer(anonymous, person, token="a" * 30)
    assert section(person).rows == []


@pytest.mark.django_db
def test_deleting_and_erasing_removes_the_words_and_the_link_but_not_the_counts(
    survey, two_people
):
    me, other = two_people
    SurveyInvitation.objects.create(survey=survey, person=me)
    before = summary(survey)

    delete_account(user=me, keep_words=False)

    assert summary(survey) == before
    assert SurveyResponse.objects.filter(survey=survey).count() == 2
    assert SurveyResponse.objects.filter(respondent__isnull=True).count() == 1
    assert not ModeratedText.objects.filter(text="Shorter meetings please").exists()
    assert ModeratedText.objects.filter(text="Meet at the park").exists()
    assert not SurveyInvitation.objects.exists()


@pytest.mark.django_db
def test_deleting_and_keeping_words_keeps_them_without_a_name(survey, two_people):
    me, _ = two_people
    before = summary(survey)

    delete_account(user=me, keep_words=True)

    assert summary(survey) == before
    kept = ModeratedText.objects.get(text="Shorter meetings please")
    assert kept.author is None
    assert kept.survey_answer.response.respondent is None


@pytest.mark.django_db
def test_words_a_safeguarding_record_needs_are_kept_and_the_account_still_goes(
    survey,
):
    SafeguardingPhrase.objects.get_or_create(
        phrase="hurt myself", category=SafeguardingPhrase.Category.SELF_HARM
    )
    me = UserFactory(roles=[roles.YOUNG_PERSON])
    answer(survey, me, token="s" * 30, long_text="Sometimes I hurt myself")
    assert SafeguardingConcern.objects.count() == 1

    result = delete_account(user=me, keep_words=False)

    assert not type(me).objects.filter(pk=me.pk).exists()
    assert ModeratedText.objects.filter(text="Sometimes I hurt myself").exists()
    assert Answer.objects.filter(moderated_text__isnull=False).count() == 1
    assert any("safeguarding" in note for note in result.notes)
