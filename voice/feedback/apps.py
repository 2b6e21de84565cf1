from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "voice.feedback"
    verbose_name = "Feedback"

    def ready(self):
        # Imported here: these connect signals to models, which are loaded only
        # once the app registry is ready.
        from voice.feedback import blank_form, rollups

        rollups.connect_signals()
        blank_form.connect_signals()
