"""Live updates over websockets, with the real channel layer (in memory, or Redis with REDIS_URL).

Tests are plain functions that drive an async scenario with `async_to_sync`,
so the database work around them runs the way the site runs it.
"""

import asyncio
import json
import logging

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.conf import settings as settings_module
from redis.asyncio import Redis

from accounts import roles
from config.routing import websocket_urlpatterns
from tests.factories import UserFactory
from tests.moderation.factories import ModeratedTextFactory
from voice.moderation import services
from voice.moderation.models import ModeratedText

pytestmark = pytest.mark.django_db(transaction=True)
QUEUE = "/ws/staff/moderation/"
SAFEGUARDING = "/ws/staff/safeguarding/"


@pytest.fixture(autouse=True)
def _no_mfa_needed(settings):
    settings.STAFF_MFA_REQUIRED = False


def socket_for(user, path=QUEUE):
    communicator = WebsocketCommunicator(URLRouter(websocket_urlpatterns), path)
    communicator.scope["user"] = user
    return communicator


async def receive(communicator, timeout=3):
    return json.loads(await communicator.receive_from(timeout=timeout))


def test_a_claim_is_seen_live_by_a_second_moderator(
    moderator, other_moderator, client_for
):
    item = ModeratedTextFactory(text="The bus to the office never comes")

    async def scenario():
        watcher = socket_for(other_moderator)
        connected, _ = await watcher.connect()
        assert connected
        await database_sync_to_async(services.claim_item)(
            item=item, moderator=moderator
        )
        event = await receive(watcher)
        await watcher.disconnect()
        return event

    event = async_to_sync(scenario)()

    assert event == {
        "event": "item.claimed",
        "id": item.pk,
        "waiting": 1,
        "by": "mod-one",
    }
    rows = client_for(other_moderator).get("/staff/moderation/rows/").content.decode()
    assert "Taken by mod-one" in rows


def test_new_text_is_announced_with_its_id_and_the_count_never_its_words(moderator):
    async def scenario():
        watcher = socket_for(moderator)
        await watcher.connect()
        item = await database_sync_to_async(services.submit_text)(
            text="My worker Dave is kind", kind=ModeratedText.Kind.FEEDBACK
        )
        events = [await receive(watcher), await receive(watcher)]
        await watcher.disconnect()
        return item, events

    item, events = async_to_sync(scenario)()

    assert events[0] == {"event": "item.arrived", "id": item.pk, "waiting": 1}
    assert events[1] == {"event": "item.screened", "id": item.pk, "waiting": 1}
    assert "Dave" not in json.dumps(events)


@pytest.mark.parametrize(
    ("role", "path"),
    [
        (None, QUEUE),
        (roles.YOUNG_PERSON, QUEUE),
        (roles.CASE_WORKER, QUEUE),
        (roles.MODERATOR, SAFEGUARDING),
        (roles.PROGRAMME_STAFF, SAFEGUARDING),
    ],
)
def test_people_without_the_permission_cannot_connect(role, path):
    from django.contrib.auth.models import AnonymousUser

    user = UserFactory(roles=[role]) if role else AnonymousUser()

    async def scenario():
        socket = socket_for(user, path)
        connected, code = await socket.connect()
        return connected, code

    connected, code = async_to_sync(scenario)()
    assert not connected
    assert code == 4403


@pytest.mark.parametrize(
    ("role", "path"),
    [
        (roles.MODERATOR, QUEUE),
        (roles.SAFEGUARDING_LEAD, QUEUE),
        (roles.SAFEGUARDING_LEAD, SAFEGUARDING),
        (roles.ADMINISTRATOR, SAFEGUARDING),
    ],
)
def test_people_with_the_permission_connect_and_can_ask_for_the_count(role, path):
    user = UserFactory(roles=[role])

    async def scenario():
        socket = socket_for(user, path)
        connected, _ = await socket.connect()
        await socket.send_to(text_data=json.dumps({"type": "count"}))
        reply = await receive(socket)
        await socket.disconnect()
        return connected, reply

    connected, reply = async_to_sync(scenario)()
    assert connected
    assert reply["event"] == "count"


def test_staff_without_mfa_cannot_connect_when_mfa_is_required(moderator, settings):
    settings.STAFF_MFA_REQUIRED = True

    async def scenario():
        return await socket_for(moderator).connect()

    connected, code = async_to_sync(scenario)()
    assert not connected


@pytest.mark.parametrize(
    ("message", "code"),
    [
        ({"bytes_data": b"\x00\x01"}, 4400),
        ({"text_data": "not json {"}, 4400),
        ({"text_data": "[1, 2, 3]"}, 4400),
        ({"text_data": json.dumps({"type": "approve", "id": 1})}, 4400),
        ({"text_data": json.dumps({"type": "count", "pad": "x" * 5000})}, 4413),
    ],
)
def test_a_malformed_or_oversized_message_closes_only_that_socket(
    moderator, message, code
):
    async def scenario():
        bad = socket_for(moderator)
        good = socket_for(moderator)
        await bad.connect()
        await good.connect()
        await bad.send_to(**message)
        closed = await bad.receive_output(timeout=2)
        await good.send_to(text_data=json.dumps({"type": "count"}))
        still_working = await receive(good)
        await good.disconnect()
        return closed, still_working

    closed, still_working = async_to_sync(scenario)()
    assert closed == {"type": "websocket.close", "code": code}
    assert still_working["event"] == "count"


def test_a_write_succeeds_when_the_channel_layer_is_down(moderator, settings, caplog):
    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": ["redis://127.0.0.1:1/0"]},
        }
    }
    item = ModeratedTextFactory()
    with caplog.at_level(logging.ERROR, logger="pages.live"):
        services.claim_item(item=item, moderator=moderator)
        submitted = services.submit_text(text="The room was warm", kind="feedback")
    item.refresh_from_db()
    assert item.claimed_by == moderator
    assert ModeratedText.objects.filter(pk=submitted.pk).exists()
    assert "could not be sent" in caplog.text


@pytest.mark.skipif(
    not settings_module.REDIS_URL, reason="needs Redis (REDIS_URL) as the channel layer"
)
def test_a_live_update_still_arrives_after_redis_dropped_every_connection():
    """As after a Redis restart: the pooled connections are dead, not the server."""
    layer = get_channel_layer()

    async def scenario():
        channel = await layer.new_channel()
        await layer.group_add("after-a-restart", channel)
        await drop_every_connection_to(layer)
        await layer.group_send("after-a-restart", {"type": "live.event", "n": 1})
        return await asyncio.wait_for(layer.receive(channel), timeout=3)

    assert async_to_sync(scenario)() == {"type": "live.event", "n": 1}


async def drop_every_connection_to(layer):
    """CLIENT KILL each connection to the layer's Redis database, but our own."""
    address = layer.hosts[0]["address"]
    killer = Redis.from_url(address)
    try:
        database = killer.connection_pool.connection_kwargs.get("db", 0)
        me = await killer.client_id()
        for client in await killer.client_list():
            if int(client["db"]) == database and int(client["id"]) != me:
                await killer.client_kill_filter(_id=client["id"])
    finally:
        await killer.aclose()


needs_redis = pytest.mark.skipif(
    not settings_module.REDIS_URL, reason="needs Redis (REDIS_URL) as the channel layer"
)


@pytest.mark.redis
@needs_redis
def test_a_moderation_page_left_quiet_for_30_seconds_still_gets_the_next_event(
    moderator, other_moderator
):
    item = ModeratedTextFactory(text="The waiting room is cold")

    async def scenario():
        watcher = socket_for(other_moderator)
        connected, _ = await watcher.connect()
        assert connected
        quiet = await watcher.receive_nothing(timeout=30, interval=0.5)
        await database_sync_to_async(services.claim_item)(
            item=item, moderator=moderator
        )
        event = await receive(watcher, timeout=5)
        await watcher.disconnect()
        return quiet, event

    quiet, event = async_to_sync(scenario)()

    assert quiet
    assert event["event"] == "item.claimed" and event["id"] == item.pk


@pytest.mark.redis
@needs_redis
def test_a_cancelled_receive_ends_instead_of_polling_redis_for_ever():
    """What a closing websocket does to its consumer's receive, at every step of it.

    The receive is cancelled after 0, 1, 2, ... turns of the event loop, so
    some cancellations land just as a command to Redis has been sent (where
    Python 3.11's `wait_for`, inside redis-py, loses them). Any receive that
    never ended would hang the server's event loop at shutdown.
    """
    layer = get_channel_layer()
    give_up_after = layer.brpop_timeout + 3

    async def scenario():
        channel = await layer.new_channel()
        await layer.send(channel, {"type": "warm.up"})
        await layer.receive(channel)  # connected, as a page's socket is
        still_running = []
        for turns in range(200):
            receiving = asyncio.ensure_future(layer.receive(channel))
            for _ in range(turns):
                await asyncio.sleep(0)
            receiving.cancel()
            done, _ = await asyncio.wait([receiving], timeout=give_up_after)
            if not done:
                still_running.append(turns)
                await layer.flush()  # closes its connection, so it ends
                await asyncio.wait([receiving], timeout=5)
        return still_running

    assert async_to_sync(scenario)() == []
