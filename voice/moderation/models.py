"""Text written by young people and parents/carers, as it waits for and gets a moderator's decision.

Every piece of free text on the site (feedback, survey answers, board comments)
is one `ModeratedText`, so screening, the queue, safeguarding and the audit
trail work the same way for all of them.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from voice.moderation.phrases import check_pattern


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


class SafeguardingPhrase(models.Model):
    """Words that suggest a risk of harm (a match alerts safeguarding leads), or an everyday phrase that does not.

    Plain words match their usual forms and the ways children type them; see
    `voice/moderation/phrases.py` for what "a/b" and "..." mean.
    """

    class Category(models.TextChoices):
        SELF_HARM = "self_harm", _("Self-harm")
        SUICIDE = "suicide", _("Suicide")
        ABUSE = "abuse", _("Abuse")
        NEGLECT = "neglect", _("Neglect")
        DOMESTIC_ABUSE = "domestic_abuse", _("Domestic abuse")
        EXPLOITATION = "exploitation", _("Exploitation and county lines")
        ONLINE_HARM = "online_harm", _("Online harm and sextortion")
        SEXUAL_HARM = "sexual_harm", _("Sexual harm")
        WEAPONS = "weapons", _("Weapons")
        THREATS = "threats", _("Threats")
        MISSING = "missing", _("Missing or homeless")
        FEAR_AT_HOME = "fear_at_home", _("Fear at home or placement")
        RADICALISATION = "radicalisation", _("Radicalisation")
        IDIOM = "idiom", _("Not a concern: an everyday phrase")

    class Kind(models.TextChoices):
        WORDS = "words", _("Plain words")
        PATTERN = "pattern", _("Pattern (regular expression)")

    phrase = models.CharField(
        max_length=200,
        unique=True,
        help_text=_(
            'Plain words match their usual forms ("hit me" finds "hits me"). '
            '"a/b" means either word; "..." means up to three words in between.'
        ),
    )
    category = models.CharField(
        max_length=20,
        choices=Category.choices,
        help_text=_(
            'What the words are about. "Not a concern" phrases stop a match inside '
            'them from raising a concern ("nearly died laughing").'
        ),
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.WORDS)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["category", "phrase"]

    def __str__(self) -> str:
        return self.phrase

    def clean(self) -> None:
        problem = check_pattern(self.phrase, self.kind)
        if problem:
            raise ValidationError({"phrase": problem})


class ModeratedText(models.Model):
    """One piece of free text, its screening results and the moderator's decision."""

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


class SafeguardingConcern(models.Model):
    """A possible risk of harm that a safeguarding lead must acknowledge, act on and close.

    Concerns are never deleted.
    """

    class Source(models.TextChoices):
        PHRASE_MATCH = "phrase_match", _("Words in a message")
        MODERATOR = "moderator", _("Raised by a moderator")
        UNSAFE_BUTTON = "unsafe_button", _('"I don\'t feel safe" button')

    source = models.CharField(max_length=20, choices=Source.choices)
    moderated_text = models.ForeignKey(
        ModeratedText,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="concerns",
    )
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The child (if signed in) or the moderator who raised it."),
    )
    details = models.TextField(blank=True)
    # Why screening raised it (theme and reason, never the child's words beyond
    # the phrase that matched): shown to the lead beside the text.
    reasons = models.JSONField(default=list, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    action_taken = models.TextField(blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    # Set when a lead closed it finding no concern; kept here, never in the log.
    no_concern_reason = models.CharField(max_length=500, blank=True)
    # Set when the record passed its retention period and its notes were removed.
    anonymised_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        permissions = [
            ("handle_safeguarding", "Can see and act on safeguarding concerns"),
        ]

    def __str__(self) -> str:
        return f"Safeguarding concern #{self.pk}"
