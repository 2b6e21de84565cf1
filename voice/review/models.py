"""Service review: cycles that gather what people told us, and the actions that follow.

An action says what we heard (written by staff, never a child's own words),
what we will do, who owns it and how far it has got. Actions that are under
way, done or not possible appear on the public "You said, we did" page; the
young person whose feedback an action came from rates, on their receipt, how
well they think the service responded.

Actions link to shadow board recommendations (a many-to-many field) and to
survey questions (`ActionSurveyQuestion`, since questions are StreamField blocks).
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pages.faces import face_for
from voice.feedback.models import Feedback, Topic
from voice.moderation.models import Theme


class ReviewCycle(models.Model):
    """A period (often a quarter) whose feedback the service reviews together."""

    name = models.CharField(max_length=120, unique=True)
    start = models.DateField(help_text=_("The first day of the period."))
    end = models.DateField(help_text=_("The last day of the period."))
    children_worked_with = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text=_("How many children the service worked with in the period."),
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-start", "name"]
        permissions = [
            ("run_review", "Can run service reviews, manage actions and board reports"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if self.start and self.end and self.end < self.start:
            raise ValidationError(
                {"end": _("The last day must be on or after the first day.")}
            )

    @property
    def period(self) -> tuple[datetime.datetime, datetime.datetime]:
        """The cycle as [from, until): midnight of the first day to midnight after the last."""
        zone = timezone.get_current_timezone()
        start = datetime.datetime.combine(self.start, datetime.time.min, tzinfo=zone)
        until = datetime.datetime.combine(
            self.end + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
        )
        return start, until


class Action(models.Model):
    """A "You said, we did" action: something the service will do because of what people told it.

    Actions under way, done or not possible (PUBLIC_STATUSES) are the public
    "You said, we did" page (`you_said_we_did:list`); each links back to the
    feedback, survey questions and board recommendations it came from.
    """

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        AGREED = "agreed", _("Agreed")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        NOT_POSSIBLE = "not_possible", _("Not possible")

    # Shown on the public page: under way, finished, or honestly not possible.
    PUBLIC_STATUSES = (Status.IN_PROGRESS, Status.DONE, Status.NOT_POSSIBLE)

    cycle = models.ForeignKey(
        ReviewCycle, on_delete=models.PROTECT, related_name="actions"
    )
    topic = models.ForeignKey(
        Topic,
        on_delete=models.PROTECT,
        related_name="actions",
        help_text=_("Shown on the public page, so people can find it."),
    )
    what_we_heard = models.TextField(
        help_text=_(
            "In your own plain words, with nothing that could identify anyone. "
            "This is shown publicly as “You said…”."
        )
    )
    what_we_will_do = models.TextField(
        help_text=_("Plain words. Shown publicly as “We did…” or “We are doing…”.")
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="review_actions",
        help_text=_("The member of staff who makes sure it happens."),
    )
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.PROPOSED, db_index=True
    )
    not_possible_reason = models.TextField(
        blank=True,
        help_text=_("Why we could not do it, in plain words. Shown publicly."),
    )
    feedback = models.ManyToManyField(Feedback, blank=True, related_name="actions")
    themes = models.ManyToManyField(Theme, blank=True, related_name="actions")
    recommendations = models.ManyToManyField(
        "board.Recommendation",
        blank=True,
        related_name="actions",
        help_text=_("Shadow board recommendations this action answers."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    status_changed_at = models.DateTimeField(default=timezone.now, db_index=True)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-status_changed_at", "-pk"]
        indexes = [models.Index(fields=["status", "topic", "status_changed_at"])]

    def __str__(self) -> str:
        return self.what_we_will_do[:60]

    def clean(self):
        if self.status == self.Status.NOT_POSSIBLE and not self.not_possible_reason:
            raise ValidationError(
                {"not_possible_reason": _("Say why it was not possible.")}
            )

    @property
    def is_public(self) -> bool:
        return self.status in self.PUBLIC_STATUSES


class ActionSurveyQuestion(models.Model):
    """A survey question whose answers an action came from.

    Questions live in a survey page's StreamField, so the link keeps the
    block's id and a copy of the question's words: the link still reads
    sensibly if the survey is later edited.
    """

    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="survey_questions"
    )
    survey = models.ForeignKey(
        "surveys.SurveyPage", on_delete=models.CASCADE, related_name="+"
    )
    block_id = models.CharField(max_length=64)
    question_text = models.CharField(max_length=500)

    class Meta:
        ordering = ["survey_id", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["action", "survey", "block_id"],
                name="review_one_link_per_survey_question",
            )
        ]

    def __str__(self) -> str:
        return self.question_text[:60]


class ProgressNote(models.Model):
    """A note from staff on how an action is going."""

    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="progress_notes"
    )
    text = models.TextField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.text[:60]


class Rating(models.IntegerChoices):
    """How well a young person thinks we responded; words as well as faces."""

    VERY_BADLY = 1, _("Very badly")
    BADLY = 2, _("Badly")
    OKAY = 3, _("Okay")
    WELL = 4, _("Well")
    VERY_WELL = 5, _("Very well")


def rating_choices() -> list[dict]:
    """The rating buttons: value, words and face."""
    return [
        {"value": value, "label": label, "face": face_for(value)}
        for value, label in Rating.choices
    ]


class ActionRating(models.Model):
    """How well the child who gave a piece of feedback thinks an action answered it.

    Only the person who gave the feedback rates what came of it (proved by
    their receipt code, or by being signed in as its author): one rating per
    feedback and action, which they can change. If the feedback is later
    deleted the score stays for the board report, linked to nobody.
    """

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="ratings")
    feedback = models.ForeignKey(
        Feedback,
        null=True,
        on_delete=models.SET_NULL,
        related_name="action_ratings",
    )
    score = models.PositiveSmallIntegerField(
        choices=Rating.choices,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["action", "feedback"],
                name="one_rating_per_feedback_per_action",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_score_display()} for action #{self.action_id}"
