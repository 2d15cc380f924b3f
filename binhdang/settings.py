"""Django settings for binhdang, read from the environment with defaults that work locally.

Environment variables (all optional for a local run):

- ``DATABASE_URL``: database, e.g. ``postgres://user:pw@host:5432/binhdang``; default a SQLite file
  under ``./var/``.
- ``BINHDANG_SECRET_KEY``: required when ``BINHDANG_PRODUCTION=1``; locally generated into ``./var/``.
- ``BINHDANG_PG_PREPARED`` (default on), ``BINHDANG_PG_PREPARE_THRESHOLD`` (default ``2``): on PostgreSQL,
  parameters bound by the server and repeated statements prepared (``0``: off, for PgBouncer in
  transaction mode); see :func:`postgres_statement_options`.
- ``BINHDANG_DEBUG``: ``1`` to turn debug on (off by default).
- ``BINHDANG_ALLOWED_HOSTS``: comma-separated host names (default: localhost names).
- ``BINHDANG_PRODUCTION``: ``1`` for production mode (secret required, secure cookies).
- ``BINHDANG_VAR_DIR``: where the SQLite file, the local secret and uploads live (default ``./var``).
- ``EMAIL_HOST``, ``EMAIL_PORT``, ``EMAIL_HOST_USER``, ``EMAIL_HOST_PASSWORD``, ``EMAIL_USE_TLS``,
  ``DEFAULT_FROM_EMAIL``: outgoing mail (console output when no host is set).
- ``BINHDANG_SITE_URL``: the address users open (e.g. ``https://binhdang.daklak.gov.vn``), for links in
  e-mails (default ``http://localhost:8000``).
- ``BINHDANG_REMINDER_DAYS_BEFORE`` (default ``7,3,1``), ``BINHDANG_REMINDER_OVERDUE_EVERY_DAYS``
  (default ``7``): when reporting reminders go out (see ``reporting.reminders``).
- ``BINHDANG_CAMPAIGN_REMINDER_DAYS_BEFORE`` (default ``14``): how many days before a campaign its units
  are reminded (see ``work.campaign_reminders``).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


VAR_DIR = Path(os.environ.get("BINHDANG_VAR_DIR", PROJECT_DIR / "var")).resolve()
PRODUCTION = env_flag("BINHDANG_PRODUCTION")
DEBUG = env_flag("BINHDANG_DEBUG")


def _secret_key() -> str:
    key = os.environ.get("BINHDANG_SECRET_KEY") or os.environ.get("SECRET_KEY")
    if key:
        return key
    if PRODUCTION:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured("BINHDANG_SECRET_KEY must be set in production mode.")
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
# Previous keys, still accepted for signatures (sessions, password reset links) while rotating.
SECRET_KEY_FALLBACKS = [
    k.strip() for k in os.environ.get("BINHDANG_SECRET_KEY_FALLBACKS", "").split(",") if k.strip()
]

ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("BINHDANG_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver").split(",")
    if h.strip()
]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("BINHDANG_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]
# Reverse proxies whose X-Forwarded-For names the client (core.middleware.TrustedProxyMiddleware);
# in production by default the local nginx.
TRUSTED_PROXY_IPS = [
    ip.strip()
    for ip in os.environ.get("BINHDANG_TRUSTED_PROXIES", "127.0.0.1,::1" if PRODUCTION else "").split(",")
    if ip.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rules.apps.AutodiscoverRulesConfig",
    "django_htmx",
    "simple_history",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "binhdang.core",
    "binhdang.orgunits",
    "binhdang.accounts",
    "binhdang.plans",
    "binhdang.reporting",
    "binhdang.results",
    "binhdang.work",
    "binhdang.documents",
    "binhdang.api",
    "binhdang.ministry",
    "binhdang.portal",
    "binhdang.devtools",
]

#: binhdang's own catalogues come before Django's and the libraries' (which the installed apps' order
#: would put first): a label such as "Log out", "session" or "version" reads as binhdang's catalogue
#: says, not as the admin's or a library's. Among binhdang's apps the order is INSTALLED_APPS'; a word
#: two apps translate differently has a context of its own (tests/test_translations.py).
LOCALE_PATHS = [
    BASE_DIR / app.removeprefix("binhdang.") / "locale"
    for app in INSTALLED_APPS
    if app.startswith("binhdang.") and (BASE_DIR / app.removeprefix("binhdang.") / "locale").is_dir()
]

MIDDLEWARE = [
    # The client address from the reverse proxy's X-Forwarded-For (core.middleware, TRUSTED_PROXY_IPS).
    "binhdang.core.middleware.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Web pages answer GET, HEAD and POST only: PUT, PATCH, DELETE get 405 outside /api/ (core.methods).
    "binhdang.core.methods.WebMethodsMiddleware",
    # Database unreachable -> a Vietnamese 503 page instead of a 500 (core.middleware).
    "binhdang.core.middleware.DatabaseUnavailableMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Django's, the user read with the session in one statement (accounts.sessions).
    "binhdang.accounts.middleware.AuthenticationMiddleware",
    # One read of the user's roles per request, however many access checks (accounts.access.grants).
    "binhdang.accounts.middleware.RolesReadOnceMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Users with two-factor login on must pass the code step before anything else (accounts.two_factor).
    "binhdang.accounts.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "binhdang.accounts.middleware.ForcePasswordChangeMiddleware",
]

ROOT_URLCONF = "binhdang.urls"
WSGI_APPLICATION = "binhdang.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "binhdang.portal.context_processors.navigation",
            ],
        },
    },
]


def postgres_statement_options(environ: Mapping[str, str]) -> dict[str, object]:
    """How statements reach PostgreSQL (DATABASES OPTIONS of Django's psycopg 3 backend).

    By default parameters are bound by the server and a statement run ``BINHDANG_PG_PREPARE_THRESHOLD``
    times (default 2) on a connection is prepared there: PostgreSQL then plans it once per connection
    instead of at every call, and planning was half of its CPU under load. ``BINHDANG_PG_PREPARED=0``
    returns to Django's default (parameters bound by psycopg, nothing prepared), which a pooler that
    hands a connection to another client after each transaction (PgBouncer in transaction mode)
    needs."""
    value = environ.get("BINHDANG_PG_PREPARED", "1").strip().lower()
    if value in {"0", "false", "no", "off"}:
        return {}
    return {
        "server_side_binding": True,
        "prepare_threshold": int(environ.get("BINHDANG_PG_PREPARE_THRESHOLD", "2")),
    }


# Database: DATABASE_URL, default a SQLite file under var/ (WAL mode, busy timeout; see core.apps).
DEFAULT_SQLITE = f"sqlite:///{VAR_DIR / 'binhdang.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(os.environ.get("DATABASE_URL", DEFAULT_SQLITE), conn_max_age=0)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("CONN_MAX_AGE", "60"))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # Django's backend, with a health check of kept connections that asks the socket instead of
        # sending PostgreSQL a SELECT 1 at every request (core.postgresql.base).
        DATABASES["default"]["ENGINE"] = "binhdang.core.postgresql"
        DATABASES["default"].setdefault("OPTIONS", {}).update(postgres_statement_options(os.environ))
# Tests on SQLite use a file, not Django's shared in-memory connection: the live server of the browser
# tests serves requests in several threads, and one SQLite connection must not be used by two at once.
_test_name = os.environ.get("TEST_DATABASE_NAME") or (
    str(VAR_DIR / "test-binhdang.sqlite3") if DATABASES["default"]["ENGINE"].endswith("sqlite3") else None
)
DATABASES["default"]["TEST"] = {"NAME": _test_name}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    # ModelBackend that refuses throttled logins everywhere (login page, admin, API): accounts.throttle.
    "binhdang.accounts.backends.ThrottledModelBackend",
]
PASSWORD_HASHERS = [
    "binhdang.accounts.hashers.Argon2idHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"
# A form sent with a missing or outdated CSRF token: a Vietnamese page (core.views.csrf_failure).
CSRF_FAILURE_VIEW = "binhdang.core.views.csrf_failure"

# Login throttling: after this many failures for one username (or one address) within the window,
# further attempts are refused until the window passes.
LOGIN_MAX_FAILURES = int(os.environ.get("BINHDANG_LOGIN_MAX_FAILURES", "5"))
LOGIN_FAILURE_WINDOW_SECONDS = int(os.environ.get("BINHDANG_LOGIN_FAILURE_WINDOW", "900"))
# Failures from one address (all usernames together); higher, since a whole office may share one address.
LOGIN_MAX_FAILURES_PER_IP = int(os.environ.get("BINHDANG_LOGIN_MAX_FAILURES_PER_IP", "30"))

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]

TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("BINHDANG_MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION
# Outside production the files come from the apps (finders) and STATIC_ROOT may not exist (no collectstatic):
# autorefresh mode looks files up per request instead of warning about the missing directory.
WHITENOISE_AUTOREFRESH = not PRODUCTION

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Generated downloads kept until their data changes (core.filecache): the annual report, the templates.
FILE_CACHE_DIR = Path(os.environ.get("BINHDANG_FILE_CACHE_DIR", VAR_DIR / "cache"))

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Address of the site, for absolute links in e-mails (reminders).
SITE_URL = os.environ.get("BINHDANG_SITE_URL", "http://localhost:8000").rstrip("/")
# Reporting reminders (reporting.reminders, run daily by `binhdang runperiodic`): days before the deadline
# on which units that have not submitted are reminded, and every how many days after it while overdue.
REMINDER_DAYS_BEFORE = [
    int(d) for d in os.environ.get("BINHDANG_REMINDER_DAYS_BEFORE", "7,3,1").split(",") if d.strip()
]
REMINDER_OVERDUE_EVERY_DAYS = int(os.environ.get("BINHDANG_REMINDER_OVERDUE_EVERY_DAYS", "7"))
# Campaign reminders (work.campaign_reminders): this many days before a campaign of a plan starts, the
# reporters of its expected units are notified (once per campaign, year and unit).
CAMPAIGN_REMINDER_DAYS_BEFORE = int(os.environ.get("BINHDANG_CAMPAIGN_REMINDER_DAYS_BEFORE", "14"))

# E-mail (Django 6.1 MAILERS). With no EMAIL_HOST set outside production, mail is printed to the console.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "binhdang@localhost")
if "EMAIL_HOST" in os.environ or PRODUCTION:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ.get("EMAIL_HOST", "localhost"),
                "port": int(os.environ.get("EMAIL_PORT", "25")),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_flag("EMAIL_USE_TLS"),
                "timeout": 20,
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}

# Database sessions written once per login instead of three times (accounts.sessions).
SESSION_ENGINE = "binhdang.accounts.sessions"
SESSION_COOKIE_AGE = int(os.environ.get("BINHDANG_SESSION_SECONDS", str(8 * 3600)))
# 1: the session also ends when the browser is closed (shared computers in a commune office).
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_flag("BINHDANG_SESSION_EXPIRE_AT_BROWSER_CLOSE")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_flag("BINHDANG_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("BINHDANG_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_flag("BINHDANG_HSTS_PRELOAD", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # The health check answers plain HTTP too (load balancers, monitoring on the host itself).
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Content Security Policy, enforced everywhere (development, tests, production): scripts and styles
# only from our own static files, or inline with the per-request nonce ({% csp_nonce_attr %} /
# csp_nonce); no inline event handlers, no eval, no outside hosts. See base.html and core/app.js.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# Two-factor login (django-otp, TOTP): the name shown in authenticator apps.
OTP_TOTP_ISSUER = "binhdang"

FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

# REST API v1 (binhdang.api, README "REST API"): token or session, JSON only, errors as
# {"detail", "code", "errors"} in the request's language, what a caller sees decided by the access helpers.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "binhdang.api.authentication.TokenAuthentication",
        "binhdang.api.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["binhdang.api.permissions.ActiveUser"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["binhdang.api.parsers.BoundedJSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "binhdang.api.pagination.Pagination",
    "EXCEPTION_HANDLER": "binhdang.api.exceptions.exception_handler",
    "COERCE_DECIMAL_TO_STRING": False,
    "UNICODE_JSON": True,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "binhdang API",
    "DESCRIPTION": "REST API v1 của binhdang / binhdang REST API v1. Authorization: Token <key>.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    # a PATCH body is checked like any other: required fields (a report's ``version``) stay required
    "COMPONENT_SPLIT_PATCH": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # the year's work: its status and type choices are named, not numbered, in the schema
    "ENUM_NAME_OVERRIDES": {
        "TaskStatusEnum": "binhdang.work.models.TaskStatus",
        "ActivityTypeEnum": "binhdang.work.models.ActivityType",
        "InspectionKindEnum": "binhdang.work.inspection_models.InspectionKind",
        "FollowUpStatusEnum": "binhdang.work.inspection_models.FOLLOW_UP_CHOICES",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "binhdang.api.schema.add_error_responses",
        "binhdang.api.schema.strict_components",
    ],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("BINHDANG_LOG_LEVEL", "WARNING")},
}
