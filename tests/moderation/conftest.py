"""Fixtures for moderation tests."""

import pytest

from accounts import roles
from tests.factories import UserFactory
from voice.moderation import services
from voice.moderation.models import ModeratedText


@pytest.fixture
def submit(django_capture_on_commit_callbacks):
    """submit_text as a real request makes it: with what runs after commit (screening, alerts)."""

    def submit_text(text, kind=ModeratedText.Kind.FEEDBACK, author=None):
        with django_capture_on_commit_callbacks(execute=True):
            item = services.submit_text(text=text, kind=kind, author=author)
        item.refresh_from_db()
        return item

    return submit_text


@pytest.fixture
def moderator(db):
    return UserFactory(
        username="mod-one", roles=[roles.MODERATOR], email="one@example.org"
    )


@pytest.fixture
def other_moderator(db):
    return UserFactory(
        username="mod-two", roles=[roles.MODERATOR], email="two@example.org"
    )


@pytest.fixture
def leads(db):
    return [
        UserFactory(
            username=f"lead-{n}",
            roles=[roles.SAFEGUARDING_LEAD],
            email=f"lead{n}@example.org",
        )
        for n in (1, 2)
    ]
