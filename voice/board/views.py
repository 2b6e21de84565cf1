"""The members' area (/board/) and the application form (/board/join/)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pages import spreadsheets
from pages.history import log_entries_for
from privacy.small_groups import MIN_GROUP_SIZE
from voice.board import exports, selectors, services
from voice.board.forms import (
    ApplicationForm,
    CommentForm,
    ProfileForm,
    QuestionForm,
    RecommendationForm,
    VoteForm,
)
from voice.board.models import (
    BoardApplication,
    MeetingPage,
    MemberProfile,
    Question,
    Recommendation,
    RecommendationComment,
    Vote,
)
from voice.board.permissions import RUN_MEETING, TAKE_PART
from voice.moderation.models import ModeratedText


def may_edit_drafts(user) -> bool:
    return user.has_perm(TAKE_PART) or user.has_perm(RUN_MEETING)


def home(request):
    return render(
        request,
        "board/home.html",
        {
            "drafts": Recommendation.objects.drafts()[:10],
            "waiting": Recommendation.objects.awaiting_response()[:10],
            "meetings": MeetingPage.objects.live().order_by("-date")[:5],
        },
    )


def evidence(request):
    return render(
        request,
        "board/evidence.html",
        {
            "by_topic": selectors.evidence_by_topic(),
            "by_theme": selectors.evidence_by_theme(),
            "quotes": selectors.evidence_quotes(),
            "smallest_group": MIN_GROUP_SIZE,
        },
    )


def apply(request):
    waiting = BoardApplication.objects.filter(
        applicant=request.user, status=BoardApplication.Status.WAITING
    ).exists()
    if request.user.has_perm(TAKE_PART):
        return render(request, "board/apply.html", {"already_member": True})
    form = ApplicationForm(request.POST or None)
    if request.method == "POST" and not waiting and form.is_valid():
        services.apply_to_join(
            applicant=request.user,
            chosen_name=form.cleaned_data["chosen_name"],
            why=form.cleaned_data["why"],
        )
        messages.success(
            request,
            _("Thank you! A worker will read your application and tell you soon."),
        )
        return redirect("board:apply")
    return render(request, "board/apply.html", {"form": form, "waiting": waiting})


def profile(request):
    current = MemberProfile.objects.filter(user=request.user).first()
    if request.method == "POST" and "withdraw" in request.POST:
        services.withdraw_profile(user=request.user)
        messages.success(request, _("Your profile is no longer on the public page."))
        return redirect("board:profile")
    form = ProfileForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        services.save_profile(
            user=request.user,
            chosen_name=form.cleaned_data["chosen_name"],
            avatar=form.cleaned_data["avatar"],
            is_public=form.cleaned_data["is_public"],
        )
        messages.success(request, _("Your profile is saved."))
        return redirect("board:profile")
    return render(request, "board/profile.html", {"form": form, "profile": current})


# --- Recommendations --------------------------------------------------------


def recommendation_list(request):
    return render(
        request,
        "board/recommendation_list.html",
        {
            "recommendations": Recommendation.objects.influence_log(),
            "may_edit": may_edit_drafts(request.user),
        },
    )


def recommendation_create(request):
    if not may_edit_drafts(request.user):
        raise PermissionDenied
    form = RecommendationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        recommendation = services.save_recommendation(
            user=request.user, **form.cleaned_data
        )
        messages.success(request, _("Your draft is saved."))
        return redirect("board:recommendation_detail", pk=recommendation.pk)
    return render(request, "board/recommendation_form.html", {"form": form})


def recommendation_edit(request, pk: int):
    recommendation = get_object_or_404(Recommendation, pk=pk)
    if not may_edit_drafts(request.user):
        raise PermissionDenied
    if not recommendation.is_draft:
        messages.error(
            request, _("This has been sent to managers, so it can't change.")
        )
        return redirect("board:recommendation_detail", pk=pk)
    initial = {
        "title": recommendation.title,
        "what_we_found": recommendation.what_we_found,
        "what_we_ask": recommendation.what_we_ask,
        "evidence_themes": recommendation.evidence_themes.all(),
        "evidence_feedback": recommendation.evidence_feedback.all(),
        "meeting": recommendation.meeting,
    }
    form = RecommendationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.save_recommendation(
            user=request.user, recommendation=recommendation, **form.cleaned_data
        )
        messages.success(request, _("Your changes are saved."))
        return redirect("board:recommendation_detail", pk=pk)
    return render(
        request,
        "board/recommendation_form.html",
        {"form": form, "recommendation": recommendation},
    )


def recommendation_detail(request, pk: int):
    recommendation = get_object_or_404(
        Recommendation.objects.select_related("response", "meeting"), pk=pk
    )
    comment_form = CommentForm(request.POST or None)
    if request.method == "POST":
        if not may_edit_drafts(request.user):
            raise PermissionDenied
        if comment_form.is_valid():
            comment = services.comment_on_recommendation(
                recommendation=recommendation,
                author=request.user,
                text=comment_form.cleaned_data["text"],
            )
            if comment.moderated_text.status == ModeratedText.Status.SAFEGUARDING:
                messages.info(
                    request,
                    _(
                        "Thank you. Something you wrote made us want to check you are "
                        "okay, so a worker will look at it soon."
                    ),
                )
            else:
                messages.success(
                    request, _("Thank you. Your comment is waiting to be checked.")
                )
            return redirect("board:recommendation_detail", pk=pk)
    comments = (
        RecommendationComment.objects.filter(recommendation=recommendation)
        .filter(
            Q(moderated_text__status=ModeratedText.Status.APPROVED)
            | Q(author=request.user)
        )
        .exclude(
            Q(moderated_text__status=ModeratedText.Status.NOT_SHARED)
            & ~Q(author=request.user)
        )
        .select_related("moderated_text")
    )
    history = log_entries_for(recommendation, newest_first=True)
    return render(
        request,
        "board/recommendation_detail.html",
        {
            "recommendation": recommendation,
            "comments": comments,
            "comment_form": comment_form,
            "may_edit": may_edit_drafts(request.user),
            "history": history,
            "themes": recommendation.evidence_themes.all(),
            "feedback": recommendation.evidence_feedback.filter(
                pk__in=selectors.quotable_feedback()
            ).select_related("topic", "moderated_text"),
            "approved": ModeratedText.Status.APPROVED,
            "actions": recommendation.actions.select_related("topic").order_by(
                "-status_changed_at", "-pk"
            ),
        },
    )


@require_POST
def recommendation_submit(request, pk: int):
    recommendation = get_object_or_404(Recommendation, pk=pk)
    try:
        services.submit_recommendation(recommendation=recommendation, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Sent to managers. They will answer you."))
    return redirect("board:recommendation_detail", pk=pk)


def influence_log(request):
    return render(
        request,
        "board/influence_log.html",
        {"recommendations": Recommendation.objects.influence_log()},
    )


def influence_log_export(request, file_format: str):
    recommendations = list(Recommendation.objects.influence_log())
    return spreadsheets.download(
        exports.influence_log_sheet(recommendations), file_format
    )


# --- Live meetings --------------------------------------------------------


def _meeting(meeting_id: int) -> MeetingPage:
    return get_object_or_404(MeetingPage.objects.live(), pk=meeting_id)


def meeting(request, meeting_id: int):
    page = _meeting(meeting_id)
    questions = list(
        page.questions.order_by("-opened_at").prefetch_related(
            Prefetch(
                "votes",
                queryset=Vote.objects.filter(member=request.user),
                to_attr="my_votes",
            )
        )
    )
    live_counts = selectors.vote_counts_for([q.pk for q in questions if q.is_open])
    for question in questions:
        question.counts = live_counts.get(question.pk, question.result)
        question.my_choice = question.my_votes[0].choice if question.my_votes else ""
    return render(
        request,
        "board/meeting.html",
        {
            "meeting": page,
            "questions": questions,
            "choices": Vote.Choice.choices,
            "may_vote": request.user.has_perm(TAKE_PART),
            "may_run": services.may_run_meeting(request.user, page),
            "question_form": QuestionForm(),
        },
    )


@require_POST
def meeting_open_question(request, meeting_id: int):
    page = _meeting(meeting_id)
    if not services.may_run_meeting(request.user, page):
        raise PermissionDenied
    form = QuestionForm(request.POST)
    if form.is_valid():
        services.open_question(meeting=page, by=request.user, **form.cleaned_data)
        messages.success(request, _("Voting is open."))
    else:
        messages.error(request, _("Please write the question first."))
    return redirect("board:meeting", meeting_id=page.pk)


@require_POST
def question_vote(request, pk: int):
    question = get_object_or_404(Question, pk=pk)
    form = VoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please choose yes, no or not sure."))
    else:
        try:
            services.cast_vote(
                question=question,
                member=request.user,
                choice=form.cleaned_data["choice"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your vote is counted."))
    return redirect("board:meeting", meeting_id=question.meeting_id)


@require_POST
def question_close(request, pk: int):
    question = get_object_or_404(Question, pk=pk)
    services.close_question(question=question, by=request.user)
    messages.success(request, _("Voting has closed. The result is saved."))
    return redirect("board:meeting", meeting_id=question.meeting_id)
