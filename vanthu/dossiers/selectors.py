"""Reads of file plans and dossiers, scoped to the actor (agency, role, clearance)."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from vanthu.accounts.enums import Role
from vanthu.accounts.models import User
from vanthu.accounts.roles import can_route, has_role, is_unit_head, max_confidentiality
from vanthu.core.errors import NotFoundError
from vanthu.documents.models import Document
from vanthu.dossiers.enums import DossierStatus, FilePlanStatus
from vanthu.dossiers.models import Dossier, DossierItem, FilePlan, FilePlanItem
from vanthu.incoming.models import IncomingRecord
from vanthu.outgoing.models import OutgoingRecord


def file_plans_for(*, actor: User) -> QuerySet[FilePlan]:
    """Return the file plans of the actor's agency, newest year first."""
    if not actor.is_active or actor.agency_id is None:
        return FilePlan.objects.none()
    return FilePlan.objects.filter(agency_id=actor.agency_id).order_by("-year")


def file_plan_get_for(*, actor: User, pk: int) -> FilePlan:
    """Return one file plan of the actor's agency (404 otherwise)."""
    plan = file_plans_for(actor=actor).filter(pk=pk).first()
    if plan is None:
        raise NotFoundError(_("Không tìm thấy danh mục hồ sơ."))
    return plan


def plan_items_of(plan: FilePlan) -> QuerySet[FilePlanItem]:
    """Return the items of ``plan`` in plan order (heading, then number)."""
    return (
        FilePlanItem.objects.filter(plan=plan)
        .select_related("heading", "heading__parent", "responsible_unit", "responsible_user")
        .order_by("number", "pk")
    )


def plan_item_get_for(*, actor: User, pk: int) -> FilePlanItem:
    """Return one plan item of the actor's agency (404 otherwise)."""
    if actor.agency_id is None:
        raise NotFoundError(_("Không tìm thấy hồ sơ trong danh mục."))
    item = (
        FilePlanItem.objects.filter(pk=pk, plan__agency_id=actor.agency_id)
        .select_related("plan", "heading")
        .first()
    )
    if item is None or not actor.is_active:
        raise NotFoundError(_("Không tìm thấy hồ sơ trong danh mục."))
    return item


def _reach(actor: User) -> Q:
    """Who sees which dossiers: the creator, the unit head, the leaders; the archivist after
    hand-over."""
    if can_route(actor):
        return Q()
    reach = Q(creator=actor)
    if is_unit_head(actor):
        reach |= Q(unit_id=actor.unit_id)
    if has_role(actor, Role.ARCHIVIST):
        reach |= Q(status=DossierStatus.HANDED_OVER)
    return reach


def dossiers_visible_for(*, actor: User) -> QuerySet[Dossier]:
    """Return the dossiers ``actor`` may see (never another agency's, never above clearance)."""
    if not actor.is_active or actor.agency_id is None:
        return Dossier.objects.none()
    return Dossier.objects.filter(
        _reach(actor),
        agency_id=actor.agency_id,
        confidentiality__lte=max_confidentiality(actor),
    ).select_related("creator", "unit", "plan_item")


def dossier_get_for(*, actor: User, pk: int) -> Dossier:
    """Return one visible dossier; "no access" is the same 404 as "does not exist"."""
    dossier = dossiers_visible_for(actor=actor).filter(pk=pk).first()
    if dossier is None:
        raise NotFoundError(_("Không tìm thấy hồ sơ."))
    return dossier


def dossier_items_of(dossier: Dossier) -> list[DossierItem]:
    """Return the documents of ``dossier`` in their order, with their types."""
    return list(
        DossierItem.objects.filter(dossier=dossier)
        .select_related("document", "document__document_type")
        .order_by("ordinal")
    )


def documents_reachable_for(*, actor: User) -> QuerySet[Document]:
    """Return the documents of the actor's agency that the actor's clearance allows.

    A document belongs to an agency when the agency owns it, registered it as incoming or
    issued it as outgoing.
    """
    if not actor.is_active or actor.agency_id is None:
        return Document.objects.none()
    agency_id = actor.agency_id
    incoming = IncomingRecord.objects.filter(document=OuterRef("pk"), agency_id=agency_id)
    outgoing = OutgoingRecord.objects.filter(document=OuterRef("pk"), agency_id=agency_id)
    return Document.objects.filter(
        Q(owner_agency_id=agency_id) | Exists(incoming) | Exists(outgoing),
        confidentiality__lte=max_confidentiality(actor),
    )


def document_get_for(*, actor: User, pk: int) -> Document:
    """Return one document the actor may file (404 for another agency's or above clearance)."""
    document = documents_reachable_for(actor=actor).filter(pk=pk).first()
    if document is None:
        raise NotFoundError(_("Không tìm thấy văn bản."))
    return document


def plan_items_openable_for(*, actor: User) -> QuerySet[FilePlanItem]:
    """Return the items of the actor's agency's approved or issued plans (a dossier may be
    opened from them), newest plan first."""
    if not actor.is_active or actor.agency_id is None:
        return FilePlanItem.objects.none()
    return (
        FilePlanItem.objects.filter(
            plan__agency_id=actor.agency_id,
            plan__status__in=(FilePlanStatus.APPROVED, FilePlanStatus.ISSUED),
        )
        .select_related("plan")
        .order_by("-plan__year", "number", "pk")
    )
