""" "You said, we did": what changed because of what people told us.

The rating of an item is the child's who gave the feedback it came from:
offered on their receipt and on My feedback, sent here with their code.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import ratelimit
from pages.ids import parse_id
from voice.feedback import selectors as feedback_selectors
from voice.feedback.forms import CheckReceiptForm
from voice.feedback.views import my_feedback_page, show_result_once
from voice.review import selectors, services
from voice.review.filters import PublicActionFilter
from voice.review.forms import RatingForm
from voice.review.models import Action
from voice.review.wording import WE_DID_LEAD

PAGE_SIZE = 10


def you_said_we_did(request):
    topics = list(selectors.topics_with_public_actions())
    action_filter = PublicActionFilter(
        request.GET or None, selectors.public_actions(), topics=topics
    )
    page = Paginator(action_filter.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    items = [
        {"action": action, "lead": WE_DID_LEAD[action.status]}
        for action in page.object_list
    ]
    return render(
        request,
        "review/you_said_we_did.html",
        {
            "items": items,
            "page_obj": page,
            "topics": topics,
            "form": action_filter.form,
            "page_query": query.urlencode(),
        },
    )


@require_POST
def rate(request):
    """Keep (or change) a child's rating of what came of their feedback.

    The receipt code proves the feedback is theirs, so it is counted against
    the receipt check's limit on guesses. Back goes to the receipt (shown
    once) or to My feedback for its signed-in author. A refused score shows
    its message beside that rating form.
    """
    code_form = CheckReceiptForm(request.POST)
    if not ratelimit.allow(request, "check"):
        messages.error(request, _("Please wait 10 minutes and try again."))
        return redirect("feedback:check")
    if not code_form.is_valid():
        messages.error(request, _("We could not keep your answer. Check your code."))
        return redirect("feedback:check")
    feedback = feedback_selectors.find_by_receipt_code(code_form.cleaned_data["code"])
    action = action_from(request.POST.get("action", ""), feedback)
    if feedback is None or action is None:
        messages.error(request, _("We could not keep your answer. Check your code."))
        return redirect("feedback:check")
    to_mine = request.POST.get("next") == "mine" and (
        request.user.is_authenticated and feedback.author_id == request.user.pk
    )
    form = RatingForm(request.POST)
    if not form.is_valid():
        if to_mine:
            return my_feedback_page(request, rating_error=(feedback.pk, action.pk))
        return show_result_once(feedback, rating_error=action.pk)
    rating = services.rate_action(
        action=action, feedback=feedback, score=form.cleaned_data["score"]
    )
    messages.success(
        request,
        _("Thank you. You said we did: %(rating)s.")
        % {"rating": rating.get_score_display().lower()},
    )
    if to_mine:
        return redirect("feedback:mine")
    return show_result_once(feedback)


def action_from(value: str, feedback) -> Action | None:
    """The public action this feedback led to, named by the form; None otherwise."""
    pk = parse_id(value)
    if feedback is None or pk is None:
        return None
    return (
        Action.objects.filter(
            pk=pk, feedback=feedback, status__in=Action.PUBLIC_STATUSES
        )
        .distinct()
        .first()
    )
