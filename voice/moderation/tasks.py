"""Background work for moderation: screening that costs too much for the request path,
and the write that stores what it found."""

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from voice.moderation import live
from voice.moderation.models import ModeratedText
from voice.safeguarding.screening import (
    find_offensive_words,
    find_personal_details,
    propose_redaction,
)


@transaction.atomic
def record_screening(
    *,
    item: ModeratedText,
    offensive_words: list[dict],
    personal_details: list[dict],
    proposed_redaction: str,
) -> ModeratedText:
    """Store what the background screening found, unless a moderator got there first."""
    item = ModeratedText.objects.select_for_update().get(pk=item.pk)
    item.offensive_words = offensive_words
    item.personal_details = personal_details
    item.screened_at = timezone.now()
    fields = ["offensive_words", "personal_details", "screened_at"]
    # Kept for a text held by safeguarding too: if the lead finds no concern,
    # it comes back to the queue and the moderator needs the proposal then.
    undecided = {ModeratedText.Status.WAITING, ModeratedText.Status.SAFEGUARDING}
    if not item.redacted_text and item.status in undecided:
        item.proposed_redaction = proposed_redaction
        fields.append("proposed_redaction")
    item.save(update_fields=fields)
    if item.status == ModeratedText.Status.WAITING:
        live.queue_event("item.screened", item.pk)
    return item


@task()
def screen_text(item_id: int) -> None:
    """Look for offensive words and personal details, and propose a redaction.

    Runs after the response: the model takes several times longer than the
    whole submission, and the child should not wait for it.
    """
    item = ModeratedText.objects.filter(pk=item_id).first()
    if item is None:
        return
    details = find_personal_details(item.text)
    record_screening(
        item=item,
        offensive_words=find_offensive_words(item.text),
        personal_details=details,
        proposed_redaction=propose_redaction(item.text, details) if details else "",
    )
