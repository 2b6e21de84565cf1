"""The safeguarding phrase list in the Wagtail admin, and the audit log actions of safeguarding."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from pages.admin_exports import SnippetViewSet
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


# Every safeguarding step, as it reads in the audit log.
LOG_ACTIONS = [
    ("safeguarding.raise", _("Concern raised"), _("Safeguarding concern raised")),
    (
        "safeguarding.repeat_alert",
        _("Pressed again"),
        _('"I don\'t feel safe" pressed again from the same source'),
    ),
    ("safeguarding.acknowledge", _("Acknowledge"), _("Concern acknowledged")),
    ("safeguarding.action", _("Action"), _("Action recorded")),
    ("safeguarding.close", _("Close"), _("Concern closed")),
    ("safeguarding.no_concern", _("No concern"), _("Closed: no concern")),
]


@hooks.register("register_log_actions")
def register_safeguarding_log_actions(actions):
    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)
