"""Reads of the workflow engine: parties, assignments and the trace of one document."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from vanthu.accounts.models import OrgUnit, User
from vanthu.workflow.enums import AssignmentStatus
from vanthu.workflow.errors import InvalidPartyError
from vanthu.workflow.models import Assignment, TraceEntry
from vanthu.workflow.parties import Party


def party_resolve(
    *, agency_id: int, username: str | None = None, unit_id: int | None = None, field: str
) -> Party:
    """Return the active user ``username`` or the unit ``unit_id`` of the agency.

    Anything else (unknown, of another agency, inactive, both or neither given) is refused
    with the same message under ``field``, so that nothing about other agencies leaks.
    """
    if (username is None) == (unit_id is None):
        raise InvalidPartyError(fields={field: [_("Chọn một người hoặc một đơn vị.")]})
    if username is not None:
        user = User.objects.filter(username=username, agency_id=agency_id, is_active=True).first()
        if user is not None:
            return Party(user=user)
    elif unit_id is not None:
        unit = OrgUnit.objects.filter(pk=unit_id, agency_id=agency_id).first()
        if unit is not None:
            return Party(unit=unit)
    raise InvalidPartyError(fields={field: [_("Không tìm thấy người hoặc đơn vị này.")]})


def assignments_of(*, document_id: int, agency_id: int) -> QuerySet[Assignment]:
    """Return every assignment of a document in an agency, oldest first."""
    return (
        Assignment.objects.filter(document_id=document_id, agency_id=agency_id)
        .select_related("party_user", "party_unit", "assigned_by")
        .order_by("created_at", "pk")
    )


def active_assignments_of(*, document_id: int, agency_id: int) -> QuerySet[Assignment]:
    """Return the assignments of a document in an agency that are still open."""
    return assignments_of(document_id=document_id, agency_id=agency_id).filter(
        status=AssignmentStatus.ACTIVE
    )


def assignments_reaching(*, user: User, include_unit: bool) -> QuerySet[Assignment]:
    """Return the current (not superseded) assignments given to ``user``.

    With ``include_unit``, those given to the user's unit or to its members are included too
    (what a unit head oversees).
    """
    reach = Q(party_user_id=user.pk)
    if include_unit and user.unit_id is not None:
        # The members (the user among them) read first, as a list: each branch of the OR then
        # has an index of its own (party unit, party user) on both databases (PostgreSQL
        # scans the whole table for an OR with a subquery).
        members = list(User.objects.filter(unit_id=user.unit_id).values_list("pk", flat=True))
        reach = Q(party_unit_id=user.unit_id) | Q(party_user_id__in=members)
    return Assignment.objects.filter(reach).exclude(status=AssignmentStatus.SUPERSEDED)


def trace_of(*, document_id: int, agency_id: int) -> QuerySet[TraceEntry]:
    """Return the handling trace (TraceHeaderList) of a document in an agency, in order."""
    return (
        TraceEntry.objects.filter(document_id=document_id, agency_id=agency_id)
        .select_related("actor")
        .order_by("at", "pk")
    )
