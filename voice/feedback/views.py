"""The public side of feedback: give it, check it, see what is shared, say you feel unsafe.

Pages that show a receipt code or a status are never kept by a browser or
cache (declared in permissions.py, privacy/never_kept.py) and never put
what someone wrote (or their code) in the address, so the next person on a
shared phone or computer cannot bring them back from the history.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import ratelimit
from voice.feedback import selectors, services
from voice.feedback.forms import (
    AboutYouForm,
    CheckReceiptForm,
    FeedbackForm,
    ReportForm,
    UnsafeForm,
    new_about_you_value,
)
from voice.feedback.models import Feedback, Speaker
from voice.safeguarding.models import SafeguardingConcern

THANKS_COOKIE = "feedback_thanks"
THANKS_COOKIE_AGE = 600  # seconds a receipt waits for its thank-you page
CHECK_COOKIE = "feedback_check"
CHECK_COOKIE_AGE = 60  # seconds a checked code waits for the page that shows it
UNSAFE_SESSION_KEY = "feedback_unsafe"
# How long a source's report of an item is remembered, so it counts once.
REPORT_COUNTS_ONCE_SECONDS = 7 * 24 * 60 * 60
UNSAFE_REPEAT_WINDOW = timedelta(minutes=2)
UNSAFE_ADD_WINDOW = timedelta(hours=1)


def unsafe_form(data=None) -> UnsafeForm:
    return UnsafeForm(data, prefix="unsafe")


def give(request):
    """The feedback form. A good post goes to the thank-you page (post, redirect, get).

    Each blank form carries a new submission token that can be used once. A
    form sent again with a used token (Back then Send on a shared phone, or
    the browser filling the form back in) saves nothing and shows a blank
    form: the words in it were someone else's, and so would the receipt be.
    """
    status = 200
    if request.method == "POST":
        form = FeedbackForm(request.POST, user=request.user)
        status = 400
        if form.is_valid():
            if ratelimit.allow(request, "submit"):
                feedback = save_feedback(request, form)
                if feedback == ALREADY_SENT:
                    return already_sent(request)
                if feedback is not None:
                    return thank_you_redirect(request, feedback)
            else:
                form.add_error(
                    None,
                    _(
                        "A lot of feedback has been sent from here in a short time. "
                        "Please wait 10 minutes and send it again. What you wrote "
                        "is still here."
                    ),
                )
                status = 429
    else:
        form = FeedbackForm(user=request.user)
    return render(
        request,
        "feedback/give.html",
        {"form": form, "unsafe_form": unsafe_form()},
        status=status,
    )


ALREADY_SENT = "already sent"


def already_sent(request):
    """A blank form and a plain message: nothing saved, no receipt shown."""
    return render(
        request,
        "feedback/give.html",
        {
            "form": FeedbackForm(user=request.user),
            "unsafe_form": unsafe_form(),
            "already_sent": True,
        },
        status=409,
    )


def save_feedback(request, form: FeedbackForm) -> Feedback | str | None:
    data = form.cleaned_data
    user = request.user if request.user.is_authenticated else None
    young_person = data.get("young_person")
    author, supported_by = user, None
    if young_person is not None:
        author, supported_by = young_person, user
    elif data.get("without_account"):
        author = None
    try:
        feedback, created = services.give_feedback(
            speaker=data["speaker"],
            topic=data["topic"],
            feeling=data["feeling"],
            text=data["text"],
            share_consent=data["share"] == "yes",
            wants_reply=data["wants_reply"] == "yes",
            author=author,
            supported_by=supported_by,
            submission_token=data["submission_token"],
            sender_key=ratelimit.source_key(request),
        )
    except ValidationError as error:
        form.add_error(None, error)
        return None
    if not created:
        # The same form sent twice at the same moment: the other post won.
        return ALREADY_SENT
    return feedback


def thank_you_redirect(request, feedback: Feedback):
    """To the thank-you page, carrying only the code and one flag: never the words.

    They travel in a signed cookie the thank-you page reads once and deletes,
    not in the session, so a visitor who is not signed in leaves no session
    row behind (and each piece of feedback costs one database write less).
    """
    response = redirect("feedback:thanks")
    flag = "1" if feedback.moderated_text.is_safeguarding else "0"
    response.set_signed_cookie(
        THANKS_COOKIE,
        f"{feedback.receipt_code}|{flag}|{feedback.speaker}",
        salt=THANKS_COOKIE,
        path=reverse("feedback:thanks"),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response


def thanks(request):
    """Shown once: after that it says the page has gone, to keep it private."""
    shown = request.get_signed_cookie(
        THANKS_COOKIE, default="", salt=THANKS_COOKIE, max_age=THANKS_COOKIE_AGE
    )
    receipt_code, _separator, rest = shown.partition("|")
    flag, _separator, speaker = rest.partition("|")
    context = {"receipt_code": receipt_code or None, "safeguarding": flag == "1"}
    if receipt_code and speaker in Speaker.values:
        # Offered once, with the receipt: the form carries a new one-time
        # value and who was speaking, never the feedback or its code.
        context["form"] = AboutYouForm(
            initial={"form_value": new_about_you_value(speaker)}
        )
    response = render(request, "feedback/thanks.html", context)
    if THANKS_COOKIE in request.COOKIES:
        response.delete_cookie(THANKS_COOKIE, path=request.path, samesite="Lax")
    return response


@require_POST
def about_you(request):
    """Count the optional "about you" answers once; Skip (or no answers) saves nothing.

    The answers are counted apart from the feedback (services.record_about_you):
    a form sent again (Back, reload, a double tap) is not counted twice.
    """
    if request.POST.get("skip"):
        return about_you_outcome(request, "skipped")
    form = AboutYouForm(request.POST)
    if not form.is_valid():
        if "form_value" in form.errors:
            return about_you_outcome(request, "expired", status=400)
        return render(request, "feedback/about_you.html", {"form": form}, status=400)
    answers = form.answers()
    if not any(answers.values()):
        return about_you_outcome(request, "skipped")
    value = form.cleaned_data["form_value"]
    counted = services.record_about_you(
        form_value=value["once"], speaker=value["speaker"], answers=answers
    )
    if not counted:
        return about_you_outcome(request, "already", status=409)
    return about_you_outcome(request, "saved")


def about_you_outcome(request, outcome: str, *, status: int = 200):
    return render(
        request, "feedback/about_you_sent.html", {"outcome": outcome}, status=status
    )


def check(request):
    """Look up a receipt code, then show the result once (post, redirect, get).

    A good post redirects here with the code in a signed cookie that this page
    reads once and deletes (only this path, for a minute, never in the
    address or the session). So Back, Reload or the history only ever bring
    back an empty form: nothing of the child who checked before.
    """
    shown = request.get_signed_cookie(
        CHECK_COOKIE, default="", salt=CHECK_COOKIE, max_age=CHECK_COOKIE_AGE
    )
    form = CheckReceiptForm(request.POST if request.method == "POST" else None)
    context = {"form": form}
    status = 200
    if request.method == "POST":
        if not ratelimit.allow(request, "check"):
            form.is_valid()
            form.add_error(
                None,
                _(
                    "You have tried a lot of codes. Please wait 10 minutes and "
                    "try again."
                ),
            )
            status = 429
        elif form.is_valid():
            feedback = selectors.find_by_receipt_code(form.cleaned_data["code"])
            if feedback is None:
                form.add_error(
                    "code",
                    _(
                        "We could not find that code. Check each letter and number "
                        "and try again."
                    ),
                )
            else:
                return show_result_once(feedback)
        if form.errors and status == 200:
            status = 400
    elif shown:
        code, _separator, rating_error = shown.partition("|")
        feedback = selectors.find_by_receipt_code(code)
        if feedback is not None:
            action_id = int(rating_error or 0)
            context.update(
                result_context(
                    feedback,
                    request,
                    rating_error=(feedback.pk, action_id) if action_id else None,
                )
            )
    response = render(request, "feedback/check.html", context, status=status)
    if CHECK_COOKIE in request.COOKIES:
        response.delete_cookie(CHECK_COOKIE, path=reverse("feedback:check"))
    return response


def show_result_once(feedback: Feedback, *, rating_error: int | None = None):
    """To the check page, which shows this receipt's result to the next GET only.

    `rating_error` is the action whose rating was refused, so the message
    shows beside that rating form.
    """
    response = redirect("feedback:check")
    response.set_signed_cookie(
        CHECK_COOKIE,
        f"{feedback.receipt_code}|{rating_error or ''}",
        salt=CHECK_COOKIE,
        max_age=CHECK_COOKIE_AGE,
        path=reverse("feedback:check"),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response


def result_context(
    feedback: Feedback, request, *, rating_error: tuple[int, int] | None = None
) -> dict:
    return {
        "feedback": feedback,
        "status": selectors.status_of(feedback),
        "reply": feedback.moderated_text.reply,
        "what_changed": selectors.what_changed_for(
            feedback, request=request, back="check", rating_error=rating_error
        ),
    }


@require_POST
def stop_sharing(request):
    """Withdraw consent to share, proved by the receipt code."""
    form = CheckReceiptForm(request.POST)
    if not ratelimit.allow(request, "check") or not form.is_valid():
        messages.error(
            request, _("We could not stop sharing it. Check your receipt code.")
        )
        return redirect("feedback:check")
    feedback = selectors.find_by_receipt_code(form.cleaned_data["code"])
    if feedback is None:
        messages.error(
            request, _("We could not stop sharing it. Check your receipt code.")
        )
        return redirect("feedback:check")
    feedback = services.withdraw_share_consent(feedback=feedback)
    messages.success(request, _("Done. Your words are no longer on the website."))
    if request.POST.get("next") == "mine" and feedback.author_id == request.user.pk:
        return redirect("feedback:mine")
    return show_result_once(feedback)


def mine(request):
    """The signed-in person's own feedback and what happened to each."""
    return my_feedback_page(request)


def my_feedback_page(request, *, rating_error: tuple[int, int] | None = None):
    """My feedback; `rating_error` is the (feedback, action) whose rating was refused."""
    given = list(selectors.feedback_given_by(request.user)[:200])
    what_changed = selectors.what_changed_for_each(
        given, request=request, back="mine", rating_error=rating_error
    )
    items = [
        (feedback, selectors.status_of(feedback), what_changed.get(feedback.pk))
        for feedback in given
    ]
    return render(
        request,
        "feedback/mine.html",
        {"items": items},
        status=400 if rating_error else 200,
    )


def shared(request):
    """Feedback people agreed to share, after a moderator read it."""
    page = selectors.shared_feedback_page(request.GET.get("older"))
    return render(request, "feedback/shared.html", {"page": page})


def report(request, pk: int):
    """Tell the moderators a shared item should not be on the website."""
    feedback = selectors.find_shared_item(pk)
    if feedback is None:
        raise Http404
    form = ReportForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if not ratelimit.allow(request, "report"):
            form.is_valid()
            form.add_error(
                None,
                _("You have sent a lot of reports. Please wait 10 minutes."),
            )
            status = 429
        elif form.is_valid():
            # One account, or one network when not signed in, counts once
            # towards taking an item down: fresh cookies are not a new person.
            if ratelimit.first_time_from_source(
                request, f"report:{feedback.pk}", REPORT_COUNTS_ONCE_SECONDS
            ):
                services.report_shared_feedback(
                    feedback=feedback,
                    reason=form.cleaned_data["reason"],
                    network=ratelimit.network_fingerprint(request),
                )
            messages.success(
                request,
                _("Thank you for telling us. Our team will look at it again."),
            )
            return redirect("feedback:shared")
        else:
            status = 400
    return render(
        request,
        "feedback/report.html",
        {"form": form, "feedback": feedback},
        status=status,
    )


def unsafe(request):
    """The "I don't feel safe" button. One tap is enough; adding words is a choice."""
    if request.method != "POST":
        return render(request, "feedback/unsafe.html", {"unsafe_form": unsafe_form()})
    form = unsafe_form(request.POST)
    if not form.is_valid():
        return render(
            request, "feedback/unsafe.html", {"unsafe_form": form}, status=400
        )
    details = form.cleaned_data.get("details", "")
    how_to_reach = form.cleaned_data.get("how_to_reach", "")
    recent = recent_unsafe_alert(request, within=UNSAFE_REPEAT_WINDOW)
    if recent is not None:
        # A double tap, or words added just after: the same alert, not a second one.
        services.add_to_unsafe_alert(
            concern=recent, details=details, how_to_reach=how_to_reach
        )
    elif ratelimit.allow(request, "unsafe"):
        concern = services.raise_unsafe_alert(
            user=request.user,
            details=details,
            how_to_reach=how_to_reach,
            source=ratelimit.source_key(request),
        )
        remember_unsafe_alert(request, concern)
    else:
        return render(
            request,
            "feedback/unsafe_sent.html",
            {"raised": False, "busy": True},
            status=429,
        )
    return redirect("feedback:unsafe_sent")


def unsafe_sent(request):
    """What happens next and where to get help now; words can be added here."""
    concern = recent_unsafe_alert(request, within=UNSAFE_ADD_WINDOW)
    if concern is None:
        return redirect("feedback:unsafe")
    form = UnsafeForm(prefix="unsafe")
    added = False
    status = 200
    if request.method == "POST":
        form = UnsafeForm(request.POST, prefix="unsafe")
        if form.is_valid():
            services.add_to_unsafe_alert(
                concern=concern,
                details=form.cleaned_data.get("details", ""),
                how_to_reach=form.cleaned_data.get("how_to_reach", ""),
            )
            added = True
            form = UnsafeForm(prefix="unsafe")
        else:
            status = 400
    return render(
        request,
        "feedback/unsafe_sent.html",
        {
            "raised": True,
            "unsafe_form": form,
            "added": added,
            "reachable": services.can_be_reached(concern),
        },
        status=status,
    )


def remember_unsafe_alert(request, concern: SafeguardingConcern) -> None:
    """Remember the alert for the next page, where words can be added, and no longer.

    An anonymous visitor's session ends when that time is up, so the alert is
    not named in a session a shared phone keeps (signing in clears it too).
    """
    request.session[UNSAFE_SESSION_KEY] = {
        "id": concern.pk,
        "at": timezone.now().isoformat(),
    }
    if not request.user.is_authenticated:
        request.session.set_expiry(int(UNSAFE_ADD_WINDOW.total_seconds()))


def recent_unsafe_alert(request, *, within: timedelta) -> SafeguardingConcern | None:
    remembered = request.session.get(UNSAFE_SESSION_KEY)
    if not remembered:
        return None
    try:
        raised_at = datetime.fromisoformat(remembered["at"])
    except (KeyError, TypeError, ValueError):
        request.session.pop(UNSAFE_SESSION_KEY, None)
        return None
    if raised_at < timezone.now() - UNSAFE_ADD_WINDOW:
        request.session.pop(UNSAFE_SESSION_KEY, None)
        return None
    if raised_at < timezone.now() - within:
        return None
    return SafeguardingConcern.objects.filter(
        pk=remembered.get("id"),
        source=SafeguardingConcern.Source.UNSAFE_BUTTON,
        closed_at__isnull=True,
    ).first()
