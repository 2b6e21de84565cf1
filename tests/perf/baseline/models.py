"""Two yardsticks with the same four fields as the feedback form.

`BaselineSubmission` is written by a bare Django view (the stack's own limit);
`BaselineFormPage` is a plain Wagtail form-builder page (what a service would
use instead of a purpose-built form).
"""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField

FEELINGS = [(str(n), str(n)) for n in range(1, 6)]
SPEAKERS = [("young_person", "Young person"), ("parent_carer", "Parent or carer")]


class BaselineSubmission(models.Model):
    speaker = models.CharField(max_length=20, choices=SPEAKERS)
    topic = models.CharField(max_length=80)
    feeling = models.PositiveSmallIntegerField()
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Baseline submission #{self.pk}"


class BaselineFormField(AbstractFormField):
    page = ParentalKey(
        "BaselineFormPage", on_delete=models.CASCADE, related_name="form_fields"
    )


class BaselineFormPage(AbstractForm):
    """A Wagtail form-builder page with the same four fields as the feedback form."""

    template = "perf_baseline/form_page.html"
    landing_page_template = "perf_baseline/form_page_landing.html"
    content_panels = [*AbstractForm.content_panels, InlinePanel("form_fields")]
    settings_panels = [*AbstractForm.settings_panels, FieldPanel("slug")]
