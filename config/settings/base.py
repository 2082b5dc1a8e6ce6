"""Settings shared by every VănThư deployment; values come from the environment."""

from __future__ import annotations

import os

from config.settings.env import (
    BASE_DIR,
    data_dir,
    database,
    env_bool,
    local_secret_key,
    storages,
)

DATA_DIR = data_dir()
SECRET_KEY = local_secret_key(DATA_DIR)
DEBUG = env_bool("VANTHU_DEBUG", default=False)
ALLOWED_HOSTS = [
    h for h in os.environ.get("VANTHU_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h
]
CSRF_TRUSTED_ORIGINS = [
    o for o in os.environ.get("VANTHU_CSRF_TRUSTED_ORIGINS", "").split(",") if o
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "vanthu.core",
    "vanthu.audit",
    "vanthu.accounts",
    "vanthu.documents",
    "vanthu.workflow",
    "vanthu.drafting",
    "vanthu.signing",
    "vanthu.capture",
    "vanthu.search",
    "vanthu.incoming",
    "vanthu.outgoing",
    "vanthu.exchange",
    "vanthu.dossiers",
    "vanthu.archive",
    "vanthu.demo",
    "vanthu.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
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

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "vanthu.web.context_processors.navigation",
                "vanthu.web.signing_notice.signing_notices",
            ],
        },
    },
]

DATABASES = {"default": database(DATA_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["vanthu.accounts.backends.LockoutModelBackend"]
LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 60 * 60

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = storages(DATA_DIR)

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

EMAIL_BACKEND = os.environ.get(
    "VANTHU_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("VANTHU_FROM_EMAIL", "vanthu@localhost")

# VănThư's own settings.
VANTHU_BASE_URL = os.environ.get("VANTHU_BASE_URL", "http://127.0.0.1:8000")
VANTHU_ALLOW_CLASSIFIED = env_bool("VANTHU_ALLOW_CLASSIFIED", default=False)
VANTHU_MAX_UPLOAD_BYTES = int(os.environ.get("VANTHU_MAX_UPLOAD_BYTES", str(100 * 1024 * 1024)))
VANTHU_LOGIN_MAX_FAILURES = int(os.environ.get("VANTHU_LOGIN_MAX_FAILURES", "5"))
VANTHU_LOGIN_LOCKOUT_MINUTES = int(os.environ.get("VANTHU_LOGIN_LOCKOUT_MINUTES", "15"))
# Digital signatures: an RFC 3161 time-stamp authority (empty: PAdES B-B only) and whether
# revocation data (CRL/OCSP) may be fetched when verifying (off for installations offline).
VANTHU_SIGNING_TSA_URL = os.environ.get("VANTHU_SIGNING_TSA_URL", "")
VANTHU_SIGNATURE_FETCH = env_bool("VANTHU_SIGNATURE_FETCH", default=True)
# Full-text search: "tantivy" (embedded, the default) or "rum" (PostgreSQL with the RUM index).
VANTHU_SEARCH_BACKEND = os.environ.get("VANTHU_SEARCH_BACKEND", "tantivy")
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("VANTHU_LOG_LEVEL", "INFO")},
    "loggers": {
        # WeasyPrint narrates every rendering step at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # pyHanko logs every CRL fetch and validation step at INFO.
        "pyhanko": {"level": "WARNING"},
        "pyhanko_certvalidator": {"level": "WARNING"},
    },
}
