from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "voice.moderation"
    verbose_name = "Moderation"

    def ready(self):
        # Imported once models are loaded: services registers moderation's
        # step for a text whose concern is closed as "no concern".
        from voice.moderation import services  # noqa: F401
