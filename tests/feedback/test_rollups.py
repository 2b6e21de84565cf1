"""Daily roll-ups always give the same figures as counting the feedback itself.

`live` below counts every day straight from the feedback (nothing rolled up);
`rolled` reads the roll-ups. After each kind of change a person can make, the
two must agree.
"""

import datetime

import pytest
from django.utils import timezone

from accounts import roles
from privacy.services import delete_account
from tests.factories import UserFactory
from tests.review.factories import ThemeFactory, TopicFactory, at, make_feedback
from voice.feedback import rollups
from voice.feedback.models import Feedback, FeedbackDay, Speaker
from voice.moderation import services as moderation
from voice.moderation.models import ModeratedText, NotSharedReason

pytestmark = pytest.mark.django_db

# The site's clock stands still at this moment in every test here: "today"
# read at import and "today" read by the code could otherwise be two days
# when a run crosses midnight.
MOMENT = at(2026, 2, 10, hour=12)
TODAY = MOMENT.date()
FIRST = TODAY - datetime.timedelta(days=10)


class Clock:
    """What `django.utils.timezone.now` answers while a test runs."""

    def __init__(self, moment: datetime.datetime):
        self.moment = moment

    def now(self) -> datetime.datetime:
        return self.moment


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    fixed = Clock(MOMENT)
    monkeypatch.setattr(timezone, "now", fixed.now)
    return fixed


def days_ago(days: int, hour: int = 12) -> datetime.datetime:
    day = TODAY - datetime.timedelta(days=days)
    return rollups.midnight(day) + datetime.timedelta(hours=hour)


def figures(period: rollups.Period) -> dict:
    group_by = ["day", *rollups.DAY_FIELDS]
    return {
        "feedback": sorted(
            tuple(row.values()) for row in rollups.feedback_counts(period, group_by)
        ),
        "themes": sorted(tuple(row.values()) for row in rollups.theme_counts(period)),
        "response hours": rollups.response_hours(period),
        "signed-in people": rollups.signed_in_people(period),
    }


def live() -> dict:
    return figures(rollups.Period(FIRST, TODAY, through=None))


def rolled() -> dict:
    return figures(rollups.Period.of(FIRST, TODAY))


@pytest.fixture
def young_person():
    return UserFactory(username="rolled-young-person", roles=[roles.YOUNG_PERSON])


@pytest.fixture
def moderator():
    return UserFactory(username="rolled-moderator", roles=[roles.MODERATOR])


@pytest.fixture
def spread(young_person):
    """Feedback on three finished days and today, signed in and anonymous."""
    topic = TopicFactory(name="Appointments")
    items = [
        make_feedback(created_at=days_ago(5), author=young_person, topic=topic),
        make_feedback(
            created_at=days_ago(5, hour=23),
            status=ModeratedText.Status.WAITING,
            speaker=Speaker.PARENT_CARER,
        ),
        make_feedback(
            created_at=days_ago(3),
            feeling=1,
            replied_at=days_ago(2),
            themes=[ThemeFactory(name="Waiting")],
        ),
        make_feedback(created_at=days_ago(1), status=ModeratedText.Status.WAITING),
        make_feedback(created_at=timezone.now(), author=young_person, feeling=5),
    ]
    rollups.roll_up()
    return items


def test_the_first_read_rolls_up_every_finished_day_but_not_today(spread):
    assert rollups.roll_up() == TODAY - datetime.timedelta(days=1)
    assert set(FeedbackDay.objects.values_list("day", flat=True)) == {
        TODAY - datetime.timedelta(days=days) for days in (5, 3, 1)
    }
    assert rolled() == live()


def test_feedback_given_today_counts_at_once(spread):
    before = sum(
        row["count"]
        for row in rollups.feedback_counts(rollups.Period.of(FIRST, TODAY), ["speaker"])
    )
    make_feedback(created_at=timezone.now())
    after = rollups.feedback_counts(rollups.Period.of(FIRST, TODAY), ["speaker"])
    assert sum(row["count"] for row in after) == before + 1
    assert rolled() == live()


def test_a_day_that_ends_between_two_reads_is_rolled_up_at_the_next(spread, clock):
    clock.moment = rollups.midnight(TODAY) + datetime.timedelta(hours=23, minutes=59)
    make_feedback(created_at=timezone.now(), feeling=2)
    clock.moment += datetime.timedelta(minutes=2)
    tomorrow = TODAY + datetime.timedelta(days=1)

    assert rollups.roll_up() == TODAY
    rolled_today = FeedbackDay.objects.filter(day=TODAY)
    assert sum(rolled_today.values_list("count", flat=True)) == 2
    assert figures(rollups.Period.of(FIRST, tomorrow)) == figures(
        rollups.Period(FIRST, tomorrow, through=None)
    )


def test_a_moderator_approving_old_feedback_updates_its_day(spread, moderator):
    waiting = spread[1].moderated_text
    moderation.claim_item(item=waiting, moderator=moderator)
    moderation.approve_item(item=waiting, moderator=moderator)
    assert rolled() == live()


def test_declining_replying_and_theming_old_feedback_update_its_day(spread, moderator):
    waiting = spread[3].moderated_text
    moderation.claim_item(item=waiting, moderator=moderator)
    moderation.decline_to_share(
        item=waiting, moderator=moderator, reason=NotSharedReason.objects.first()
    )
    moderation.write_reply(item=waiting, moderator=moderator, reply="Thank you.")
    moderation.tag_themes(
        item=spread[0].moderated_text,
        moderator=moderator,
        themes=[ThemeFactory(name="Feeling safe")],
    )
    assert rolled() == live()


def test_a_new_topic_on_old_feedback_moves_it_in_the_figures(spread):
    feedback = spread[0]
    feedback.topic = TopicFactory(name="Court")
    feedback.save()
    assert rolled() == live()


def test_deleting_an_account_makes_its_old_feedback_anonymous_in_the_figures(
    spread, young_person
):
    delete_account(user=young_person, keep_words=True)
    assert Feedback.objects.filter(author__isnull=True).count() == len(spread)
    assert rolled() == live()
    assert rolled()["signed-in people"] == {}


def test_deleted_feedback_leaves_the_figures(spread):
    spread[2].delete()
    assert rolled() == live()


def test_a_change_rolled_back_leaves_the_roll_ups_as_they_were(spread, moderator):
    from django.db import transaction

    before = rolled()
    with pytest.raises(RuntimeError), transaction.atomic():
        moderation.tag_themes(
            item=spread[0].moderated_text,
            moderator=moderator,
            themes=[ThemeFactory(name="Clear information")],
        )
        raise RuntimeError
    assert rolled() == before == live()


def test_rebuilding_counts_bulk_loaded_feedback(spread):
    Feedback.objects.filter(pk=spread[0].pk).update(feeling=1)  # around the ORM
    assert rolled() != live()
    rollups.rebuild()
    assert rolled() == live()


@pytest.mark.parametrize(
    ("values", "middle"),
    [({}, None), ({3: 1}, 3), ({1: 1, 2: 1, 3: 1}, 2), ({1: 2, 4: 2}, 2.5)],
)
def test_the_median_of_a_histogram(values, middle):
    from collections import Counter

    assert rollups.median(Counter(values)) == middle
