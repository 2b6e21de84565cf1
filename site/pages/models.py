"""The site's own pages: home, and plain pages such as about, help and accessibility."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from pages.blocks import BodyBlock


class HomePage(Page):
    """The front door: what this site is for, and big links to the main things to do."""

    intro = models.TextField(
        max_length=400, help_text=_("One or two short sentences, in plain words.")
    )
    body = StreamField(BodyBlock(), blank=True, use_json_field=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1


class StandardPage(Page):
    """A plain page of words: about the service, contact and help, accessibility."""

    intro = models.TextField(max_length=400, blank=True)
    body = StreamField(BodyBlock(), blank=True, use_json_field=True)
    last_reviewed = models.DateField(
        null=True,
        blank=True,
        help_text=_("For statements that must say when they were last checked."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("last_reviewed"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    subpage_types = ["pages.StandardPage"]


def footer_page(verbose_name) -> models.ForeignKey:
    """A page the footer links to, chosen by editors; empty again if it is deleted."""
    return models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=verbose_name,
    )


@register_setting(icon="help")
class ServiceSettings(BaseSiteSetting):
    """Who runs the service and how to reach them, shown in every page's footer."""

    service_name = models.CharField(max_length=120, default="Youth Justice Service")
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    address = models.TextField(blank=True)
    opening_hours = models.CharField(max_length=200, blank=True)
    # The footer's links follow the chosen pages wherever editors move or
    # rename them; while one is not chosen the footer links to its usual path.
    about_page = footer_page(_("about us page"))
    help_page = footer_page(_("contact and help page"))
    privacy_page = footer_page(_("privacy page"))
    accessibility_page = footer_page(_("accessibility page"))

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("service_name"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("address"),
                FieldPanel("opening_hours"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("about_page"),
                FieldPanel("help_page"),
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
            ],
            heading=_("Footer links"),
        ),
    ]
