"""Tests: base settings with a fast hasher and in-memory email."""

import os
from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F403
from .base import CACHES, CHANNEL_LAYERS, REDIS_URL, VAR_DIR
from .env import env_str

SECRET_KEY = "test-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]  # noqa: S104 - the test client and live servers only
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "test-media"
# Tasks run as they are enqueued unless a test asks for the database queue.
TASKS = {
    "default": {
        "BACKEND": env_str(
            "TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}


def redis_url_for_worker(url: str, worker: int) -> str:
    """The same Redis server, the database `worker` places after the URL's own."""
    parts = urlsplit(url)
    database = int(parts.path.strip("/") or 0)
    return urlunsplit(parts._replace(path=f"/{(database + worker) % 16}"))


# Parallel test processes (pytest-xdist's gw0, gw1, ...) each get their own
# Redis database: a test may empty the cache, and live-update groups have
# fixed names. Each also gets its own test database (pytest-django).
XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if REDIS_URL and XDIST_WORKER:
    WORKER_REDIS_URL = redis_url_for_worker(
        REDIS_URL, int(XDIST_WORKER.removeprefix("gw"))
    )
    CACHES["default"]["LOCATION"] = WORKER_REDIS_URL
    for host in CHANNEL_LAYERS["default"]["CONFIG"]["hosts"]:
        host["address"] = WORKER_REDIS_URL
