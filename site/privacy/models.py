"""The record of who looked at whose data, and how long each kind of data is kept."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class AccessLog(models.Model):
    """One look by a member of staff at one person's identifiable records.

    `subject_number` keeps the person's account number after their account is
    deleted, so the log still says which records were opened without keeping
    their name.
    """

    who = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The member of staff."),
    )
    who_username = models.CharField(max_length=150)
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The person whose data was seen."),
    )
    subject_number = models.PositiveBigIntegerField(null=True, blank=True)
    what = models.CharField(max_length=200)
    path = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        permissions = [
            (
                "handle_requests",
                "Can show, download and delete a person's data when they ask",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.who_username}: {self.what}"


@register_setting(icon="lock")
class RetentionSettings(BaseGenericSetting):
    """How long each kind of data is kept before `purge_expired_data` removes it."""

    free_text_months = models.PositiveSmallIntegerField(
        default=12,
        help_text=_(
            "Months the words of feedback, survey answers and comments are kept "
            "after a moderator has decided on them. After that the words are "
            "removed; the topic, feeling and decision stay for reports."
        ),
    )
    safeguarding_years = models.PositiveSmallIntegerField(
        default=6,
        help_text=_(
            "Years a safeguarding record is kept after it is closed. Six years is "
            "common in UK services, but your service must set its own policy with "
            "its safeguarding partnership and data protection officer; records "
            "about a child may need keeping until they are 25 or longer."
        ),
    )
    notification_days = models.PositiveSmallIntegerField(
        default=180,
        help_text=_("Days messages in a person's account are kept."),
    )
    sign_in_code_days = models.PositiveSmallIntegerField(
        default=30,
        help_text=_("Days a used or run-out sign-in code is kept."),
    )
    finished_task_days = models.PositiveSmallIntegerField(
        default=7,
        help_text=_(
            "Days a finished background job is kept. Jobs such as an email "
            "hold the address and the words sent, so they do not stay for ever."
        ),
    )
    consent_months = models.PositiveSmallIntegerField(
        default=12,
        help_text=_(
            "Months after an event is over that its consent records keep the name "
            "of who gave consent and why it was taken back. After that the name "
            "and reason are removed; who they were to the young person (parent, "
            "carer), how and when stay with the sign-up."
        ),
    )
    access_log_years = models.PositiveSmallIntegerField(
        default=2,
        help_text=_("Years the record of staff looking at people's data is kept."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("free_text_months"), FieldPanel("safeguarding_years")],
            heading=_("What young people and parents/carers write"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("notification_days"),
                FieldPanel("sign_in_code_days"),
                FieldPanel("finished_task_days"),
                FieldPanel("consent_months"),
                FieldPanel("access_log_years"),
            ],
            heading=_("Accounts and records"),
        ),
    ]

    class Meta:
        verbose_name = _("How long we keep data")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)
