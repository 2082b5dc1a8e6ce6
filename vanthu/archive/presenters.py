"""Batches, items and lists as API dictionaries."""

from __future__ import annotations

from typing import Any

from vanthu.accounts.models import User
from vanthu.archive.models import Handover, HandoverItem, KeptBackDossier
from vanthu.archive.reports import ComplianceReport, ComplianceRow
from vanthu.archive.selectors import DeactivationChecklist
from vanthu.dossiers.models import Dossier


def _name(user: User | None) -> str | None:
    if user is None:
        return None
    return user.full_name or user.get_username()


def handover_out(handover: Handover, *, dossier_total: int | None = None) -> dict[str, Any]:
    return {
        "id": handover.pk,
        "title": handover.title,
        "status": handover.status,
        "status_label": handover.get_status_display(),
        "unit": handover.unit.name if handover.unit is not None else None,
        "submitted_by": _name(handover.submitted_by) or "",
        "submitted_at": handover.submitted_at,
        "archivist": _name(handover.archivist),
        "decided_at": handover.decided_at,
        "decision_note": handover.decision_note,
        "dossier_total": (dossier_total if dossier_total is not None else handover.items.count()),
    }


def item_out(item: HandoverItem) -> dict[str, Any]:
    return {
        "ordinal": item.ordinal,
        "dossier_id": item.dossier_id,
        "code": item.code,
        "title": item.title,
        "start_date": item.start_date,
        "end_date": item.end_date,
        "retention": item.retention,
        "retention_label": item.get_retention_display(),
        "doc_total": item.doc_total,
        "page_total": item.page_total,
        "note": item.note,
        "check_result": item.check_result,
        "reason": item.reason,
    }


def kept_back_out(kept: KeptBackDossier) -> dict[str, Any]:
    return {
        "id": kept.pk,
        "dossier_id": kept.dossier_id,
        "code": kept.dossier.code,
        "title": kept.dossier.title,
        "handover_due": kept.dossier.handover_due,
        "kept_until": kept.kept_until,
        "reason": kept.reason,
        "consent_reference": kept.consent_reference,
        "consent_date": kept.consent_date,
        "consent_by": _name(kept.consent_by) or "",
    }


def _dossier(dossier: Dossier) -> dict[str, Any]:
    return {
        "id": dossier.pk,
        "code": dossier.code,
        "title": dossier.title,
        "status": dossier.status,
        "handover_due": dossier.handover_due,
    }


def checklist_out(checklist: DeactivationChecklist) -> dict[str, Any]:
    return {
        "user_id": checklist.user.pk,
        "clear": checklist.clear,
        "open_dossiers": [_dossier(d) for d in checklist.open_dossiers],
        "closed_dossiers": [_dossier(d) for d in checklist.closed_dossiers],
        "pending_dossiers": [_dossier(d) for d in checklist.pending_dossiers],
    }


def compliance_row_out(row: ComplianceRow) -> dict[str, Any]:
    return {
        "user_id": row.key,
        "name": row.name,
        "unit": row.unit,
        "handled": row.handled,
        "filed": row.filed,
        "unfiled": row.unfiled,
        "filed_percent": row.filed_percent,
        "opened": row.opened,
        "closed": row.closed,
        "overdue": row.overdue,
    }


def compliance_out(report: ComplianceReport) -> dict[str, Any]:
    return {
        "year": report.year,
        "on": report.on,
        "units": [compliance_row_out(row) for row in report.units],
        "people": [compliance_row_out(row) for row in report.people],
    }
