"""A meeting screen that lost its connection is never left showing old counts."""

import json

import pytest
from asgiref.sync import async_to_sync
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator

from accounts import roles
from tests.board.factories import make_board_page, make_meeting, make_question
from tests.factories import session_that_passed_mfa
from voice.board import services
from voice.board.routing import websocket_urlpatterns

pytestmark = pytest.mark.django_db(transaction=True)

TIMEOUT = 5


def screen_for(user, meeting) -> WebsocketCommunicator:
    """A socket opened the way the meeting page opens it (asking for the state)."""
    communicator = WebsocketCommunicator(
        URLRouter(websocket_urlpatterns), f"/ws/board/meetings/{meeting.pk}/?state=1"
    )
    communicator.scope["user"] = user
    communicator.scope["session"] = session_that_passed_mfa(user)
    return communicator


@pytest.fixture
def two_members(member, second_member):
    return member, second_member


def test_a_screen_that_reconnects_first_hears_the_votes_it_missed(meeting, two_members):
    question = make_question(meeting)
    watcher, voter = two_members

    async def scenario():
        first_visit = screen_for(watcher, meeting)
        assert (await first_visit.connect())[0]
        before = json.loads(await first_visit.receive_from(timeout=TIMEOUT))
        await first_visit.disconnect()

        other = screen_for(voter, meeting)
        assert (await other.connect())[0]
        await other.receive_from(timeout=TIMEOUT)
        await other.send_to(
            text_data=json.dumps(
                {"type": "vote", "question": question.pk, "choice": "yes"}
            )
        )
        await other.receive_from(timeout=TIMEOUT)  # its own vote counted
        await other.disconnect()

        back = screen_for(watcher, meeting)
        assert (await back.connect())[0]
        after = json.loads(await back.receive_from(timeout=TIMEOUT))
        await back.disconnect()
        return before, after

    before, after = async_to_sync(scenario)()

    assert before == {
        "type": "meeting",
        "questions": [
            {
                "question": question.pk,
                "status": "open",
                "counts": {"yes": 0, "no": 0, "not_sure": 0},
            }
        ],
    }
    assert after["type"] == "meeting"
    assert after["questions"][0]["counts"] == {"yes": 1, "no": 0, "not_sure": 0}


def test_a_screen_that_reconnects_hears_a_vote_closed_while_it_was_away(
    meeting, two_members, people
):
    question = make_question(meeting)
    services.cast_vote(question=question, member=two_members[1], choice="no")
    services.close_question(question=question, by=people[roles.PROGRAMME_STAFF])

    async def scenario():
        back = screen_for(two_members[0], meeting)
        assert (await back.connect())[0]
        state = json.loads(await back.receive_from(timeout=TIMEOUT))
        await back.disconnect()
        return state

    state = async_to_sync(scenario)()

    assert state["questions"] == [
        {
            "question": question.pk,
            "status": "closed",
            "counts": {"yes": 0, "no": 1, "not_sure": 0},
        }
    ]


def test_the_state_on_connect_holds_only_this_meetings_questions(
    meeting, two_members, home_page
):
    own = make_question(meeting)
    make_question(make_meeting(make_board_page(home_page), title="Another"))

    async def scenario():
        screen = screen_for(two_members[0], meeting)
        assert (await screen.connect())[0]
        state = json.loads(await screen.receive_from(timeout=TIMEOUT))
        await screen.disconnect()
        return state

    state = async_to_sync(scenario)()
    assert [q["question"] for q in state["questions"]] == [own.pk]


def test_staff_watching_a_meeting_must_have_passed_mfa(meeting, people, settings):
    settings.STAFF_MFA_REQUIRED = True
    manager = people[roles.SERVICE_MANAGER]

    async def scenario():
        screen = WebsocketCommunicator(
            URLRouter(websocket_urlpatterns), f"/ws/board/meetings/{meeting.pk}/"
        )
        screen.scope["user"] = manager
        return await screen.connect()

    connected, code = async_to_sync(scenario)()
    assert not connected
    assert code == 4403
