from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "voice.moderation"
    verbose_name = "Moderation and safeguarding"

    def ready(self):
        from voice.moderation import screening  # models are loaded only now

        screening.connect_signals()
