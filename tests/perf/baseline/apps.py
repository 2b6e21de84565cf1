from django.apps import AppConfig


class BaselineConfig(AppConfig):
    """The yardsticks real submissions are measured against (bench settings only)."""

    name = "tests.perf.baseline"
    label = "perf_baseline"
    default_auto_field = "django.db.models.BigAutoField"
