from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "voice.review"
    verbose_name = "Service review"
