"""The moderation queue and an item's page, with its decisions.

Who may open these is declared in `permissions.py`; the finer rules (not
your own text, not an item another moderator holds) live in `services.py`.
Every page works without JavaScript; `moderation.js` adds live updates.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from privacy.audit import record_access
from voice.moderation import selectors, services
from voice.moderation.filters import QueueFilter
from voice.moderation.forms import (
    ApproveForm,
    EscalateForm,
    NotSharedForm,
    ReplyForm,
    ThemesForm,
)
from voice.moderation.models import ModeratedText
from voice.safeguarding.permissions import HANDLE_SAFEGUARDING
from voice.safeguarding.screening import highlight

PAGE_SIZE = 25


def _queue_context(request: HttpRequest) -> dict:
    queue_filter = QueueFilter(request.GET or None, selectors.moderation_queue())
    page = Paginator(queue_filter.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    now = timezone.now()
    cutoff = selectors.overdue_cutoff(now)
    rows = [
        {
            "item": item,
            "feedback": selectors.feedback_for(item),
            "holder": selectors.active_claimant(item, now),
            "overdue": item.created_at < cutoff,
        }
        for item in page.object_list
    ]
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "form": queue_filter.form,
        "page_obj": page,
        "rows": rows,
        "waiting": selectors.waiting_badge(),
        "query_string": query.urlencode(),
    }


@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    return render(request, "moderation/queue.html", _queue_context(request))


@require_GET
def queue_rows(request: HttpRequest) -> HttpResponse:
    """Just the queue's rows, for the page to swap in when something changes."""
    return render(request, "moderation/_queue_rows.html", _queue_context(request))


def _get_item(request: HttpRequest, pk: int) -> ModeratedText:
    try:
        item = selectors.item_for_moderation(pk)
    except ModeratedText.DoesNotExist:
        raise Http404 from None
    # Text held for safeguarding is for safeguarding leads only.
    if item.status == ModeratedText.Status.SAFEGUARDING and not request.user.has_perm(
        HANDLE_SAFEGUARDING
    ):
        raise Http404
    return item


def _item_page(request: HttpRequest, item: ModeratedText, status=200, **forms):
    holder = selectors.active_claimant(item)
    own = request.user.pk in {
        item.author_id,
        getattr(selectors.feedback_for(item), "author_id", None),
    }
    context = {
        "item": item,
        "feedback": selectors.feedback_for(item),
        "holder": holder,
        "held_by_me": holder is not None and holder.pk == request.user.pk,
        "own_text": own,
        "waiting": item.status == ModeratedText.Status.WAITING,
        "overdue": item.status == ModeratedText.Status.WAITING
        and item.created_at < selectors.overdue_cutoff(),
        "highlighted": highlight(
            item.text, item.offensive_words, item.personal_details
        ),
        "approve_form": forms.get("approve_form")
        or ApproveForm(initial={"redacted_text": item.proposed_redaction or item.text}),
        "not_shared_form": forms.get("not_shared_form") or NotSharedForm(),
        "escalate_form": forms.get("escalate_form") or EscalateForm(),
        "themes_form": forms.get("themes_form")
        or ThemesForm(initial={"themes": list(item.themes.all())}),
        "reply_form": forms.get("reply_form")
        or ReplyForm(initial={"reply": item.reply}),
        "history": selectors.item_history(item, selectors.feedback_for(item)),
        "reports": selectors.report_summary(selectors.feedback_for(item)),
        "passed_on_at": selectors.passed_on_at(item),
    }
    feedback = context["feedback"]
    author = item.author or (
        feedback.author if feedback and feedback.author_id else None
    )
    if author is not None:
        record_access(request, author, "Their words, for moderation")
    return render(request, "moderation/item.html", context, status=status)


@require_GET
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _item_page(request, _get_item(request, pk))


def _done(request: HttpRequest, message: str, to: str = "moderation:queue"):
    messages.success(request, message)
    return redirect(to)


def _refused(request: HttpRequest, item: ModeratedText, error: Exception):
    messages.error(request, str(error))
    return redirect("moderation:item", pk=item.pk)


@require_POST
def claim(request: HttpRequest, pk: int) -> HttpResponse:
    item = _get_item(request, pk)
    try:
        services.claim_item(item=item, moderator=request.user)
    except services.ModerationError as error:
        messages.error(request, str(error))
        return redirect("moderation:queue")
    return redirect("moderation:item", pk=item.pk)


@require_POST
def release(request: HttpRequest, pk: int) -> HttpResponse:
    item = _get_item(request, pk)
    try:
        services.release_item(item=item, moderator=request.user)
    except services.ModerationError as error:
        return _refused(request, item, error)
    return _done(request, _("You gave the item back to the queue."))


def _act_with_form(
    request: HttpRequest,
    pk: int,
    form_class,
    form_name: str,
    act,
    done: str,
    back_to_item: bool = False,
) -> HttpResponse:
    """Run `act(item, cleaned_data)` for a valid form; else show the item with the form's errors.

    The form goes back to the page as `form_name`, so what the moderator
    typed stays next to its error, and stays there when the decision is
    refused (another moderator holds the item, it was decided meanwhile).
    """
    item = _get_item(request, pk)
    form = form_class(request.POST)
    if not form.is_valid():
        return _item_page(request, item, status=400, **{form_name: form})
    try:
        act(item, form.cleaned_data)
    except services.ModerationError as error:
        # Shown again with what was typed, so a refused reply is not lost.
        messages.error(request, str(error))
        return _item_page(request, item, status=409, **{form_name: form})
    if back_to_item:
        messages.success(request, done)
        return redirect("moderation:item", pk=item.pk)
    return _done(request, done)


@require_POST
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    return _act_with_form(
        request,
        pk,
        ApproveForm,
        "approve_form",
        lambda item, data: services.approve_item(
            item=item, moderator=request.user, redacted_text=data["redacted_text"]
        ),
        _("Approved."),
    )


@require_POST
def not_shared(request: HttpRequest, pk: int) -> HttpResponse:
    return _act_with_form(
        request,
        pk,
        NotSharedForm,
        "not_shared_form",
        lambda item, data: services.decline_to_share(
            item=item, moderator=request.user, reason=data["reason"]
        ),
        _("Marked as not shared."),
    )


@require_POST
def escalate(request: HttpRequest, pk: int) -> HttpResponse:
    return _act_with_form(
        request,
        pk,
        EscalateForm,
        "escalate_form",
        lambda item, data: services.escalate_to_safeguarding(
            item=item, moderator=request.user, why=data["why"]
        ),
        _("Passed to the safeguarding leads. They have been told."),
    )


@require_POST
def themes(request: HttpRequest, pk: int) -> HttpResponse:
    return _act_with_form(
        request,
        pk,
        ThemesForm,
        "themes_form",
        lambda item, data: services.tag_themes(
            item=item, moderator=request.user, themes=list(data["themes"])
        ),
        _("Themes saved."),
        back_to_item=True,
    )


@require_POST
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    return _act_with_form(
        request,
        pk,
        ReplyForm,
        "reply_form",
        lambda item, data: services.write_reply(
            item=item, moderator=request.user, reply=data["reply"]
        ),
        _("Reply saved."),
        back_to_item=True,
    )
