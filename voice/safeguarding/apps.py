from django.apps import AppConfig


class SafeguardingConfig(AppConfig):
    name = "voice.safeguarding"
    label = "safeguarding"
    verbose_name = "Safeguarding"

    def ready(self):
        # Imported here: screening connects signals to models, which are
        # loaded only once the app registry is ready.
        from voice.safeguarding import screening

        screening.connect_signals()
