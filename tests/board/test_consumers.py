"""Live meetings over websockets: who may connect, live counts, bad messages."""

import json
import os

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from channels_redis.core import RedisChannelLayer
from django.utils.module_loading import import_string

from accounts import roles
from tests.board.factories import make_board_page, make_meeting, make_question
from tests.factories import UserFactory, session_that_passed_mfa
from voice.board import services
from voice.board.consumers import MeetingConsumer
from voice.board.routing import websocket_urlpatterns

pytestmark = pytest.mark.django_db(transaction=True)

TIMEOUT = 5


def application():
    return URLRouter(websocket_urlpatterns)


def communicator_for(user, meeting, app=None) -> WebsocketCommunicator:
    communicator = WebsocketCommunicator(
        app or application(), f"/ws/board/meetings/{meeting.pk}/"
    )
    communicator.scope["user"] = user
    communicator.scope["session"] = session_that_passed_mfa(user)
    return communicator


@pytest.fixture
def live_meeting(home_page):
    return make_meeting(make_board_page(home_page))


@pytest.fixture
def two_members(db):
    return (
        UserFactory(username="member-a", roles=[roles.BOARD_MEMBER]),
        UserFactory(username="member-b", roles=[roles.BOARD_MEMBER]),
    )


async def next_state(communicator) -> dict:
    while True:
        message = json.loads(await communicator.receive_from(timeout=TIMEOUT))
        if message["type"] == "state":
            return message


def test_a_vote_from_one_member_updates_every_screen(live_meeting, two_members):
    question = make_question(live_meeting)

    async def scenario():
        first = communicator_for(two_members[0], live_meeting)
        second = communicator_for(two_members[1], live_meeting)
        assert (await first.connect())[0]
        assert (await second.connect())[0]
        await first.send_to(
            text_data=json.dumps(
                {"type": "vote", "question": question.pk, "choice": "yes"}
            )
        )
        for screen in (first, second):
            state = await next_state(screen)
            assert state["counts"] == {"yes": 1, "no": 0, "not_sure": 0}
        await second.send_to(
            text_data=json.dumps(
                {"type": "vote", "question": question.pk, "choice": "no"}
            )
        )
        for screen in (first, second):
            assert (await next_state(screen))["counts"] == {
                "yes": 1,
                "no": 1,
                "not_sure": 0,
            }
        # Changing a vote moves it; it never counts twice.
        await first.send_to(
            text_data=json.dumps(
                {"type": "vote", "question": question.pk, "choice": "no"}
            )
        )
        assert (await next_state(second))["counts"] == {
            "yes": 0,
            "no": 2,
            "not_sure": 0,
        }
        await first.disconnect()
        await second.disconnect()

    async_to_sync(scenario)()


def test_closing_a_vote_tells_every_screen_and_later_votes_are_refused(
    live_meeting, two_members, people
):
    question = make_question(live_meeting)
    facilitator = people[roles.PROGRAMME_STAFF]

    async def scenario():
        screen = communicator_for(two_members[0], live_meeting)
        assert (await screen.connect())[0]
        await database_sync_to_async(services.cast_vote)(
            question=question, member=two_members[1], choice="yes"
        )
        assert (await next_state(screen))["counts"]["yes"] == 1
        await database_sync_to_async(services.close_question)(
            question=question, by=facilitator
        )
        state = await next_state(screen)
        assert state["status"] == "closed"
        assert state["counts"] == {"yes": 1, "no": 0, "not_sure": 0}
        await screen.send_to(
            text_data=json.dumps(
                {"type": "vote", "question": question.pk, "choice": "no"}
            )
        )
        error = json.loads(await screen.receive_from(timeout=TIMEOUT))
        assert error == {"type": "error", "message": "Voting on this has closed."}
        await screen.disconnect()

    async_to_sync(scenario)()


def test_opening_a_question_is_announced(live_meeting, two_members, people):
    async def scenario():
        screen = communicator_for(two_members[0], live_meeting)
        assert (await screen.connect())[0]
        question = await database_sync_to_async(services.open_question)(
            meeting=live_meeting,
            by=people[roles.PROGRAMME_STAFF],
            text="Pizza?",
            kind="question",
        )
        message = json.loads(await screen.receive_from(timeout=TIMEOUT))
        assert message == {"type": "opened", "question": question.pk}
        await screen.disconnect()

    async_to_sync(scenario)()


@pytest.mark.parametrize(
    "who", ["anonymous", roles.YOUNG_PERSON, roles.PARENT_CARER, roles.MODERATOR]
)
def test_only_members_and_board_staff_may_connect(live_meeting, people, who):
    from django.contrib.auth.models import AnonymousUser

    user = AnonymousUser() if who == "anonymous" else people[who]

    async def scenario():
        screen = communicator_for(user, live_meeting)
        connected, code = await screen.connect()
        assert not connected
        assert code == 4403

    async_to_sync(scenario)()


def test_staff_who_support_the_board_may_watch(live_meeting, people):
    async def scenario():
        screen = communicator_for(people[roles.SERVICE_MANAGER], live_meeting)
        assert (await screen.connect())[0]
        await screen.disconnect()

    async_to_sync(scenario)()


def test_a_meeting_that_does_not_exist_is_refused(live_meeting, two_members):
    async def scenario():
        screen = WebsocketCommunicator(application(), "/ws/board/meetings/999999/")
        screen.scope["user"] = two_members[0]
        connected, _ = await screen.connect()
        assert not connected

    async_to_sync(scenario)()


@pytest.mark.parametrize(
    "bad",
    [
        "not json",
        json.dumps(["a list"]),
        json.dumps({"type": "vote", "question": "1", "choice": "yes"}),
        json.dumps({"type": "vote", "question": True, "choice": "yes"}),
        json.dumps({"type": "shout"}),
        json.dumps({"type": "vote", "question": 1, "choice": "y" * 5000}),
    ],
)
def test_a_malformed_or_oversized_message_closes_only_that_socket(
    live_meeting, two_members, bad
):
    question = make_question(live_meeting)

    async def scenario():
        bad_screen = communicator_for(two_members[0], live_meeting)
        good_screen = communicator_for(two_members[1], live_meeting)
        assert (await bad_screen.connect())[0]
        assert (await good_screen.connect())[0]
        await bad_screen.send_to(text_data=bad)
        closed = await bad_screen.receive_output(timeout=TIMEOUT)
        assert closed == {"type": "websocket.close", "code": 4400}
        await good_screen.send_to(
            text_data=json.dumps(
                {"type": "vote", "question": question.pk, "choice": "yes"}
            )
        )
        assert (await next_state(good_screen))["counts"]["yes"] == 1
        await good_screen.disconnect()

    async_to_sync(scenario)()


def test_a_vote_on_another_meetings_question_is_refused(
    live_meeting, two_members, home_page
):
    other = make_question(make_meeting(make_board_page(home_page), title="Other"))

    async def scenario():
        screen = communicator_for(two_members[0], live_meeting)
        assert (await screen.connect())[0]
        await screen.send_to(
            text_data=json.dumps(
                {"type": "vote", "question": other.pk, "choice": "yes"}
            )
        )
        message = json.loads(await screen.receive_from(timeout=TIMEOUT))
        assert message["type"] == "error"
        await screen.disconnect()

    async_to_sync(scenario)()
    assert not other.votes.exists()


def test_staff_cannot_vote_over_the_socket(live_meeting, people):
    question = make_question(live_meeting)

    async def scenario():
        screen = communicator_for(people[roles.SERVICE_MANAGER], live_meeting)
        assert (await screen.connect())[0]
        await screen.send_to(
            text_data=json.dumps(
                {"type": "vote", "question": question.pk, "choice": "yes"}
            )
        )
        message = json.loads(await screen.receive_from(timeout=TIMEOUT))
        assert message == {"type": "error", "message": "Only board members can vote."}
        await screen.disconnect()

    async_to_sync(scenario)()


class SecondWorkerConsumer(MeetingConsumer):
    """The same consumer on its own connection to the channel layer, as another worker has."""

    channel_layer_alias = "second_worker"


@pytest.mark.redis
@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL")
def test_two_workers_sharing_redis_see_each_others_votes(
    live_meeting, two_members, settings
):
    from django.urls import path

    layer = settings.CHANNEL_LAYERS["default"]
    assert issubclass(import_string(layer["BACKEND"]), RedisChannelLayer)
    settings.CHANNEL_LAYERS = {
        "default": layer,
        "second_worker": {
            **layer,
            "CONFIG": {**layer["CONFIG"]},
        },
    }
    question = make_question(live_meeting)
    first_worker = application()
    second_worker = URLRouter(
        [
            path(
                "ws/board/meetings/<id:meeting_id>/",
                SecondWorkerConsumer.as_asgi(),
            )
        ]
    )

    async def scenario():
        on_first = communicator_for(two_members[0], live_meeting, first_worker)
        on_second = communicator_for(two_members[1], live_meeting, second_worker)
        assert (await on_first.connect())[0]
        assert (await on_second.connect())[0]
        await on_second.send_to(
            text_data=json.dumps(
                {"type": "vote", "question": question.pk, "choice": "yes"}
            )
        )
        assert (await next_state(on_first))["counts"]["yes"] == 1
        assert (await next_state(on_second))["counts"]["yes"] == 1  # its own vote
        await on_first.send_to(
            text_data=json.dumps(
                {"type": "vote", "question": question.pk, "choice": "no"}
            )
        )
        assert (await next_state(on_second))["counts"] == {
            "yes": 1,
            "no": 1,
            "not_sure": 0,
        }
        await on_first.disconnect()
        await on_second.disconnect()

    async_to_sync(scenario)()
