"""Rate limits for the public feedback pages, kept in Django's cache.

A group session can have thirty young people on one office network, so each
limit has two parts: a modest one per browser (which does the real work) and
a generous one per network address (which stops a script that drops its
cookies). Addresses are never stored: the cache key holds a keyed hash of the
address, and it expires with the window.

"Per browser" is the browser's session when it has one (everyone signed in),
otherwise its CSRF cookie, which every form post carries anyway: a visitor
who is not signed in gets no session row just for being counted.
"""

import hashlib
import hmac
import ipaddress
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


@dataclass(frozen=True)
class Limit:
    count: int
    seconds: int


# action: (per browser, per address)
DEFAULT_LIMITS: dict[str, tuple[Limit, Limit]] = {
    "submit": (Limit(10, 600), Limit(300, 600)),
    "check": (Limit(20, 600), Limit(300, 600)),
    "report": (Limit(10, 600), Limit(100, 600)),
    "unsafe": (Limit(10, 600), Limit(120, 600)),
    # survey answers (voice.surveys): same shape, so a room can answer together
    "survey": (Limit(10, 600), Limit(300, 600)),
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
    return keyed_hash(request.META.get("REMOTE_ADDR", ""))


def network_fingerprint(request: HttpRequest) -> str:
    """A keyed hash of the network the request came from (its /24, or /48 for IPv6).

    Fresh cookies or private windows do not change it, and neither does a
    different address on the same home or office network.
    """
    address = request.META.get("REMOTE_ADDR", "")
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return keyed_hash(address)
    prefix = 24 if parsed.version == 4 else 48
    return keyed_hash(str(ipaddress.ip_network(f"{parsed}/{prefix}", strict=False)))


def browser_key(request: HttpRequest) -> str:
    """This browser: its session if it has one, else a keyed hash of its CSRF cookie."""
    if request.session.session_key:
        return f"s:{request.session.session_key}"
    csrf_cookie = request.COOKIES.get(settings.CSRF_COOKIE_NAME, "")
    if csrf_cookie and not settings.CSRF_USE_SESSIONS:
        return f"c:{keyed_hash(csrf_cookie)}"
    request.session.save()
    return f"s:{request.session.session_key}"


def _count(key: str, limit: Limit) -> int:
    cache.add(key, 0, timeout=limit.seconds)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=limit.seconds)
        return 1


def allow(request: HttpRequest, action: str) -> bool:
    """Count one attempt at `action`; False once either limit is used up."""
    per_browser, per_address = limits_for(action)
    browser_count = _count(f"feedback-rl:{action}:{browser_key(request)}", per_browser)
    address_count = _count(
        f"feedback-rl:{action}:a:{address_fingerprint(request)}", per_address
    )
    return browser_count <= per_browser.count and address_count <= per_address.count
