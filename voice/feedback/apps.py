from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "voice.feedback"
    verbose_name = "Feedback"
