""" "You said, we did": what changed because of what people told us, and a rating for each."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from voice.review import selectors, services
from voice.review.forms import RatingForm
from voice.review.models import RATING_FACES, Action, Rating
from voice.review.permissions import may_rate
from voice.review.ratelimit import rating_allowed
from voice.review.wording import WE_DID_LEAD

PAGE_SIZE = 10
SESSION_KEY = "review_ratings"  # {action id: rating id} for an anonymous visitor
SESSION_KEEP = 500


def topic_from(request):
    try:
        return int(request.GET.get("topic", ""))
    except ValueError:
        return None


def you_said_we_did(request):
    topic_id = topic_from(request)
    topics = list(selectors.topics_with_public_actions())
    if topic_id not in {topic.pk for topic in topics}:
        topic_id = None
    page = Paginator(selectors.public_actions(topic_id), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    actions = list(page.object_list)
    given = selectors.ratings_given(
        actions, user=request.user, session_ratings=request.session.get(SESSION_KEY, {})
    )
    items = [
        {
            "action": action,
            "lead": WE_DID_LEAD[action.status],
            "given": given.get(action.pk),
        }
        for action in actions
    ]
    return render(
        request,
        "review/you_said_we_did.html",
        {
            "items": items,
            "page_obj": page,
            "topics": topics,
            "topic_id": topic_id,
            "can_rate": may_rate(request.user),
            "ratings": [
                {"value": value, "label": label, "face": RATING_FACES[value]}
                for value, label in Rating.choices
            ],
            "here": request.get_full_path(),
            "page_query": f"topic={topic_id}&" if topic_id else "",
        },
    )


@require_POST
def rate(request, pk: int):
    """One tap: keep (or change) this person's rating of an item, then go back to it."""
    if not may_rate(request.user):
        raise PermissionDenied
    action = get_object_or_404(Action, pk=pk, status__in=Action.PUBLIC_STATUSES)
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ) or not back.startswith(reverse("you_said_we_did:list")):
        back = reverse("you_said_we_did:list")
    back = back.split("#")[0] + f"#action-{action.pk}"
    form = RatingForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose how well you think we did, from 1 to 5."))
        return redirect(back)
    if not rating_allowed(request):
        response = render(request, "review/too_many_ratings.html", status=429)
        response["Retry-After"] = "600"
        return response
    session_ratings = dict(request.session.get(SESSION_KEY, {}))
    try:
        rating = services.rate_action(
            action=action,
            score=form.cleaned_data["score"],
            rater=request.user,
            anonymous_rating_id=session_ratings.get(str(action.pk)),
        )
    except ValidationError:
        messages.error(request, _("This item cannot be rated."))
        return redirect(back)
    if not request.user.is_authenticated:
        session_ratings.pop(str(action.pk), None)
        session_ratings[str(action.pk)] = rating.pk
        request.session[SESSION_KEY] = dict(
            list(session_ratings.items())[-SESSION_KEEP:]
        )
    messages.success(
        request,
        _("Thank you. You said we did: %(rating)s.")
        % {"rating": rating.get_score_display().lower()},
    )
    return redirect(back)
