"""Reads of the documents kernel, scoped to the actor where the data belongs to an agency."""

from __future__ import annotations

from django.db.models import QuerySet

from vanthu.accounts.models import User
from vanthu.documents.models import DocumentType, NumberAllocation, RegisterBook


def document_types(*, include_copy_forms: bool = True) -> QuerySet[DocumentType]:
    """Return the document types (reference data, the same for everyone), by code."""
    queryset = DocumentType.objects.order_by("code")
    if not include_copy_forms:
        queryset = queryset.filter(is_copy_form=False)
    return queryset


def register_books_for(*, actor: User) -> QuerySet[RegisterBook]:
    """Return the register books of the actor's agency (all agencies for a superuser)."""
    queryset = RegisterBook.objects.select_related("agency", "unit").order_by("kind", "name")
    if actor.is_superuser:
        return queryset
    if actor.agency_id is None:
        return queryset.none()
    return queryset.filter(agency_id=actor.agency_id)


def number_allocations_for(
    *, actor: User, book: RegisterBook, year: int
) -> QuerySet[NumberAllocation]:
    """Return the numbers of one book and year in order, if the actor may see that book."""
    books = register_books_for(actor=actor).filter(pk=book.pk)
    return NumberAllocation.objects.filter(book__in=books, year=year).order_by("number")
