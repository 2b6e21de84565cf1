"""The cache (Redis) can go away: feedback is still taken, and requests share its connections."""

import logging

import pytest
from django.test import override_settings

from config.cache import ResilientRedisCache
from tests.feedback.conftest import receipt_code_in
from voice.feedback.models import Feedback

pytestmark = pytest.mark.django_db

NOBODY_LISTENING = "redis://127.0.0.1:1/0"
UNREACHABLE_CACHE = {
    "default": {
        "BACKEND": "config.cache.ResilientRedisCache",
        "LOCATION": NOBODY_LISTENING,
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    },
    # Kept in each process's own memory, not in Redis (settings).
    "fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}


@override_settings(CACHES=UNREACHABLE_CACHE)
def test_feedback_is_taken_and_thanked_while_redis_cannot_be_reached(
    client, form_data, caplog
):
    caplog.set_level(logging.WARNING, logger="config.cache")
    assert client.get("/feedback/").status_code == 200
    response = client.post("/feedback/", form_data(text="Redis is away today."))
    assert response.status_code == 302
    thanks = client.get(response["Location"]).content.decode()
    feedback = Feedback.objects.get()
    assert feedback.moderated_text.text == "Redis is away today."
    assert receipt_code_in(thanks) == feedback.receipt_code
    assert "Cache (Redis) unreachable" in caplog.text


def test_an_unreachable_cache_reads_as_empty_and_keeps_nothing():
    cache = ResilientRedisCache(NOBODY_LISTENING, {"OPTIONS": {}})
    assert cache.get("anything", "default") == "default"
    assert cache.add("anything", 1) is False
    cache.set("anything", 1)
    with pytest.raises(ValueError):
        cache.incr("anything")
    assert cache.get_many(["anything"]) == {}
    assert cache.delete("anything") is False


def test_cache_objects_made_for_each_request_share_one_connection_pool():
    first = ResilientRedisCache(NOBODY_LISTENING, {"OPTIONS": {}})
    second = ResilientRedisCache(NOBODY_LISTENING, {"OPTIONS": {}})
    assert first._cache.get_client().connection_pool is (
        second._cache.get_client().connection_pool
    )
