from django.apps import AppConfig
from django.urls import register_converter
from django.utils.module_loading import autodiscover_modules


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "Site pages"

    def ready(self):
        # Imported here: these modules read models and settings, which need the
        # app registry ready.
        from pages import service_settings, workflow_messages
        from pages.ids import IdConverter

        # Before any URL configuration is read: every `<id:...>` there needs it.
        register_converter(IdConverter, "id")
        service_settings.connect_signals()
        workflow_messages.connect_signals()
        # Each app's navigation.py and routing.py register their links and
        # websocket routes when imported (pages.navigation.register,
        # pages.websocket_routes.register); pages may not import feature apps.
        autodiscover_modules("navigation", "routing")
