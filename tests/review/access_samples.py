"""URL parameters for the access matrix: the demo cycle and one of its actions."""


def _cycle(people):
    from voice.review.models import ReviewCycle

    return {"pk": ReviewCycle.objects.order_by("pk").first().pk}


def _action(people):
    from voice.review.models import Action

    return {"pk": Action.objects.order_by("pk").first().pk}


SAMPLE_KWARGS = {
    "review:cycle": _cycle,
    "review:report": _cycle,
    "review:cycle_reach": _cycle,
    "review:report_csv": _cycle,
    "review:report_xlsx": _cycle,
    "review:action_create": _cycle,
    "review:action": _action,
    "review:action_edit": _action,
    "review:action_status": _action,
    "review:action_note": _action,
}
