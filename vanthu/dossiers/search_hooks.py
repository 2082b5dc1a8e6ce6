"""Keep the search index's "in a dossier" facet right: the lookup, and a reindex on filing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.models.signals import post_delete, post_save

from vanthu.dossiers.models import DossierItem
from vanthu.search.indexing import enqueue_documents
from vanthu.search.sources import register_dossier_lookup


def documents_filed(agency_id: int, document_ids: Sequence[int]) -> set[int]:
    """Return which of ``document_ids`` the agency has filed in one of its dossiers."""
    return set(
        DossierItem.objects.filter(
            dossier__agency_id=agency_id, document_id__in=document_ids
        ).values_list("document_id", flat=True)
    )


def _on_item(sender: Any, instance: DossierItem, **kwargs: Any) -> None:
    enqueue_documents([instance.document_id])


def register_search_hooks() -> None:
    """Install the lookup and the signals (called from the app's ``ready()``)."""
    register_dossier_lookup(documents_filed)
    uid = "vanthu.dossiers.search_hooks"
    post_save.connect(_on_item, sender=DossierItem, dispatch_uid=f"{uid}.save")
    post_delete.connect(_on_item, sender=DossierItem, dispatch_uid=f"{uid}.delete")
