"""The limit on ratings of "You said, we did" items.

A class of thirty young people may rate from one office address, so the
limit per address is generous; the limit per person (their account, or
their browser) does the real work. Counting is voice.feedback.ratelimit's,
so ratings are keyed the same way as every other public limit.
"""

from django.conf import settings

from voice.feedback.ratelimit import Limit, allow

# (ratings, seconds); a deployment may change them in settings.
PER_ADDRESS = (600, 60 * 60)
PER_PERSON = (60, 10 * 60)


def rating_allowed(request) -> bool:
    """Count this rating against the address and the person; False when over either limit."""
    per_person = getattr(settings, "REVIEW_RATINGS_PER_PERSON", PER_PERSON)
    per_address = getattr(settings, "REVIEW_RATINGS_PER_ADDRESS", PER_ADDRESS)
    return allow(request, "rating", (Limit(*per_person), Limit(*per_address)))
