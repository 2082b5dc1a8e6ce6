"""Reads of the hand-over, scoped to the actor (agency, role, clearance)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from vanthu.accounts.models import User
from vanthu.accounts.roles import can_route, is_agency_admin_of, is_unit_head, max_confidentiality
from vanthu.archive.access import LONG_RETENTIONS, is_archivist, sees_whole_agency
from vanthu.archive.enums import HandoverStatus
from vanthu.archive.models import Handover, HandoverItem
from vanthu.core.errors import NotFoundError, PermissionDeniedError
from vanthu.dossiers.enums import DossierStatus
from vanthu.dossiers.models import Dossier
from vanthu.dossiers.selectors import dossiers_visible_for


def handovers_visible_for(*, actor: User) -> QuerySet[Handover]:
    """Return the batches ``actor`` may see: the archivists and leaders all of the agency's,
    a unit head the unit's, anyone else their own."""
    if not actor.is_active or actor.agency_id is None:
        return Handover.objects.none()
    rows = Handover.objects.filter(
        agency_id=actor.agency_id, confidentiality__lte=max_confidentiality(actor)
    )
    if not sees_whole_agency(actor):
        reach = Q(submitted_by=actor)
        if is_unit_head(actor):
            reach |= Q(unit_id=actor.unit_id)
        rows = rows.filter(reach)
    return rows.select_related("agency", "unit", "submitted_by", "archivist")


def handover_get_for(*, actor: User, pk: int) -> Handover:
    """Return one visible batch; "no access" is the same 404 as "does not exist"."""
    handover = handovers_visible_for(actor=actor).filter(pk=pk).first()
    if handover is None:
        raise NotFoundError(_("Không tìm thấy đợt nộp lưu."))
    return handover


def item_counts(handover_ids: list[int]) -> dict[int, int]:
    """Return the number of dossiers in each batch."""
    rows = (
        HandoverItem.objects.filter(handover_id__in=handover_ids)
        .order_by()
        .values("handover_id")
        .annotate(total=Count("pk"))
        .values_list("handover_id", "total")
    )
    return dict(rows)


def handover_items_of(handover: Handover) -> list[HandoverItem]:
    return list(handover.items.order_by("ordinal"))


def holdings_for(*, actor: User) -> QuerySet[Dossier]:
    """Return the handed-over dossiers (archival holdings) of the agency, for its archivists
    and leaders (read-only)."""
    if actor.agency_id is None or not (is_archivist(actor) or can_route(actor)):
        return Dossier.objects.none()
    return Dossier.objects.filter(
        agency_id=actor.agency_id,
        status=DossierStatus.HANDED_OVER,
        confidentiality__lte=max_confidentiality(actor),
    ).order_by("year", "code", "pk")


@dataclass(frozen=True, slots=True)
class DeactivationChecklist:
    """What a leaving user must hand over first (Decree 30 Art. 31.3.đ)."""

    user: User
    open_dossiers: list[Dossier]
    closed_dossiers: list[Dossier]
    pending_dossiers: list[Dossier]

    @property
    def clear(self) -> bool:
        return not (self.open_dossiers or self.closed_dossiers or self.pending_dossiers)


def deactivation_checklist(*, actor: User, user: User) -> DeactivationChecklist:
    """Return the dossiers ``user`` still holds: open, closed and not handed over, or waiting
    in a submitted batch. For the agency's administrators and leaders."""
    if user.agency_id is None or not (
        is_agency_admin_of(actor, user.agency_id)
        or (can_route(actor) and actor.agency_id == user.agency_id)
    ):
        raise PermissionDeniedError
    held = list(
        Dossier.objects.filter(agency_id=user.agency_id, creator=user)
        .exclude(status=DossierStatus.HANDED_OVER)
        .order_by("year", "code", "pk")
    )
    pending = set(
        HandoverItem.objects.filter(
            dossier__in=held, handover__status=HandoverStatus.SUBMITTED
        ).values_list("dossier_id", flat=True)
    )
    return DeactivationChecklist(
        user=user,
        open_dossiers=[d for d in held if d.status == DossierStatus.OPEN],
        closed_dossiers=[
            d for d in held if d.status == DossierStatus.CLOSED and d.pk not in pending
        ],
        pending_dossiers=[d for d in held if d.pk in pending],
    )


def deactivation_checklist_for(*, actor: User, user_id: int) -> DeactivationChecklist:
    """Return the checklist of a user of the actor's agency (404 for anyone else)."""
    user = None
    if actor.agency_id is not None:
        user = User.objects.filter(pk=user_id, agency_id=actor.agency_id).first()
    if user is None:
        raise NotFoundError(_("Không tìm thấy người dùng."))
    return deactivation_checklist(actor=actor, user=user)


def submittable_for(*, actor: User) -> QuerySet[Dossier]:
    """Return the closed dossiers ``actor`` may hand over (their own; a unit head: the unit's)
    that go to the archive and are not waiting in a submitted batch."""
    pending = HandoverItem.objects.filter(
        dossier=OuterRef("pk"), handover__status=HandoverStatus.SUBMITTED
    )
    mine = Q(creator=actor)
    if is_unit_head(actor):
        mine |= Q(unit_id=actor.unit_id)
    return (
        dossiers_visible_for(actor=actor)
        .filter(mine, status=DossierStatus.CLOSED, retention__in=LONG_RETENTIONS)
        .exclude(Exists(pending))
        .order_by("year", "code", "pk")
    )


def handovers_awaiting_check(*, actor: User) -> QuerySet[Handover]:
    """Return the submitted batches an archivist has to check (none for anyone else)."""
    if not is_archivist(actor):
        return Handover.objects.none()
    return handovers_visible_for(actor=actor).filter(status=HandoverStatus.SUBMITTED)
