"""Writes for service review: each one a single transaction, each one audit-logged."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from accounts import roles
from accounts.notifications import notify
from voice.feedback.models import Feedback, Topic
from voice.moderation.models import ModeratedText, Theme
from voice.review import log_actions
from voice.review.models import (
    Action,
    ActionRating,
    ActionSurveyQuestion,
    ProgressNote,
    ReviewCycle,
)
from voice.review.wording import notification_message

EDITABLE_FIELDS = ("topic", "what_we_heard", "what_we_will_do", "owner", "due_date")


@transaction.atomic
def create_cycle(
    *, name: str, start: datetime.date, end: datetime.date, user
) -> ReviewCycle:
    cycle = ReviewCycle(name=name, start=start, end=end)
    cycle.full_clean()
    cycle.save()
    log(cycle, log_actions.CYCLE_CREATED, user=user, data={"start": start, "end": end})
    return cycle


@transaction.atomic
def set_children_worked_with(*, cycle: ReviewCycle, number: int, user) -> ReviewCycle:
    """Record how many children the service worked with, for the reach figure."""
    cycle = ReviewCycle.objects.select_for_update().get(pk=cycle.pk)
    cycle.children_worked_with = number
    cycle.full_clean()
    cycle.save(update_fields=["children_worked_with"])
    log(cycle, log_actions.CYCLE_CHANGED, user=user, data={"children": number})
    return cycle


@transaction.atomic
def create_action(
    *,
    cycle: ReviewCycle,
    topic: Topic,
    what_we_heard: str,
    what_we_will_do: str,
    owner,
    user,
    due_date: datetime.date | None = None,
    status: str = Action.Status.PROPOSED,
    not_possible_reason: str = "",
    feedback: Iterable[Feedback] = (),
    themes: Iterable[Theme] = (),
    recommendations: Iterable = (),
    survey_questions: Iterable[tuple] = (),
) -> Action:
    """Record an action; everyone whose feedback it came from is told about it."""
    feedback = list(feedback)
    check_feedback_is_approved(feedback)
    now = timezone.now()
    action = Action(
        cycle=cycle,
        topic=topic,
        what_we_heard=what_we_heard.strip(),
        what_we_will_do=what_we_will_do.strip(),
        owner=owner,
        due_date=due_date,
        status=status,
        not_possible_reason=not_possible_reason.strip(),
        created_by=user,
        created_at=now,
        updated_at=now,
        status_changed_at=now,
        done_at=now if status == Action.Status.DONE else None,
    )
    action.full_clean()
    action.save()
    action.feedback.set(feedback)
    themes = list(themes)
    action.themes.set(themes)
    recommendations = list(recommendations)
    check_recommendations_are_submitted(recommendations)
    action.recommendations.set(recommendations)
    set_survey_questions(action, survey_questions)
    log(
        action,
        log_actions.ACTION_CREATED,
        user=user,
        data={
            "status": action.status,
            "feedback": [item.pk for item in feedback],
            "themes": [theme.pk for theme in themes],
            "recommendations": [item.pk for item in recommendations],
        },
    )
    tell_linked_people(action)
    tell_the_board(action)
    return action


@transaction.atomic
def change_action(
    *,
    action: Action,
    user,
    feedback: Iterable[Feedback] | None = None,
    themes: Iterable[Theme] | None = None,
    recommendations: Iterable | None = None,
    survey_questions: Iterable[tuple] | None = None,
    **fields,
) -> Action:
    """Change what an action says or who owns it (status changes have their own service).

    People whose feedback is newly linked are told about the action.
    """
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Fields not changed here: {', '.join(sorted(unknown))}")
    action = Action.objects.select_for_update().get(pk=action.pk)
    changed = [name for name, value in fields.items() if getattr(action, name) != value]
    for name in changed:
        setattr(action, name, fields[name])
    newly_linked: list[Feedback] = []
    if feedback is not None:
        feedback = list(feedback)
        check_feedback_is_approved(feedback)
        before = set(action.feedback.values_list("pk", flat=True))
        after = {item.pk for item in feedback}
        if before != after:
            changed.append("feedback")
            newly_linked = [item for item in feedback if item.pk not in before]
            action.feedback.set(feedback)
    if themes is not None:
        themes = list(themes)
        before = set(action.themes.values_list("pk", flat=True))
        if before != {theme.pk for theme in themes}:
            changed.append("themes")
            action.themes.set(themes)
    newly_answered = []
    if recommendations is not None:
        recommendations = list(recommendations)
        check_recommendations_are_submitted(recommendations)
        before = set(action.recommendations.values_list("pk", flat=True))
        if before != {item.pk for item in recommendations}:
            changed.append("recommendations")
            newly_answered = [item for item in recommendations if item.pk not in before]
            action.recommendations.set(recommendations)
    if survey_questions is not None and set_survey_questions(action, survey_questions):
        changed.append("survey questions")
    if not changed:
        return action
    action.updated_at = timezone.now()
    action.full_clean()
    action.save()
    log(action, log_actions.ACTION_CHANGED, user=user, data={"changed": changed})
    if newly_linked:
        tell_linked_people(action, only_feedback=newly_linked)
    if newly_answered:
        tell_the_board(action)
    return action


@transaction.atomic
def change_action_status(
    *, action: Action, status: str, user, reason: str = "", note: str = ""
) -> Action:
    """Move an action on (or back); every linked person is told of the change."""
    action = Action.objects.select_for_update().get(pk=action.pk)
    old = action.status
    if status == old:
        return action
    now = timezone.now()
    action.status = status
    action.status_changed_at = now
    action.updated_at = now
    action.done_at = now if status == Action.Status.DONE else None
    if status == Action.Status.NOT_POSSIBLE:
        action.not_possible_reason = reason.strip()
    action.full_clean()
    action.save()
    log(
        action,
        log_actions.ACTION_STATUS_CHANGED,
        user=user,
        data={"old": old, "new": status, "reason": action.not_possible_reason}
        if status == Action.Status.NOT_POSSIBLE
        else {"old": old, "new": status},
    )
    if note.strip():
        add_progress_note(action=action, text=note, user=user)
    tell_linked_people(action)
    tell_the_board(action)
    return action


@transaction.atomic
def add_progress_note(*, action: Action, text: str, user) -> ProgressNote:
    note = ProgressNote(action=action, text=text.strip(), author=user)
    note.full_clean()
    note.save()
    log(action, log_actions.ACTION_NOTE_ADDED, user=user, data={"note": note.pk})
    return note


@transaction.atomic
def rate_action(*, action: Action, feedback: Feedback, score: int) -> ActionRating:
    """Keep the rating of what came of this feedback, replacing an earlier one.

    Only an action that came from this feedback and is on the public page can
    be rated, so the board report counts the children who were answered.
    """
    if not action.is_public or not action.feedback.filter(pk=feedback.pk).exists():
        raise ValidationError(_("This item cannot be rated."))
    rating = (
        ActionRating.objects.select_for_update()
        .filter(action=action, feedback=feedback)
        .first()
    ) or ActionRating(action=action, feedback=feedback)
    rating.score = score
    rating.updated_at = timezone.now()
    rating.full_clean()
    rating.save()
    return rating


def check_feedback_is_approved(feedback: list[Feedback]) -> None:
    """Only feedback a moderator has approved may be linked to an action."""
    not_approved = [
        f"Feedback {item.pk}"
        for item in feedback
        if item.moderated_text.status != ModeratedText.Status.APPROVED
    ]
    if not_approved:
        raise ValidationError(
            {
                "feedback": _("This feedback has not been approved: %(codes)s")
                % {"codes": ", ".join(not_approved)}
            }
        )


def tell_linked_people(
    action: Action, only_feedback: Iterable[Feedback] | None = None
) -> int:
    """Tell each signed-in person whose feedback is linked where the action has got to.

    Anonymous people read the same news with their receipt code (see
    `selectors.what_changed_for`). Returns how many people were told.
    """
    feedback = (
        Feedback.objects.filter(pk__in=[item.pk for item in only_feedback])
        if only_feedback is not None
        else action.feedback.all()
    )
    author_ids = set(
        feedback.filter(author__isnull=False).values_list("author_id", flat=True)
    )
    if not author_ids:
        return 0
    from django.contrib.auth import get_user_model

    message = notification_message(action)
    link = (
        reverse("you_said_we_did:list") + f"#action-{action.pk}"
        if action.is_public
        else ""
    )
    people = get_user_model().objects.filter(pk__in=author_ids, is_active=True)
    told = 0
    for person in people:
        notify(
            user=person,
            message=message,
            link=link,
            subject=_("What changed because of your feedback"),
        )
        told += 1
    return told


def check_recommendations_are_submitted(recommendations: list) -> None:
    drafts = [item.title for item in recommendations if item.is_draft]
    if drafts:
        raise ValidationError(
            _("Only recommendations the board has sent can be linked: %(titles)s")
            % {"titles": ", ".join(drafts)}
        )


def set_survey_questions(action: Action, questions: Iterable[tuple]) -> bool:
    """Link the action to (survey page, block id, question text) triples; True if changed."""
    wanted = {(survey.pk, block_id): text for survey, block_id, text in questions}
    existing = {
        (link.survey_id, link.block_id): link for link in action.survey_questions.all()
    }
    if set(wanted) == set(existing):
        return False
    for key, link in existing.items():
        if key not in wanted:
            link.delete()
    for (survey_id, block_id), text in wanted.items():
        if (survey_id, block_id) not in existing:
            link = ActionSurveyQuestion(
                action=action,
                survey_id=survey_id,
                block_id=block_id,
                question_text=text[:500],
            )
            link.full_clean()
            link.save()
    return True


def tell_the_board(action: Action) -> int:
    """Tell every board member what happened to an action that answers their recommendation."""
    from django.contrib.auth import get_user_model

    titles = list(action.recommendations.values_list("title", flat=True))
    recommendation_ids = list(action.recommendations.values_list("pk", flat=True))
    if not titles:
        return 0
    message = _(
        "Because of your recommendation “%(title)s”, the service has an action: "
        "“%(what)s”. It is now: %(status)s."
    ) % {
        "title": titles[0] if len(titles) == 1 else ", ".join(titles),
        "what": action.what_we_will_do[:200],
        "status": action.get_status_display(),
    }
    link = reverse("board:recommendation_detail", kwargs={"pk": recommendation_ids[0]})
    members = (
        get_user_model()
        .objects.filter(groups__name=roles.BOARD_MEMBER, is_active=True)
        .distinct()
    )
    told = 0
    for member in members:
        notify(
            user=member,
            message=message,
            link=link,
            subject=_("What changed because of the board's recommendation"),
        )
        told += 1
    return told
