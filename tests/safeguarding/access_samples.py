"""URL kwargs for the access matrix: an open concern."""

from voice.safeguarding.models import SafeguardingConcern


def _concern(people):
    return {
        "pk": SafeguardingConcern.objects.create(
            source=SafeguardingConcern.Source.UNSAFE_BUTTON
        ).pk
    }


SAMPLE_KWARGS = {
    "safeguarding:detail": _concern,
    "safeguarding:acknowledge": _concern,
    "safeguarding:action": _concern,
    "safeguarding:close": _concern,
    "safeguarding:no_concern": _concern,
}
