"""Settings of the search benchmark: the laptop settings with the search app (until wired)."""

import os

from config.settings.local import *  # noqa: F403
from config.settings.local import INSTALLED_APPS

if "vanthu.search" not in INSTALLED_APPS:
    INSTALLED_APPS = [*INSTALLED_APPS, "vanthu.search"]
VANTHU_SEARCH_BACKEND = os.environ.get("VANTHU_SEARCH_BACKEND", "tantivy")
