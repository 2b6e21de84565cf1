""" "Who is giving this feedback?" offers only what fits who is signed in."""

import pytest

from accounts import roles
from tests.feedback.test_giving_feedback import post_feedback
from tests.surveys.factories import make_survey
from voice.feedback.models import Feedback, Speaker

pytestmark = pytest.mark.django_db

YOUNG = 'value="young_person"'
PARENT = 'value="parent_carer"'


@pytest.mark.parametrize(
    ("role", "offered", "not_offered"),
    [
        (roles.PARENT_CARER, PARENT, YOUNG),
        (roles.YOUNG_PERSON, YOUNG, PARENT),
        (roles.BOARD_MEMBER, YOUNG, PARENT),
    ],
)
def test_the_form_offers_only_the_answer_that_fits_who_is_signed_in(
    client_for, people, role, offered, not_offered
):
    html = client_for(people[role]).get("/feedback/").content.decode()
    assert offered in html
    assert not_offered not in html


def test_a_visitor_who_is_not_signed_in_can_say_either(client):
    html = client.get("/feedback/").content.decode()
    assert YOUNG in html and PARENT in html


def test_a_parent_who_forges_a_young_persons_answer_is_told_beside_the_field(
    client_for, people, form_data
):
    client = client_for(people[roles.PARENT_CARER])
    response = post_feedback(client, form_data(speaker="young_person"))
    html = response.content.decode()
    assert response.status_code == 400
    assert not Feedback.objects.exists()
    assert 'id="id_speaker_error"' in html
    assert "Choose one of the answers." in html
    assert "The youth club sessions are good." in html


def test_a_parent_sending_as_a_parent_is_saved_as_a_parent(
    client_for, people, form_data
):
    client = client_for(people[roles.PARENT_CARER])
    post_feedback(client, form_data(speaker="parent_carer"))
    assert Feedback.objects.get().speaker == Speaker.PARENT_CARER


def test_a_survey_asks_a_parent_who_they_are_with_only_the_parents_answer(
    client_for, people, home_page
):
    survey = make_survey(home_page, ask_about_you=True)
    client = client_for(people[roles.PARENT_CARER])
    html = client.get(survey.url).content.decode()
    assert 'name="speaker_type" value="parent_carer"' in html
    assert 'name="speaker_type" value="young_person"' not in html

    forged = client.post(
        survey.url, {"submission_token": "a" * 24, "speaker_type": "young_person"}
    )
    assert "Please pick one of the answers shown." in forged.content.decode()
    assert not survey.responses.exists()
