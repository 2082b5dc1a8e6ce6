"""The search backends behind one interface; ``get_backend()`` returns the configured one.

``settings.VANTHU_SEARCH_BACKEND``: ``"tantivy"`` (default, an index folder in the data dir)
or ``"rum"`` (PostgreSQL with the RUM index, for several web nodes sharing one database).
"""

from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings

from vanthu.search.backends.base import SearchBackend


def search_dir() -> Path:
    """Return the Tantivy index folder (``VANTHU_SEARCH_DIR`` or <data dir>/search).

    Test runs under pytest-xdist get one folder per worker (their databases differ too).
    """
    configured = getattr(settings, "VANTHU_SEARCH_DIR", None)
    folder = Path(configured) if configured else Path(settings.DATA_DIR) / "search"
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    return folder / worker if worker and not configured else folder


def backend_name() -> str:
    return str(getattr(settings, "VANTHU_SEARCH_BACKEND", "tantivy"))


_cache: dict[tuple[str, str], SearchBackend] = {}


def get_backend(name: str | None = None) -> SearchBackend:
    """Return the backend ``name`` (default: the configured one), one instance per process."""
    chosen = name or backend_name()
    key = (chosen, str(search_dir()))
    backend = _cache.get(key)
    if backend is None:
        if chosen == "rum":
            from vanthu.search.backends.rum import PostgresRumBackend  # noqa: PLC0415

            backend = PostgresRumBackend()
        else:
            from vanthu.search.backends.tantivy import TantivyBackend  # noqa: PLC0415

            backend = TantivyBackend(search_dir())
        _cache[key] = backend
    return backend


def forget_backends() -> None:
    """Drop the cached backends (tests that point the index elsewhere)."""
    _cache.clear()
