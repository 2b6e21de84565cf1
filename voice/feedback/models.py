"""Feedback from young people and parents/carers, and the topics it can be about.

The words themselves live in a `ModeratedText` (voice.moderation), so screening,
moderation, safeguarding and retention treat every piece of free text alike.
Anonymous feedback has no link to any account, and no IP address or user agent
is kept with any feedback.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pages.faces import Feeling
from voice.feedback.about_you import Question
from voice.feedback.receipts import normalise_receipt_code
from voice.moderation.models import ModeratedText


class Topic(models.Model):
    """Something feedback can be about (my worker, appointments, court…), managed by staff."""

    name = models.CharField(max_length=80, unique=True)
    plain_words = models.CharField(
        max_length=120,
        blank=True,
        help_text=_("How the topic is shown to young people, if different."),
    )
    sort_order = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(
        default=True, help_text=_("Only active topics are offered on the form.")
    )

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.plain_words or self.name


class Speaker(models.TextChoices):
    YOUNG_PERSON = "young_person", _("A young person")
    PARENT_CARER = "parent_carer", _("A parent or carer")


class Feedback(models.Model):
    """One piece of feedback: who was speaking, about what, how they felt, and what they said.

    The words themselves are in `moderated_text` (voice.moderation's
    ModeratedText), where every text a child writes is screened, moderated
    and expired the same way.
    """

    receipt_code = models.CharField(max_length=16, unique=True, editable=False)
    # A random token from the form, so a double click or a retried post
    # finds the feedback already given instead of making a second one.
    submission_token = models.CharField(
        max_length=64, unique=True, null=True, blank=True, editable=False
    )
    speaker = models.CharField(max_length=20, choices=Speaker.choices)
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="feedback")
    feeling = models.PositiveSmallIntegerField(choices=Feeling.choices)
    moderated_text = models.OneToOneField(
        ModeratedText, on_delete=models.PROTECT, related_name="feedback"
    )
    share_consent = models.BooleanField(
        default=False, help_text=_("They agreed to share it, without their name.")
    )
    share_consent_withdrawn_at = models.DateTimeField(null=True, blank=True)
    wants_reply = models.BooleanField(default=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback",
        help_text=_("Empty for anonymous feedback."),
    )
    supported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The case worker who helped them give it, if any."),
    )
    report_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "feedback"
        indexes = [
            models.Index(fields=["topic", "created_at"]),
            # The public page: newest first among what the person agreed to share.
            models.Index(
                fields=["-created_at", "-id"],
                condition=Q(
                    share_consent=True, share_consent_withdrawn_at__isnull=True
                ),
                name="feedback_shareable_newest",
            ),
        ]

    def __str__(self) -> str:
        # Staff see this (logs, the admin): the receipt code is the child's secret.
        return f"Feedback {self.pk}"

    @property
    def is_anonymous(self) -> bool:
        return self.author_id is None

    @staticmethod
    def receipt_code_as_stored(typed: str) -> str | None:
        """A typed receipt code in its stored form (None if it cannot be one).

        For the moderation queue's search, which reaches this model through its
        relation to the words (moderation sits below feedback).
        """
        return normalise_receipt_code(typed)

    @property
    def is_shared(self) -> bool:
        """Shown on the public page: approved, consented and not withdrawn."""
        return (
            self.share_consent
            and self.share_consent_withdrawn_at is None
            and self.moderated_text.status == ModeratedText.Status.APPROVED
        )


class FeedbackReport(models.Model):
    """A visitor's report that a shared piece of feedback should not be on the website.

    Nothing about who reported it is kept: no account, no address. `network`
    is a keyed hash of the reporter's network (not their address), so that
    reports from one place count once towards taking an item down.
    """

    class Reason(models.TextChoices):
        PERSONAL_DETAILS = (
            "personal_details",
            _("It says who someone is, or how to find them"),
        )
        UNKIND = "unkind", _("It is rude, unkind or hurtful")
        UNSAFE = "unsafe", _("It might put someone in danger")
        OTHER = "other", _("Something else is wrong with it")

    feedback = models.ForeignKey(
        Feedback, on_delete=models.CASCADE, related_name="reports"
    )
    reason = models.CharField(max_length=20, choices=Reason.choices)
    network = models.CharField(max_length=32, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["feedback", "created_at"])]

    def __str__(self) -> str:
        return f"Report on {self.feedback}: {self.get_reason_display()}"


# --- Daily roll-ups ----------------------------------------------------------
# Counts per local day that the review dashboard and board report read instead
# of scanning every piece of feedback. Kept by `voice.feedback.rollups`: built
# for each finished day, rebuilt for a day when anything about its feedback
# changes; today is always counted from the feedback itself.


class FeedbackRollup(models.Model):
    """The last day the roll-ups cover (one row)."""

    through = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Feedback rolled up through {self.through}"


class RolledUpDay(models.Model):
    """A row of counts for one local day; a day's rows are replaced together."""

    day = models.DateField()

    class Meta:
        abstract = True
        indexes = [models.Index(fields=["day"], name="%(class)s_day")]


class FeedbackDay(RolledUpDay):
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")
    speaker = models.CharField(max_length=20, choices=Speaker.choices)
    feeling = models.PositiveSmallIntegerField(choices=Feeling.choices)
    approved = models.BooleanField()
    answered = models.BooleanField()
    signed_in = models.BooleanField()
    count = models.PositiveIntegerField()

    def __str__(self) -> str:
        return f"{self.day}: {self.count} feedback"


class FeedbackThemeDay(RolledUpDay):
    """Approved feedback per theme and day."""

    theme = models.ForeignKey(
        "moderation.Theme", on_delete=models.CASCADE, related_name="+"
    )
    count = models.PositiveIntegerField()

    def __str__(self) -> str:
        return f"{self.day}: {self.count} feedback about theme {self.theme_id}"


class FeedbackResponseDay(RolledUpDay):
    """Answered feedback per day, by whole hours from feedback to first response."""

    hours = models.IntegerField()
    count = models.PositiveIntegerField()

    def __str__(self) -> str:
        return f"{self.day}: {self.count} answered in {self.hours} hours"


class FeedbackAuthorDay(RolledUpDay):
    """Who gave feedback while signed in, per day: people are counted once a period."""

    speaker = models.CharField(max_length=20, choices=Speaker.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )

    def __str__(self) -> str:
        return f"{self.day}: person {self.author_id}"


class AboutYouCount(models.Model):
    """How many people gave one answer to one "about you" question on one day.

    Only counts: no row stands for a person, and nothing here points to the
    feedback, its receipt code or an account, so the answers cannot be
    joined back to anyone's words. The day is the finest time kept (never a
    time of day), and each question is counted on its own, so one person's
    answers are never kept together. The count for a question left empty on
    a form that was sent has an empty `answer`.
    """

    day = models.DateField()
    speaker = models.CharField(max_length=20, choices=Speaker.choices)
    question = models.CharField(max_length=20, choices=Question.choices)
    answer = models.CharField(max_length=20, blank=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["day", "speaker", "question", "answer"],
                name="about_you_one_count_per_answer_per_day",
            )
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.question}: {self.answer or '-'} × {self.count}"


class SpentAboutYouForm(models.Model):
    """A one-time "about you" form that was sent or skipped, so a re-post counts once.

    `digest` is a hash of the form's random one-time value, which is not kept
    with the feedback either. Rows are removed once the form could no longer
    be sent (see services.record_about_you).
    """

    digest = models.CharField(max_length=64, unique=True)
    day = models.DateField()

    def __str__(self) -> str:
        return f"About-you form spent on {self.day}"
