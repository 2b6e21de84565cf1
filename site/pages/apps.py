from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "Site pages"

    def ready(self):
        from pages import (
            lookups,  # noqa: F401  (registers overflow-safe lookups)
            service_settings,
            workflow_messages,
        )
        from pages.spreadsheets import neutralise_wagtail_exports

        neutralise_wagtail_exports()
        service_settings.connect_signals()
        workflow_messages.connect_signals()
