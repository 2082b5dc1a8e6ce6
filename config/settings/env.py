"""Read VănThư's settings from the environment (design.md §2)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, *, default: bool) -> bool:
    """Return the boolean value of an environment variable."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def data_dir() -> Path:
    """Return the data folder (VANTHU_DATA_DIR, default ./var), creating it."""
    path = Path(os.environ.get("VANTHU_DATA_DIR", str(BASE_DIR / "var"))).resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def local_secret_key(folder: Path) -> str:
    """Return VANTHU_SECRET_KEY, or one generated once into the data folder for local use."""
    key = os.environ.get("VANTHU_SECRET_KEY")
    if key:
        return key
    key_file = folder / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        key_file.chmod(0o600)
    return key_file.read_text(encoding="utf-8").strip()


def database(folder: Path) -> dict[str, Any]:
    """Return the default database from DATABASE_URL, or SQLite in the data folder."""
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{folder / 'vanthu.sqlite3'}"
    config: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=0))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 30,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            ),
        }
    return config


def storages(folder: Path) -> dict[str, Any]:
    """Return Django STORAGES with the blob store from VANTHU_STORAGE (file: or s3://bucket)."""
    raw = os.environ.get("VANTHU_STORAGE", "file:")
    blobs: dict[str, Any]
    if raw.startswith("s3://"):
        parsed = urlparse(raw)
        blobs = {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": parsed.netloc,
                "location": parsed.path.strip("/"),
                "endpoint_url": os.environ.get("VANTHU_S3_ENDPOINT") or None,
                "file_overwrite": False,
                "default_acl": None,
                "querystring_auth": True,
            },
        }
    else:
        location = raw.removeprefix("file:") or str(folder / "blobs")
        blobs = {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": location, "file_permissions_mode": 0o640},
        }
    return {
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(folder / "media")},
        },
        "blobs": blobs,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
    }
