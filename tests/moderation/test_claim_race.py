"""Two moderators claiming the same item at the same moment: exactly one gets it."""

import threading

import pytest
from django.conf import settings as django_settings
from django.db import close_old_connections

from tests.moderation.factories import ModeratedTextFactory
from voice.moderation import services
from voice.moderation.models import ModeratedText


# The in-memory SQLite test database locks whole tables between threads and
# fails instead of waiting, unlike the site's file database (WAL, busy
# timeout, IMMEDIATE transactions); the race is run for real on PostgreSQL.
@pytest.mark.postgres
@pytest.mark.skipif(
    "postgresql" not in django_settings.DATABASES["default"]["ENGINE"],
    reason="needs PostgreSQL (DATABASE_URL)",
)
@pytest.mark.django_db(transaction=True)
def test_of_two_simultaneous_claims_exactly_one_wins(
    moderator, other_moderator, settings
):
    item = ModeratedTextFactory()
    start = threading.Barrier(2)
    outcomes = {}

    def claim(who):
        start.wait()
        try:
            services.claim_item(item=item, moderator=who)
            outcomes[who.username] = "claimed"
        except services.ItemTaken:
            outcomes[who.username] = "taken"
        finally:
            close_old_connections()

    threads = [
        threading.Thread(target=claim, args=(m,)) for m in (moderator, other_moderator)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes.values()) == ["claimed", "taken"]
    winner = next(name for name, outcome in outcomes.items() if outcome == "claimed")
    assert ModeratedText.objects.get(pk=item.pk).claimed_by.username == winner
