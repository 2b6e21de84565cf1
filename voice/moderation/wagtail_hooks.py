"""Moderation lists in the Wagtail admin, and the audit log actions of moderation."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from pages.admin_exports import SnippetViewSet
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


# Every moderation step, as it reads in the audit log.
LOG_ACTIONS = [
    ("moderation.claim", _("Claim"), _("Claimed for moderation")),
    ("moderation.release", _("Release"), _("Given back to the queue")),
    ("moderation.approve", _("Approve"), _("Approved")),
    ("moderation.not_shared", _("Not shared"), _("Not shared")),
    ("moderation.escalate", _("Escalate"), _("Passed to safeguarding")),
    ("moderation.themes", _("Themes"), _("Themes changed")),
    ("moderation.reply", _("Reply"), _("Reply written")),
    (
        "moderation.back_from_safeguarding",
        _("Back from safeguarding"),
        _("Back in the queue: a safeguarding lead found no concern"),
    ),
]


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions):
    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)
