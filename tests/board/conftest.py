import pytest

from accounts import roles
from tests.board.factories import make_board_page, make_meeting
from tests.factories import UserFactory


@pytest.fixture
def board_page(home_page):
    return make_board_page(home_page)


@pytest.fixture
def meeting(board_page):
    return make_meeting(board_page)


@pytest.fixture
def member(people):
    return people[roles.BOARD_MEMBER]


@pytest.fixture
def second_member(people):
    return UserFactory(username="board-two", roles=[roles.BOARD_MEMBER])


@pytest.fixture
def facilitator(people):
    return people[roles.PROGRAMME_STAFF]


@pytest.fixture
def manager(people):
    return people[roles.SERVICE_MANAGER]
