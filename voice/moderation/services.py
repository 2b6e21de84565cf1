"""Writes for moderation and safeguarding: each one a single transaction."""

from django.db import transaction
from django.utils import timezone

from voice.moderation.models import ModeratedText, SafeguardingConcern
from voice.moderation.screening import match_safeguarding_phrases


@transaction.atomic
def submit_text(*, text: str, kind: str, author=None) -> ModeratedText:
    """Keep a new piece of free text and screen it for safeguarding risk at once.

    A match never blocks the text: it is kept, held back from the queue and
    from every public place, and becomes a safeguarding concern.
    """
    matches = match_safeguarding_phrases(text)
    item = ModeratedText(
        kind=kind,
        text=text,
        author=author if author is not None and author.is_authenticated else None,
        safeguarding_matches=[match.as_dict() for match in matches],
        screened_at=timezone.now(),
    )
    if matches:
        item.status = ModeratedText.Status.SAFEGUARDING
    item.full_clean()
    item.save()
    if matches:
        raise_concern(
            source=SafeguardingConcern.Source.PHRASE_MATCH,
            moderated_text=item,
            raised_by=item.author,
        )
    return item


@transaction.atomic
def raise_concern(
    *,
    source: str,
    moderated_text: ModeratedText | None = None,
    raised_by=None,
    details: str = "",
) -> SafeguardingConcern:
    concern = SafeguardingConcern.objects.create(
        source=source,
        moderated_text=moderated_text,
        raised_by=raised_by
        if raised_by is not None and raised_by.is_authenticated
        else None,
        details=details,
    )
    return concern
