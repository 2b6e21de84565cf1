"""The daily purge removes exactly what is past its period, and reports stay the same."""

import io
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command

from accounts.models import Notification, SignInCode
from privacy.models import AccessLog, RetentionSettings
from privacy.retention import months_before, purge_expired_data
from tests.privacy.factories import feedback, safeguarding_phrase
from tests.privacy.test_deletion import report_counts
from voice.moderation.models import ModeratedText
from voice.safeguarding.models import SafeguardingConcern

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
ONE_SECOND = timedelta(seconds=1)


def test_months_are_calendar_months_and_short_months_are_clamped():
    assert months_before(NOW, 12) == datetime(2025, 11, 23, 12, 0, tzinfo=UTC)
    assert months_before(datetime(2026, 3, 31, tzinfo=UTC), 1) == datetime(
        2026, 2, 28, tzinfo=UTC
    )
    assert months_before(datetime(2026, 1, 15, tzinfo=UTC), 13) == datetime(
        2024, 12, 15, tzinfo=UTC
    )


def test_the_defaults_follow_the_policy_in_the_help_text(db):
    policy = RetentionSettings.load()
    assert policy.free_text_months == 12
    assert policy.safeguarding_years == 6
    assert "must set its own policy" in str(
        RetentionSettings._meta.get_field("safeguarding_years").help_text
    )


def test_words_are_removed_exactly_when_their_period_is_past(young_person):
    cutoff = months_before(NOW, 12)
    expired = feedback(
        author=young_person, text="Old words.", decided_at=cutoff - ONE_SECOND
    )
    on_the_day = feedback(author=young_person, text="Boundary.", decided_at=cutoff)
    recent = feedback(text="New words.", decided_at=NOW - timedelta(days=3))
    waiting = feedback(text="Not read yet.", status=ModeratedText.Status.WAITING)

    done = purge_expired_data(now=NOW)

    assert done["Things you wrote"]["words removed after their time was up"] == 1
    assert done["Feedback"]["feedback no longer linked to a person"] == 1
    expired.refresh_from_db()
    assert expired.moderated_text.text == ""
    assert expired.moderated_text.anonymised_at == NOW
    assert expired.author_id is None
    for kept, words in (
        (on_the_day, "Boundary."),
        (recent, "New words."),
        (waiting, "Not read yet."),
    ):
        kept.refresh_from_db()
        assert kept.moderated_text.text == words
    on_the_day.refresh_from_db()
    assert on_the_day.author_id == young_person.pk


def test_a_shorter_period_set_by_staff_is_used(db):
    policy = RetentionSettings.load()
    policy.free_text_months = 3
    policy.save()
    item = feedback(text="Four months old.", decided_at=NOW - timedelta(days=122))
    purge_expired_data(now=NOW)
    item.moderated_text.refresh_from_db()
    assert item.moderated_text.text == ""


def test_counts_by_topic_feeling_and_status_are_the_same_after_a_purge(db):
    old = NOW - timedelta(days=800)
    for topic_name, feeling, status in [
        ("Court", 1, ModeratedText.Status.APPROVED),
        ("Court", 1, ModeratedText.Status.APPROVED),
        ("Court", 2, ModeratedText.Status.NOT_SHARED),
        ("My worker", 5, ModeratedText.Status.APPROVED),
    ]:
        feedback(topic_name=topic_name, feeling=feeling, status=status, decided_at=old)
    feedback(topic_name="My worker", feeling=4, decided_at=NOW)
    before = report_counts()
    purge_expired_data(now=NOW)
    assert report_counts() == before
    assert ModeratedText.objects.filter(text="").count() == 4


def test_safeguarding_records_stay_until_their_own_period_after_closing(young_person):
    safeguarding_phrase("hurt myself")
    long_ago = NOW - timedelta(days=3000)
    closed_long_ago = feedback(
        author=young_person, text="I hurt myself back then.", decided_at=long_ago
    )
    still_in_period = feedback(
        author=young_person, text="I hurt myself again.", decided_at=long_ago
    )
    cutoff = NOW.replace(year=NOW.year - 6)
    old = SafeguardingConcern.objects.get(moderated_text=closed_long_ago.moderated_text)
    old.closed_at = cutoff - ONE_SECOND
    old.details = "Spoke to the family."
    old.save()
    boundary = SafeguardingConcern.objects.get(
        moderated_text=still_in_period.moderated_text
    )
    boundary.closed_at = cutoff
    boundary.save()

    done = purge_expired_data(now=NOW)

    assert done["Safeguarding records"]["safeguarding records anonymised"] == 1
    assert done["Things you wrote"]["words in safeguarding records removed"] == 1
    old.refresh_from_db()
    assert (old.details, old.raised_by_id, old.anonymised_at) == ("", None, NOW)
    closed_long_ago.moderated_text.refresh_from_db()
    assert closed_long_ago.moderated_text.text == ""
    boundary.refresh_from_db()
    assert boundary.anonymised_at is None
    still_in_period.moderated_text.refresh_from_db()
    # Past the 12 months for words, but a safeguarding record still needs them.
    assert still_in_period.moderated_text.text == "I hurt myself again."
    assert SafeguardingConcern.objects.count() == 2  # never deleted


def test_open_safeguarding_records_are_never_purged(young_person):
    safeguarding_phrase("hurt myself")
    item = feedback(
        author=young_person,
        text="I hurt myself.",
        decided_at=NOW - timedelta(days=5000),
    )
    purge_expired_data(now=NOW)
    item.moderated_text.refresh_from_db()
    assert item.moderated_text.text == "I hurt myself."
    assert SafeguardingConcern.objects.get().anonymised_at is None


def test_messages_codes_and_access_records_go_after_their_periods(young_person, people):
    def note(age):
        return Notification.objects.create(
            user=young_person, message="hi", created_at=NOW - age
        )

    old_note, boundary_note = (
        note(timedelta(days=180) + ONE_SECOND),
        note(timedelta(days=180)),
    )

    def code(name, **times):
        return SignInCode.objects.create(
            user=young_person,
            code_hash=name,
            expires_at=times.get("expires_at", NOW + timedelta(days=1)),
            used_at=times.get("used_at"),
        )

    used_long_ago = code("a", used_at=NOW - timedelta(days=30) - ONE_SECOND)
    used_on_the_day = code("b", used_at=NOW - timedelta(days=30))
    ran_out_long_ago = code("c", expires_at=NOW - timedelta(days=31))
    unused = code("d")

    def log(age):
        return AccessLog.objects.create(
            who_username="manager",
            subject=young_person,
            what="looked",
            created_at=NOW - age,
        )

    log(timedelta(days=731))
    recent_log = log(timedelta(days=729))

    purge_expired_data(now=NOW)

    remaining_notes = set(Notification.objects.values_list("pk", flat=True))
    assert remaining_notes == {boundary_note.pk}
    assert old_note.pk not in remaining_notes
    remaining_codes = set(SignInCode.objects.values_list("pk", flat=True))
    assert remaining_codes == {used_on_the_day.pk, unused.pk}
    assert used_long_ago.pk not in remaining_codes
    assert ran_out_long_ago.pk not in remaining_codes
    assert set(AccessLog.objects.values_list("pk", flat=True)) == {recent_log.pk}


def test_running_the_purge_twice_changes_nothing_the_second_time(db):
    feedback(text="Old.", decided_at=NOW - timedelta(days=800))
    purge_expired_data(now=NOW)
    again = purge_expired_data(now=NOW)
    assert all(count == 0 for counts in again.values() for count in counts.values())


def test_the_daily_command_reports_what_it_did(db):
    feedback(text="Old.", decided_at=NOW - timedelta(days=800))
    out = io.StringIO()
    call_command("purge_expired_data", stdout=out)
    assert "Things you wrote: words removed after their time was up: 1" in (
        out.getvalue()
    )


@pytest.mark.parametrize("years", [6, 7])
def test_safeguarding_period_is_counted_in_years_from_closing(young_person, years):
    policy = RetentionSettings.load()
    policy.safeguarding_years = years
    policy.save()
    safeguarding_phrase("hurt myself")
    feedback(author=young_person, text="I hurt myself.")
    concern = SafeguardingConcern.objects.get()
    concern.closed_at = NOW.replace(year=NOW.year - 6) - ONE_SECOND
    concern.save()
    purge_expired_data(now=NOW)
    concern.refresh_from_db()
    assert (concern.anonymised_at is not None) is (years == 6)


# The task worker closes old database connections between jobs, as a worker
# should; on PostgreSQL that ends a test's wrapping transaction, so this test
# runs with real commits.
@pytest.mark.django_db(transaction=True)
def test_finished_background_jobs_go_after_their_period_with_the_email_they_held(
    settings, young_person, django_capture_on_commit_callbacks, mailoutbox
):
    """The task queue kept each email's address and words for ever."""
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from accounts.notifications import notify

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    young_person.email = "kid@example.org"
    young_person.save()
    with django_capture_on_commit_callbacks(execute=True):
        notify(user=young_person, message="Your event moved to Friday.")
        notify(user=young_person, message="A newer message.")
    call_command("db_worker", "--batch", stdout=io.StringIO(), stderr=io.StringIO())
    assert len(mailoutbox) == 2
    old, recent = DBTaskResult.objects.order_by("enqueued_at")
    assert "kid@example.org" in str(old.args_kwargs)
    policy = RetentionSettings.load()
    now = timezone.now()
    old.finished_at = now - timedelta(days=policy.finished_task_days) - ONE_SECOND
    old.save(update_fields=["finished_at"])
    with django_capture_on_commit_callbacks(execute=True):
        notify(user=young_person, message="Still waiting to be sent.")
    waiting = DBTaskResult.objects.exclude(pk__in=[old.pk, recent.pk]).get()

    out = io.StringIO()
    call_command("purge_expired_data", stdout=out)

    remaining = set(DBTaskResult.objects.values_list("pk", flat=True))
    assert remaining == {recent.pk, waiting.pk}
    assert "finished background jobs deleted: 1" in out.getvalue()
