"""What surveys hold about a person: the answers they gave while signed in.

See privacy/registry.py for the contract this module follows. Anonymous
responses hold no link to anyone, so they are never part of a person's
data. When an account is deleted its responses stay (so results do not
change) but no longer point at the person; written answers are erased or
kept without a name, as the person chose. Written answers that a
safeguarding record depends on are kept, and the person is told why.

Written answers expire with every other moderated text: the moderation
app's `purge_expired` blanks them, so there is no second purge here.
"""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from privacy.registry import register
from voice.moderation.models import ModeratedText
from voice.moderation.personal_data import ANONYMISED_FIELDS, kept_for_safeguarding
from voice.surveys.models import Answer, SurveyInvitation, SurveyResponse

LABEL = gettext_lazy("Surveys you answered")


def _when(moment) -> str | None:
    return moment.isoformat() if moment else None


def _readable(question, answers: list[Answer]) -> str:
    """An answer in words, as the person saw it when they picked it."""
    labels = dict(question.block.options(question.value)) if question else {}
    parts = []
    for answer in answers:
        if answer.moderated_text_id:
            parts.append(answer.moderated_text.text)
        elif answer.number is not None:
            parts.append(labels.get(str(answer.number), str(answer.number)))
        else:
            parts.append(labels.get(answer.choice, answer.choice))
    return "; ".join(parts)


def export_for(user) -> list[dict]:
    responses = (
        SurveyResponse.objects.filter(respondent=user)
        .select_related("survey")
        .prefetch_related(
            Prefetch(
                "answers",
                queryset=Answer.objects.select_related("moderated_text").order_by("pk"),
            )
        )
        .order_by("submitted_at", "pk")
    )
    rows: list[dict] = []
    for response in responses:
        questions = {q.id: q for q in response.survey.question_blocks()}
        by_question: dict[str, list[Answer]] = {}
        for answer in response.answers.all():
            by_question.setdefault(answer.question_id, []).append(answer)
        base = {
            "Survey": response.survey.title,
            "Answered on": _when(response.submitted_at),
            "Last changed": _when(response.updated_at),
        }
        if response.speaker_type or response.age_band:
            rows.append(
                {
                    **base,
                    "Question": str(_("About you")),
                    "Your answer": ", ".join(
                        part
                        for part in (
                            str(response.get_speaker_type_display())
                            if response.speaker_type
                            else "",
                            str(response.get_age_band_display())
                            if response.age_band
                            else "",
                        )
                        if part
                    ),
                }
            )
        order = list(questions) + [q for q in by_question if q not in questions]
        for question_id in order:
            if question_id not in by_question:
                continue
            question = questions.get(question_id)
            rows.append(
                {
                    **base,
                    "Question": question.value["question"]
                    if question
                    else str(_("A question since taken out of the survey")),
                    "Your answer": _readable(question, by_question[question_id]),
                }
            )
    rows += [
        {
            "Invited to the survey": invitation.survey.title,
            "Invited on": _when(invitation.sent_at),
        }
        for invitation in SurveyInvitation.objects.filter(person=user)
        .select_related("survey")
        .order_by("sent_at")
    ]
    return rows


def erase_for(user, *, keep_anonymised: bool) -> list[str]:
    now = timezone.now()
    texts = ModeratedText.objects.filter(survey_answer__response__respondent=user)
    kept_ids = list(
        texts.filter(kept_for_safeguarding()).distinct().values_list("pk", flat=True)
    )
    others = texts.exclude(pk__in=kept_ids)
    if keep_anonymised:
        others.update(author=None)
    else:
        others.filter(anonymised_at__isnull=True).update(
            author=None, anonymised_at=now, **ANONYMISED_FIELDS
        )
    # The responses stay for the results; nothing in them points at anyone now.
    SurveyResponse.objects.filter(respondent=user).update(respondent=None)
    SurveyInvitation.objects.filter(person=user).delete()
    # Kept words the moderation section does not already explain (no author).
    unexplained = (
        ModeratedText.objects.filter(pk__in=kept_ids).exclude(author=user).count()
    )
    if not unexplained:
        return []
    return [
        _(
            "We kept %(count)s answer(s) you wrote in surveys, because a "
            "safeguarding record depends on them. The law says we must keep "
            "records that help keep children safe. Only safeguarding staff can "
            "see them, and they are removed when our safeguarding retention "
            "period ends."
        )
        % {"count": unexplained}
    ]


register(__name__)
