"""What moderation holds about a person: the words they wrote and safeguarding records.

See privacy/registry.py for the contract this module follows. Safeguarding
records are never erased on request: the law lets (and expects) a service
keep what it needs to protect children, so they are kept, explained to the
person, and anonymised only when their retention period ends.
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from privacy.registry import register
from privacy.retention import months_before, years_before
from voice.moderation.models import ModeratedText
from voice.safeguarding.models import SafeguardingConcern

LABEL = gettext_lazy("Things you wrote")

ANONYMISED_FIELDS = {
    "text": "",
    "redacted_text": "",
    "proposed_redaction": "",
    "reply": "",
    "personal_details": [],
    "offensive_words": [],
    # Each reason quotes the words that matched.
    "safeguarding_matches": [],
}


def _when(moment) -> str | None:
    return moment.isoformat() if moment else None


def _kept_for_safeguarding() -> Q:
    """Texts a safeguarding record depends on, until that record is anonymised."""
    return Q(status=ModeratedText.Status.SAFEGUARDING) | Q(
        concerns__anonymised_at__isnull=True, concerns__isnull=False
    )


def _about(user) -> Q:
    """Concerns about this person: raised by them, or about words they wrote.

    A concern a moderator raised is about the child, not the moderator.
    """
    return Q(moderated_text__author=user) | (
        Q(raised_by=user) & ~Q(source=SafeguardingConcern.Source.MODERATOR)
    )


def export_for(user) -> list[dict]:
    rows: list[dict] = [
        {
            "Kind": item.get_kind_display(),
            "Written on": _when(item.created_at),
            "What you wrote": item.text,
            "What was shared (with private details taken out)": item.redacted_text,
            "Where it is up to": item.get_status_display(),
            "Reply": item.reply,
            "Replied on": _when(item.replied_at),
        }
        for item in ModeratedText.objects.filter(author=user).order_by("created_at")
    ]
    concerns = SafeguardingConcern.objects.filter(_about(user)).distinct()
    # Staff notes are left out: a safeguarding lead goes through them with the
    # person, so nothing in them puts anyone at risk when it is read.
    rows += [
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
    return rows


def _own_words(concern: SafeguardingConcern, user) -> dict:
    """What the person told us when they pressed "I don't feel safe": their words.

    Other records' details are written by staff or the screening, and the
    words they are about are already in the rows above.
    """
    if (
        concern.source != SafeguardingConcern.Source.UNSAFE_BUTTON
        or concern.raised_by_id != user.pk
    ):
        return {}
    return {"What you told us": concern.details}


def erase_for(user, *, keep_anonymised: bool) -> list[str]:
    now = timezone.now()
    authored = ModeratedText.objects.filter(author=user)
    kept_texts = authored.filter(_kept_for_safeguarding()).distinct()
    kept_ids = list(kept_texts.values_list("pk", flat=True))
    others = authored.exclude(pk__in=kept_ids)
    if keep_anonymised:
        others.update(author=None)
    else:
        others.update(author=None, anonymised_at=now, **ANONYMISED_FIELDS)

    concerns = SafeguardingConcern.objects.filter(
        _about(user), anonymised_at__isnull=True
    ).distinct()
    concern_count = 0
    marker = _(
        "[The account '%(username)s' was deleted at the person's request on "
        "%(date)s. This record is kept for safeguarding.]"
    ) % {"username": user.get_username(), "date": now.date().isoformat()}
    for concern in concerns:
        # The account is about to go, so the record keeps who it was about.
        concern.details = f"{concern.details}\n\n{marker}".strip()
        concern.save(update_fields=["details"])
        concern_count += 1
    if not concern_count and not kept_ids:
        return []
    return [
        _(
            "We kept %(count)s safeguarding record(s) about you, and the words "
            "they are about. The law says we must keep records that help keep "
            "children safe. Only safeguarding staff can see them, and they are "
            "removed when our safeguarding retention period ends."
        )
        % {"count": max(concern_count, 1)}
    ]


def purge_expired(policy, now) -> dict[str, int]:
    text_cutoff = months_before(now, policy.free_text_months)
    expired_texts = ModeratedText.objects.filter(
        decided_at__lt=text_cutoff, anonymised_at__isnull=True
    ).exclude(
        pk__in=ModeratedText.objects.filter(_kept_for_safeguarding()).values("pk")
    )
    text_count = expired_texts.update(
        author=None, anonymised_at=now, **ANONYMISED_FIELDS
    )

    safeguarding_cutoff = years_before(now, policy.safeguarding_years)
    expired_concerns = SafeguardingConcern.objects.filter(
        closed_at__lt=safeguarding_cutoff, anonymised_at__isnull=True
    )
    concern_text_ids = list(
        expired_concerns.exclude(moderated_text=None).values_list(
            "moderated_text_id", flat=True
        )
    )
    concern_count = expired_concerns.update(
        details="",
        action_taken="",
        no_concern_reason="",
        reasons=[],
        raised_by=None,
        anonymised_at=now,
    )
    # A text goes with its record once no open or kept record still needs it.
    still_needed = SafeguardingConcern.objects.filter(
        moderated_text_id__in=concern_text_ids, anonymised_at__isnull=True
    ).values_list("moderated_text_id", flat=True)
    concern_texts = ModeratedText.objects.filter(pk__in=concern_text_ids).exclude(
        pk__in=list(still_needed)
    )
    concern_text_count = concern_texts.update(
        author=None, anonymised_at=now, **ANONYMISED_FIELDS
    )
    return {
        "words removed after their time was up": text_count,
        "safeguarding records anonymised": concern_count,
        "words in safeguarding records removed": concern_text_count,
    }


register(__name__)
