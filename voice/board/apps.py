from django.apps import AppConfig


class BoardConfig(AppConfig):
    name = "voice.board"
    verbose_name = "Shadow board"
