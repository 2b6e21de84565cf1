#!/usr/bin/env python
"""Django's command-line entry point."""

import os
import sys
from pathlib import Path


def main() -> None:
    # The project's packages live inside the plain folder `site/` (see README).
    sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.development")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
