"""The safeguarding phrase list in the Wagtail admin, and the audit log actions of safeguarding."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from pages.admin_exports import SnippetViewSet
from voice.safeguarding import log_actions
from voice.safeguarding.models import SafeguardingPhrase


class SafeguardingPhraseViewSet(SnippetViewSet):
    model = SafeguardingPhrase
    icon = "warning"
    menu_label = _("Safeguarding phrases")
    list_display = ["phrase", "category", "active"]
    list_filter = ["category", "active"]
    search_fields = ["phrase"]
    ordering = ["category", "phrase"]
    menu_order = 290


register_snippet(SafeguardingPhraseViewSet)


@hooks.register("register_log_actions")
def register_safeguarding_log_actions(actions):
    for action, label, message in log_actions.LOG_ACTIONS:
        actions.register_action(action, label, message)
