"""Answering a survey: every question type is kept as countable rows; optional questions can be skipped."""

import pytest

from voice.moderation.models import ModeratedText
from voice.surveys.models import Answer, SurveyResponse


def answers_by_field(response, fields):
    found = {}
    for answer in response.answers.select_related("moderated_text"):
        name = f"q_{answer.question_id}"
        found.setdefault(name, []).append(answer)
    return found


@pytest.mark.django_db
def test_the_survey_page_shows_every_question_with_its_place_in_the_list(
    client, survey
):
    page = client.get(survey.url).content.decode()
    assert "Question 1 of 9" in page  # seven questions and two about you
    assert "Question 9 of 9" in page
    assert "How was today?" in page
    assert "😢 Very unhappy" in page
    assert "10 – All the time" in page
    assert "You can skip this." in page
    assert 'src="/static/js/surveys.js"' in page


@pytest.mark.django_db
def test_each_question_type_is_stored_as_a_number_a_choice_or_moderated_text(
    client, survey, fields, full_answers
):
    response = client.post(survey.url, full_answers())
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()

    saved = SurveyResponse.objects.get(survey=survey)
    rows = answers_by_field(saved, fields)
    assert [a.number for a in rows[fields["emoji_scale"]]] == [4]
    assert [a.number for a in rows[fields["yes_no"]]] == [1]
    assert [a.number for a in rows[fields["rating"]]] == [8]
    assert [a.choice for a in rows[fields["one_choice"]]] == ["Café"]
    assert sorted(a.choice for a in rows[fields["several_choices"]]) == [
        "Sport",
        "Trips",
    ]
    short = rows[fields["short_text"]][0].moderated_text
    long = rows[fields["long_text"]][0].moderated_text
    assert short.text == "My worker listens"
    assert long.text == "Shorter meetings please"
    assert short.kind == long.kind == ModeratedText.Kind.SURVEY_ANSWER
    assert short.status == ModeratedText.Status.WAITING
    assert saved.speaker_type == "young_person"
    assert saved.age_band == "14_15"


@pytest.mark.django_db
def test_a_no_answer_to_yes_or_no_is_kept_as_zero(client, survey, fields, full_answers):
    client.post(survey.url, full_answers(**{fields["yes_no"]: "0"}))
    assert Answer.objects.get(question_id=fields["yes_no"][2:]).number == 0


@pytest.mark.django_db
def test_optional_questions_can_be_skipped_and_leave_no_rows(
    client, survey, fields, full_answers
):
    data = full_answers()
    for kind in ("one_choice", "several_choices", "short_text", "long_text"):
        data.pop(fields[kind])
    data.pop("speaker_type")
    data.pop("age_band")
    response = client.post(survey.url, data)
    assert "Thank you" in response.content.decode()
    saved = SurveyResponse.objects.get(survey=survey)
    assert saved.answers.count() == 3
    assert saved.speaker_type == "" and saved.age_band == ""
    assert not ModeratedText.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["emoji_scale", "yes_no", "rating"])
def test_a_required_question_left_empty_is_asked_for_again_with_the_other_answers_kept(
    client, survey, fields, full_answers, kind
):
    data = full_answers()
    data.pop(fields[kind])
    response = client.post(survey.url, data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Please pick an answer. This question needs one." in page
    assert "My worker listens" in page  # what was typed is kept
    assert not SurveyResponse.objects.exists()


@pytest.mark.django_db
def test_a_required_text_question_says_it_needs_words(client, home_page):
    from tests.surveys.factories import make_survey, question_ids

    survey = make_survey(
        home_page,
        questions=[
            (
                "short_text",
                {"question": "Name a film", "help_text": "", "required": True},
            )
        ],
        ask_about_you=False,
    )
    field = question_ids(survey)["short_text"]
    response = client.post(survey.url, {"submission_token": "x" * 30, field: "   "})
    assert (
        "Please write an answer. This question needs one." in response.content.decode()
    )
    assert not SurveyResponse.objects.exists()


@pytest.mark.django_db
def test_without_about_you_questions_the_form_has_only_the_survey_questions(
    client, home_page
):
    from tests.surveys.factories import make_survey

    survey = make_survey(home_page, ask_about_you=False)
    page = client.get(survey.url).content.decode()
    assert "Question 7 of 7" in page
    assert "How old are you?" not in page


@pytest.mark.django_db
def test_the_same_form_sent_twice_saves_nothing_and_says_it_was_already_sent(
    client, survey, full_answers
):
    data = full_answers(token="same-token-" + "a" * 20)
    client.post(survey.url, data)
    # Back then Send, or Reload on the thank-you page, by the next person.
    second = client.post(survey.url, data)
    html = second.content.decode()
    assert second.status_code == 409
    assert "This was already sent" in html
    assert "Shorter meetings please" not in html
    assert 'value="same-token-' not in html
    assert "no-store" in second["Cache-Control"]
    assert SurveyResponse.objects.count() == 1
    assert ModeratedText.objects.count() == 2


@pytest.mark.django_db
def test_the_survey_form_asks_the_browser_not_to_fill_it_back_in(client, survey):
    html = client.get(survey.url).content.decode()
    form = html.split('class="survey-form"')[0].rsplit("<form", 1)[1]
    assert 'autocomplete="off"' in form


@pytest.mark.django_db
def test_a_safeguarding_phrase_in_a_written_answer_makes_a_concern_at_once(
    client, survey, fields, full_answers
):
    from voice.safeguarding.models import SafeguardingConcern, SafeguardingPhrase

    SafeguardingPhrase.objects.get_or_create(
        phrase="hurt myself", category=SafeguardingPhrase.Category.SELF_HARM
    )
    response = client.post(
        survey.url, full_answers(**{fields["long_text"]: "Sometimes I hurt myself"})
    )
    page = response.content.decode()
    assert "A person whose job is to keep people safe will read it soon" in page
    assert "Childline" in page
    concern = SafeguardingConcern.objects.get()
    assert concern.moderated_text.text == "Sometimes I hurt myself"
    assert concern.moderated_text.status == ModeratedText.Status.SAFEGUARDING


@pytest.mark.django_db
def test_a_disclosure_in_text_speak_in_a_written_answer_reaches_the_lead_at_once(
    client, survey, fields, full_answers
):
    from voice.safeguarding.models import SafeguardingConcern

    words = "sum nites i think bout endin it all, no1 wud even notice"
    response = client.post(survey.url, full_answers(**{fields["long_text"]: words}))
    assert "will read it soon" in response.content.decode()
    concern = SafeguardingConcern.objects.get()
    assert concern.moderated_text.text == words
    assert concern.moderated_text.status == ModeratedText.Status.SAFEGUARDING
