"""Surveys as Wagtail pages, and the responses people give to them.

Each answer is one row with a number or a chosen option (or a link to its
moderated text), so results are counted by the database however many
responses there are. Anonymous responses keep no link to any account and no
IP address; no IP address is kept for any response.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from accounts.age_bands import AgeBand
from pages.blocks import BodyBlock
from privacy.small_groups import MIN_GROUP_SIZE
from voice.moderation.models import ModeratedText
from voice.surveys.blocks import QuestionsBlock

__all__ = ["AgeBand"]  # kept here too: surveys' modules import it from here


class Audience(models.TextChoices):
    """Who a survey is for."""

    ANYONE = "anyone", _("Anyone")
    YOUNG_PEOPLE = "young_people", _("Young people")
    PARENTS_CARERS = "parents_carers", _("Parents and carers")
    SHADOW_BOARD = "shadow_board", _("Shadow board members")
    EVENT_ATTENDEES = "event_attendees", _("People who came to an event")


class Mode(models.TextChoices):
    ANONYMOUS = "anonymous", _("Anonymous: no name, no account linked")
    SIGNED_IN = "signed_in", _("Signed in: one answer each, can be changed")


class SpeakerType(models.TextChoices):
    YOUNG_PERSON = "young_person", _("A young person")
    PARENT_CARER = "parent_carer", _("A parent or carer")
    BOARD_MEMBER = "board_member", _("A shadow board member")
    OTHER = "other", _("Someone else")


class SurveyIndexPage(Page):
    """Where surveys live in the page tree: lists the open surveys a person may answer.

    The list is the `survey_cards` template tag's; survey staff get their page
    permissions here when the section is made (signals.py).
    """

    intro = models.TextField(max_length=400, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["surveys.SurveyPage", "surveys.SurveySummaryPage"]
    max_count = 1


class SurveyPage(Page):
    """One survey: its questions, who it is for, when it is open, and how answers are kept.

    People answer it at its URL through `views.answer_survey`, which Wagtail
    calls for this page type inside its own page-privacy check
    (wagtail_hooks.py); a preview in the admin shows the page as Wagtail
    renders it.
    """

    intro = models.TextField(
        max_length=600, blank=True, help_text=_("Why you are asking, in plain words.")
    )
    questions = StreamField(QuestionsBlock(), use_json_field=True)
    audience = models.CharField(
        max_length=20, choices=Audience.choices, default=Audience.ANYONE
    )
    event = models.ForeignKey(
        "programmes.EventPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="surveys",
        help_text=_(
            "For surveys of the people who came to one event: pick the event "
            "and choose 'People who came to an event' as the audience."
        ),
    )
    mode = models.CharField(max_length=20, choices=Mode.choices, default=Mode.ANONYMOUS)
    opens_at = models.DateTimeField(default=timezone.now)
    closes_at = models.DateTimeField()
    ask_about_you = models.BooleanField(
        default=True,
        help_text=format_lazy(
            _(
                "Add two optional questions (who they are, their age) so results "
                "can be split by group. Groups of fewer than {n} people are never "
                "shown."
            ),
            n=MIN_GROUP_SIZE,
        ),
    )
    previous_run = models.ForeignKey(
        "surveys.SurveyPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next_runs",
        help_text=_("The last time this survey was run, to show what has changed."),
    )
    thank_you_text = models.TextField(
        max_length=400,
        blank=True,
        default="Thank you. We read every answer, and we will tell you what we do about it.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("questions"),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                PageChooserPanel("event", page_type="programmes.EventPage"),
                FieldPanel("mode"),
                FieldPanel("opens_at"),
                FieldPanel("closes_at"),
                FieldPanel("ask_about_you"),
            ],
            heading=_("Who can answer, and when"),
        ),
        PageChooserPanel("previous_run", page_type="surveys.SurveyPage"),
        FieldPanel("thank_you_text"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["surveys.SurveyIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("survey")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError(
                {"closes_at": _("The survey must close after it opens.")}
            )
        if self.audience == Audience.EVENT_ATTENDEES and not self.event_id:
            raise ValidationError(
                {"event": _("Pick the event whose attendees this survey is for.")}
            )
        if self.previous_run_id and self.previous_run_id == self.pk:
            raise ValidationError(
                {"previous_run": _("A survey cannot be its own previous run.")}
            )

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def has_closed(self, now=None) -> bool:
        return (now or timezone.now()) >= self.closes_at

    @property
    def is_anonymous(self) -> bool:
        return self.mode == Mode.ANONYMOUS

    def question_blocks(self) -> list:
        """The questions in order, as StreamField children (each with a stable `.id`)."""
        return list(self.questions)


class SurveySummaryPage(Page):
    """'What you told us': what staff learned from a survey and what they will do, for young people.

    The counts shown are the `survey_public_results` template tag's.
    """

    survey = models.ForeignKey(
        SurveyPage, on_delete=models.PROTECT, related_name="summaries"
    )
    intro = models.TextField(max_length=400, blank=True)
    body = StreamField(BodyBlock(), blank=True, use_json_field=True)
    show_charts = models.BooleanField(
        default=True,
        help_text=format_lazy(
            _(
                "Show counts for the questions with set answers. Written answers "
                "are never shown here. Questions fewer than {n} people answered "
                "are hidden."
            ),
            n=MIN_GROUP_SIZE,
        ),
    )

    content_panels = Page.content_panels + [
        PageChooserPanel("survey", page_type="surveys.SurveyPage"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("show_charts"),
    ]
    parent_page_types = ["surveys.SurveyIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("'what you told us' summary")


class SurveyResponse(models.Model):
    """One person's answers to one survey. Anonymous responses have no respondent."""

    survey = models.ForeignKey(
        SurveyPage, on_delete=models.CASCADE, related_name="responses"
    )
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_responses",
        help_text=_("Empty for anonymous surveys."),
    )
    # A random token from the form: a double tap or a retried post finds this
    # response instead of making a second one. It says nothing about the person.
    submission_token = models.CharField(
        max_length=64, unique=True, null=True, blank=True, editable=False
    )
    speaker_type = models.CharField(
        max_length=20, choices=SpeakerType.choices, blank=True
    )
    age_band = models.CharField(max_length=10, choices=AgeBand.choices, blank=True)
    submitted_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "respondent"],
                condition=models.Q(respondent__isnull=False),
                name="one_response_per_person_per_survey",
            )
        ]
        permissions = [
            ("view_results", "Can see survey results and export responses"),
        ]

    def __str__(self) -> str:
        return f"Response #{self.pk} to {self.survey_id}"


class Answer(models.Model):
    """One answer to one question: a number, a chosen option, or moderated text.

    A question where several options can be picked has one row per option;
    only the first counts the person (`counts_person`), so people who answered
    are counted without COUNT(DISTINCT). Who answered and their age band are
    copied from the response, so results and breakdowns come from one grouped
    scan of this table (no join), however many responses there are.
    """

    survey = models.ForeignKey(
        SurveyPage, on_delete=models.CASCADE, related_name="+", editable=False
    )
    response = models.ForeignKey(
        SurveyResponse, on_delete=models.CASCADE, related_name="answers"
    )
    question_id = models.CharField(max_length=64)
    number = models.SmallIntegerField(null=True, blank=True)
    choice = models.CharField(max_length=100, blank=True)
    moderated_text = models.OneToOneField(
        ModeratedText,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="survey_answer",
    )
    speaker_type = models.CharField(
        max_length=20, choices=SpeakerType.choices, blank=True, editable=False
    )
    age_band = models.CharField(
        max_length=10, choices=AgeBand.choices, blank=True, editable=False
    )
    counts_person = models.BooleanField(default=True, editable=False)

    class Meta:
        ordering = ["response_id", "pk"]
        indexes = [
            # Covers the results query, so it reads the index alone.
            models.Index(
                fields=[
                    "survey",
                    "question_id",
                    "number",
                    "choice",
                    "speaker_type",
                    "age_band",
                    "counts_person",
                ],
                name="survey_answer_results_idx",
            ),
            # Written answers only: a small index, so their statuses and the
            # newest approved ones are found without reading every answer.
            models.Index(
                fields=["survey", "question_id", "moderated_text"],
                name="survey_answer_text_idx",
                condition=models.Q(moderated_text__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"Answer to {self.question_id}"


class SurveyInvitation(models.Model):
    """That a person who came to an event was invited to its survey: each once only."""

    survey = models.ForeignKey(
        SurveyPage, on_delete=models.CASCADE, related_name="invitations"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="survey_invitations",
    )
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "person"], name="one_invitation_per_person_per_survey"
            )
        ]

    def __str__(self) -> str:
        return f"Invitation to {self.survey_id} for {self.person_id}"
