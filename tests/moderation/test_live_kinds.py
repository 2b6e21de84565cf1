"""Each kind of entry a child can write reaches a connected safeguarding lead live."""

import json
import secrets

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.test import Client

from config.routing import websocket_urlpatterns
from voice.feedback.models import Topic
from voice.safeguarding.models import SafeguardingConcern

pytestmark = pytest.mark.django_db(transaction=True)


def post_feedback():
    topic = Topic.objects.filter(active=True).first()
    return Client().post(
        "/feedback/",
        {
            "speaker": "young_person",
            "topic": str(topic.pk),
            "feeling": "1",
            "text": "dad throws stuff at me when hes had a drink",
            "share": "no",
            "wants_reply": "no",
            "submission_token": secrets.token_urlsafe(16),
        },
    )


def press_unsafe():
    return Client().post(
        "/feedback/unsafe/", {"unsafe-details": "i dont wanna go home hes mad again"}
    )


@pytest.fixture(autouse=True)
def _no_mfa_needed(settings):
    settings.STAFF_MFA_REQUIRED = False


@pytest.mark.parametrize(
    "post", [post_feedback, press_unsafe], ids=lambda f: f.__name__
)
def test_a_disclosure_through_the_real_door_reaches_a_connected_lead_live(post, leads):
    async def scenario():
        lead = WebsocketCommunicator(
            URLRouter(websocket_urlpatterns), "/ws/staff/safeguarding/"
        )
        lead.scope["user"] = leads[0]
        connected, _ = await lead.connect()
        assert connected
        response = await database_sync_to_async(post)()
        event = json.loads(await lead.receive_from(timeout=5))
        await lead.disconnect()
        return response, event

    response, event = async_to_sync(scenario)()

    assert response.status_code in (200, 302)
    concern = SafeguardingConcern.objects.get()
    assert event == {"event": "concern.raised", "id": concern.pk, "open": 1}
