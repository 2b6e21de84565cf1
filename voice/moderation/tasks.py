"""Background work for moderation: screening that costs too much for the request path."""

from django_tasks import task

from voice.moderation.models import ModeratedText
from voice.safeguarding.screening import (
    find_offensive_words,
    find_personal_details,
    propose_redaction,
)


@task()
def screen_text(item_id: int) -> None:
    """Look for offensive words and personal details, and propose a redaction.

    Runs after the response: the model takes several times longer than the
    whole submission, and the child should not wait for it.
    """
    from voice.moderation.services import record_screening

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
