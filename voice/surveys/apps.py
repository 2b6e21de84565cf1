from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "voice.surveys"
    verbose_name = "Surveys"
