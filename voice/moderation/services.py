"""Writes for moderation: each one a single transaction.

Every decision is written to Wagtail's audit log (who, when, what changed,
why) in the same transaction as the change itself, so there is never a
decision without its record. Live updates and notifications go out only once
the transaction has committed.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from accounts.notifications import notify
from voice.moderation import live, log_actions
from voice.moderation.models import ModeratedText, NotSharedReason, Theme
from voice.moderation.selectors import active_claimant, feedback_for
from voice.moderation.tasks import screen_text
from voice.safeguarding import services as safeguarding
from voice.safeguarding.models import SafeguardingConcern
from voice.safeguarding.screening import screen

REPLY_MAX_LENGTH = 2000


class ModerationError(Exception):
    """A decision that cannot be made; the message is shown to the moderator."""


class ItemTaken(ModerationError):
    pass


class OwnText(ModerationError):
    pass


class AlreadyDecided(ModerationError):
    pass


# --- Arrival -----------------------------------------------------------------


# No savepoint of its own: callers keep the words and their own rows in one
# transaction, and a failure here undoes the whole write anyway.
@transaction.atomic(savepoint=False)
def submit_text(
    *, text: str, kind: str, author=None, sender_key: str = ""
) -> ModeratedText:
    """Keep a new piece of free text and screen it for safeguarding risk at once.

    A match never blocks the text: it is kept, held back from the queue and
    from every public place, and becomes a safeguarding concern. Screening for
    offensive words and personal details runs after the response, in a task.
    """
    matches = screen(text).matches
    item = ModeratedText(
        kind=kind,
        text=text,
        author=author if author is not None and author.is_authenticated else None,
        safeguarding_matches=[match.as_dict() for match in matches],
    )
    if matches:
        item.status = ModeratedText.Status.SAFEGUARDING
    item.full_clean()
    item.save()
    item_id = item.pk
    if matches:
        safeguarding.raise_concern(
            source=SafeguardingConcern.Source.PHRASE_MATCH,
            moderated_text=item,
            raised_by=item.author,
            sender_key=sender_key,
            reasons=item.safeguarding_matches,
        )
    else:
        live.queue_event("item.arrived", item_id)
    # After the arrival is announced, so moderators hear of it first.
    transaction.on_commit(lambda: screen_text.enqueue(item_id))
    return item


# --- Claims ------------------------------------------------------------------


def _lock(item: ModeratedText) -> ModeratedText:
    # No join here: after waiting for the lock, PostgreSQL re-reads the locked
    # row but not rows joined to it, so a joined claimant could be stale.
    return ModeratedText.objects.select_for_update().get(pk=item.pk)


def _check_not_own_text(item: ModeratedText, moderator, message: str) -> None:
    feedback = feedback_for(item)
    authors = {item.author_id, feedback.author_id if feedback else None} - {None}
    if moderator.pk in authors:
        raise OwnText(message)


def _check_claim(item: ModeratedText, moderator) -> None:
    """The one claim check every decision, reply and theme change makes.

    While another moderator holds a live claim, nobody else may change the
    item. Once it is decided the claim is gone, so replies and themes added
    later (e.g. "we changed it") are open to any moderator.
    """
    holder = active_claimant(item)
    if holder is not None and holder.pk != moderator.pk:
        raise ItemTaken(_("This is taken by %(name)s.") % {"name": holder})


def _check_may_moderate(item: ModeratedText, moderator) -> None:
    _check_not_own_text(
        item, moderator, _("You cannot moderate something you wrote yourself.")
    )
    if item.status != ModeratedText.Status.WAITING:
        raise AlreadyDecided(_("A decision has already been made on this."))
    _check_claim(item, moderator)


@transaction.atomic
def claim_item(*, item: ModeratedText, moderator) -> ModeratedText:
    """Take an item so no other moderator works on it at the same time.

    The row is locked while the claim is checked and made, so of two
    moderators claiming at once exactly one gets it. A claim older than
    MODERATION_CLAIM_STALE_MINUTES can be taken over.
    """
    item = _lock(item)
    _check_may_moderate(item, moderator)
    previous = item.claimed_by
    item.claimed_by = moderator
    item.claimed_at = timezone.now()
    item.save(update_fields=["claimed_by", "claimed_at"])
    data = {}
    if previous is not None and previous.pk != moderator.pk:
        data["taken_over_from"] = str(previous)
    log(item, log_actions.CLAIMED, user=moderator, data=data)
    live.queue_event("item.claimed", item.pk, by=str(moderator))
    return item


@transaction.atomic
def release_item(*, item: ModeratedText, moderator) -> ModeratedText:
    """Give an item back to the queue."""
    item = _lock(item)
    if item.claimed_by_id != moderator.pk:
        raise ModerationError(_("You do not hold this item."))
    item.claimed_by = None
    item.claimed_at = None
    item.save(update_fields=["claimed_by", "claimed_at"])
    log(item, log_actions.RELEASED, user=moderator)
    live.queue_event("item.released", item.pk)
    return item


# --- Decisions ---------------------------------------------------------------


def _decide(item: ModeratedText, moderator, status: str) -> None:
    item.status = status
    item.decided_by = moderator
    item.decided_at = timezone.now()
    item.claimed_by = None
    item.claimed_at = None


def _tell_author(item: ModeratedText, message: str) -> None:
    feedback = feedback_for(item)
    author = item.author or (feedback.author if feedback else None)
    if author is not None:
        notify(user=author, message=message, subject=_("News about what you wrote"))


@transaction.atomic
def approve_item(
    *, item: ModeratedText, moderator, redacted_text: str = ""
) -> ModeratedText:
    """Approve an item, optionally with a redacted version for the public.

    The original text is never changed; the public only ever sees
    `public_text`, which is the redacted version when there is one.
    """
    item = _lock(item)
    _check_may_moderate(item, moderator)
    redacted_text = redacted_text.strip()
    if redacted_text == item.text.strip():
        redacted_text = ""
    _decide(item, moderator, ModeratedText.Status.APPROVED)
    item.redacted_text = redacted_text
    item.full_clean()
    item.save()
    log(
        item,
        log_actions.APPROVED,
        user=moderator,
        # The words stay out of the log: they are removed from the item when
        # it passes its retention period, and the log must not outlive that.
        data={"redacted": bool(redacted_text)},
    )
    feedback = feedback_for(item)
    if feedback is not None and feedback.share_consent:
        message = _(
            "We have read what you wrote. Thank you! It can now be shared on our "
            "website, without your name."
        )
    else:
        message = _("We have read what you wrote. Thank you for telling us.")
    _tell_author(item, message)
    live.queue_event("item.decided", item.pk)
    return item


@transaction.atomic
def decline_to_share(
    *, item: ModeratedText, moderator, reason: NotSharedReason
) -> ModeratedText:
    """Decide an item will not be shared, with a reason the writer will read."""
    item = _lock(item)
    _check_may_moderate(item, moderator)
    _decide(item, moderator, ModeratedText.Status.NOT_SHARED)
    item.not_shared_reason = reason
    item.full_clean()
    item.save()
    log(
        item,
        log_actions.NOT_SHARED,
        user=moderator,
        data={"reason": reason.title, "reason_id": reason.pk},
    )
    _tell_author(
        item,
        _("We have read what you wrote. We will not share it. This is why: %(why)s")
        % {"why": reason.plain_words},
    )
    live.queue_event("item.decided", item.pk)
    return item


@transaction.atomic
def escalate_to_safeguarding(
    *, item: ModeratedText, moderator, why: str
) -> SafeguardingConcern:
    """Take an item out of the queue and raise it with every safeguarding lead.

    The writer is not sent a message: the safeguarding lead decides how and
    when to speak to them, and a message on a shared phone could reach the
    wrong person.
    """
    item = _lock(item)
    _check_may_moderate(item, moderator)
    why = why.strip()
    if not why:
        raise ModerationError(_("Say why you are worried."))
    _decide(item, moderator, ModeratedText.Status.SAFEGUARDING)
    item.save()
    # The why is kept on the concern; the log outlives it, so holds only its length.
    log(item, log_actions.ESCALATED, user=moderator, data={"why_length": len(why)})
    concern = safeguarding.raise_concern(
        source=SafeguardingConcern.Source.MODERATOR,
        moderated_text=item,
        raised_by=moderator,
        details=why,
    )
    live.queue_event("item.decided", item.pk)
    return concern


@transaction.atomic
def tag_themes(*, item: ModeratedText, moderator, themes: list[Theme]) -> ModeratedText:
    """Set the themes an item is tagged with (they feed the service review)."""
    item = _lock(item)
    _check_claim(item, moderator)
    before = sorted(item.themes.values_list("name", flat=True))
    item.themes.set(themes)
    after = sorted(theme.name for theme in themes)
    if before != after:
        log(
            item,
            log_actions.THEMES_CHANGED,
            user=moderator,
            data={"before": before, "after": after},
        )
    return item


@transaction.atomic
def write_reply(*, item: ModeratedText, moderator, reply: str) -> ModeratedText:
    """Write (or change) the reply the writer reads with their receipt code or account."""
    item = _lock(item)
    _check_not_own_text(
        item, moderator, _("You cannot reply to something you wrote yourself.")
    )
    _check_claim(item, moderator)
    reply = reply.strip()
    if not reply:
        raise ModerationError(_("Write a reply first."))
    if len(reply) > REPLY_MAX_LENGTH:
        raise ModerationError(
            _("Keep the reply under %(limit)s characters.")
            % {"limit": REPLY_MAX_LENGTH}
        )
    previous = item.reply
    item.reply = reply
    item.replied_by = moderator
    item.replied_at = timezone.now()
    item.save(update_fields=["reply", "replied_by", "replied_at"])
    log(
        item,
        log_actions.REPLY_WRITTEN,
        user=moderator,
        data={"changed_earlier_reply": bool(previous)},
    )
    _tell_author(item, _("Someone from our team has replied to what you wrote."))
    return item


@safeguarding.when_no_concern
def return_from_safeguarding(item: ModeratedText, lead) -> None:
    """Put a text back among the waiting ones, in its place by arrival time.

    It stays with safeguarding while any other concern about it is open.
    """
    item = _lock(item)
    still_open = item.concerns.filter(closed_at__isnull=True).exists()
    if item.status != ModeratedText.Status.SAFEGUARDING or still_open:
        return
    item.status = ModeratedText.Status.WAITING
    item.decided_by = None
    item.decided_at = None
    item.claimed_by = None
    item.claimed_at = None
    item.back_from_safeguarding_at = timezone.now()
    item.save(
        update_fields=[
            "status",
            "decided_by",
            "decided_at",
            "claimed_by",
            "claimed_at",
            "back_from_safeguarding_at",
        ]
    )
    log(item, log_actions.BACK_FROM_SAFEGUARDING, user=lead)
    live.queue_event("item.arrived", item.pk)
