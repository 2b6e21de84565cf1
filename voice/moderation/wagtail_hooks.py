"""Moderation lists in the Wagtail admin, and the audit log actions of moderation."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from pages.admin_exports import SnippetViewSet
from voice.moderation import log_actions
from voice.moderation.models import NotSharedReason, Theme


class NotSharedReasonViewSet(SnippetViewSet):
    model = NotSharedReason
    icon = "comment"
    menu_label = _("Reasons for not sharing")
    list_display = ["title", "plain_words"]
    search_fields = ["title", "plain_words"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["name", "description"]
    search_fields = ["name", "description"]


class ModerationListsGroup(SnippetViewSetGroup):
    menu_label = _("Moderation lists")
    menu_icon = "list-ul"
    menu_order = 300
    items = (NotSharedReasonViewSet, ThemeViewSet)


register_snippet(ModerationListsGroup)


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions):
    for action, label, message in log_actions.LOG_ACTIONS:
        actions.register_action(action, label, message)
