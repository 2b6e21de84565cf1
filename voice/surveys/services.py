"""Writes for surveys: each one a single transaction."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.notifications import notify
from voice.moderation.models import ModeratedText
from voice.moderation.services import submit_text
from voice.surveys.audience import eligibility
from voice.surveys.blocks import AnswerKind
from voice.surveys.models import (
    Answer,
    Audience,
    SurveyInvitation,
    SurveyPage,
    SurveyResponse,
)


@dataclass(frozen=True)
class SubmissionResult:
    response: SurveyResponse
    created: bool
    safeguarding_raised: bool = False


def submit_response(
    *,
    survey: SurveyPage,
    user,
    answers: dict[str, object],
    submission_token: str,
    speaker_type: str = "",
    age_band: str = "",
    sender_key: str = "",
) -> SubmissionResult:
    """Keep one person's answers to a survey (or change them, on a signed-in survey).

    `answers` maps each question's block id to its cleaned form value. The same
    submission token never makes a second response. On a signed-in survey a
    person has one response, which they may change until the survey closes;
    on an anonymous one nothing links the response to them.
    """
    if not eligibility(user, survey).allowed:
        raise PermissionDenied("This person may not answer this survey now.")
    try:
        return _submit(
            survey=survey,
            user=user,
            answers=answers,
            submission_token=submission_token,
            speaker_type=speaker_type,
            age_band=age_band,
            sender_key=sender_key,
        )
    except IntegrityError:
        # Two posts raced (the same token, or a person's first response twice):
        # the other one won, and is the response.
        existing = _existing_response(survey, user, submission_token)
        if existing is None:
            raise
        return SubmissionResult(response=existing, created=False)


def _existing_response(survey, user, submission_token) -> SurveyResponse | None:
    found = SurveyResponse.objects.filter(submission_token=submission_token).first()
    if found is None and not survey.is_anonymous and user.is_authenticated:
        found = SurveyResponse.objects.filter(survey=survey, respondent=user).first()
    return found


@transaction.atomic
def _submit(
    *, survey, user, answers, submission_token, speaker_type, age_band, sender_key
) -> SubmissionResult:
    already = SurveyResponse.objects.filter(submission_token=submission_token).first()
    if already is not None:
        return SubmissionResult(response=already, created=False)

    respondent = None if survey.is_anonymous else user
    response = None
    if respondent is not None:
        response = (
            SurveyResponse.objects.select_for_update()
            .filter(survey=survey, respondent=respondent)
            .first()
        )
    created = response is None
    now = timezone.now()
    if created:
        response = SurveyResponse(
            survey=survey, respondent=respondent, submitted_at=now
        )
    response.submission_token = submission_token
    response.speaker_type = speaker_type or ""
    response.age_band = age_band or ""
    response.updated_at = now
    response.full_clean()
    response.save()

    previous_texts = {}
    if not created:
        for answer in response.answers.select_related("moderated_text"):
            if answer.moderated_text_id:
                previous_texts[answer.question_id] = answer.moderated_text
        response.answers.all().delete()

    text_author = None if survey.is_anonymous else user
    safeguarding_raised = False
    rows = []
    for question in survey.question_blocks():
        block = question.block
        first = True
        for row in block.answer_rows(question.value, answers.get(question.id)):
            answer = Answer(
                survey=survey,
                response=response,
                question_id=question.id,
                speaker_type=response.speaker_type,
                age_band=response.age_band,
                counts_person=first,
            )
            if block.answer_kind == AnswerKind.TEXT:
                text = row["text"].strip()
                if not text:
                    continue
                previous = previous_texts.get(question.id)
                if previous is not None and previous.text == text:
                    answer.moderated_text = previous  # unchanged: keep its decision
                else:
                    answer.moderated_text = submit_text(
                        text=text,
                        kind=ModeratedText.Kind.SURVEY_ANSWER,
                        author=text_author,
                        sender_key=sender_key,
                    )
                    safeguarding_raised |= answer.moderated_text.is_safeguarding
            else:
                answer.number = row.get("number")
                answer.choice = row.get("choice", "")
            answer.full_clean(exclude=["survey", "response"])
            rows.append(answer)
            first = False
    Answer.objects.bulk_create(rows)
    _remove_replaced_texts(previous_texts, rows)
    return SubmissionResult(
        response=response, created=created, safeguarding_raised=safeguarding_raised
    )


def _remove_replaced_texts(previous_texts: dict, rows: list[Answer]) -> None:
    """Old words a person has replaced go, unless a safeguarding concern holds them."""
    kept = {row.moderated_text_id for row in rows if row.moderated_text_id}
    for item in previous_texts.values():
        if item.pk in kept or item.is_safeguarding or item.concerns.exists():
            continue
        item.delete()


def send_event_survey_invitations(*, now=None) -> int:
    """Invite the people who came to a finished event to that event's open survey.

    Each person is invited to each survey once: the invitation is recorded in
    the same transaction as the message, so running this again (or twice at
    once) sends nothing new. Returns how many invitations were sent.
    """
    from django.contrib.auth import get_user_model

    now = now or timezone.now()
    surveys = (
        SurveyPage.objects.live()
        .filter(
            audience=Audience.EVENT_ATTENDEES,
            event__isnull=False,
            event__end__lte=now,
            opens_at__lte=now,
            closes_at__gt=now,
        )
        .select_related("event")
        .order_by("pk")
    )
    sent = 0
    for survey in surveys:
        people = (
            get_user_model()
            .objects.filter(
                is_active=True,
                sign_ups__event_id=survey.event_id,
                sign_ups__attended=True,
            )
            .exclude(survey_invitations__survey=survey)
            .distinct()
            .order_by("pk")
        )
        for person in people:
            try:
                with transaction.atomic():
                    SurveyInvitation.objects.create(survey=survey, person=person)
                    notify(
                        user=person,
                        message=str(
                            _(
                                "Thank you for coming to %(event)s. Tell us how it "
                                "went: it takes a few minutes."
                            )
                            % {"event": survey.event.title}
                        ),
                        link=survey.url or "",
                        subject=str(
                            _("How was %(event)s?") % {"event": survey.event.title}
                        ),
                    )
            except IntegrityError:
                continue
            sent += 1
    return sent
