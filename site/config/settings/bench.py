"""Benchmarks, load and fault scripts: production-like, plus the baseline yardsticks.

DEBUG is off and PostgreSQL and Redis come from the environment, as in
production, but the site is served over plain HTTP on the loopback address.
The baseline app (tests/perf/baseline: a bare Django view and a Wagtail
form-builder page with the feedback form's four fields) is added here and
mounted under /bench/, so it runs on the same server as the real endpoints
and never ships in the product's URLs.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    BASE_DIR,
    DATABASES,
    INSTALLED_APPS,
    PRODUCTION_POOL_SIZE,
    REDIS_URL,
    databases,
)
from .env import env_list, env_str

if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql" or not REDIS_URL:
    raise ImproperlyConfigured(
        "Bench settings measure the production stack: set DATABASE_URL to a "
        "postgres:// URL and REDIS_URL."
    )
DATABASES = databases(PRODUCTION_POOL_SIZE)

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY", "bench-only-not-secret")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
STAFF_MFA_REQUIRED = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

INSTALLED_APPS = ["tests.perf.baseline", *INSTALLED_APPS]
# The baseline's access rules and websocket route are found by the same
# discovery the apps use (autodiscover_modules over INSTALLED_APPS).
ROOT_URLCONF = "tests.perf.baseline.bench_urls"
MIGRATION_MODULES = {"perf_baseline": "tests.perf.baseline.migrations"}
STATIC_ROOT = BASE_DIR / "var" / "bench-static"

# Every simulated person comes from 127.0.0.1 and sends many forms: the
# feedback limits (still counted on every post, so their cost is measured)
# are raised so the benchmark measures submissions rather than refusals.
FEEDBACK_RATE_LIMITS = {
    action: ((1_000_000, 600), (1_000_000, 600))
    for action in ("submit", "check", "report", "unsafe")
}
