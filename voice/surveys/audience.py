"""Who may answer a survey: its audience, its dates and its mode, in one place."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import roles
from programmes.selectors import attended_event
from voice.surveys.models import Audience, SurveyPage

AUDIENCE_ROLES = {
    Audience.YOUNG_PEOPLE: roles.YOUNG_PERSON,
    Audience.PARENTS_CARERS: roles.PARENT_CARER,
    Audience.SHADOW_BOARD: roles.BOARD_MEMBER,
}


@dataclass(frozen=True)
class Eligibility:
    allowed: bool
    needs_sign_in: bool = False
    reason: str = ""


def in_audience(user, survey: SurveyPage) -> bool:
    """Whether this person is someone the survey is for (dates and mode aside)."""
    if survey.audience == Audience.ANYONE:
        return True
    if not user.is_authenticated:
        return False
    if survey.audience == Audience.EVENT_ATTENDEES:
        return survey.event_id is not None and attended_event(user, survey.event)
    role = AUDIENCE_ROLES.get(survey.audience)
    return role is not None and role in roles.role_names(user)


def needs_sign_in(survey: SurveyPage) -> bool:
    """Signed-in surveys, and surveys for one group, need to know who is answering.

    An anonymous survey for one group still checks the person's role, but
    keeps no link between them and what they answer.
    """
    return not survey.is_anonymous or survey.audience != Audience.ANYONE


def eligibility(user, survey: SurveyPage, now=None) -> Eligibility:
    """May this person answer now? If not, the reason in plain words."""
    now = now or timezone.now()
    if now < survey.opens_at:
        return Eligibility(False, reason=str(_("This survey is not open yet.")))
    if survey.has_closed(now):
        return Eligibility(False, reason=str(_("This survey has closed.")))
    if needs_sign_in(survey) and not user.is_authenticated:
        return Eligibility(
            False,
            needs_sign_in=True,
            reason=str(_("Please sign in to answer this survey.")),
        )
    if not in_audience(user, survey):
        if survey.audience == Audience.EVENT_ATTENDEES:
            return Eligibility(
                False,
                reason=str(_("This survey is for the people who came to the event.")),
            )
        return Eligibility(
            False,
            reason=str(
                _("This survey is for %(audience)s.")
                % {"audience": survey.get_audience_display().lower()}
            ),
        )
    return Eligibility(True)
