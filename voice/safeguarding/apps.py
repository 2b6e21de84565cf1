from django.apps import AppConfig


class SafeguardingConfig(AppConfig):
    name = "voice.safeguarding"
    label = "safeguarding"
    verbose_name = "Safeguarding"

    def ready(self):
        from voice.safeguarding import screening  # models are loaded only now

        screening.connect_signals()
