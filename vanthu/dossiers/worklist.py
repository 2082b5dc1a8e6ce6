"""The "chưa lập hồ sơ" worklist: documents a person handled and has not filed yet."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from vanthu.accounts.models import User
from vanthu.documents.models import Document
from vanthu.dossiers.models import DossierItem
from vanthu.dossiers.selectors import documents_reachable_for
from vanthu.outgoing.models import OutgoingRecord
from vanthu.workflow.enums import AssignmentRole, AssignmentStatus
from vanthu.workflow.models import Assignment


def unfiled_for(*, actor: User) -> QuerySet[Document]:
    """Return the documents ``actor`` handled (completed as lead, or drafted and issued) that
    are in none of their dossiers, newest first."""
    if actor.agency_id is None:
        return Document.objects.none()
    handled_incoming = Assignment.objects.filter(
        document=OuterRef("pk"),
        agency_id=actor.agency_id,
        party_user=actor,
        role=AssignmentRole.LEAD,
        status=AssignmentStatus.DONE,
    )
    issued = OutgoingRecord.objects.filter(
        document=OuterRef("pk"), agency_id=actor.agency_id, draft__author=actor
    )
    filed = DossierItem.objects.filter(document=OuterRef("pk"), dossier__creator=actor)
    return (
        documents_reachable_for(actor=actor)
        .filter(Q(Exists(handled_incoming)) | Q(Exists(issued)))
        .exclude(Exists(filed))
        .select_related("document_type")
        .order_by("-issued_date", "-pk")
    )
