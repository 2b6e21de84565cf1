"""What safeguarding holds about a person: the records made when someone may not be safe.

See privacy/registry.py for the contract this module follows. Safeguarding
records are never erased on request: the law lets (and expects) a service
keep what it needs to protect children, so they are kept, explained to the
person, and anonymised only when their retention period ends. The words a
record is about belong to moderation, which keeps them while a record needs
them.
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from privacy.registry import register
from privacy.retention import years_before
from voice.safeguarding.models import SafeguardingConcern

LABEL = gettext_lazy("Safeguarding records")


def _when(moment) -> str | None:
    return moment.isoformat() if moment else None


def _about(user) -> Q:
    """Concerns about this person: raised by them, or about words they wrote.

    A concern a moderator raised is about the child, not the moderator.
    """
    return Q(moderated_text__author=user) | (
        Q(raised_by=user) & ~Q(source=SafeguardingConcern.Source.MODERATOR)
    )


def export_for(user) -> list[dict]:
    concerns = SafeguardingConcern.objects.filter(_about(user)).distinct()
    # Staff notes are left out: a safeguarding lead goes through them with the
    # person, so nothing in them puts anyone at risk when it is read.
    return [
        {
            "Safeguarding record made on": _when(concern.created_at),
            "What started it": concern.get_source_display(),
            **_own_words(concern, user),
            "Closed": concern.closed_at is not None,
            "Staff notes": _(
                "Not included here. Ask us and a safeguarding lead will go "
                "through them with you."
            ),
        }
        for concern in concerns.order_by("created_at")
    ]


def _own_words(concern: SafeguardingConcern, user) -> dict:
    """What the person told us when they pressed "I don't feel safe": their words.

    Other records' details are written by staff or the screening, and the
    words they are about are in the "Things you wrote" section.
    """
    if (
        concern.source != SafeguardingConcern.Source.UNSAFE_BUTTON
        or concern.raised_by_id != user.pk
    ):
        return {}
    return {"What you told us": concern.details}


def erase_for(user, *, keep_anonymised: bool) -> list[str]:
    """Keep every record, marked with who it was about, as the account goes."""
    now = timezone.now()
    concerns = SafeguardingConcern.objects.filter(
        _about(user), anonymised_at__isnull=True
    ).distinct()
    marker = _(
        "[The account '%(username)s' was deleted at the person's request on "
        "%(date)s. This record is kept for safeguarding.]"
    ) % {"username": user.get_username(), "date": now.date().isoformat()}
    kept = 0
    for concern in concerns:
        # The account is about to go, so the record keeps who it was about.
        concern.details = f"{concern.details}\n\n{marker}".strip()
        concern.save(update_fields=["details"])
        kept += 1
    if not kept:
        return []
    return [
        _(
            "We kept %(count)s safeguarding record(s) about you, and the words "
            "they are about. The law says we must keep records that help keep "
            "children safe. Only safeguarding staff can see them, and they are "
            "removed when our safeguarding retention period ends."
        )
        % {"count": kept}
    ]


def purge_expired(policy, now) -> dict[str, int]:
    """Anonymise records closed longer ago than the safeguarding period.

    A record is never deleted: what happened stays countable, without the
    notes or who raised it. Moderation then blanks the words the record
    was about, once no other record needs them.
    """
    cutoff = years_before(now, policy.safeguarding_years)
    expired = SafeguardingConcern.objects.filter(
        closed_at__lt=cutoff, anonymised_at__isnull=True
    )
    count = expired.update(
        details="",
        action_taken="",
        no_concern_reason="",
        reasons=[],
        raised_by=None,
        anonymised_at=now,
    )
    return {"safeguarding records anonymised": count}


register(__name__)
