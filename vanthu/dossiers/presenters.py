"""Plain dicts of file plans, dossiers and proposals for the API."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.accounts.roles import can_see_confidentiality
from vanthu.documents.models import Document
from vanthu.dossiers.models import Dossier, DossierItem, FilePlan, FilePlanHeading, FilePlanItem
from vanthu.dossiers.proposals import Proposal


def dossier_label_for(actor: User, dossier: Dossier) -> str:
    """Return "code - title" of a dossier, or only its code when ``actor`` is not cleared for
    its confidentiality (lists of a colleague's dossiers must not show a classified title)."""
    if can_see_confidentiality(actor, dossier.confidentiality):
        return f"{dossier.code} - {dossier.title}"
    return _("%s (hồ sơ mật)") % dossier.code


def plan_out(plan: FilePlan) -> dict[str, Any]:
    return {
        "id": plan.pk,
        "year": plan.year,
        "numbering": plan.numbering,
        "status": plan.status,
        "decision_number": plan.decision_number,
        "decision_date": plan.decision_date,
    }


def heading_out(heading: FilePlanHeading) -> dict[str, Any]:
    return {
        "id": heading.pk,
        "label": heading.label,
        "title": heading.title,
        "abbreviation": heading.abbreviation,
        "parent_id": heading.parent_id,
    }


def plan_item_out(item: FilePlanItem) -> dict[str, Any]:
    return {
        "id": item.pk,
        "heading_id": item.heading_id,
        "number": item.number,
        "code": item.code,
        "title": item.title,
        "retention": item.retention,
        "keywords": item.keywords,
    }


def dossier_out(dossier: Dossier) -> dict[str, Any]:
    return {
        "id": dossier.pk,
        "code": dossier.code,
        "title": dossier.title,
        "year": dossier.year,
        "retention": dossier.retention,
        "rights": dossier.rights,
        "status": dossier.status,
        "confidentiality": dossier.confidentiality,
        "creator": dossier.creator.full_name or dossier.creator.get_username(),
        "plan_item_id": dossier.plan_item_id,
        "start_date": dossier.start_date,
        "end_date": dossier.end_date,
        "doc_total": dossier.doc_total,
        "page_total": dossier.page_total,
        "handover_due": dossier.handover_due,
        "closing_note": dossier.closing_note,
    }


def item_out(item: DossierItem) -> dict[str, Any]:
    doc = item.document
    return {
        "ordinal": item.ordinal,
        "document_id": doc.pk,
        "code_number": doc.code_number,
        "code_notation": doc.code_notation,
        "issued_date": doc.issued_date,
        "subject": doc.subject,
        "pages": item.pages,
        "is_draft": item.is_draft,
    }


def proposal_out(proposal: Proposal) -> dict[str, Any]:
    target = proposal.dossier or proposal.plan_item
    return {
        "reason": proposal.reason,
        "dossier_id": proposal.dossier.pk if proposal.dossier else None,
        "plan_item_id": proposal.plan_item.pk if proposal.plan_item else None,
        "label": str(target),
    }


def unfiled_out(document: Document) -> dict[str, Any]:
    return {
        "document_id": document.pk,
        "type_name": document.document_type.name,
        "code_number": document.code_number,
        "code_notation": document.code_notation,
        "issued_date": document.issued_date,
        "subject": document.subject,
    }
