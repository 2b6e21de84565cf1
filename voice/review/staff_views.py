"""Staff pages for service review: cycles, their dashboard, actions and the board report."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pages import spreadsheets
from pages.faces import face_for
from pages.history import log_entries_for
from pages.ids import parse_id
from voice.board.models import Recommendation
from voice.feedback.models import Feedback
from voice.review import figures, selectors, services
from voice.review.forms import (
    ActionForm,
    ProgressNoteForm,
    ReachForm,
    ReviewCycleForm,
    StatusForm,
)
from voice.review.models import Action, Rating, ReviewCycle

FEEDBACK_PAGE_SIZE = 20


def cycle_list(request):
    cycles = ReviewCycle.objects.annotate(action_count=Count("actions")).order_by(
        "-start", "name"
    )
    return render(request, "review/cycle_list.html", {"cycles": cycles})


def cycle_create(request):
    form = ReviewCycleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cycle = services.create_cycle(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Review cycle started."))
            return redirect("review:cycle", pk=cycle.pk)
    return render(request, "review/cycle_form.html", {"form": form})


def cycle_dashboard(request, pk: int):
    cycle = get_object_or_404(ReviewCycle, pk=pk)
    dashboard = selectors.cycle_dashboard(cycle)
    paginator = Paginator(selectors.recent_approved_feedback(cycle), FEEDBACK_PAGE_SIZE)
    # The daily roll-ups have counted this list already: no second count.
    paginator.count = dashboard["totals"]["count"]
    feedback_page = paginator.get_page(request.GET.get("page"))
    feedback_page.object_list = selectors.with_action_counts(
        list(feedback_page.object_list)
    )
    return render(
        request,
        "review/dashboard.html",
        {
            "cycle": cycle,
            "dashboard": dashboard,
            "actions": selectors.cycle_actions(cycle),
            "feedback_page": feedback_page,
        },
    )


def board_report(request, pk: int, reach_form=None):
    cycle = get_object_or_404(ReviewCycle, pk=pk)
    report = figures.board_report(cycle)
    rating_labels = dict(Rating.choices)
    reach_form = reach_form or ReachForm(
        initial={"children_worked_with": cycle.children_worked_with},
        children_heard=report.children_heard,
    )
    return render(
        request,
        "review/board_report.html",
        {
            "cycle": cycle,
            "report": report,
            "reach_form": reach_form,
            "rules": figures.RULES,
            "status_rows": [
                {"label": label, "count": report.actions_by_status[value]}
                for value, label in Action.Status.choices
            ],
            "rating_rows": selectors.bar_rows(
                [
                    {
                        "score": score,
                        "label": rating_labels[score],
                        "face": face_for(score),
                        "count": count,
                    }
                    for score, count in report.rating_distribution.items()
                ]
            ),
        },
        status=400 if reach_form.is_bound else 200,
    )


@require_POST
def cycle_reach(request, pk: int):
    """Save how many children the service worked with; a bad number stays, with why."""
    cycle = get_object_or_404(ReviewCycle, pk=pk)
    heard = figures.board_report(cycle).children_heard
    form = ReachForm(request.POST, children_heard=heard)
    if not form.is_valid():
        return board_report(request, pk, reach_form=form)
    services.set_children_worked_with(
        cycle=cycle, number=form.cleaned_data["children_worked_with"], user=request.user
    )
    messages.success(request, _("Saved. The reach figure is up to date."))
    return redirect("review:report", pk=cycle.pk)


def report_filename(cycle: ReviewCycle) -> str:
    return f"board-report-{slugify(cycle.name) or cycle.pk}"


def board_report_export(request, pk: int, file_format: str):
    cycle = get_object_or_404(ReviewCycle, pk=pk)
    sheet = spreadsheets.Spreadsheet(
        filename=report_filename(cycle),
        header=figures.REPORT_HEADER,
        rows=figures.report_rows(figures.board_report(cycle)),
        title="Board report",
    )
    return spreadsheets.download(sheet, file_format)


def action_create(request, pk: int):
    cycle = get_object_or_404(ReviewCycle, pk=pk)
    initial = {"owner": request.user.pk}
    source = Feedback.objects.filter(pk=parse_id(request.GET.get("feedback"))).first()
    if source is not None:
        initial.update(
            feedback_numbers=str(source.pk),
            topic=source.topic_id,
            themes=list(source.moderated_text.themes.values_list("pk", flat=True)),
        )
    recommendation = (
        Recommendation.objects.submitted()
        .filter(pk=parse_id(request.GET.get("recommendation")))
        .first()
    )
    if recommendation is not None:
        initial["recommendations"] = [recommendation.pk]
    form = ActionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            action = services.create_action(
                cycle=cycle,
                user=request.user,
                feedback=data.pop("feedback_numbers"),
                **data,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Action saved."))
            return redirect("review:action", pk=action.pk)
    return render(
        request,
        "review/action_form.html",
        {"form": form, "cycle": cycle, "source": source},
    )


def action_detail(request, pk: int, status_form=None, note_form=None):
    action = get_object_or_404(
        Action.objects.select_related("cycle", "topic", "owner", "created_by"), pk=pk
    )
    return render(
        request,
        "review/action_detail.html",
        {
            "action": action,
            "feedback": action.feedback.select_related("topic").order_by("created_at"),
            "themes": action.themes.all(),
            "recommendations": action.recommendations.select_related("response"),
            "survey_questions": action.survey_questions.select_related("survey"),
            "notes": action.progress_notes.select_related("author"),
            "history": log_entries_for(action, newest_first=True),
            "status_form": status_form or StatusForm(initial={"status": action.status}),
            "note_form": note_form or ProgressNoteForm(),
        },
        status=400 if (status_form or note_form) else 200,
    )


def action_edit(request, pk: int):
    action = get_object_or_404(Action.objects.select_related("cycle"), pk=pk)
    form = ActionForm(request.POST or None, instance=action)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        feedback = data.pop("feedback_numbers")
        themes = data.pop("themes")
        recommendations = data.pop("recommendations")
        survey_questions = data.pop("survey_questions")
        # The form has already written its values onto the instance; the
        # service compares them with what is stored.
        try:
            services.change_action(
                action=Action.objects.get(pk=action.pk),
                user=request.user,
                feedback=feedback,
                themes=themes,
                recommendations=recommendations,
                survey_questions=survey_questions,
                **data,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Action changed."))
            return redirect("review:action", pk=action.pk)
    return render(
        request,
        "review/action_form.html",
        {"form": form, "cycle": action.cycle, "action": action},
    )


@require_POST
def action_status(request, pk: int):
    action = get_object_or_404(Action, pk=pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.change_action_status(
                action=action,
                user=request.user,
                status=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Status changed. Linked people were told."))
            return redirect("review:action", pk=action.pk)
    return action_detail(request, pk, status_form=form)


@require_POST
def action_note(request, pk: int):
    action = get_object_or_404(Action, pk=pk)
    form = ProgressNoteForm(request.POST)
    if form.is_valid():
        services.add_progress_note(
            action=action, text=form.cleaned_data["text"], user=request.user
        )
        messages.success(request, _("Progress note added."))
        return redirect("review:action", pk=action.pk)
    return action_detail(request, pk, note_form=form)
