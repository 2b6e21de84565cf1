"""URL kwargs for the access matrix: a waiting item and an open concern."""

from voice.moderation.models import ModeratedText
from voice.safeguarding.models import SafeguardingConcern


def _item(people):
    return {
        "pk": ModeratedText.objects.create(
            kind=ModeratedText.Kind.FEEDBACK, text="The room was cold."
        ).pk
    }


def _concern(people):
    return {
        "pk": SafeguardingConcern.objects.create(
            source=SafeguardingConcern.Source.UNSAFE_BUTTON
        ).pk
    }


SAMPLE_KWARGS = {
    "moderation:item": _item,
    "moderation:claim": _item,
    "moderation:release": _item,
    "moderation:approve": _item,
    "moderation:not_shared": _item,
    "moderation:escalate": _item,
    "moderation:themes": _item,
    "moderation:reply": _item,
    "safeguarding:detail": _concern,
    "safeguarding:acknowledge": _concern,
    "safeguarding:action": _concern,
    "safeguarding:close": _concern,
    "safeguarding:no_concern": _concern,
}
