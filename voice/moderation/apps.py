from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "voice.moderation"
    verbose_name = "Moderation"
