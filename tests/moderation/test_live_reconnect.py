"""Staff lists that lost their live connection get the current count first thing."""

import json

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator

from config.routing import websocket_urlpatterns
from tests.moderation.factories import ModeratedTextFactory
from voice.moderation import services
from voice.moderation.models import ModeratedText

pytestmark = pytest.mark.django_db(transaction=True)
QUEUE = "/ws/staff/moderation/?state=1"
SAFEGUARDING = "/ws/staff/safeguarding/?state=1"


@pytest.fixture(autouse=True)
def _no_mfa_needed(settings):
    settings.STAFF_MFA_REQUIRED = False


def socket_for(user, path):
    communicator = WebsocketCommunicator(URLRouter(websocket_urlpatterns), path)
    communicator.scope["user"] = user
    return communicator


async def first_message(user, path) -> dict:
    socket = socket_for(user, path)
    connected, _ = await socket.connect()
    assert connected
    message = json.loads(await socket.receive_from(timeout=3))
    await socket.disconnect()
    return message


def test_a_moderator_who_reconnects_first_hears_the_queue_as_it_is_now(moderator):
    ModeratedTextFactory()

    async def scenario():
        before = await first_message(moderator, QUEUE)
        await database_sync_to_async(services.submit_text)(
            text="The bus never comes", kind=ModeratedText.Kind.FEEDBACK
        )
        after = await first_message(moderator, QUEUE)
        return before, after

    before, after = async_to_sync(scenario)()
    assert before == {"event": "state", "waiting": 1}
    assert after == {"event": "state", "waiting": 2}


def test_a_lead_who_reconnects_first_hears_how_many_concerns_are_open(leads):
    async def scenario():
        before = await first_message(leads[0], SAFEGUARDING)
        await database_sync_to_async(services.submit_text)(
            text="I am holding drugs for them", kind=ModeratedText.Kind.FEEDBACK
        )
        after = await first_message(leads[0], SAFEGUARDING)
        return before, after

    before, after = async_to_sync(scenario)()
    assert before == {"event": "state", "open": 0}
    assert after == {"event": "state", "open": 1}


def test_a_message_of_few_characters_but_many_bytes_is_too_big(moderator):
    # 600 characters, 1,200 bytes: the limit is in bytes, as the network carries it.
    message = json.dumps({"type": "count", "pad": "é" * 600}, ensure_ascii=False)
    assert len(message) < 1024 < len(message.encode())

    async def scenario():
        socket = socket_for(moderator, "/ws/staff/moderation/")
        await socket.connect()
        await socket.send_to(text_data=message)
        closed = await socket.receive_output(timeout=2)
        return closed

    assert async_to_sync(scenario)() == {"type": "websocket.close", "code": 4413}
