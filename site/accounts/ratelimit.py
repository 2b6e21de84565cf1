"""The one rate limiter for the site's own public doors.

Feedback, receipt and certificate checks, surveys, ratings, reports and the
shared passwords of private pages and documents all count here; allauth's doors (sign in, codes, password reset) keep allauth's
own limits (`ACCOUNT_RATE_LIMITS`). Counted in Django's cache. The setting
that tunes it is still called `FEEDBACK_RATE_LIMITS`, feedback being the
first door it guarded.

A group session can have thirty young people on one office network, so each
limit has two parts, and both must allow the attempt:

- per person: the account when someone is signed in, which they cannot reset
  by dropping cookies or signing in again; for a visitor who is not signed
  in, their browser (its session, else its CSRF cookie). A browser can start
  afresh whenever it likes, so for visitors this part only spares an honest
  browser the address's whole budget; it is not what holds.
- per address: generous, and what holds for visitors. The address is the
  client's own as our trusted proxies saw it (accounts.client_address),
  never a header the client wrote.

Addresses are never stored: the cache key holds a keyed hash of the address,
and it expires with the window.
"""

import hashlib
import hmac
import ipaddress
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache, caches
from django.http import HttpRequest
from django_redis.cache import RedisCache as RedisBackend
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from accounts.client_address import address_for_limits

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Limit:
    count: int
    seconds: int


# action: (per person, per address)
DEFAULT_LIMITS: dict[str, tuple[Limit, Limit]] = {
    "submit": (Limit(10, 600), Limit(300, 600)),
    "check": (Limit(20, 600), Limit(300, 600)),
    "report": (Limit(10, 600), Limit(100, 600)),
    "unsafe": (Limit(10, 600), Limit(120, 600)),
    # survey answers (voice.surveys): same shape, so a room can answer together
    "survey": (Limit(10, 600), Limit(300, 600)),
    # certificate references checked by a college or employer (programmes):
    # a whole class checking at once still fits, guessing a reference does not
    "certificate_check": (Limit(10, 60), Limit(30, 60)),
    # a private page's or document collection's shared password (pages.views):
    # a room of thirty each typing it twice still fits, guessing it does not
    "page_password": (Limit(10, 600), Limit(100, 600)),
}


def limits_for(action: str) -> tuple[Limit, Limit]:
    configured = getattr(settings, "FEEDBACK_RATE_LIMITS", {})
    if action in configured:
        per_browser, per_address = configured[action]
        return Limit(*per_browser), Limit(*per_address)
    return DEFAULT_LIMITS[action]


def keyed_hash(value: str) -> str:
    return hmac.new(
        settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256
    ).hexdigest()[:32]


def address_fingerprint(request: HttpRequest) -> str:
    return keyed_hash(address_for_limits(request))


def network_fingerprint(request: HttpRequest) -> str:
    """A keyed hash of the network the request came from (its /24, or /48 for IPv6).

    Fresh cookies or private windows do not change it, and neither does a
    different address on the same home or office network.
    """
    address = address_for_limits(request)
    try:
        network = ipaddress.ip_network(address, strict=False)
    except ValueError:
        return keyed_hash(address)
    prefix = 24 if network.version == 4 else 48
    return keyed_hash(str(network.supernet(new_prefix=min(prefix, network.prefixlen))))


def person_key(request: HttpRequest) -> str:
    """The account if signed in; else this browser: its session, or its CSRF cookie."""
    if request.user.is_authenticated:
        return f"u:{request.user.pk}"
    if request.session.session_key:
        return f"s:{request.session.session_key}"
    csrf_cookie = request.COOKIES.get(settings.CSRF_COOKIE_NAME, "")
    if csrf_cookie and not settings.CSRF_USE_SESSIONS:
        return f"c:{keyed_hash(csrf_cookie)}"
    request.session.save()
    return f"s:{request.session.session_key}"


def _count(key: str, limit: Limit) -> int:
    """The attempts counted so far; 0 while the cache is out of reach (it answers None)."""
    cache.add(key, 0, timeout=limit.seconds)
    try:
        return cache.incr(key) or 0
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=limit.seconds)
        return 1


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
REDIS_UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)


def _count_all(counted: dict[str, Limit]) -> list[int]:
    """Count one attempt against each key's limit: on Redis in one round trip.

    Every post on a public form counts two limits, so the four round trips
    of `_count` twice were a measurable part of a feedback post. Other
    caches (local memory, in development and tests) count key by key.
    """
    backend = caches["default"]
    if not isinstance(backend, RedisBackend):
        return [_count(key, limit) for key, limit in counted.items()]
    return count_in_windows(
        backend, {key: limit.seconds for key, limit in counted.items()}
    )


def count_in_windows(backend: RedisBackend, windows: dict[str, int]) -> list[int]:
    """Add one to each key's count on Redis; `windows` is {key: window seconds}.

    A key's window starts at its first count and the count goes when the
    window ends. While Redis cannot be reached every count is 1, as if new
    (the cache's IGNORE_EXCEPTIONS does the same for every other cache call).
    """
    keys = [backend.client.make_key(key) for key in windows]
    try:
        client = backend.client.get_client(write=True)
        counts = client.register_script(COUNT_IN_WINDOWS)(
            keys=keys, args=list(windows.values())
        )
    except REDIS_UNREACHABLE as error:
        logger.warning("Cache (Redis) unreachable while counting limits: %s", error)
        return [1] * len(windows)
    return [int(count) for count in counts]


def source_key(request: HttpRequest) -> str:
    """Where a request comes from, as far as the client cannot reset it.

    The account when signed in, else the address (hashed). Several people on
    one network share a source when not signed in.
    """
    if request.user.is_authenticated:
        return f"u:{request.user.pk}"
    return f"a:{address_fingerprint(request)}"


def first_time_from_source(request: HttpRequest, what: str, seconds: int) -> bool:
    """True the first time this source (see `source_key`) does `what` within `seconds`.

    With the cache out of reach it answers True: the action counts rather
    than being lost, as limits go uncounted meanwhile.
    """
    key = f"feedback-once:{what}:{keyed_hash(source_key(request))}"
    if cache.get(key) is not None:
        return False
    cache.set(key, 1, timeout=seconds)
    return True


def allow(
    request: HttpRequest, action: str, limits: tuple[Limit, Limit] | None = None
) -> bool:
    """Count one attempt at `action`; False once either limit is used up."""
    per_person, per_address = limits or limits_for(action)
    person_count, address_count = _count_all(
        {
            f"feedback-rl:{action}:{person_key(request)}": per_person,
            f"feedback-rl:{action}:a:{address_fingerprint(request)}": per_address,
        }
    )
    return person_count <= per_person.count and address_count <= per_address.count
