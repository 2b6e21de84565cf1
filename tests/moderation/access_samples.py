"""URL kwargs for the access matrix: a waiting item."""

from voice.moderation.models import ModeratedText


def _item(people):
    return {
        "pk": ModeratedText.objects.create(
            kind=ModeratedText.Kind.FEEDBACK, text="The room was cold."
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
}
