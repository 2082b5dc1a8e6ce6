from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_document_types(sender: AppConfig, **kwargs: Any) -> None:
    """Restore the reference document types after migrate or flush (like contenttypes does)."""
    from vanthu.documents.models import DocumentType  # noqa: PLC0415 — apps are loaded by now
    from vanthu.documents.reference import DOCUMENT_TYPES, document_types_load  # noqa: PLC0415

    using = kwargs.get("using", "default")
    if DocumentType.objects.using(using).count() != len(DOCUMENT_TYPES):
        document_types_load(model=DocumentType)


class DocumentsConfig(AppConfig):
    name = "vanthu.documents"
    label = "documents"
    verbose_name = _("Văn bản")

    def ready(self) -> None:
        post_migrate.connect(_ensure_document_types, sender=self)
