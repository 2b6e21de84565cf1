from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "voice.surveys"
    verbose_name = "Surveys"

    def ready(self):
        # Imported here: the receivers use the models, ready only once apps load.
        from voice.surveys import signals

        signals.connect_signals()
