from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class IncomingConfig(AppConfig):
    name = "vanthu.incoming"
    label = "incoming"
    verbose_name = _("Văn bản đến")

    def ready(self) -> None:
        from vanthu.documents.models import DocumentType  # noqa: PLC0415 — models are loaded now
        from vanthu.incoming.links import incoming_page  # noqa: PLC0415
        from vanthu.incoming.sqlite_stats import (  # noqa: PLC0415
            analyze_after_migrate,
            on_connection_created,
        )
        from vanthu.incoming.type_cache import forget_document_types  # noqa: PLC0415
        from vanthu.workflow.links import register_document_link  # noqa: PLC0415

        register_document_link(incoming_page)
        # Cache invalidation only (infrastructure): the per-process copy of document types.
        uid = "incoming.type_cache"
        post_save.connect(forget_document_types, sender=DocumentType, dispatch_uid=uid)
        post_delete.connect(forget_document_types, sender=DocumentType, dispatch_uid=uid)
        post_migrate.connect(forget_document_types, dispatch_uid=uid)
        # SQLite's planner statistics (infrastructure; see sqlite_stats.py).
        connection_created.connect(on_connection_created, dispatch_uid="incoming.sqlite_stats")
        post_migrate.connect(analyze_after_migrate, sender=self, dispatch_uid="incoming.analyze")
