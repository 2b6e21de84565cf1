from django.apps import AppConfig


class BoardConfig(AppConfig):
    name = "voice.board"
    verbose_name = "Shadow board"

    def ready(self):
        # Imported here: participation reads the board's models, which are
        # loaded only once the app registry is ready.
        from programmes.participation import register_provider
        from voice.board.participation import board_participation

        register_provider(board_participation)
