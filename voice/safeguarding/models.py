"""Safeguarding concerns that a lead acknowledges, acts on and closes, and the phrase lists that raise them.

Both tables were made when safeguarding lived inside moderation; they keep
their names so that upgrading moves no rows.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from voice.safeguarding.phrases import check_pattern


class SafeguardingPhrase(models.Model):
    """Words that suggest a risk of harm (a match alerts safeguarding leads), or an everyday phrase that does not.

    Plain words match their usual forms and the ways children type them; see
    `voice/safeguarding/phrases.py` for what "a/b" and "..." mean.
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
        # The table predates this app; keeping its name keeps every row.
        db_table = "moderation_safeguardingphrase"
        ordering = ["category", "phrase"]

    def __str__(self) -> str:
        return self.phrase

    def clean(self) -> None:
        problem = check_pattern(self.phrase, self.kind)
        if problem:
            raise ValidationError({"phrase": problem})


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
        "moderation.ModeratedText",
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
        db_table = "moderation_safeguardingconcern"
        ordering = ["-created_at"]
        permissions = [
            ("handle_safeguarding", "Can see and act on safeguarding concerns"),
        ]

    def __str__(self) -> str:
        return f"Safeguarding concern #{self.pk}"
