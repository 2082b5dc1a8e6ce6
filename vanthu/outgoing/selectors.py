"""Reads of outgoing drafts and records, scoped to the actor (not visible = 404)."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from vanthu.accounts.models import User
from vanthu.core.api import KeysetPage, keyset_page
from vanthu.core.errors import NotFoundError
from vanthu.outgoing.models import (
    DraftComment,
    DraftReview,
    DraftVersion,
    OutgoingDraft,
    OutgoingRecord,
)
from vanthu.outgoing.permissions import is_unit_head, max_confidentiality, sees_whole_agency

REGISTER_PAGE_SIZE = 50


def drafts_visible_to(actor: User) -> QuerySet[OutgoingDraft]:
    """Return the drafts the actor may see.

    Own agency only; up to the actor's clearance; authors see their drafts, unit heads their
    unit's, clerks and leaders the agency's.
    """
    if not actor.is_active or actor.agency_id is None:
        return OutgoingDraft.objects.none()
    drafts = OutgoingDraft.objects.filter(
        agency_id=actor.agency_id, confidentiality__lte=max_confidentiality(actor)
    )
    if sees_whole_agency(actor):
        return drafts
    mine = Q(author=actor)
    if is_unit_head(actor) and actor.unit_id is not None:
        mine |= Q(unit_id=actor.unit_id)
    return drafts.filter(mine)


def draft_get_for(*, actor: User, pk: int, lock: bool = False) -> OutgoingDraft:
    """Return the draft ``pk`` if the actor may see it (locked when ``lock``); 404 otherwise."""
    drafts = drafts_visible_to(actor).select_related(
        "agency", "unit", "author", "document_type", "approved_version", "signer"
    )
    if lock:
        drafts = drafts.select_for_update(of=("self",))
    draft = drafts.filter(pk=pk).first()
    if draft is None:
        raise NotFoundError
    return draft


def draft_versions(draft: OutgoingDraft) -> QuerySet[DraftVersion]:
    return DraftVersion.objects.filter(draft=draft).select_related("created_by").order_by("number")


def draft_current_version(draft: OutgoingDraft) -> DraftVersion:
    """Return the newest version of a draft (every draft has at least one)."""
    return DraftVersion.objects.select_related("source_blob", "rendered_blob").get(
        draft=draft, number=draft.version_count
    )


def draft_version_get(*, draft: OutgoingDraft, number: int) -> DraftVersion:
    version = (
        DraftVersion.objects.select_related("source_blob", "rendered_blob")
        .filter(draft=draft, number=number)
        .first()
    )
    if version is None:
        raise NotFoundError
    return version


def draft_comments(draft: OutgoingDraft) -> QuerySet[DraftComment]:
    return (
        DraftComment.objects.filter(version__draft=draft)
        .select_related("author", "version")
        .order_by("created_at", "pk")
    )


def draft_reviews(draft: OutgoingDraft) -> QuerySet[DraftReview]:
    return (
        DraftReview.objects.filter(draft=draft)
        .select_related("reviewer", "version")
        .order_by("created_at", "pk")
    )


def records_visible_to(actor: User) -> QuerySet[OutgoingRecord]:
    """Return the outgoing records the actor may see (same rules as their drafts)."""
    drafts = drafts_visible_to(actor)
    return OutgoingRecord.objects.filter(draft__in=drafts.values("pk")).select_related(
        "document", "document__document_type", "register_book", "draft"
    )


def record_get_for(*, actor: User, pk: int) -> OutgoingRecord:
    record = records_visible_to(actor).filter(pk=pk).first()
    if record is None:
        raise NotFoundError
    return record


def outgoing_register(
    *, actor: User, cursor: str | None, limit: int = REGISTER_PAGE_SIZE, year: int | None = None
) -> KeysetPage[OutgoingRecord]:
    """Return one page of the outgoing register, newest first (keyset on id)."""
    records = records_visible_to(actor)
    if year is not None:
        records = records.filter(year=year)
    return keyset_page(records, sort_field="id", cursor=cursor, limit=limit, descending=True)
