"""Settings for the test suite (SQLite by default, PostgreSQL when DATABASE_URL says so)."""

from config.settings.base import *  # noqa: F403
from config.settings.base import DATABASES, STATIC_ROOT, STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory: concurrency tests open the test database from other processes.
    DATABASES["default"]["TEST"] = {"NAME": str(DATABASES["default"]["NAME"]) + ".test"}

# WhiteNoise expects the collected-static folder to exist.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
