"""Topics in the admin, and the audit log action for reported feedback."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from pages.admin_exports import SnippetViewSet
from voice.feedback import log_actions
from voice.feedback.models import Topic


class TopicViewSet(SnippetViewSet):
    """The topics offered on the feedback form. Switch one off instead of deleting it."""

    model = Topic
    icon = "tag"
    menu_label = _("Feedback topics")
    menu_name = "feedback_topics"
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["name", "plain_words", "sort_order", "active"]
    list_filter = ["active"]
    search_fields = ["name", "plain_words"]
    ordering = ["sort_order", "name"]


register_snippet(TopicViewSet)


@hooks.register("register_log_actions")
def register_feedback_log_actions(actions):
    for action, label, message in log_actions.LOG_ACTIONS:
        actions.register_action(action, label, message)
