"""What moderation holds about a person: the words they wrote.

See privacy/registry.py for the contract this module follows. Words a
safeguarding record is about are kept while that record is: the records
themselves are safeguarding's (voice/safeguarding/personal_data.py), found
here only through the ``concerns`` that point at a text.
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from privacy.registry import register
from privacy.retention import months_before
from voice.moderation.models import ModeratedText

LABEL = gettext_lazy("Things you wrote")

# The daily purge blanks a record's words once that record is anonymised, so
# safeguarding's purge runs first, in the same run.
RUNS_AFTER = ("voice.safeguarding.personal_data",)

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


def _needed_by_a_record() -> Q:
    """Texts a safeguarding record not yet anonymised is about."""
    return Q(concerns__anonymised_at__isnull=True, concerns__isnull=False)


def kept_for_safeguarding() -> Q:
    """Texts a safeguarding record depends on, until that record is anonymised.

    Public: survey answers are moderated texts too, and surveys keep them by
    the same rule.
    """
    return Q(status=ModeratedText.Status.SAFEGUARDING) | _needed_by_a_record()


def export_for(user) -> list[dict]:
    return [
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


def erase_for(user, *, keep_anonymised: bool) -> list[str]:
    now = timezone.now()
    authored = ModeratedText.objects.filter(author=user)
    kept_ids = list(
        authored.filter(kept_for_safeguarding()).distinct().values_list("pk", flat=True)
    )
    others = authored.exclude(pk__in=kept_ids)
    if keep_anonymised:
        others.update(author=None)
    else:
        others.update(author=None, anonymised_at=now, **ANONYMISED_FIELDS)
    return _kept_without_a_record(authored.filter(pk__in=kept_ids))


def _kept_without_a_record(kept) -> list[str]:
    """A note for words kept for safeguarding that no record explains.

    Words a record is about are explained by safeguarding's own note.
    """
    count = kept.exclude(pk__in=kept.filter(_needed_by_a_record()).values("pk")).count()
    if not count:
        return []
    return [
        _(
            "We kept %(count)s thing(s) you wrote, because a safeguarding lead "
            "needs to see them. The law says we must keep what helps keep "
            "children safe. Only safeguarding staff can see them."
        )
        % {"count": count}
    ]


def purge_expired(policy, now) -> dict[str, int]:
    # First the words whose records are all anonymised (today's by
    # safeguarding's purge, which runs first), so they are counted as theirs.
    with_records = ModeratedText.objects.filter(concerns__isnull=False).values("pk")
    still_needed = ModeratedText.objects.filter(_needed_by_a_record()).values("pk")
    record_text_count = (
        ModeratedText.objects.filter(pk__in=with_records, anonymised_at__isnull=True)
        .exclude(pk__in=still_needed)
        .update(author=None, anonymised_at=now, **ANONYMISED_FIELDS)
    )

    text_cutoff = months_before(now, policy.free_text_months)
    expired_texts = ModeratedText.objects.filter(
        decided_at__lt=text_cutoff, anonymised_at__isnull=True
    ).exclude(pk__in=ModeratedText.objects.filter(kept_for_safeguarding()).values("pk"))
    text_count = expired_texts.update(
        author=None, anonymised_at=now, **ANONYMISED_FIELDS
    )
    return {
        "words removed after their time was up": text_count,
        # A text goes with its records once no record still needs it.
        "words in safeguarding records removed": record_text_count,
    }


register(__name__)
