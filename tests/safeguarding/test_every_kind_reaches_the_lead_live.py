"""A disclosure in any kind of entry reaches a safeguarding lead's open page live.

Each entry is posted through the site's own form, as a child would send it,
while a lead (signed in with MFA) has the safeguarding page open.
"""

import json
import secrets

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from accounts import roles
from config.routing import websocket_urlpatterns
from tests.factories import pass_mfa, session_that_passed_mfa
from tests.feedback.factories import a_topic
from tests.programmes.factories import make_event, make_programme, programme_index
from tests.surveys.factories import make_survey, question_ids
from voice.board import services as board_services
from voice.safeguarding.models import SafeguardingConcern

pytestmark = pytest.mark.django_db(transaction=True)
SAFEGUARDING = "/ws/staff/safeguarding/"


@pytest.fixture(autouse=True)
def _mfa_required_and_no_earlier_counts(settings):
    settings.STAFF_MFA_REQUIRED = True
    cache.clear()
    yield
    cache.clear()


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    pass_mfa(client, user)
    return client


def send_feedback(people, home_page):
    return Client().post(
        reverse("feedback:give"),
        {
            "speaker": "young_person",
            "topic": str(a_topic().pk),
            "feeling": "1",
            "text": "my mums boyfriend hits me when shes at work n i dont wanna go home",
            "share": "no",
            "wants_reply": "no",
            "submission_token": secrets.token_urlsafe(16),
        },
    )


def answer_a_survey(people, home_page):
    survey = make_survey(home_page)
    fields = question_ids(survey)
    return Client().post(
        survey.url,
        {
            "submission_token": secrets.token_urlsafe(24),
            fields["emoji_scale"]: "2",
            fields["yes_no"]: "0",
            fields["one_choice"]: "Café",
            fields["several_choices"]: ["Sport"],
            fields["short_text"]: "its ok",
            fields["long_text"]: "i keep cutting myself wen things get bad at home",
            fields["rating"]: "3",
            "speaker_type": "young_person",
            "age_band": "14_15",
        },
    )


def draft_a_recommendation(people, home_page):
    return signed_in(people[roles.BOARD_MEMBER]).post(
        reverse("board:recommendation_create"),
        {
            "title": "Later appointments",
            "what_we_found": "tbh i aint safe at mine, my dad batters me wen hes drunk",
            "what_we_ask": "Offer appointments after 4pm.",
        },
    )


def comment_on_a_recommendation(people, home_page):
    member = people[roles.BOARD_MEMBER]
    recommendation = board_services.save_recommendation(
        user=member,
        title="Later appointments",
        what_we_found="Appointments clash with school.",
        what_we_ask="Offer appointments after 4pm.",
    )
    return signed_in(member).post(
        reverse("board:recommendation_detail", args=[recommendation.pk]),
        {"text": "some olders make me hold bags at my house n i cant say no"},
    )


def sign_up_with_access_needs(people, home_page):
    event = make_event(make_programme(programme_index(home_page)))
    return signed_in(people[roles.YOUNG_PERSON]).post(
        f"/events/{event.pk}/sign-up/",
        {"access_needs": "need to be home by 6 or my stepdad batters me"},
    )


def press_i_dont_feel_safe(people, home_page):
    return Client().post(
        "/feedback/unsafe/",
        {"unsafe-details": "theres a man who keeps following me home from school"},
    )


@pytest.mark.parametrize(
    "send",
    [
        send_feedback,
        answer_a_survey,
        draft_a_recommendation,
        comment_on_a_recommendation,
        sign_up_with_access_needs,
        press_i_dont_feel_safe,
    ],
    ids=lambda send: send.__name__,
)
def test_a_disclosure_in_every_kind_of_entry_reaches_the_lead_live(
    send, people, home_page
):
    lead = people[roles.SAFEGUARDING_LEAD]

    async def scenario():
        page = WebsocketCommunicator(URLRouter(websocket_urlpatterns), SAFEGUARDING)
        page.scope["user"] = lead
        page.scope["session"] = session_that_passed_mfa(lead)
        connected, _ = await page.connect()
        assert connected
        response = await database_sync_to_async(send)(people, home_page)
        event = json.loads(await page.receive_from(timeout=5))
        await page.disconnect()
        return response, event

    response, event = async_to_sync(scenario)()

    assert response.status_code in (200, 302)
    concern = SafeguardingConcern.objects.get()
    assert event == {"event": "concern.raised", "id": concern.pk, "open": 1}
