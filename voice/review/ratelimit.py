"""A small fixed-window limit on ratings, kept in the cache.

A class of thirty young people may rate from one office address, so the
limit per address is generous; the limit per person (their account, or
their browser as voice.feedback.ratelimit knows it) does the real work.
Addresses are kept only as a salted hash, only in the
cache, and only for the length of the window.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

from voice.feedback.ratelimit import browser_key

# (ratings, seconds); a deployment may change them in settings.
PER_ADDRESS = (600, 60 * 60)
PER_PERSON = (60, 10 * 60)


def _hit(scope: str, identity: str, limit: int, window: int) -> bool:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{identity}".encode()).hexdigest()
    key = f"review-rate:{scope}:{digest[:32]}:{int(time.time() // window)}"
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    return count <= limit


def rating_allowed(request) -> bool:
    """Count this rating against the address and the person; False when over either limit."""
    address = request.META.get("REMOTE_ADDR", "")
    if request.user.is_authenticated:
        person = f"user:{request.user.pk}"
    else:
        person = f"browser:{browser_key(request)}"
    address_ok = _hit(
        "address",
        address,
        *getattr(settings, "REVIEW_RATINGS_PER_ADDRESS", PER_ADDRESS),
    )
    person_ok = _hit(
        "person", person, *getattr(settings, "REVIEW_RATINGS_PER_PERSON", PER_PERSON)
    )
    return address_ok and person_ok
