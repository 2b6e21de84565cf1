"""Ids no database column can hold match nothing instead of crashing a query."""

import pytest

from voice.moderation.models import Theme

pytestmark = pytest.mark.django_db

TOO_BIG = 2**70


def test_an_id_too_big_for_any_column_is_ignored_among_real_ones():
    theme = Theme.objects.create(name="Time")
    assert list(Theme.objects.filter(pk__in=[TOO_BIG, theme.pk])) == [theme]


@pytest.mark.parametrize("forged", [[TOO_BIG], [-TOO_BIG], [str(TOO_BIG)]])
def test_only_ids_too_big_or_too_small_for_any_column_match_nothing(forged):
    Theme.objects.create(name="Time")
    assert not Theme.objects.filter(pk__in=forged).exists()


def test_a_subquery_in_lookup_still_works():
    theme = Theme.objects.create(name="Time")
    ids = Theme.objects.filter(name="Time").values("pk")
    assert list(Theme.objects.filter(pk__in=ids)) == [theme]


def test_a_page_type_looked_up_by_an_id_too_big_for_any_column_is_not_found():
    from voice.board.models import MeetingPage

    assert not MeetingPage.objects.filter(pk=TOO_BIG).exists()
    assert not MeetingPage.objects.filter(pk__in=[TOO_BIG]).exists()


def test_a_foreign_key_looked_up_by_an_id_too_big_for_any_column_matches_nothing():
    from voice.feedback.models import Feedback

    assert not Feedback.objects.filter(topic=TOO_BIG).exists()
    assert not Feedback.objects.filter(topic__in=[TOO_BIG, -TOO_BIG]).exists()
    assert Feedback.objects.exclude(topic=TOO_BIG).count() == Feedback.objects.count()
