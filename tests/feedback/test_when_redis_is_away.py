"""The cache (Redis) can go away: feedback is still taken, and requests share its connections."""

import logging

import pytest
from django.core.cache import caches
from django.test import override_settings

from config.settings.base import DJANGO_REDIS_LOGGER, redis_cache
from tests.feedback.conftest import receipt_code_in
from voice.feedback.models import Feedback

pytestmark = pytest.mark.django_db

NOBODY_LISTENING = "redis://127.0.0.1:1/0"
UNREACHABLE_CACHE = {
    "default": redis_cache(NOBODY_LISTENING),
    # Kept in each process's own memory, not in Redis (settings).
    "fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}


@override_settings(CACHES=UNREACHABLE_CACHE)
def test_feedback_is_taken_and_thanked_while_redis_cannot_be_reached(
    client, form_data, caplog
):
    caplog.set_level(logging.WARNING, logger=DJANGO_REDIS_LOGGER)
    assert client.get("/feedback/").status_code == 200
    response = client.post("/feedback/", form_data(text="Redis is away today."))
    assert response.status_code == 302
    thanks = client.get(response["Location"]).content.decode()
    feedback = Feedback.objects.get()
    assert feedback.moderated_text.text == "Redis is away today."
    assert receipt_code_in(thanks) == feedback.receipt_code
    unreachable = [r for r in caplog.records if r.name == DJANGO_REDIS_LOGGER]
    assert unreachable, "an ignored cache error is logged"
    # One line each, not thousands of tracebacks during an outage.
    assert all(record.exc_info is None for record in unreachable)
    assert "Connection refused" in caplog.text or "connecting to" in caplog.text


@override_settings(CACHES=UNREACHABLE_CACHE)
def test_an_unreachable_cache_reads_as_empty_and_keeps_nothing():
    cache = caches.create_connection("default")
    assert cache.get("anything", "default") == "default"
    assert not cache.add("anything", 1)
    cache.set("anything", 1)
    assert cache.incr("anything") is None  # not counted: rate limits let it through
    assert cache.get_many(["anything"]) == {}
    assert not cache.delete("anything")


@override_settings(CACHES=UNREACHABLE_CACHE)
def test_cache_objects_made_for_each_request_share_one_connection_pool():
    first = caches.create_connection("default")
    second = caches.create_connection("default")
    assert first is not second
    assert first.client.get_client().connection_pool is (
        second.client.get_client().connection_pool
    )
