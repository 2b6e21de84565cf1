"""Django's Redis cache, with one connection pool per process and no errors when Redis is away.

Two things Django's own backend does not do, both found by the benchmarks
and the fault runs:

- Under ASGI Django makes a new cache object for every request, and each of
  its Redis cache objects opens its own connection pool, so every request
  paid for a new connection to Redis (about a tenth of a feedback
  submission's time under load). Here the pools are kept per process and
  shared by every request; redis-py's pools are thread-safe and start
  afresh after a fork.
- Everything this site keeps in the cache can be lost without harm (rate
  limit counts, the footer's service details), so while Redis cannot be
  reached the cache behaves as an empty one that keeps nothing, and says so
  in the log, instead of turning a child's feedback into a server error.
  Rate limits are not counted during such an outage.
"""

import logging
import threading

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis.retry import Retry

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
# One immediate retry (a connection dropped since its last use), then give up:
# redis-py's default backs off for seconds, and a page must not wait for that.
ONE_QUICK_RETRY = Retry(NoBackoff(), 1)


class SharedPoolClient(RedisCacheClient):
    """Django's Redis cache client, with its connection pools kept per process."""

    _pools_by_server: dict = {}
    _pools_lock = threading.Lock()

    def _get_connection_pool(self, write):
        server = self._servers[self._get_connection_pool_index(write)]
        key = (server, repr(sorted(self._pool_options.items())))
        pool = self._pools_by_server.get(key)
        if pool is None:
            with self._pools_lock:
                pool = self._pools_by_server.get(key)
                if pool is None:
                    pool = self._pool_class.from_url(server, **self._pool_options)
                    self._pools_by_server[key] = pool
        return pool


# Count one more in each window, starting the window (its expiry) at the first
# count: one round trip for all of them, and atomic, so no count is ever left
# without an expiry (a window that never ends would refuse someone for ever).
COUNT_IN_WINDOWS = """
local counts = {}
for index, key in ipairs(KEYS) do
  counts[index] = redis.call("INCR", key)
  if redis.call("TTL", key) == -1 then
    redis.call("EXPIRE", key, ARGV[index])
  end
end
return counts
"""


class ResilientRedisCache(RedisCache):
    """Django's Redis cache on shared pools, empty and forgetful while Redis is away."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedPoolClient
        self._options = {"retry": ONE_QUICK_RETRY, **self._options}

    def _or_else(self, fallback, method, *args, **kwargs):
        """`method(...)`, or `fallback` (logged) while Redis cannot be reached."""
        try:
            return method(*args, **kwargs)
        except UNREACHABLE as error:
            logger.warning(
                "Cache (Redis) unreachable during %s: %s", method.__name__, error
            )
            return fallback

    def get(self, key, default=None, version=None):
        return self._or_else(default, super().get, key, default, version)

    def get_many(self, *args, **kwargs):
        return self._or_else({}, super().get_many, *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._or_else(False, super().has_key, *args, **kwargs)

    def add(self, *args, **kwargs):
        return self._or_else(False, super().add, *args, **kwargs)

    def set(self, *args, **kwargs):
        self._or_else(None, super().set, *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._or_else([], super().set_many, *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._or_else(False, super().touch, *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._or_else(False, super().delete, *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        self._or_else(None, super().delete_many, *args, **kwargs)

    def clear(self):
        return self._or_else(False, super().clear)

    def incr(self, key, delta=1, version=None):
        """As for a key that is not there: callers count again from the start."""
        missing = object()
        count = self._or_else(missing, super().incr, key, delta, version)
        if count is missing:
            raise ValueError(f"Key '{key}' not found (cache unreachable)")
        return count

    def count_in_windows(self, windows: dict[str, int]) -> list[int]:
        """Add one to each key's count, in one round trip; {key: window seconds}.

        A key's window starts at its first count and the count goes when the
        window ends (as `add` then `incr` would do, in four round trips for two
        keys). While Redis cannot be reached every count is 1, as if new.
        """
        counts = self._or_else(None, self._count_in_windows, windows)
        return [1] * len(windows) if counts is None else counts

    def _count_in_windows(self, windows: dict[str, int]) -> list[int]:
        keys = [self.make_and_validate_key(key) for key in windows]
        client = self._cache.get_client(keys[0], write=True)
        count = client.register_script(COUNT_IN_WINDOWS)
        return [int(n) for n in count(keys=keys, args=list(windows.values()))]
