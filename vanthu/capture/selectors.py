"""Reads of the capture app, scoped to the actor: a job is seen inside its agency only."""

from __future__ import annotations

from django.db import DatabaseError
from django.db.models import Count, Q, QuerySet

from vanthu.accounts.enums import Role
from vanthu.accounts.models import Agency, User
from vanthu.accounts.roles import has_role
from vanthu.capture.extract import KnownAgency
from vanthu.capture.models import CaptureCorrection, CaptureJob
from vanthu.core.errors import NotFoundError


def known_agencies() -> list[KnownAgency]:
    """Return the installation's agencies (their stored names restore a header's case).

    Reference data only: without a migrated database the extractor works without it.
    """
    try:
        rows = list(Agency.objects.values_list("name", "abbreviation"))
    except DatabaseError:
        return []
    return [KnownAgency(name=name, abbreviation=abbreviation) for name, abbreviation in rows]


def capture_jobs_for(*, actor: User) -> QuerySet[CaptureJob]:
    """Return the jobs the actor may see: their own, or every job of their agency for a clerk."""
    if actor.agency_id is None:
        return CaptureJob.objects.none()
    jobs = CaptureJob.objects.filter(agency_id=actor.agency_id).select_related("original")
    if has_role(actor, Role.CLERK):
        return jobs.order_by("-id")
    return jobs.filter(created_by=actor).order_by("-id")


def capture_job_get_for(*, actor: User, job_id: int) -> CaptureJob:
    """Return one visible job; "not visible" and "missing" are the same ``NotFoundError``."""
    job = capture_jobs_for(actor=actor).filter(pk=job_id).first()
    if job is None:
        raise NotFoundError
    return job


def capture_accuracy_for(*, actor: User) -> dict[str, dict[str, float | int]]:
    """Return, per field, how many confirmed proposals of the actor's agency were right."""
    if actor.agency_id is None:
        return {}
    rows = (
        CaptureCorrection.objects.filter(job__agency_id=actor.agency_id)
        .values("field")
        .annotate(total=Count("id"), correct=Count("id", filter=Q(is_correct=True)))
        .order_by("field")
    )
    return {
        row["field"]: {
            "total": row["total"],
            "correct": row["correct"],
            "accuracy": round(row["correct"] / row["total"], 4) if row["total"] else 0.0,
        }
        for row in rows
    }
