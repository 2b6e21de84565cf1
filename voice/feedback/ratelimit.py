"""Rate limits for the public feedback pages, kept in Django's cache.

A group session can have thirty young people on one office network, so each
limit has two parts: a modest one per browser session (which does the real
work) and a generous one per network address (which stops a script that
drops its cookies). Addresses are never stored: the cache key holds a keyed
hash of the address, and it expires with the window.
"""

import hashlib
import hmac
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


@dataclass(frozen=True)
class Limit:
    count: int
    seconds: int


# action: (per session, per address)
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
        per_session, per_address = configured[action]
        return Limit(*per_session), Limit(*per_address)
    return DEFAULT_LIMITS[action]


def address_fingerprint(request: HttpRequest) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    return hmac.new(
        settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256
    ).hexdigest()[:32]


def session_key(request: HttpRequest) -> str:
    if not request.session.session_key:
        request.session.save()
    return request.session.session_key


def _count(key: str, limit: Limit) -> int:
    cache.add(key, 0, timeout=limit.seconds)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=limit.seconds)
        return 1


def allow(request: HttpRequest, action: str) -> bool:
    """Count one attempt at `action`; False once either limit is used up."""
    per_session, per_address = limits_for(action)
    session_count = _count(
        f"feedback-rl:{action}:s:{session_key(request)}", per_session
    )
    address_count = _count(
        f"feedback-rl:{action}:a:{address_fingerprint(request)}", per_address
    )
    return session_count <= per_session.count and address_count <= per_address.count
