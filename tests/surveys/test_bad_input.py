"""Bad input on every field: a clear message next to the question, answers kept, never a server error."""

import re

import pytest

from voice.surveys.models import SurveyResponse

PICK_ONE_SHOWN = "Please pick one of the answers shown."


def step_html(page: str, field_name: str) -> str:
    """The HTML of the question holding this field (its message must be in there)."""
    for section in re.findall(r'<section class="survey-step.*?</section>', page, re.S):
        if f'name="{field_name}"' in section:
            return section
    raise AssertionError(f"{field_name} not on the page")


BAD_VALUES = [
    ("emoji_scale", "9", PICK_ONE_SHOWN),
    ("emoji_scale", "<script>", PICK_ONE_SHOWN),
    ("yes_no", "maybe", PICK_ONE_SHOWN),
    ("one_choice", "The moon", PICK_ONE_SHOWN),
    ("several_choices", ["Sport", "The moon"], PICK_ONE_SHOWN),
    ("short_text", "x" * 201, "Please make this shorter: 200 letters at most."),
    ("long_text", "y" * 2001, "Please make this shorter: 2000 letters at most."),
    ("rating", "11", PICK_ONE_SHOWN),
    ("rating", "-1", PICK_ONE_SHOWN),
    ("rating", "ten", PICK_ONE_SHOWN),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("kind", "value", "message"), BAD_VALUES)
def test_a_bad_answer_gets_a_message_next_to_its_question(
    client, survey, fields, full_answers, kind, value, message
):
    response = client.post(survey.url, full_answers(**{fields[kind]: value}))
    assert response.status_code == 200
    page = response.content.decode()
    assert message in step_html(page, fields[kind])
    assert "Please check your answers" in page
    # Everything else they gave is still there.
    if kind != "long_text":
        assert "Shorter meetings please" in page
    if kind != "emoji_scale":
        assert re.search(rf'name="{fields["emoji_scale"]}" value="4"[^>]*checked', page)
    assert not SurveyResponse.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["speaker_type", "age_band"])
def test_a_bad_about_you_answer_gets_a_message_next_to_it(
    client, survey, full_answers, name
):
    response = client.post(survey.url, full_answers(**{name: "astronaut"}))
    assert response.status_code == 200
    assert PICK_ONE_SHOWN in step_html(response.content.decode(), name)
    assert not SurveyResponse.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("token", ["", "short", "<bad token with spaces>", "z" * 65])
def test_a_missing_or_mangled_form_token_keeps_the_answers_and_gives_a_fresh_one(
    client, survey, full_answers, token
):
    response = client.post(survey.url, full_answers(token=token))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Your answers are still here: please send them again." in page
    assert "My worker listens" in page
    fresh = re.search(r'name="submission_token" value="([^"]+)"', page).group(1)
    assert fresh != token and len(fresh) >= 20
    assert not SurveyResponse.objects.exists()
    # Sending again with the fresh token works.
    again = client.post(survey.url, full_answers(token=fresh))
    assert "Thank you" in again.content.decode()
    assert SurveyResponse.objects.count() == 1


@pytest.mark.django_db
def test_an_empty_post_asks_for_each_required_question(client, survey, fields):
    response = client.post(survey.url, {})
    page = response.content.decode()
    assert response.status_code == 200
    for kind in ("emoji_scale", "yes_no", "rating"):
        assert "This question needs one." in step_html(page, fields[kind])
    assert "This question needs one." not in step_html(page, fields["one_choice"])


@pytest.mark.django_db
def test_results_for_a_survey_that_does_not_exist_are_not_found(client, people):
    from accounts import roles

    client.force_login(people[roles.SERVICE_MANAGER])
    assert client.get("/staff/surveys/999999/").status_code == 404
    assert client.get("/staff/surveys/999999/responses.csv").status_code == 404
