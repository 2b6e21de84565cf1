import re
import secrets

import pytest
from django.core.cache import cache

from tests.feedback.factories import a_topic


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counters live in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def topic(db):
    return a_topic()


@pytest.fixture
def form_data(topic):
    """A complete, valid post of the feedback form."""

    def make(**changes):
        data = {
            "speaker": "young_person",
            "topic": str(topic.pk),
            "feeling": "4",
            "text": "The youth club sessions are good.",
            "share": "yes",
            "wants_reply": "no",
            "submission_token": secrets.token_urlsafe(16),
        }
        data.update(changes)
        return {key: value for key, value in data.items() if value is not None}

    return make


def receipt_code_in(html: str) -> str:
    found = re.search(r"data-receipt-code>([A-Z0-9-]+)<", html)
    assert found, "no receipt code on the page"
    return found.group(1)
