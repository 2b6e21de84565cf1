"""Settings shared by every environment. Everything that varies comes from the environment."""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.retry import Retry

from .env import env_bool, env_int, env_list, env_str

SITE_DIR = Path(__file__).resolve().parents[2]  # the `site/` folder
BASE_DIR = SITE_DIR.parent  # the repository root
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)  # the embedded database and media live here

SECRET_KEY = env_str("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
CSRF_FAILURE_VIEW = "pages.views.csrf_failure"

INSTALLED_APPS = [
    "daphne",
    # Our apps come first so their templates and static files win.
    "pages",
    "accounts",
    "privacy",
    "voice.moderation",
    "voice.safeguarding",
    "voice.feedback",
    "voice.surveys",
    "voice.board",
    "voice.review",
    "programmes",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Live updates and background work
    "channels",
    "django_tasks",
    "django_tasks_db",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Django's own widget templates, for the form renderer below.
    "django.forms",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "config.csp.SiteCSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Pages with someone's words, receipt or form are never kept (privacy/never_kept.py).
    "privacy.never_kept.NeverKeptMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.AccessRuleMiddleware",
    "accounts.middleware.StaffMFAMiddleware",
    # Wagtail's admin never sees a number too big for any id (pages/ids.py).
    "pages.ids.AdminIdsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pages.context_processors.service",
                "pages.context_processors.site_navigation",
            ],
        },
    },
]

# Every form is drawn with the site's form and field templates (pages/forms_rendering.py).
FORM_RENDERER = "pages.forms_rendering.SiteFormRenderer"

# --- Database -------------------------------------------------------------
# The embedded default is an SQLite file in WAL mode with a busy timeout and
# IMMEDIATE transactions: writers queue for the lock instead of failing with
# "database is locked" when a room full of young people submit at once.
SQLITE_OPTIONS = {
    "timeout": 30,
    "transaction_mode": "IMMEDIATE",
    "init_command": (
        "PRAGMA journal_mode=WAL;"
        "PRAGMA synchronous=NORMAL;"
        "PRAGMA busy_timeout=30000;"
        "PRAGMA foreign_keys=ON;"
    ),
}


def database_from_url(url: str, pool_size: int = 0) -> dict:
    """Django's database settings from a URL.

    With `pool_size`, PostgreSQL connections come from psycopg's pool (checked
    before each use, so a database restart costs no failed request once it is
    back). Django's documentation advises a pool rather than persistent
    connections when serving over ASGI.
    """
    config = dj_database_url.parse(url, conn_max_age=env_int("CONN_MAX_AGE", 0))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = dict(SQLITE_OPTIONS)
        return config
    config["CONN_HEALTH_CHECKS"] = True
    if pool_size:
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"] = {
            "pool": {"min_size": 1, "max_size": pool_size, "timeout": 5}
        }
    return config


DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}")
# Production-like settings (production, bench) keep a pool of PostgreSQL
# connections in each worker process instead of opening one per request: +25%
# submissions a second in `make bench`, and `make faults` passes with it
# (docs/performance.md). DATABASE_POOL_SIZE changes the size; 0 turns it off.
PRODUCTION_POOL_SIZE = 10


def databases(default_pool_size: int = 0) -> dict:
    pool_size = env_int("DATABASE_POOL_SIZE", default_pool_size)
    return {"default": database_from_url(DATABASE_URL, pool_size=pool_size)}


DATABASES = databases()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and channel layer ----------------------------------------------
REDIS_URL = env_str("REDIS_URL", "")
# One immediate retry (a connection dropped since its last use), then give up:
# redis-py's default backs off for seconds, and a page must not wait for that.
ONE_QUICK_RETRY = Retry(NoBackoff(), 1)


def redis_cache(url: str) -> dict:
    """django-redis on `url`: one connection pool per process, an outage reads as empty.

    Everything this site keeps in the cache can be lost without harm (rate
    limit counts, the footer's service details), so while Redis cannot be
    reached the cache behaves as an empty one that keeps nothing and logs it
    (IGNORE_EXCEPTIONS), instead of turning a child's feedback into a server
    error; rate limits go uncounted meanwhile. django-redis keeps its pools
    per process, so the cache object Django makes for each ASGI request
    reuses the open connections instead of opening new ones.
    """
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "yv"),
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 1,
            "SOCKET_TIMEOUT": 2,
            "CONNECTION_POOL_KWARGS": {"retry": ONE_QUICK_RETRY},
        },
    }


# Ignored cache errors are logged (with the reason) under this logger's name.
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "cache.unreachable"

if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
    CHANNEL_LAYERS = {
        "default": {
            # A cancelled receive always ends (config/channel_layer.py).
            "BACKEND": "config.channel_layer.CancellableRedisChannelLayer",
            "CONFIG": {
                # A restarted Redis leaves every pooled connection dead; the
                # first command on each then reconnects and is sent again,
                # so no live update is lost to a stale connection.
                # The layer waits for messages in 5 s blocking pops; redis-py
                # 8's default socket timeout is also 5 s, which tore quiet
                # websockets down (channels_redis issue 422). Twice the wait.
                "hosts": [
                    {
                        "address": REDIS_URL,
                        "retry_on_error": [RedisConnectionError],
                        "socket_timeout": 10,
                    }
                ],
                "prefix": env_str("CHANNEL_PREFIX", "yv"),
                "capacity": 1500,
                "expiry": 30,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
# Blank questions that depend only on the code and the language (the "about
# you" questions on the thank-you page, the "I don't feel safe" box): each
# process renders them once and keeps them in its own memory, so they cost
# no round trip to Redis, and a new release starts with none kept.
CACHES["fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "fragments",
}

# --- Background tasks -----------------------------------------------------
# django-tasks with its database backend works on SQLite and PostgreSQL alike;
# `manage.py db_worker` runs the queue (see README, "Background work").
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Accounts -------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:landing"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
# Children sign up with a username only: no real name, email optional.
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_UNIQUE_EMAIL = True
# Sign-up never says an email address is in use: with "strict", allauth lets
# the sign-up through and the address stays unverified on the new account.
# Usernames are how people sign in, so sign-up must still say when one is
# taken; the sign-up limit per address bounds how fast anyone can ask.
ACCOUNT_PREVENT_ENUMERATION = "strict"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = False  # shared phones: a session ends with the browser
# allauth's forms with our labels and help, in the site's plain words.
ACCOUNT_FORMS = {
    "signup": "accounts.forms.SignupForm",
    "login": "accounts.forms.LoginForm",
    "reset_password": "accounts.forms.ResetPasswordForm",
    "reset_password_from_key": "accounts.forms.ResetPasswordKeyForm",
    "change_password": "accounts.forms.ChangePasswordForm",
    "set_password": "accounts.forms.SetPasswordForm",
    "add_email": "accounts.forms.AddEmailForm",
    "reauthenticate": "accounts.forms.ReauthenticateForm",
}
# A group session may have thirty young people behind one office address, so
# per-address limits are generous and per-account limits do the real work.
ACCOUNT_RATE_LIMITS = {
    "login": "60/m/ip",
    "login_failed": "30/m/ip,5/5m/key",
    "signup": "40/m/ip,200/h/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "confirm_email": "1/3m/key",
    # The sign-in code page (accounts:redeem_code): a code has about 56 bits,
    # so this stops nothing but brute force, and a room of 30 still gets in.
    "redeem_sign_in_code": "40/m/ip,200/h/ip",
}
# How many proxies of our own (load balancer, CDN) stand in front of the site.
# Each appends the address it saw to X-Forwarded-For; with 0 the header is
# ignored. allauth's limits and ours read the client address from this one
# setting (accounts.client_address).
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_FORMS = {
    "authenticate": "accounts.forms.MfaAuthenticateForm",
    "reauthenticate": "accounts.forms.MfaReauthenticateForm",
    "activate_totp": "accounts.forms.ActivateTotpForm",
}
MFA_TOTP_ISSUER = env_str("MFA_TOTP_ISSUER", "Youth Voice")
# Staff must set up MFA before a staff page or the Wagtail admin opens.
STAFF_MFA_REQUIRED = env_bool("STAFF_MFA_REQUIRED", True)
SIGN_IN_CODE_LIFETIME_HOURS = env_int("SIGN_IN_CODE_LIFETIME_HOURS", 72)

SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 4)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# --- Moderation -----------------------------------------------------------
# A moderator's claim on an item lapses after this long, so others can take it over.
MODERATION_CLAIM_STALE_MINUTES = env_int("MODERATION_CLAIM_STALE_MINUTES", 30)
# `send_moderation_digest` emails moderators about items waiting longer than this.
MODERATION_DIGEST_AFTER_HOURS = env_int("MODERATION_DIGEST_AFTER_HOURS", 24)
# Largest message, in bytes, any page may send over its websocket (pages.consumers).
WEBSOCKET_MAX_MESSAGE_BYTES = 1024

# --- Email ----------------------------------------------------------------
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Youth Voice <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Internationalisation -------------------------------------------------
LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en-gb", _("English"))]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

# --- Static and media -----------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [SITE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Wagtail --------------------------------------------------------------
WAGTAIL_SITE_NAME = env_str("SITE_NAME", "Youth Voice")
WAGTAILADMIN_BASE_URL = env_str("BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_LOGIN_URL = "/accounts/login/"
# Private pages that need a sign-in send people to allauth, not to /_util/login/.
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
# A page or document behind a shared password asks for it in the site's own
# layout and words, with the header's "I don't feel safe" still there.
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "pages/password_required.html"
WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE = "pages/password_required.html"
# Wagtail's own password views know nothing of allauth's rate limits and MFA.
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
# Staff never set someone else's password: whoever knows it could take the
# account over. People choose their own (sign-up, a sign-in code, a reset).
WAGTAILUSERS_PASSWORD_ENABLED = False
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_USAGE_COUNT_ENABLED = False
WAGTAILEMBEDS_FINDERS = []  # embeds would load content from other hosts

# --- Security headers -----------------------------------------------------
# Scripts and styles come only from our own static files. Wagtail's admin
# needs inline styles, so style-src allows them; scripts never run inline.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
# The Wagtail admin's widgets start with inline scripts Wagtail writes itself
# (page and image choosers, date pickers, inline panels): its pages, and only
# those, may run inline scripts. Its sign-in door stays strict (config/csp.py).
WAGTAILADMIN_PATH_PREFIX = "/admin/"
ADMIN_CSP_STRICT_PATHS = ["/admin/login/"]
ADMIN_CONTENT_SECURITY_POLICY_UPDATE = {"script-src": ["'unsafe-inline'"]}
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# --- Logging --------------------------------------------------------------
# No log line may hold a network address or a user agent: anonymous paths must
# not leave them anywhere. The servers' access logs go to a null handler (an
# empty handler list would send warnings such as 404s to Python's last-resort
# stderr handler, address and all), the servers' other loggers write through
# our handler, and every handler removes IP addresses from messages
# (privacy/log_filters.py). tests/privacy/test_logs.py checks this.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "no_addresses": {"()": "privacy.log_filters.RemoveClientAddresses"},
        "cache_outage_in_one_line": {
            "()": "config.logging_filters.CacheOutageInOneLine"
        },
    },
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["no_addresses"],
        },
        "null": {"class": "logging.NullHandler"},
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.server": {"handlers": ["null"], "propagate": False},
        DJANGO_REDIS_LOGGER: {"filters": ["cache_outage_in_one_line"]},
        "django.channels.server": {"handlers": ["null"], "propagate": False},
        "daphne.access": {"handlers": ["null"], "propagate": False},
        "uvicorn.access": {"handlers": ["null"], "propagate": False},
        "gunicorn.access": {"handlers": ["null"], "propagate": False},
        # Their other messages (start-up, errors) go through our filtered handler.
        "daphne": {"handlers": ["console"], "propagate": False},
        "uvicorn": {"handlers": ["console"], "propagate": False},
    },
}
