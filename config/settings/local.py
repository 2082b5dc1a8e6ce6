"""Settings for one agency on a laptop: the embedded default (SQLite, local files)."""

from config.settings.base import *  # noqa: F403
