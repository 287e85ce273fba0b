"""Django settings for skillpath, read from the environment.

Every setting an operator may change is an environment variable, documented in
``docs/deployment.md``. With none set, skillpath runs for development on SQLite under
``var/``.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from skillpath.config.env import env_bool, env_int, env_list, env_str, local_secret

BASE_DIR = Path(__file__).resolve().parents[3]
SRC_DIR = BASE_DIR / "src" / "skillpath"
VAR_DIR = Path(env_str("SKILLPATH_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
TESTING = env_bool("SKILLPATH_TESTING", False)

if DEBUG or TESTING:
    SECRET_KEY = local_secret("SECRET_KEY", VAR_DIR)
    # The key that encrypts issuers' private signing keys at rest.
    SKILLPATH_KEY_ENCRYPTION_KEY = local_secret("SKILLPATH_KEY_ENCRYPTION_KEY", VAR_DIR)
else:
    SECRET_KEY = env_str("SECRET_KEY")
    SKILLPATH_KEY_ENCRYPTION_KEY = env_str("SKILLPATH_KEY_ENCRYPTION_KEY")
    if len(SECRET_KEY) < 50 or len(SKILLPATH_KEY_ENCRYPTION_KEY) < 32:
        raise ImproperlyConfigured(
            "Production needs SECRET_KEY (50+ characters) and "
            "SKILLPATH_KEY_ENCRYPTION_KEY (32+ characters) in the environment; "
            "set DEBUG=1 for development."
        )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# The public address of this platform, used in credential and issuer ids.
SKILLPATH_BASE_URL = env_str("SKILLPATH_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",  # its vendored Swagger UI, served from static (no CDN)
    "huey.contrib.djhuey",
    "skillpath.common",
    "skillpath.accounts",
    "skillpath.frameworks",
    "skillpath.assessments",
    "skillpath.learning",
    "skillpath.credentials",
    "skillpath.jobs",
    "skillpath.outcomes",
    "skillpath.privacy",
    "skillpath.api",
    "skillpath.web",
    "skillpath.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "skillpath.common.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "skillpath.config.urls"
WSGI_APPLICATION = "skillpath.config.wsgi.application"
ASGI_APPLICATION = "skillpath.config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "skillpath.web.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'skillpath.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let concurrent requests wait instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
    }
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

# Background work (docs/deployment.md, "Background work"). The queue only carries
# "look at row N"; what is due and what was done lives in the database, and a sweep
# every minute enqueues again what a lost task left undone. SQLite under var/ needs
# no server; with REDIS_URL any number of consumers on any number of machines share
# one Redis queue.
HUEY = {
    "name": env_str("SKILLPATH_QUEUE_NAME", "skillpath"),
    # Run tasks in the request instead of queueing them: the tests do.
    "immediate": env_bool("SKILLPATH_QUEUE_IMMEDIATE", False),
    "utc": True,
    "consumer": {
        "workers": env_int("SKILLPATH_QUEUE_WORKERS", 2),
        "worker_type": "thread",
        "periodic": True,
        "check_worker_health": True,
    },
}
if REDIS_URL:
    HUEY |= {"huey_class": "huey.RedisHuey", "url": REDIS_URL}
else:
    HUEY |= {
        "huey_class": "huey.SqliteHuey",
        "filename": env_str("SKILLPATH_QUEUE_FILE", str(VAR_DIR / "huey.sqlite3")),
        "timeout": 20,
    }
    VAR_DIR.mkdir(parents=True, exist_ok=True)
# A pending mail or queued import whose task has not run for this long is enqueued
# again by the sweep; work claimed by a consumer that died is claimed again after its
# lease.
SKILLPATH_QUEUE_SWEEP_AFTER_SECONDS = env_int(
    "SKILLPATH_QUEUE_SWEEP_AFTER_SECONDS", 300
)
SKILLPATH_MAIL_LEASE_SECONDS = env_int("SKILLPATH_MAIL_LEASE_SECONDS", 600)
SKILLPATH_IMPORT_LEASE_SECONDS = env_int("SKILLPATH_IMPORT_LEASE_SECONDS", 3600)
SKILLPATH_MAIL_MAX_ATTEMPTS = env_int("SKILLPATH_MAIL_MAX_ATTEMPTS", 8)

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:dashboard"
LOGOUT_REDIRECT_URL = "web:home"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Not a check: Django tells it of every new password, and it ends the API tokens.
    {"NAME": "skillpath.accounts.passwords.EndTokensOnPasswordChange"},
]
AUTHENTICATION_BACKENDS = ["skillpath.accounts.backends.ThrottledModelBackend"]
# Sign-in throttle (docs/deployment.md, "Sign-in throttling"): after this many failed
# sign-ins of one account, each further attempt waits a back-off that starts at
# BACKOFF_SECONDS and doubles up to BACKOFF_MAX_SECONDS; one client address failing
# on ADDRESS_MAX_FAILURES sign-ins of any accounts is backed off the same way.
# Failures are remembered for WINDOW_SECONDS; an address where an account signed in
# within KNOWN_ADDRESS_DAYS counts only its own failures, so a stranger's guesses
# never lock the owner out.
SKILLPATH_LOGIN_MAX_FAILURES = env_int("SKILLPATH_LOGIN_MAX_FAILURES", 5)
SKILLPATH_LOGIN_BACKOFF_SECONDS = env_int("SKILLPATH_LOGIN_BACKOFF_SECONDS", 1)
SKILLPATH_LOGIN_BACKOFF_MAX_SECONDS = env_int(
    "SKILLPATH_LOGIN_BACKOFF_MAX_SECONDS", 900
)
SKILLPATH_LOGIN_ADDRESS_MAX_FAILURES = env_int(
    "SKILLPATH_LOGIN_ADDRESS_MAX_FAILURES", 20
)
SKILLPATH_LOGIN_WINDOW_SECONDS = env_int("SKILLPATH_LOGIN_WINDOW_SECONDS", 86400)
SKILLPATH_LOGIN_KNOWN_ADDRESS_DAYS = env_int("SKILLPATH_LOGIN_KNOWN_ADDRESS_DAYS", 90)
# Password reset mails asked for one e-mail address, and from one client address,
# within the window.
SKILLPATH_PASSWORD_RESET_MAX_PER_ACCOUNT = env_int(
    "SKILLPATH_PASSWORD_RESET_MAX_PER_ACCOUNT", 3
)
SKILLPATH_PASSWORD_RESET_MAX_PER_ADDRESS = env_int(
    "SKILLPATH_PASSWORD_RESET_MAX_PER_ADDRESS", 10
)
SKILLPATH_PASSWORD_RESET_WINDOW_SECONDS = env_int(
    "SKILLPATH_PASSWORD_RESET_WINDOW_SECONDS", 3600
)
# Verifications anyone may ask for without signing in, per client address and
# window (docs/deployment.md): each is CPU work the asker does not pay for.
SKILLPATH_VERIFY_ANONYMOUS_MAX = env_int("SKILLPATH_VERIFY_ANONYMOUS_MAX", 30)
SKILLPATH_VERIFY_ANONYMOUS_WINDOW_SECONDS = env_int(
    "SKILLPATH_VERIFY_ANONYMOUS_WINDOW_SECONDS", 60
)
# The client's address comes from REMOTE_ADDR unless the operator names the header
# their reverse proxy sets (e.g. X-Forwarded-For) and how many proxies they run;
# a client-sent X-Forwarded-For is never believed without this.
SKILLPATH_TRUSTED_PROXY_HEADER = env_str("SKILLPATH_TRUSTED_PROXY_HEADER", "")
SKILLPATH_TRUSTED_PROXY_COUNT = env_int("SKILLPATH_TRUSTED_PROXY_COUNT", 1)

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
LOCALE_PATHS = [SRC_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "America/Toronto")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
# Uploaded evidence is private: no URL serves MEDIA_ROOT; views that check access do.
MEDIA_URL = "/private-media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING
if DEBUG or TESTING:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# A send never outlasts SKILLPATH_MAIL_LEASE_SECONDS, so no mail is claimed twice.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 60)
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "skillpath <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# No inline script, no eval, nothing from elsewhere (skillpath.common.security).
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'none'"],
    "object-src": ["'none'"],
}
if not DEBUG and not TESTING:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    LANGUAGE_COOKIE_HTTPONLY = True
    LANGUAGE_COOKIE_SAMESITE = "Lax"
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.request": {"level": "ERROR"}},
}

NINJA_PAGINATION_PER_PAGE = 50
