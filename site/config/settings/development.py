"""Local development: the embedded default, MFA off so the demo opens at once."""

from .base import *  # noqa: F403
from .env import env_bool, env_str

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY", "development-only-not-secret")
STAFF_MFA_REQUIRED = env_bool("STAFF_MFA_REQUIRED", False)
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
