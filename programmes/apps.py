from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = "Programmes and events"

    def ready(self):
        # Imported here: the receivers use the models, ready only once apps load.
        from programmes import signals

        signals.connect_signals()
