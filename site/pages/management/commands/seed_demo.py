"""Build a believable demo site. Safe to run again: it updates what is there."""

import os
from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Create demo pages, programmes, events and one user per role. Each app adds "
        "its own part in its `demo.py` (a `seed(context)` function)."
    )

    def handle(self, *args, **options):
        password = os.environ.get("DEMO_PASSWORD", "demo-pass-123")
        context = {"password": password, "stdout": self.stdout}
        with transaction.atomic():
            for app_config in apps.get_app_configs():
                try:
                    module = import_module(f"{app_config.name}.demo")
                except ModuleNotFoundError as error:
                    if error.name != f"{app_config.name}.demo":
                        raise
                    continue
                module.seed(context)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        self.stdout.write(f"Demo logins (password: {password}):")
        for username, role in context.get("logins", []):
            self.stdout.write(f"  {username:<13} {role}")
