from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "voice.feedback"
    verbose_name = "Feedback"

    def ready(self):
        from voice.feedback import blank_form, rollups

        rollups.connect_signals()
        blank_form.connect_signals()
