"""Staff lists that lost their live connection get the current count first thing."""

import json

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async

from tests.moderation.factories import ModeratedTextFactory
from tests.moderation.test_live import (
    QUEUE,
    SAFEGUARDING,
    _no_mfa_needed,  # noqa: F401 (autouse)
    socket_for,
)
from voice.moderation import services
from voice.moderation.models import ModeratedText

pytestmark = pytest.mark.django_db(transaction=True)
ASKING_FOR_STATE = "?state=1"  # as the staff pages' script opens its sockets


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
        before = await first_message(moderator, QUEUE + ASKING_FOR_STATE)
        await database_sync_to_async(services.submit_text)(
            text="The bus never comes", kind=ModeratedText.Kind.FEEDBACK
        )
        after = await first_message(moderator, QUEUE + ASKING_FOR_STATE)
        return before, after

    before, after = async_to_sync(scenario)()
    assert before == {"event": "state", "waiting": 1}
    assert after == {"event": "state", "waiting": 2}


def test_a_lead_who_reconnects_first_hears_how_many_concerns_are_open(leads):
    async def scenario():
        before = await first_message(leads[0], SAFEGUARDING + ASKING_FOR_STATE)
        await database_sync_to_async(services.submit_text)(
            text="I am holding drugs for them", kind=ModeratedText.Kind.FEEDBACK
        )
        after = await first_message(leads[0], SAFEGUARDING + ASKING_FOR_STATE)
        return before, after

    before, after = async_to_sync(scenario)()
    assert before == {"event": "state", "open": 0}
    assert after == {"event": "state", "open": 1}


def test_a_message_of_few_characters_but_many_bytes_is_too_big(moderator):
    # 600 characters, 1,200 bytes: the limit is in bytes, as the network carries it.
    message = json.dumps({"type": "count", "pad": "é" * 600}, ensure_ascii=False)
    assert len(message) < 1024 < len(message.encode())

    async def scenario():
        socket = socket_for(moderator, QUEUE)
        await socket.connect()
        await socket.send_to(text_data=message)
        closed = await socket.receive_output(timeout=2)
        return closed

    assert async_to_sync(scenario)() == {"type": "websocket.close", "code": 4413}
