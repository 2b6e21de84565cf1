import pytest

from accounts import roles
from tests.factories import user_with_role
from tests.review.factories import ReviewCycleFactory, TopicFactory


@pytest.fixture
def manager(db):
    return user_with_role(roles.SERVICE_MANAGER, username="review-manager")


@pytest.fixture
def cycle(db):
    return ReviewCycleFactory(name="Spring 2026")


@pytest.fixture
def topic(db):
    return TopicFactory(name="Appointments")
