"""The page of an incoming record, for notifications raised by the workflow engine."""

from __future__ import annotations

from django.urls import reverse

from vanthu.incoming.models import IncomingRecord


def incoming_page(document_id: int, agency_id: int) -> str | None:
    """Return the record page of ``document_id`` as received by ``agency_id``, if any."""
    pk = (
        IncomingRecord.objects.filter(document_id=document_id, agency_id=agency_id)
        .order_by("-pk")
        .values_list("pk", flat=True)
        .first()
    )
    return reverse("incoming:detail", kwargs={"pk": pk}) if pk is not None else None
