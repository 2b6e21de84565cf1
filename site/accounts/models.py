"""People who sign in, and the one-time codes that let a young person start without email."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.age_bands import AgeBand


class User(AbstractUser):
    """A person with an account. Young people give a username only; names stay blank."""

    case_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supported_young_people",
        help_text=_("The case worker who supports this young person, if any."),
    )
    age_band = models.CharField(
        _("age group"),
        max_length=10,
        choices=AgeBand.choices,
        blank=True,
        help_text=_(
            "Young people only: decides whether a parent or carer must agree to "
            "events that need consent. Blank means not known. Never a date of birth."
        ),
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        permissions = [
            ("access_staff_area", "Can open the staff work area"),
            (
                "create_supported_account",
                "Can create accounts for young people they support",
            ),
            (
                "agree_sign_in_codes",
                "Can agree to a new sign-in code for someone who has a password",
            ),
        ]

    def __str__(self) -> str:
        return self.username


class SignInCodeRequest(models.Model):
    """A worker asks for a new code for someone who has a password; someone else decides.

    A code replaces the person's password when it is used, so it is never
    made for an account with a password on one person's word alone.
    """

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting for a second member of staff")
        AGREED = "agreed", _("Agreed: the code can be printed")
        REFUSED = "refused", _("Refused")
        PRINTED = "printed", _("Code printed")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="sign_in_code_requests",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(max_length=300)
    requested_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.WAITING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"New sign-in code asked for {self.user}"


class SignInCode(models.Model):
    """A printable, single-use code a young person uses to choose their own password."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sign_in_codes"
    )
    code_hash = models.CharField(max_length=128, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    agreed_request = models.ForeignKey(
        SignInCodeRequest,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The agreement that let this code replace a password."),
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Sign-in code for {self.user}"

    def is_usable(self) -> bool:
        return self.used_at is None and self.expires_at > timezone.now()


class Notification(models.Model):
    """A message for one person, shown in their account (and emailed if they gave an email)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    message = models.CharField(max_length=500)
    link = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.message
