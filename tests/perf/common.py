"""Command-line plumbing shared by the bench, load and fault scripts."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from tests.perf.server import ROOT


def base_arguments(description: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL"),
        help="postgres:// URL of a database the script may fill (default: $BENCH_DATABASE_URL or $DATABASE_URL)",
    )
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("BENCH_REDIS_URL") or os.environ.get("REDIS_URL"),
        help="redis:// URL (default: $BENCH_REDIS_URL or $REDIS_URL)",
    )
    parser.add_argument(
        "--port", type=int, default=int(os.environ.get("BENCH_PORT", 8180))
    )
    return parser


def require_production_stack(args: argparse.Namespace) -> None:
    if not (args.database_url or "").startswith(("postgres://", "postgresql://")):
        sys.exit("Set BENCH_DATABASE_URL (or DATABASE_URL) to a postgres:// URL.")
    if not (args.redis_url or "").startswith("redis://"):
        sys.exit("Set BENCH_REDIS_URL (or REDIS_URL) to a redis:// URL.")


def setup_django(database_url: str, redis_url: str) -> None:
    """Django in this process, on the server's database, to check the stored rows."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.bench"
    os.environ["DATABASE_URL"] = database_url
    os.environ["REDIS_URL"] = redis_url
    for path in (str(ROOT), str(ROOT / "site")):
        if path not in sys.path:
            sys.path.insert(0, path)
    import django

    django.setup()
    # One line per request from the client library would drown the figures.
    logging.getLogger("httpx").setLevel(logging.WARNING)


def ensure_database(database_url: str) -> None:
    """Create the database named in the URL if it does not exist yet."""
    from urllib.parse import urlparse

    import psycopg
    from psycopg import sql

    parsed = urlparse(database_url)
    name = parsed.path.lstrip("/")
    admin_url = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(
                sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
            )
