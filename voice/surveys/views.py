"""Answering surveys, the list of open surveys, and results for staff."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, render
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts import ratelimit
from pages import spreadsheets
from privacy import never_kept
from privacy.small_groups import MIN_GROUP_SIZE
from voice.surveys import selectors
from voice.surveys.audience import eligibility
from voice.surveys.forms import SurveyForm, initial_from_response, new_token
from voice.surveys.models import SurveyPage
from voice.surveys.services import submit_response


@never_kept.marked
def answer_survey(request, page: SurveyPage):
    """The survey page: the questions (all of them; one per screen on phones), then thanks."""
    allowed = eligibility(request.user, page)
    if not allowed.allowed:
        if allowed.needs_sign_in:
            return redirect_to_login(request.get_full_path())
        return render(
            request,
            "surveys/survey_unavailable.html",
            {"page": page, "reason": allowed.reason},
        )

    own_response = selectors.response_for(page, request.user)
    status = 200
    already_sent = False
    if request.method == "POST" and selectors.submission_token_used(
        request.POST.get("submission_token", "")
    ):
        # Sent before (Back then Send, or the browser filling it back in on a
        # shared phone): nothing is saved again, and the answers in it, which
        # may be someone else's, are not shown back.
        already_sent, status = True, 409
    if request.method == "POST" and not already_sent:
        form = SurveyForm(request.POST, survey=page, user=request.user)
        refused = form.is_valid() and not ratelimit.allow(request, "survey")
        if refused:
            form.add_error(
                None,
                _(
                    "A lot of answers have been sent from here in a short time. "
                    "Please wait 10 minutes and send them again. Your answers "
                    "are still here."
                ),
            )
            status = 429
        elif form.is_valid():
            result = submit_response(
                survey=page,
                user=request.user,
                answers=form.answers_by_question(),
                submission_token=form.cleaned_data["submission_token"],
                speaker_type=form.cleaned_data.get("speaker_type", ""),
                age_band=form.cleaned_data.get("age_band", ""),
                sender_key=ratelimit.source_key(request),
            )
            # Shown straight away (no redirect): a re-post of this token
            # (Reload) saves nothing and says so, and no session is needed.
            return render(
                request,
                "surveys/survey_thanks.html",
                {
                    "page": page,
                    "changed": not result.created,
                    "safeguarding_raised": result.safeguarding_raised,
                    "can_change": not page.is_anonymous,
                },
            )
    else:
        initial = initial_from_response(page, own_response) if own_response else {}
        initial["submission_token"] = new_token()
        form = SurveyForm(survey=page, initial=initial, user=request.user)
    return render(
        request,
        "surveys/survey_page.html",
        {
            "page": page,
            "form": form,
            "own_response": own_response,
            "already_sent": already_sent,
        },
        status=status,
    )


def open_surveys(request):
    """Surveys open now that this person may answer, and what earlier surveys told us."""
    return render(request, "surveys/open_surveys.html")


def results_list(request):
    return render(
        request,
        "surveys/staff/results_list.html",
        {"surveys": selectors.surveys_with_counts()},
    )


def results(request, survey_id: int):
    survey = get_object_or_404(SurveyPage, pk=survey_id)
    return render(
        request,
        "surveys/staff/results.html",
        {
            "survey": survey,
            "results": selectors.survey_results(survey),
            "min_group_size": MIN_GROUP_SIZE,
        },
    )


def _export_name(survey: SurveyPage) -> str:
    return f"{slugify(survey.title)[:60] or 'survey'}-responses"


def export_responses(request, survey_id: int, file_format: str):
    survey = get_object_or_404(SurveyPage, pk=survey_id)
    sheet = spreadsheets.Spreadsheet(
        filename=_export_name(survey),
        header=selectors.export_header(survey),
        rows=selectors.export_rows(survey),
        title="Responses",
    )
    return spreadsheets.download(sheet, file_format)
