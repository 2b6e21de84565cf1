"""Reads for feedback: the public page, a receipt's status, a person's own list."""

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from voice.feedback.models import Feedback
from voice.moderation.models import ModeratedText

SHARED_PER_PAGE = 20


def shared_feedback() -> QuerySet[Feedback]:
    """Feedback anyone may see: approved, agreed to be shared, not withdrawn,
    words not yet blanked by the retention purge; newest first.

    The approval is checked row by row (EXISTS) so the database walks the
    newest shared feedback in index order and stops after one page, instead
    of gathering every approved text and sorting them all (measured with
    `python -m tests.perf.django_command benchmark_shared_feedback`).
    """
    approved = ModeratedText.objects.filter(
        pk=OuterRef("moderated_text_id"),
        status=ModeratedText.Status.APPROVED,
        anonymised_at__isnull=True,
    )
    return (
        Feedback.objects.filter(
            Exists(approved),
            share_consent=True,
            share_consent_withdrawn_at__isnull=True,
        )
        .select_related("topic", "moderated_text")
        .only(
            "id",
            "created_at",
            "feeling",
            "topic__name",
            "topic__plain_words",
            "moderated_text__text",
            "moderated_text__redacted_text",
            "moderated_text__reply",
            "moderated_text__status",
        )
        .order_by("-created_at", "-id")
    )


EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
ONE_MICROSECOND = timedelta(microseconds=1)


def cursor_for(feedback: Feedback) -> str:
    """Where the next page starts: after this item (its time and id, no words)."""
    micros = (feedback.created_at - EPOCH) // ONE_MICROSECOND
    return f"{micros}-{feedback.pk}"


def parse_cursor(cursor: str | None) -> tuple[datetime, int] | None:
    if not cursor:
        return None
    micros, _, pk = cursor.partition("-")
    if not (micros.isdigit() and pk.isdigit()) or len(micros) > 18 or len(pk) > 18:
        return None
    try:
        return EPOCH + int(micros) * ONE_MICROSECOND, int(pk)
    except OverflowError:
        return None


@dataclass
class SharedPage:
    items: list[Feedback]
    is_first: bool
    next_cursor: str | None


def shared_feedback_page(
    older_than: str | None = None, per_page: int = SHARED_PER_PAGE
) -> SharedPage:
    """One page of shared feedback, in one query, however deep into the list.

    Pages follow on from the last item shown (keyset paging) rather than
    skipping a number of rows, and nothing counts every shared item: both
    grow with the table (see `python -m tests.perf.django_command benchmark_shared_feedback`).
    """
    items = shared_feedback()
    cursor = parse_cursor(older_than)
    if cursor is not None:
        created_at, pk = cursor
        # The first condition lets the index start at the cursor; the second
        # only settles items made in the same microsecond.
        items = items.filter(created_at__lte=created_at).filter(
            Q(created_at__lt=created_at) | Q(pk__lt=pk)
        )
    rows = list(items[: per_page + 1])
    shown = rows[:per_page]
    return SharedPage(
        items=shown,
        is_first=cursor is None,
        next_cursor=cursor_for(shown[-1]) if len(rows) > per_page else None,
    )


def find_shared_item(pk: int) -> Feedback | None:
    return shared_feedback().filter(pk=pk).first()


def find_by_receipt_code(code: str) -> Feedback | None:
    return (
        Feedback.objects.select_related(
            "topic", "moderated_text", "moderated_text__not_shared_reason"
        )
        .filter(receipt_code=code)
        .first()
    )


def feedback_given_by(user) -> QuerySet[Feedback]:
    """Everything this person gave (or gave with their case worker), newest first."""
    return (
        Feedback.objects.filter(author=user)
        .select_related("topic", "moderated_text", "moderated_text__not_shared_reason")
        .order_by("-created_at", "-id")
    )


@dataclass(frozen=True)
class Step:
    label: str
    done: bool
    current: bool


@dataclass
class FeedbackStatus:
    """Where a piece of feedback has got to, in words for the person who gave it."""

    key: str
    title: str
    explanation: str
    reason: str = ""
    can_stop_sharing: bool = False
    steps: list[Step] = field(default_factory=list)

    @property
    def is_safeguarding(self) -> bool:
        return self.key == "safeguarding"


def status_of(feedback: Feedback) -> FeedbackStatus:
    item = feedback.moderated_text
    Status = ModeratedText.Status
    if item.status == Status.SAFEGUARDING:
        status = FeedbackStatus(
            "safeguarding",
            _("Passed to someone who keeps young people safe"),
            _(
                "We read what you wrote. Because we care about you being safe, "
                "we passed it to a person whose job is to keep young people safe. "
                "They may get in touch to check you are okay."
            )
            if feedback.author_id
            else _(
                "We read what you wrote. Because we care about you being safe, "
                "we passed it to a person whose job is to keep young people safe. "
                "You did not sign in, so we cannot get in touch with you. If you "
                "want to talk to someone, call Childline free on 0800 1111 or "
                "text SHOUT to 85258. If you are in danger now, call 999."
            ),
        )
        decided = True
    elif item.status == Status.WAITING and item.back_from_safeguarding_at:
        status = FeedbackStatus(
            "back_from_safeguarding",
            _("Back with our moderators"),
            _(
                "A person whose job is to keep young people safe read it and "
                "is not worried about you. It is back with our moderators, who "
                "will read it like everything else."
            ),
        )
        decided = False
    elif item.status == Status.WAITING and item.decided_at is not None:
        # Decided before and back in the queue (reported on the shared page):
        # a receipt only moves forward, and says what happened.
        status = FeedbackStatus(
            "looking_again",
            _("Being looked at again"),
            _(
                "Some people reported it on the website, so a moderator is "
                "looking at it again. It is off the website until they decide."
            )
            if feedback.report_count
            else _("A moderator is looking at it again."),
        )
        decided = True
    elif item.status == Status.WAITING and item.claimed_by_id is None:
        status = FeedbackStatus(
            "received",
            _("Received"),
            _("We have got it. Nobody has read it yet. We read everything."),
        )
        decided = False
    elif item.status == Status.WAITING:
        status = FeedbackStatus(
            "being_read",
            _("Being read"),
            _("Someone in our team is reading it now."),
        )
        decided = False
    elif item.status == Status.NOT_SHARED:
        status = FeedbackStatus(
            "not_shared",
            _("Read, not shared"),
            _("We read it. We did not put it on the website."),
            reason=item.not_shared_reason.plain_words
            if item.not_shared_reason_id
            else "",
        )
        decided = True
    elif not feedback.share_consent:
        status = FeedbackStatus(
            "read",
            _("Read"),
            _(
                "We read it. You asked us not to put it on the website, "
                "so only our team sees it."
            ),
        )
        decided = True
    elif feedback.share_consent_withdrawn_at is not None:
        status = FeedbackStatus(
            "withdrawn",
            _("Read, no longer shared"),
            _("You asked us to stop sharing it, so it is not on the website any more."),
        )
        decided = True
    else:
        status = FeedbackStatus(
            "shared",
            _("Shared"),
            _(
                "We read it and put it on the website, without your name. We "
                "took some words out first, to keep people safe and private."
            )
            if item.redacted_text
            else _("We read it and put it on the website, without your name."),
            can_stop_sharing=True,
        )
        decided = True
    being_read = status.key == "being_read"
    status.steps = [
        Step(_("Received"), done=True, current=status.key == "received"),
        Step(_("Being read"), done=decided or being_read, current=being_read),
        Step(_("Decided"), done=decided, current=decided),
    ]
    return status


def what_changed_for(feedback: Feedback, *, request=None, **shown) -> str | None:
    """What changed because of this feedback, or None (see `what_changed_for_each`)."""
    return what_changed_for_each([feedback], request=request, **shown).get(feedback.pk)


def what_changed_for_each(
    feedback: list[Feedback], *, request=None, **shown
) -> dict[int, str]:
    """{feedback id: what changed because of it}, from any app that knows.

    An app that records changes made because of feedback (the service review)
    registers a `feedback_what_changed` Wagtail hook: a function taking a list
    of feedback, the request (for forms the child can send from it: the
    rating) and what the page shows (`back`: which page to return to;
    `rating_error`: the (feedback id, action id) whose rating was refused),
    returning {feedback id: something to show} for those with something real
    to say. One call for a whole page, so a list costs the same as one.
    """
    found: dict[int, str] = {}
    for provider in hooks.get_hooks("feedback_what_changed"):
        for pk, shown_html in provider(feedback, request=request, **shown).items():
            found.setdefault(pk, shown_html)
    return found


@dataclass(frozen=True)
class ConsentRecord:
    feedback: Feedback
    where_it_is: str
    can_stop: bool


def consent_records(user) -> list[ConsentRecord]:
    """Each piece of feedback the person agreed to share, and where it is now."""
    given = (
        Feedback.objects.filter(author=user, share_consent=True)
        .select_related("topic", "moderated_text")
        .order_by("-created_at")
    )
    return [
        ConsentRecord(
            feedback=item,
            where_it_is=_sharing_state(item),
            can_stop=item.share_consent_withdrawn_at is None,
        )
        for item in given
    ]


def _sharing_state(item: Feedback) -> str:
    if item.share_consent_withdrawn_at is not None:
        return _("You stopped sharing this. It is not on our website.")
    if item.is_shared:
        return _("Shared on our website, without your name.")
    if item.moderated_text.status == ModeratedText.Status.WAITING:
        return _("Waiting to be read. It is not shared yet.")
    return _("Not shared.")
