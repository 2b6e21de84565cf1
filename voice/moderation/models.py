"""Text written by young people and parents/carers, as it waits for and gets a moderator's decision.

Every piece of free text on the site (feedback, survey answers, board comments)
is one `ModeratedText`, so screening, the queue, safeguarding and the audit
trail work the same way for all of them. Safeguarding concerns and phrase
lists live in `voice.safeguarding`.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Theme(models.Model):
    """A theme moderators tag text with (e.g. "feeling listened to"); it feeds the service review."""

    name = models.CharField(max_length=80, unique=True)
    description = models.CharField(max_length=250, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class NotSharedReason(models.Model):
    """Why a piece of text was not shared, in words the person who wrote it will read."""

    title = models.CharField(max_length=80, unique=True, help_text=_("For staff."))
    plain_words = models.CharField(
        max_length=250, help_text=_("What the person is told, in short plain words.")
    )

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class ModeratedText(models.Model):
    """The words of every feedback, survey answer and board comment, and what happened to them.

    Feedback, survey answers and board comments keep their own facts (topic,
    question, recommendation) and point here for their words, so that
    screening, redaction, safeguarding holds, the moderator's decision and
    the retention period work the same for every text a child writes.
    """

    class Kind(models.TextChoices):
        FEEDBACK = "feedback", _("Feedback")
        SURVEY_ANSWER = "survey_answer", _("Survey answer")
        BOARD_COMMENT = "board_comment", _("Board comment")

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting to be read")
        APPROVED = "approved", _("Approved")
        NOT_SHARED = "not_shared", _("Not shared")
        SAFEGUARDING = "safeguarding", _("Passed to safeguarding")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    text = models.TextField(editable=False)
    redacted_text = models.TextField(blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty for anonymous text."),
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.WAITING, db_index=True
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    # Screening results
    safeguarding_matches = models.JSONField(default=list, blank=True)
    offensive_words = models.JSONField(default=list, blank=True)
    personal_details = models.JSONField(default=list, blank=True)
    # The text with personal details replaced, offered to the moderator.
    proposed_redaction = models.TextField(blank=True, editable=False)
    screened_at = models.DateTimeField(null=True, blank=True)

    # Moderation
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    claimed_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    not_shared_reason = models.ForeignKey(
        NotSharedReason, null=True, blank=True, on_delete=models.PROTECT
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="texts")
    # Set when a safeguarding lead found no concern and it came back to the queue.
    back_from_safeguarding_at = models.DateTimeField(
        null=True, blank=True, editable=False
    )

    # A reply the person reads with their receipt code or in their account.
    reply = models.TextField(blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    replied_at = models.DateTimeField(null=True, blank=True)

    # Set when the words were removed (past their retention period, or the
    # author deleted their account): the row stays so reports still count it.
    anonymised_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["created_at"]
        indexes = [models.Index(fields=["status", "kind", "created_at"])]
        permissions = [
            ("moderate_text", "Can moderate text from young people and parents/carers"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def public_text(self) -> str:
        """What anyone beyond staff may ever see: the redacted version when there is one."""
        return self.redacted_text or self.text

    @property
    def is_safeguarding(self) -> bool:
        return (
            bool(self.safeguarding_matches) or self.status == self.Status.SAFEGUARDING
        )
