"""Rate-limit counts on Redis: both limits of a post in one round trip, each with its window."""

import logging

import pytest
from django.conf import settings
from django.core.cache import cache, caches
from django_redis import get_redis_connection
from django_redis.cache import RedisCache
from redis import Redis

from accounts.ratelimit import count_in_windows
from config.settings.base import redis_cache
from tests.feedback.test_giving_feedback import post_feedback
from tests.feedback.test_when_redis_is_away import NOBODY_LISTENING

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not settings.REDIS_URL, reason="counts on Redis only"),
]

LIMIT_KEYS = "*feedback-rl:submit:*"


def redis() -> Redis:
    return get_redis_connection("default")


def stored_key(key: str) -> str:
    return cache.client.make_key(key)


def test_each_post_counts_both_limits_in_one_round_trip_and_they_end_with_the_window(
    client, form_data, monkeypatch
):
    sent = []
    execute = Redis.execute_command

    def counting(self, *args, **options):
        if any("feedback-rl:" in str(arg) for arg in args):
            sent.append(args[0])
        return execute(self, *args, **options)

    monkeypatch.setattr(Redis, "execute_command", counting)
    for _ in range(2):
        assert post_feedback(client, form_data()).status_code == 302
    assert len(sent) == 2  # one per post, for the browser's and the address's limit
    keys = redis().keys(LIMIT_KEYS)
    assert len(keys) == 2
    for key in keys:
        assert int(redis().get(key)) == 2
        assert 0 < redis().ttl(key) <= 600


def test_a_count_left_without_an_end_is_given_its_window():
    key = stored_key("feedback-rl:submit:a:left-over")
    redis().set(key, 7)
    assert count_in_windows(
        caches["default"], {"feedback-rl:submit:a:left-over": 600}
    ) == [8]
    assert 0 < redis().ttl(key) <= 600


def test_counts_start_again_when_the_window_has_ended():
    windows = {"feedback-rl:check:u:1": 60, "feedback-rl:check:a:x": 60}
    assert count_in_windows(caches["default"], windows) == [1, 1]
    assert count_in_windows(caches["default"], windows) == [2, 2]
    redis().delete(*(stored_key(key) for key in windows))
    assert count_in_windows(caches["default"], windows) == [1, 1]


def test_while_redis_cannot_be_reached_every_count_is_one(caplog):
    caplog.set_level(logging.WARNING, logger="accounts.ratelimit")
    settings = redis_cache(NOBODY_LISTENING)
    away = RedisCache(NOBODY_LISTENING, settings)
    assert count_in_windows(away, {"a": 60, "b": 600}) == [1, 1]
    assert "Cache (Redis) unreachable" in caplog.text
