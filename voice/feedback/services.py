"""Writes for feedback: each one a single transaction."""

import hashlib
import logging
from datetime import date, timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.log_actions import log

from voice.feedback import log_actions
from voice.feedback.about_you import NOT_ANSWERED, Question
from voice.feedback.models import (
    AboutYouCount,
    Feedback,
    FeedbackReport,
    Speaker,
    SpentAboutYouForm,
    Topic,
)
from voice.feedback.receipts import new_receipt_code
from voice.moderation.models import ModeratedText
from voice.moderation.services import submit_text
from voice.safeguarding import live
from voice.safeguarding import log_actions as safeguarding_log_actions
from voice.safeguarding.models import SafeguardingConcern
from voice.safeguarding.screening import screen
from voice.safeguarding.services import raise_concern

logger = logging.getLogger(__name__)

RECEIPT_CODE_ATTEMPTS = 8
RELATED_FIELDS = [
    "submission_token",
    "topic",
    "moderated_text",
    "author",
    "supported_by",
]


def hide_after_reports() -> int:
    """How many reports send a shared item back to the moderators (setting, default 3)."""
    return getattr(settings, "FEEDBACK_HIDE_AFTER_REPORTS", 3)


def give_feedback(
    *,
    speaker: str,
    topic: Topic,
    feeling: int,
    text: str,
    share_consent: bool,
    wants_reply: bool,
    author=None,
    supported_by=None,
    submission_token: str | None = None,
    sender_key: str = "",
) -> tuple[Feedback, bool]:
    """Keep one piece of feedback and its words; screen the words at once.

    Returns the feedback and whether it is new. The database's unique
    constraints are the only guard, so the usual case costs no look-up and no
    savepoint: a post with a token already used (Back then Send on a shared
    phone, a double tap, a retry after a network error) is refused by the
    token's constraint, everything it made is rolled back, and the feedback
    the first post made is returned instead. A receipt code drawn twice (about
    one in a million at a million codes) is refused the same way and the whole
    write is tried again with a new code.
    """
    for _attempt in range(RECEIPT_CODE_ATTEMPTS):
        receipt_code = new_receipt_code()
        try:
            feedback = _create_feedback(
                speaker=speaker,
                topic=topic,
                feeling=feeling,
                text=text,
                share_consent=share_consent,
                wants_reply=wants_reply,
                author=author,
                supported_by=supported_by,
                submission_token=submission_token,
                sender_key=sender_key,
                receipt_code=receipt_code,
            )
        except IntegrityError:
            if submission_token:
                existing = Feedback.objects.filter(
                    submission_token=submission_token
                ).first()
                if existing is not None:
                    return existing, False
            if Feedback.objects.filter(receipt_code=receipt_code).exists():
                continue  # the code was taken at the same moment: draw again
            raise
        return feedback, True
    raise RuntimeError("Could not find a free receipt code")  # pragma: no cover


@transaction.atomic
def _create_feedback(
    *,
    speaker: str,
    topic: Topic,
    feeling: int,
    text: str,
    share_consent: bool,
    wants_reply: bool,
    author,
    supported_by,
    submission_token: str | None,
    sender_key: str,
    receipt_code: str,
) -> Feedback:
    if author is not None and not author.is_authenticated:
        author = None
    if supported_by is not None:
        if author is None or author.case_worker_id != supported_by.pk:
            raise ValidationError(
                "Supported feedback must be given with a young person this "
                "case worker supports."
            )
        speaker = Speaker.YOUNG_PERSON
    if not topic.active:
        raise ValidationError("That topic is no longer offered.")
    moderated_text = submit_text(
        text=text,
        kind=ModeratedText.Kind.FEEDBACK,
        author=author,
        sender_key=sender_key,
    )
    feedback = Feedback(
        speaker=speaker,
        topic=topic,
        feeling=feeling,
        moderated_text=moderated_text,
        share_consent=share_consent,
        wants_reply=wants_reply,
        author=author,
        supported_by=supported_by,
        submission_token=submission_token or None,
        receipt_code=receipt_code,
    )
    # Field rules only: the related rows were just loaded or made, and the
    # database's unique constraints are the guard a race cannot slip past.
    feedback.full_clean(exclude=RELATED_FIELDS, validate_unique=False)
    feedback.save()
    return feedback


@transaction.atomic
def withdraw_share_consent(*, feedback: Feedback) -> Feedback:
    """Stop sharing a piece of feedback: it leaves every public page at once.

    The time consent was withdrawn is kept, as the record of what was agreed.
    """
    feedback = Feedback.objects.select_for_update().get(pk=feedback.pk)
    if feedback.share_consent and feedback.share_consent_withdrawn_at is None:
        feedback.share_consent_withdrawn_at = timezone.now()
        feedback.save(update_fields=["share_consent_withdrawn_at"])
    return feedback


@transaction.atomic
def report_shared_feedback(
    *, feedback: Feedback, reason: str, network: str = ""
) -> Feedback:
    """Count a visitor's report on a shared item; enough reports send it back to moderators.

    Only reports made since the last moderator decision count towards sending
    it back, so an item a moderator has looked at again and approved stays
    up until it is reported that many times more. Reports count once per
    network (`ratelimit.network_fingerprint`): one person with fresh private
    windows cannot take an item down alone.
    """
    feedback = (
        Feedback.objects.select_for_update()
        .select_related("moderated_text")
        .get(pk=feedback.pk)
    )
    report = FeedbackReport(feedback=feedback, reason=reason, network=network)
    report.full_clean()
    report.save()
    Feedback.objects.filter(pk=feedback.pk).update(report_count=F("report_count") + 1)
    feedback.refresh_from_db(fields=["report_count"])

    item = ModeratedText.objects.select_for_update().get(pk=feedback.moderated_text_id)
    if item.status != ModeratedText.Status.APPROVED:
        return feedback
    recent = feedback.reports.all()
    if item.decided_at is not None:
        recent = recent.filter(created_at__gt=item.decided_at)
    networks = recent.values("network").distinct().order_by().count()
    if networks >= hide_after_reports():
        send_back_to_moderators(feedback=feedback, item=item)
    return feedback


def send_back_to_moderators(*, feedback: Feedback, item: ModeratedText) -> None:
    """Take a reported item off the public page and put it back in the queue."""
    previous = item.status
    item.status = ModeratedText.Status.WAITING
    item.claimed_by = None
    item.claimed_at = None
    item.save(update_fields=["status", "claimed_by", "claimed_at"])
    reasons = sorted(set(feedback.reports.values_list("reason", flat=True).order_by()))
    log(
        instance=feedback,
        action=log_actions.SENT_BACK_AFTER_REPORTS,
        user=None,
        title=str(feedback),
        data={
            "moderated_text": item.pk,
            "previous_status": previous,
            "report_count": feedback.report_count,
            "reasons": reasons,
        },
    )
    logger.info(
        "Feedback %s sent back to moderators after %s reports",
        feedback.pk,
        feedback.report_count,
    )


UNSAFE_DETAILS_WINDOW = timedelta(hours=1)
# Alerts from one source within this time of the first, while no lead has yet
# acknowledged it, join that concern instead of telling the leads again.
UNSAFE_GROUP_WINDOW = timedelta(minutes=10)


def _open_alert_key(source: str) -> str:
    return f"unsafe-open:{source}"


@transaction.atomic
def raise_unsafe_alert(
    *, user=None, details: str = "", how_to_reach: str = "", source: str = ""
) -> SafeguardingConcern:
    """The "I don't feel safe" button: an urgent concern for the safeguarding leads.

    `source` is where the alert came from, as far as the sender cannot reset
    it (accounts.ratelimit.source_key: the account, or the hashed
    address). A second alert from the same source while the first is still
    waiting for a lead is added to it, words and all, so the leads are told
    once and a script with fresh cookies cannot bury them. Several young
    people on one network share a source when not signed in; the lead sees
    each press, with its time, on the one concern. What they wrote is
    screened like every other text, so the lead sees what it seems to be about.
    """
    waiting = _waiting_alert_from(source) if source else None
    if waiting is not None:
        return _add_repeat_alert(
            concern=waiting, details=details, how_to_reach=how_to_reach
        )
    concern = raise_concern(
        source=SafeguardingConcern.Source.UNSAFE_BUTTON,
        raised_by=user,
        details=unsafe_details(details=details, how_to_reach=how_to_reach),
        reasons=screening_reasons(details),
    )
    if source:
        # Only the concern's id, under a keyed hash, for ten minutes.
        cache.set(
            _open_alert_key(source),
            concern.pk,
            int(UNSAFE_GROUP_WINDOW.total_seconds()),
        )
    return concern


def _waiting_alert_from(source: str) -> SafeguardingConcern | None:
    concern_id = cache.get(_open_alert_key(source))
    if concern_id is None:
        return None
    return (
        SafeguardingConcern.objects.select_for_update()
        .filter(
            pk=concern_id,
            source=SafeguardingConcern.Source.UNSAFE_BUTTON,
            acknowledged_at__isnull=True,
            closed_at__isnull=True,
        )
        .first()
    )


def _add_repeat_alert(
    *, concern: SafeguardingConcern, details: str, how_to_reach: str
) -> SafeguardingConcern:
    pressed_at = timezone.localtime().strftime("%H:%M")
    extra = unsafe_details(details=details, how_to_reach=how_to_reach)
    note = f"Pressed again at {pressed_at} (same account or network)."
    concern.details = "\n\n".join(
        part for part in [concern.details, note, extra] if part
    )
    concern.save(update_fields=["details"])
    log(
        concern, safeguarding_log_actions.PRESSED_AGAIN, data={"source": concern.source}
    )
    live.safeguarding_event("concern.updated", concern.pk)
    return concern


@transaction.atomic
def add_to_unsafe_alert(
    *, concern: SafeguardingConcern, details: str = "", how_to_reach: str = ""
) -> SafeguardingConcern:
    """Add what the person chose to tell us after pressing the button."""
    concern = SafeguardingConcern.objects.select_for_update().get(pk=concern.pk)
    extra = unsafe_details(details=details, how_to_reach=how_to_reach)
    if extra:
        concern.details = f"{concern.details}\n\n{extra}".strip()
        concern.reasons = [*concern.reasons, *screening_reasons(details)]
        concern.save(update_fields=["details", "reasons"])
    return concern


def screening_reasons(text: str) -> list[dict]:
    """Why the words look worrying, from the one screening every text goes through."""
    if not text.strip():
        return []
    return [match.as_dict() for match in screen(text).matches]


REACH_LABEL = "How to reach them:"


def unsafe_details(*, details: str, how_to_reach: str) -> str:
    parts = []
    if details.strip():
        parts.append(details.strip())
    if how_to_reach.strip():
        parts.append(f"{REACH_LABEL} {how_to_reach.strip()}")
    return "\n\n".join(parts)


def can_be_reached(concern: SafeguardingConcern) -> bool:
    """Whether the lead has a way to contact the person: an account, or what they left.

    Only then may the page promise that someone will get in touch.
    """
    return concern.raised_by_id is not None or REACH_LABEL in concern.details


ABOUT_YOU_FORM_DAYS = 2  # a one-time form older than this can no longer be sent


def forget_spent_about_you_forms(*, today: date) -> int:
    """Hashes of forms that can no longer be sent: nothing is left to guard against.

    Called when a form is sent and by the daily retention purge, so the hashes
    go even on days nobody answers. The counts themselves are kept (README,
    retention table).
    """
    deleted, _counts = SpentAboutYouForm.objects.filter(
        day__lt=today - timedelta(days=ABOUT_YOU_FORM_DAYS)
    ).delete()
    return deleted


def record_about_you(*, form_value: str, speaker: str, answers: dict[str, str]) -> bool:
    """Count one sent "about you" form, once: False if this form was counted already.

    `form_value` is the form's random one-time value; `answers` maps each
    question to its answer ("" for one left empty). Each answer adds one to
    its day's count, so nothing is kept that stands for this one person.
    """
    today = timezone.localdate()
    digest = hashlib.sha256(form_value.encode()).hexdigest()
    with transaction.atomic():
        forget_spent_about_you_forms(today=today)
        try:
            with transaction.atomic():
                SpentAboutYouForm.objects.create(digest=digest, day=today)
        except IntegrityError:
            return False
        for question in Question.values:
            answer = answers.get(question, NOT_ANSWERED)
            count, _created = AboutYouCount.objects.get_or_create(
                day=today, speaker=speaker, question=question, answer=answer
            )
            AboutYouCount.objects.filter(pk=count.pk).update(count=F("count") + 1)
    return True
