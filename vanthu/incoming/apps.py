from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class IncomingConfig(AppConfig):
    name = "vanthu.incoming"
    label = "incoming"
    verbose_name = _("Văn bản đến")

    def ready(self) -> None:
        from vanthu.documents.models import DocumentType  # noqa: PLC0415 — models are loaded now
        from vanthu.incoming.links import incoming_page  # noqa: PLC0415
        from vanthu.incoming.search_source import register_search_source  # noqa: PLC0415
        from vanthu.incoming.type_cache import forget_document_types  # noqa: PLC0415
        from vanthu.workflow.links import register_document_link  # noqa: PLC0415

        register_document_link(incoming_page)
        register_search_source()
        # Cache invalidation only (infrastructure): the per-process copy of document types.
        uid = "incoming.type_cache"
        post_save.connect(forget_document_types, sender=DocumentType, dispatch_uid=uid)
        post_delete.connect(forget_document_types, sender=DocumentType, dispatch_uid=uid)
        post_migrate.connect(forget_document_types, dispatch_uid=uid)
