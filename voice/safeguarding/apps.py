from django.apps import AppConfig


class SafeguardingConfig(AppConfig):
    name = "voice.safeguarding"
    label = "safeguarding"
    verbose_name = "Safeguarding"
