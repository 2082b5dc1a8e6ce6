"""Reads of incoming documents, scoped to the actor (design.md §6 Permissions).

Only the actor's agency; clerks and leaders (and their delegates) see its whole register,
unit heads what is given to their unit or its members, everyone else what is given to them;
never above their clearance. What is not visible does not exist (404).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, Q, QuerySet

from vanthu.accounts.models import User
from vanthu.accounts.roles import is_unit_head, max_confidentiality
from vanthu.core.errors import NotFoundError
from vanthu.core.text import clean_text, fold
from vanthu.documents.models import Attachment
from vanthu.incoming.enums import DeliveryStatus, IncomingStatus
from vanthu.incoming.models import IncomingDelivery, IncomingRecord
from vanthu.incoming.permissions import is_clerk, sees_whole_register
from vanthu.workflow.enums import AssignmentStatus
from vanthu.workflow.models import Assignment
from vanthu.workflow.selectors import assignments_reaching

# Statuses in which a document still waits to be handled (and so can be overdue).
OPEN_STATUSES = frozenset(
    {
        IncomingStatus.REGISTERED,
        IncomingStatus.PRESENTED,
        IncomingStatus.ASSIGNED,
        IncomingStatus.IN_PROGRESS,
    }
)


@dataclass(frozen=True, slots=True, kw_only=True)
class IncomingFilters:
    """Filters of the incoming register list (all optional)."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    status: IncomingStatus | None = None
    type_code: str | None = None
    organ: str | None = None
    q: str | None = None
    overdue_on: dt.date | None = None
    unit_id: int | None = None
    assignee: str | None = None


def incoming_visible_for(*, actor: User) -> QuerySet[IncomingRecord]:
    """Return the incoming records ``actor`` may see."""
    if not actor.is_active or actor.agency_id is None:
        return IncomingRecord.objects.none()
    queryset = IncomingRecord.objects.filter(
        agency_id=actor.agency_id,
        document__confidentiality__lte=max_confidentiality(actor),
    )
    if sees_whole_register(actor):
        return queryset
    # From the user's assignments (an uncorrelated IN), not an EXISTS probed for every row of
    # the agency's register: a specialist's few hundred documents are found through the
    # party indexes of the assignments, whatever the size of the register. The agency test
    # is written ``agency_id + 0`` so that no planner takes the agency's index instead (it
    # holds every assignment of the agency; SQLite's sampled statistics cannot tell).
    reaching = (
        assignments_reaching(user=actor, include_unit=is_unit_head(actor))
        .alias(agency_key=F("agency_id") + 0)
        .filter(agency_key=actor.agency_id)
    )
    return queryset.filter(document_id__in=reaching.values("document_id"))


def _filtered(
    queryset: QuerySet[IncomingRecord], filters: IncomingFilters
) -> QuerySet[IncomingRecord]:
    conditions = Q()
    if filters.date_from is not None:
        conditions &= Q(arrival_date__gte=filters.date_from)
    if filters.date_to is not None:
        conditions &= Q(arrival_date__lte=filters.date_to)
    if filters.status is not None:
        conditions &= Q(status=filters.status)
    if filters.type_code:
        conditions &= Q(document__document_type__code=filters.type_code)
    if filters.organ and (organ := fold(clean_text(filters.organ))):
        conditions &= Q(organ_folded__contains=organ)
    if filters.q and (text := clean_text(filters.q)):
        conditions &= Q(document__subject_folded__contains=fold(text)) | Q(
            document__code_notation__icontains=text
        )
    if filters.overdue_on is not None:
        conditions &= Q(due_date__lt=filters.overdue_on, status__in=OPEN_STATUSES)
    queryset = queryset.filter(conditions)
    if filters.unit_id is not None:
        reach = Q(party_unit_id=filters.unit_id) | Q(party_user__unit_id=filters.unit_id)
        queryset = queryset.filter(Exists(_assignments_of_row(reach)))
    if filters.assignee:
        reach = Q(party_user__username=filters.assignee)
        queryset = queryset.filter(Exists(_assignments_of_row(reach)))
    return queryset


def _assignments_of_row(reach: Q) -> QuerySet[Assignment]:
    """Current (not superseded) assignments of the outer record's document matching ``reach``."""
    return Assignment.objects.filter(
        reach, document_id=OuterRef("document_id"), agency_id=OuterRef("agency_id")
    ).exclude(status=AssignmentStatus.SUPERSEDED)


def incoming_list_for(
    *, actor: User, filters: IncomingFilters | None = None
) -> QuerySet[IncomingRecord]:
    """Return the visible records matching ``filters`` with what a register row shows."""
    queryset = incoming_visible_for(actor=actor).select_related(
        "document", "document__document_type"
    )
    return _filtered(queryset, filters or IncomingFilters())


def incoming_get_for(*, actor: User, pk: int) -> IncomingRecord:
    """Return one visible record with its document; NotFoundError when it is not visible."""
    incoming = (
        incoming_visible_for(actor=actor)
        .select_related(
            "document",
            "document__document_type",
            "agency",
            "register_book",
            "received_by",
        )
        .filter(pk=pk)
        .first()
    )
    if incoming is None:
        raise NotFoundError
    return incoming


def incoming_attachments_for(*, actor: User, incoming: IncomingRecord) -> list[Attachment]:
    """Return the files of a record ``actor`` sees (got from ``incoming_get_for``), oldest first."""
    if incoming_visible_for(actor=actor).filter(pk=incoming.pk).exists():
        return list(
            Attachment.objects.filter(document_id=incoming.document_id)
            .select_related("blob")
            .order_by("created_at", "pk")
        )
    raise NotFoundError


# --- Deliveries between agencies ---------------------------------------------------------------


def deliveries_received_for(*, actor: User) -> QuerySet[IncomingDelivery]:
    """Return the deliveries to the actor's agency a clerk of it may act on (any status)."""
    if not actor.is_active or not is_clerk(actor):
        return IncomingDelivery.objects.none()
    return IncomingDelivery.objects.filter(
        to_agency_id=actor.agency_id,
        document__confidentiality__lte=max_confidentiality(actor),
    ).select_related("document", "document__document_type", "from_agency", "to_agency")


def deliveries_pending_for(*, actor: User) -> QuerySet[IncomingDelivery]:
    """Return the clerk's "chờ tiếp nhận" queue: Hỏa tốc, Thượng khẩn, Khẩn, then by sent time.

    ``queue_order`` then ``id`` is the queue order (keyset-paginable ascending).
    """
    return (
        deliveries_received_for(actor=actor)
        .filter(status=DeliveryStatus.PENDING)
        .order_by("queue_order", "pk")
    )


def delivery_get_for(*, actor: User, pk: int) -> IncomingDelivery:
    """Return one delivery to the actor's agency; NotFoundError when it is not theirs."""
    delivery = deliveries_received_for(actor=actor).filter(pk=pk).first()
    if delivery is None:
        raise NotFoundError
    return delivery


def deliveries_sent_for(
    *, actor: User, status: DeliveryStatus | None = None
) -> QuerySet[IncomingDelivery]:
    """Return what the actor's agency sent (clerks and leaders), newest first.

    With ``status=DeliveryStatus.REFUSED``: the sender's view of refusals and their reasons.
    """
    if not actor.is_active or not sees_whole_register(actor):
        return IncomingDelivery.objects.none()
    sent = IncomingDelivery.objects.filter(
        from_agency_id=actor.agency_id,
        document__confidentiality__lte=max_confidentiality(actor),
    )
    if status is not None:
        sent = sent.filter(status=status)
    return sent.select_related("document", "to_agency", "decided_by").order_by("-pk")
