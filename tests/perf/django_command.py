"""Run a benchmark command kept here in tests/perf as `manage.py` would run it.

    python -m tests.perf.django_command bench_review --feedback 1000000
    python -m tests.perf.django_command bench_survey_results --responses 1000 100000
    python -m tests.perf.django_command benchmark_shared_feedback --items 100000

Benchmarks are not part of the product, so they are not management commands
of the product's apps; they are Django commands all the same (settings,
database, `--help`), started from here.
"""

import importlib
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = ("bench_review", "bench_survey_results", "benchmark_shared_feedback")


def main(argv: list[str]) -> None:
    if not argv or argv[0] not in COMMANDS:
        sys.exit(f"Name one of: {', '.join(COMMANDS)}")
    name, *arguments = argv
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.development")
    for path in (str(ROOT), str(ROOT / "site")):
        if path not in sys.path:
            sys.path.insert(0, path)
    import django  # only once the import path and settings are set, as manage.py

    django.setup()
    command = importlib.import_module(f"tests.perf.{name}").Command()
    command.run_from_argv(["manage.py", name, *arguments])


if __name__ == "__main__":
    main(sys.argv[1:])
