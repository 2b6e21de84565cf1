"""Writes for the shadow board: each one a single transaction."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from accounts import roles
from accounts.notifications import notify
from pages.live import send_on_commit
from voice.board import log_actions
from voice.board.models import (
    BoardApplication,
    ManagementResponse,
    MeetingPage,
    MemberProfile,
    Question,
    Recommendation,
    RecommendationComment,
    Vote,
)
from voice.board.permissions import RUN_MEETING, TAKE_PART
from voice.board.selectors import vote_counts
from voice.moderation.models import ModeratedText
from voice.moderation.services import submit_text
from voice.safeguarding.screening import screen


def meeting_group_name(meeting_id: int) -> str:
    return f"board-meeting-{meeting_id}"


def announce_to_meeting(*, meeting_id: int, event: dict) -> None:
    """Tell every open screen of a meeting, after the data is safely stored.

    Sent with `pages.live`, as every live page is: a channel layer that is
    down never undoes a vote; it is logged and screens catch up when they
    reconnect.
    """
    send_on_commit(meeting_group_name(meeting_id), lambda: event)


# --- Joining and profiles --------------------------------------------------


@transaction.atomic
def apply_to_join(*, applicant, chosen_name: str, why: str) -> BoardApplication:
    """Keep an application; the reason is screened like all text from young people."""
    text = submit_text(
        text=why, kind=ModeratedText.Kind.BOARD_COMMENT, author=applicant
    )
    application = BoardApplication(
        applicant=applicant, chosen_name=chosen_name, why=text
    )
    application.full_clean()
    application.save()
    return application


@transaction.atomic
def accept_application(*, application: BoardApplication, by) -> BoardApplication:
    application = BoardApplication.objects.select_for_update().get(pk=application.pk)
    if application.status != BoardApplication.Status.WAITING:
        raise ValidationError("This application has already been decided.")
    application.status = BoardApplication.Status.ACCEPTED
    application.decided_by = by
    application.decided_at = timezone.now()
    application.save()
    application.applicant.groups.add(Group.objects.get(name=roles.BOARD_MEMBER))
    MemberProfile.objects.get_or_create(
        user=application.applicant,
        defaults={
            "chosen_name": application.chosen_name,
            "avatar": MemberProfile.Avatar.STAR,
        },
    )
    log(instance=application, action=log_actions.APPLICATION_ACCEPTED, user=by)
    notify(
        user=application.applicant,
        message=(
            "Welcome to the shadow board! You can now open the board members' area."
        ),
        link=reverse("board:home"),
        subject="You are on the shadow board",
    )
    return application


@transaction.atomic
def decline_application(
    *, application: BoardApplication, by, reason: str
) -> BoardApplication:
    if not reason.strip():
        raise ValidationError({"reason": "Please say why, kindly, in plain words."})
    application = BoardApplication.objects.select_for_update().get(pk=application.pk)
    if application.status != BoardApplication.Status.WAITING:
        raise ValidationError("This application has already been decided.")
    application.status = BoardApplication.Status.DECLINED
    application.decline_reason = reason.strip()
    application.decided_by = by
    application.decided_at = timezone.now()
    application.save()
    log(instance=application, action=log_actions.APPLICATION_DECLINED, user=by)
    notify(
        user=application.applicant,
        message=(
            "Thank you for asking to join the shadow board. Not this time: "
            + application.decline_reason
        ),
        subject="Your shadow board application",
    )
    return application


@transaction.atomic
def save_profile(
    *, user, chosen_name: str, avatar: str, is_public: bool
) -> MemberProfile:
    profile = MemberProfile.objects.filter(user=user).first() or MemberProfile(
        user=user
    )
    was_public = profile.pk is not None and profile.is_public
    profile.chosen_name = chosen_name
    profile.avatar = avatar
    profile.is_public = is_public
    if is_public and not was_public:
        profile.agreed_at = timezone.now()
        profile.withdrawn_at = None
    elif was_public and not is_public:
        profile.withdrawn_at = timezone.now()
    profile.full_clean()
    profile.save()
    return profile


@transaction.atomic
def withdraw_profile(*, user) -> MemberProfile | None:
    """Take a member's profile off the public page at once."""
    profile = MemberProfile.objects.select_for_update().filter(user=user).first()
    if profile and profile.is_public:
        profile.is_public = False
        profile.withdrawn_at = timezone.now()
        profile.save(update_fields=["is_public", "withdrawn_at"])
    return profile


# --- Recommendations -------------------------------------------------------


def _check_member(user) -> None:
    if not (user.has_perm(TAKE_PART) or user.has_perm(RUN_MEETING)):
        raise PermissionDenied


@transaction.atomic
def save_recommendation(
    *,
    user,
    recommendation: Recommendation | None = None,
    title: str,
    what_we_found: str,
    what_we_ask: str,
    evidence_feedback=(),
    evidence_themes=(),
    meeting: MeetingPage | None = None,
) -> Recommendation:
    """Start or edit a draft; any member may edit any draft. Each save is logged."""
    _check_member(user)
    creating = recommendation is None
    if creating:
        recommendation = Recommendation(created_by=user)
    else:
        recommendation = Recommendation.objects.select_for_update().get(
            pk=recommendation.pk
        )
        if not recommendation.is_draft:
            raise ValidationError("Only a draft can be changed.")
    recommendation.title = title
    recommendation.what_we_found = what_we_found
    recommendation.what_we_ask = what_we_ask
    recommendation.meeting = meeting
    recommendation.updated_at = timezone.now()
    recommendation.full_clean()
    recommendation.save()
    screen_recommendation_text(recommendation=recommendation, author=user)
    recommendation.evidence_feedback.set(evidence_feedback)
    recommendation.evidence_themes.set(evidence_themes)
    log(
        instance=recommendation,
        action=log_actions.RECOMMENDATION_CREATED if creating else "wagtail.edit",
        user=user,
        # The words may be a disclosure: the log keeps lengths and a neutral label.
        title=f"Recommendation {recommendation.pk}",
        data={
            "title_length": len(title),
            "what_we_found_length": len(what_we_found),
            "what_we_ask_length": len(what_we_ask),
        },
    )
    return recommendation


def screen_recommendation_text(*, recommendation: Recommendation, author) -> bool:
    """Words that suggest a risk of harm reach a safeguarding lead, as all text does.

    The draft is kept as written; the matching words are kept as a moderated
    text held for safeguarding, which raises the concern.
    """
    written = "\n\n".join(
        [recommendation.title, recommendation.what_we_found, recommendation.what_we_ask]
    )
    if not screen(written).is_concern:
        return False
    submit_text(text=written, kind=ModeratedText.Kind.BOARD_COMMENT, author=author)
    return True


@transaction.atomic
def submit_recommendation(*, recommendation: Recommendation, user) -> Recommendation:
    _check_member(user)
    recommendation = Recommendation.objects.select_for_update().get(
        pk=recommendation.pk
    )
    if not recommendation.is_draft:
        raise ValidationError("This recommendation has already been sent.")
    recommendation.status = Recommendation.Status.SUBMITTED
    recommendation.submitted_by = user
    recommendation.submitted_at = timezone.now()
    recommendation.save()
    log(instance=recommendation, action=log_actions.RECOMMENDATION_SUBMITTED, user=user)
    managers = Group.objects.get(name=roles.SERVICE_MANAGER).user_set.filter(
        is_active=True
    )
    for manager in managers:
        notify(
            user=manager,
            message=f"The shadow board sent a recommendation: “{recommendation.title}”.",
            link=reverse("board_admin:respond", args=[recommendation.pk]),
            subject="A recommendation from the shadow board",
        )
    return recommendation


@transaction.atomic
def comment_on_recommendation(
    *, recommendation: Recommendation, author, text: str
) -> RecommendationComment:
    """A comment waits to be checked by a moderator before others see it."""
    moderated = submit_text(
        text=text, kind=ModeratedText.Kind.BOARD_COMMENT, author=author
    )
    comment = RecommendationComment(
        recommendation=recommendation, author=author, moderated_text=moderated
    )
    comment.full_clean()
    comment.save()
    return comment


@transaction.atomic
def record_response(
    *, recommendation: Recommendation, by, outcome: str, reasons: str
) -> ManagementResponse:
    """Management's formal answer; the board's members are told."""
    recommendation = Recommendation.objects.select_for_update().get(
        pk=recommendation.pk
    )
    if recommendation.status != Recommendation.Status.SUBMITTED:
        raise ValidationError(
            "Only a recommendation waiting for an answer can get one."
        )
    response = ManagementResponse(
        recommendation=recommendation,
        outcome=outcome,
        reasons=reasons.strip(),
        responded_by=by,
        responded_at=timezone.now(),
    )
    response.full_clean()
    response.save()
    recommendation.status = Recommendation.Status.RESPONDED
    recommendation.save(update_fields=["status"])
    log(instance=recommendation, action=log_actions.RECOMMENDATION_ANSWERED, user=by)
    link = reverse("board:recommendation_detail", args=[recommendation.pk])
    members = Group.objects.get(name=roles.BOARD_MEMBER).user_set.filter(is_active=True)
    for member in members:
        notify(
            user=member,
            message=(
                f"Managers have answered “{recommendation.title}”: "
                f"{response.get_outcome_display()}."
            ),
            link=link,
            subject="Managers answered a board recommendation",
        )
    return response


# --- Live meetings ---------------------------------------------------------


def may_run_meeting(user, meeting: MeetingPage) -> bool:
    return user.is_authenticated and (
        user.has_perm(RUN_MEETING)
        or (meeting.chair_id == user.pk and user.has_perm(TAKE_PART))
    )


@transaction.atomic
def open_question(*, meeting: MeetingPage, by, text: str, kind: str) -> Question:
    if not may_run_meeting(by, meeting):
        raise PermissionDenied
    question = Question(meeting=meeting, opened_by=by, text=text.strip(), kind=kind)
    question.full_clean()
    question.save()
    announce_to_meeting(
        meeting_id=meeting.pk,
        event={"type": "question.opened", "question": question.pk},
    )
    return question


@transaction.atomic
def close_question(*, question: Question, by) -> Question:
    """Stop voting and keep the counts in the meeting's record."""
    question = Question.objects.select_for_update().get(pk=question.pk)
    if not may_run_meeting(by, question.meeting):
        raise PermissionDenied
    if question.is_open:
        question.status = Question.Status.CLOSED
        question.closed_at = timezone.now()
        question.result = vote_counts(question.pk)
        question.save()
        log(
            instance=question.meeting,
            action=log_actions.QUESTION_CLOSED,
            user=by,
            data={"question_id": question.pk, "result": question.result},
        )
        announce_to_meeting(
            meeting_id=question.meeting_id,
            event={"type": "question.closed", "question": question.pk},
        )
    return question


@transaction.atomic
def cast_vote(*, question: Question, member, choice: str) -> Vote:
    """One vote per member per question; a new choice replaces the old one."""
    if not member.has_perm(TAKE_PART):
        raise PermissionDenied
    if choice not in Vote.Choice.values:
        raise ValidationError({"choice": "Please choose yes, no or not sure."})
    question = Question.objects.select_for_update().get(pk=question.pk)
    if not question.is_open:
        raise ValidationError("Voting on this has closed.")
    vote, _ = Vote.objects.update_or_create(
        question=question,
        member=member,
        defaults={"choice": choice, "updated_at": timezone.now()},
    )
    announce_to_meeting(
        meeting_id=question.meeting_id,
        event={"type": "question.counts", "question": question.pk},
    )
    return vote
