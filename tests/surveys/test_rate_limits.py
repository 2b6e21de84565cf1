"""Survey answers are rate limited like feedback: a room can answer together, a flood is stopped."""

import pytest
from django.core.cache import cache
from django.test import Client, override_settings

from accounts import roles
from voice.safeguarding.models import SafeguardingConcern, SafeguardingPhrase
from voice.surveys.models import SurveyResponse

ADDRESS = "203.0.113.40"


@pytest.mark.django_db
def test_a_room_of_thirty_on_one_network_can_all_answer_a_survey(survey, full_answers):
    for person in range(30):
        room_client = Client()
        response = room_client.post(
            survey.url,
            full_answers(token=f"room-{person:02d}" + "t" * 20),
            REMOTE_ADDR=ADDRESS,
        )
        assert response.status_code == 200
        assert "Thank you" in response.content.decode()
    assert SurveyResponse.objects.filter(survey=survey).count() == 30


@pytest.mark.django_db
@override_settings(FEEDBACK_RATE_LIMITS={"survey": ((3, 600), (300, 600))})
def test_a_flood_from_one_session_is_stopped_with_a_message_and_the_answers_kept(
    client, survey, full_answers
):
    for number in range(3):
        response = client.post(
            survey.url, full_answers(token=f"flood-{number}" + "t" * 20)
        )
        assert response.status_code == 200
    response = client.post(
        survey.url,
        full_answers(token="flood-x" + "t" * 20, **{}),
    )
    assert response.status_code == 429
    html = response.content.decode()
    assert "Please wait 10 minutes" in html
    assert "Shorter meetings please" in html  # what was typed is kept
    assert SurveyResponse.objects.filter(survey=survey).count() == 3


@pytest.mark.django_db
def test_worrying_answers_sent_again_and_again_from_one_place_tell_the_lead_once(
    survey, fields, full_answers, people
):
    cache.clear()
    SafeguardingPhrase.objects.get_or_create(
        phrase="hurt myself", category=SafeguardingPhrase.Category.SELF_HARM
    )
    for number in range(4):
        answers = full_answers(token=f"worry-{number:02d}" + "t" * 20)
        answers[fields["long_text"]] = f"I want to hurt myself ({number})"
        response = Client().post(survey.url, answers, REMOTE_ADDR=ADDRESS)
        assert response.status_code == 200
    assert SafeguardingConcern.objects.count() == 4
    assert people[roles.SAFEGUARDING_LEAD].notifications.count() == 1
