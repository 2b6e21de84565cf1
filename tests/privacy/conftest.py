import pytest

from accounts import roles
from tests.factories import UserFactory
from tests.privacy.factories import feedback


@pytest.fixture
def other_person(db):
    """A second person whose data must never show up in anyone else's."""
    person = UserFactory(
        username="other-person", email="other@example.org", roles=[roles.YOUNG_PERSON]
    )
    feedback(author=person, text="Court was scary for Zebedee.", share_consent=True)
    return person
