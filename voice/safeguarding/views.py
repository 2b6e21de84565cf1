"""The safeguarding leads' area: every concern, and the steps to act on one.

Nothing here deletes anything: a concern is acknowledged, what was done is
added to it, and it is closed; each step is in the audit log.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from pages.history import log_entries_for
from privacy.audit import record_access
from voice.safeguarding import selectors, services
from voice.safeguarding.forms import ConcernActionForm, NoConcernForm
from voice.safeguarding.models import SafeguardingConcern
from voice.safeguarding.screening import highlight

PAGE_SIZE = 25


def _list_context(request: HttpRequest) -> dict:
    page = Paginator(selectors.concern_list(), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    cutoff = selectors.unacknowledged_cutoff(timezone.now())
    rows = [
        {
            "concern": concern,
            "late": concern.acknowledged_at is None and concern.created_at < cutoff,
        }
        for concern in page.object_list
    ]
    return {"page_obj": page, "rows": rows, "open": selectors.open_concern_count()}


@require_GET
def concern_list(request: HttpRequest) -> HttpResponse:
    return render(request, "safeguarding/list.html", _list_context(request))


@require_GET
def concern_rows(request: HttpRequest) -> HttpResponse:
    return render(request, "safeguarding/_rows.html", _list_context(request))


def _get_concern(pk: int) -> SafeguardingConcern:
    try:
        return SafeguardingConcern.objects.select_related(
            "moderated_text__feedback__topic",
            "raised_by",
            "acknowledged_by",
            "closed_by",
        ).get(pk=pk)
    except SafeguardingConcern.DoesNotExist:
        raise Http404 from None


def _concern_page(request, concern, status=200, action_form=None, no_concern_form=None):
    text = concern.moderated_text
    person = concern_subject(concern)
    if person is not None:
        record_access(request, person, "A safeguarding concern about them")
    return render(
        request,
        "safeguarding/detail.html",
        {
            "concern": concern,
            "text": text,
            "feedback": selectors.feedback_about(concern),
            "highlighted": highlight(
                text.text, text.offensive_words, text.personal_details
            )
            if text
            else "",
            "late": concern.acknowledged_at is None
            and concern.created_at < selectors.unacknowledged_cutoff(),
            "action_form": action_form or ConcernActionForm(),
            "no_concern_form": no_concern_form or NoConcernForm(),
            "history": log_entries_for(concern),
        },
        status=status,
    )


def concern_subject(concern: SafeguardingConcern):
    """The child the concern is about, when known: the author of the words, or
    the signed-in child who pressed the button (not a moderator who raised it)."""
    text = concern.moderated_text
    if text is not None and text.author_id is not None:
        return text.author
    if concern.source != SafeguardingConcern.Source.MODERATOR:
        return concern.raised_by
    return None


@require_GET
def concern_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _concern_page(request, _get_concern(pk))


def _step(request, concern, step, message, **kwargs):
    try:
        step(concern=concern, lead=request.user, **kwargs)
    except services.ConcernStepError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, message)
    return redirect("safeguarding:detail", pk=concern.pk)


@require_POST
def acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        _get_concern(pk),
        services.acknowledge_concern,
        _("Acknowledged. The time it took is recorded."),
    )


@require_POST
def record_action(request: HttpRequest, pk: int) -> HttpResponse:
    concern = _get_concern(pk)
    form = ConcernActionForm(request.POST)
    if not form.is_valid():
        return _concern_page(request, concern, status=400, action_form=form)
    return _step(
        request,
        concern,
        services.record_action,
        _("What was done is recorded."),
        action=form.cleaned_data["action"],
    )


@require_POST
def close(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, _get_concern(pk), services.close_concern, _("Closed."))


@require_POST
def no_concern(request: HttpRequest, pk: int) -> HttpResponse:
    """Close a concern raised wrongly; its text goes back to the moderators."""
    concern = _get_concern(pk)
    form = NoConcernForm(request.POST)
    if not form.is_valid():
        return _concern_page(request, concern, status=400, no_concern_form=form)
    message = (
        _("Closed: no concern. The text is back in the moderation queue.")
        if concern.moderated_text_id
        else _("Closed: no concern.")
    )
    return _step(
        request,
        concern,
        services.close_as_no_concern,
        message,
        reason=form.cleaned_data["reason"],
    )
