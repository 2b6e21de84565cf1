import pytest

from accounts import roles
from tests.factories import UserFactory
from tests.programmes.factories import make_event, make_programme, programme_index


@pytest.fixture
def index(home_page):
    return programme_index(home_page)


@pytest.fixture
def programme(index):
    return make_programme(index, title="Inspire", slug="inspire")


@pytest.fixture
def event(programme):
    return make_event(programme, title="Climbing taster", capacity=2)


@pytest.fixture
def young_people(db):
    def make(count, **kwargs):
        return [UserFactory(roles=[roles.YOUNG_PERSON], **kwargs) for _ in range(count)]

    return make
