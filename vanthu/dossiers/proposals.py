"""One-click filing: propose the dossier for a document just handled, file it on confirmation.

Signals, strongest first: the reply chain (the document this one answers, or the answer to
it, is already filed), then the plan item of the dossiers holding those documents, then the
keywords of the current plan's items found in the folded subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.core.errors import InvalidInputError
from vanthu.core.text import fold
from vanthu.documents.models import Document
from vanthu.dossiers.enums import DossierStatus, FilePlanStatus
from vanthu.dossiers.models import Dossier, DossierItem, FilePlanItem
from vanthu.dossiers.permissions import agency_id_of, may_write
from vanthu.dossiers.selectors import (
    document_get_for,
    documents_reachable_for,
    dossier_get_for,
    plan_item_get_for,
)
from vanthu.dossiers.services import dossier_document_add, dossier_open
from vanthu.incoming.models import IncomingRecord

_REFERENCE = re.compile(r"(\d+)\s*/\s*([^\s,;]+)")
MAX_PROPOSALS = 5


@dataclass(frozen=True, slots=True)
class Proposal:
    """A proposed dossier (an open one of the actor) or a plan item to open one from."""

    reason: str
    dossier: Dossier | None
    plan_item: FilePlanItem | None


def _code_of(document: Document) -> str:
    return f"{document.code_number}/{fold(document.code_notation)}"


def _references(text: str) -> list[tuple[str, str]]:
    return [(number, fold(notation)) for number, notation in _REFERENCE.findall(text)]


def thread_of(*, actor: User, document: Document) -> list[Document]:
    """Return the documents of the reply chain of ``document`` in the actor's agency."""
    agency_id = agency_id_of(actor)
    reachable = documents_reachable_for(actor=actor)
    found: list[Document] = []
    own = IncomingRecord.objects.filter(agency_id=agency_id, document=document).first()
    if own is not None and own.reply_reference:
        for number, notation in _references(own.reply_reference):
            found.extend(
                doc
                for doc in reachable.filter(code_number=number)
                if fold(doc.code_notation) == notation
            )
    if document.code_number:
        answering = IncomingRecord.objects.filter(
            agency_id=agency_id, reply_reference__contains=document.code_number
        ).select_related("document")
        found.extend(
            record.document
            for record in answering
            if _code_of(document) in {f"{n}/{c}" for n, c in _references(record.reply_reference)}
        )
    return [doc for doc in dict.fromkeys(found) if doc.pk != document.pk]


def _own_open(actor: User) -> Q:
    return Q(agency_id=actor.agency_id, status=DossierStatus.OPEN)


def _keyword_items(actor: User, document: Document) -> list[FilePlanItem]:
    subject = f" {fold(document.subject)} "
    items = FilePlanItem.objects.filter(
        plan__agency_id=agency_id_of(actor),
        plan__status__in=[FilePlanStatus.APPROVED, FilePlanStatus.ISSUED],
        plan__year__in=[document.issued_date.year, document.issued_date.year + 1],
    ).exclude(keywords_folded="")
    matches: list[FilePlanItem] = []
    for item in items.select_related("plan"):
        words = [w.strip() for w in item.keywords_folded.split(",") if w.strip()]
        if any(f" {word} " in subject for word in words):
            matches.append(item)
    return matches


def proposals_for(*, actor: User, document_id: int) -> list[Proposal]:
    """Return up to five proposals for filing the document, strongest first."""
    document = document_get_for(actor=actor, pk=document_id)
    out: dict[tuple[int | None, int | None], Proposal] = {}

    def add(reason: str, dossier: Dossier | None, item: FilePlanItem | None) -> None:
        key = (dossier.pk if dossier else None, item.pk if item and not dossier else None)
        out.setdefault(key, Proposal(reason=reason, dossier=dossier, plan_item=item))

    thread = thread_of(actor=actor, document=document)
    holders = (
        Dossier.objects.filter(items__document__in=thread, agency_id=agency_id_of(actor))
        .distinct()
        .select_related("plan_item")
    )
    mine = Dossier.objects.filter(_own_open(actor)).exclude(items__document=document)
    for holder in holders:
        if holder.status == DossierStatus.OPEN and may_write(actor, holder):
            add("reply_chain", holder, holder.plan_item)
    for holder in holders:
        if holder.plan_item is not None:
            for own in mine.filter(creator=actor, plan_item=holder.plan_item):
                add("thread_plan_item", own, own.plan_item)
            add("thread_plan_item", None, holder.plan_item)
    for item in _keyword_items(actor, document):
        for own in mine.filter(creator=actor, plan_item=item):
            add("keywords", own, item)
        add("keywords", None, item)
    return list(out.values())[:MAX_PROPOSALS]


def proposal_confirm(
    *,
    actor: User,
    document_id: int,
    dossier_id: int | None = None,
    plan_item_id: int | None = None,
) -> DossierItem:
    """File the document: into the chosen dossier, or into a dossier opened from the plan item
    (the actor's open one of that item when there is one)."""
    if (dossier_id is None) == (plan_item_id is None):
        raise InvalidInputError(
            fields={"dossier_id": [_("Chọn một hồ sơ hoặc một hồ sơ trong danh mục.")]}
        )
    document_get_for(actor=actor, pk=document_id)
    with transaction.atomic():
        if dossier_id is not None:
            dossier = dossier_get_for(actor=actor, pk=dossier_id)
        else:
            assert plan_item_id is not None  # noqa: S101 - checked above
            item = plan_item_get_for(actor=actor, pk=plan_item_id)
            existing = Dossier.objects.filter(_own_open(actor), creator=actor, plan_item=item)
            dossier = existing.first() or dossier_open(actor=actor, plan_item=item)
        return dossier_document_add(actor=actor, dossier=dossier, document_id=document_id)
