from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "vanthu.core"
    label = "core"
    verbose_name = _("Lõi")

    def ready(self) -> None:
        from vanthu.core.sqlite_stats import (  # noqa: PLC0415
            analyze_after_migrate,
            on_connection_created,
        )

        # SQLite's planner statistics (infrastructure; see sqlite_stats.py).
        connection_created.connect(on_connection_created, dispatch_uid="core.sqlite_stats")
        post_migrate.connect(analyze_after_migrate, sender=self, dispatch_uid="core.analyze")
