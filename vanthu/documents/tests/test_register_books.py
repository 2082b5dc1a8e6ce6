"""Opening register books, and reading them scoped to the actor."""

from __future__ import annotations

import datetime as dt

import pytest

from vanthu.accounts.enums import Role
from vanthu.accounts.models import User
from vanthu.audit.models import AuditEvent
from vanthu.core.errors import InvalidInputError, PermissionDeniedError
from vanthu.documents.enums import RegisterKind
from vanthu.documents.errors import RegisterBookNameTakenError
from vanthu.documents.selectors import number_allocations_for, register_books_for
from vanthu.documents.services import number_allocate, register_book_create
from vanthu.documents.tests.factories import register_book_make, unit_make, user_make

pytestmark = pytest.mark.django_db


class TestRegisterBookCreate:
    def test_clerk_opens_a_book(self, clerk: User) -> None:
        assert clerk.agency is not None
        book = register_book_create(
            actor=clerk, agency=clerk.agency, kind=RegisterKind.INCOMING, name="Sổ văn bản đến"
        )
        assert (book.agency, book.kind, book.is_active) == (clerk.agency, "incoming", True)
        event = AuditEvent.objects.get(action="documents.register_book_created")
        assert event.target_id == str(book.pk)
        assert event.agency_id == clerk.agency.pk

    def test_specialist_is_refused(self) -> None:
        specialist = user_make(roles=[Role.SPECIALIST])
        assert specialist.agency is not None
        with pytest.raises(PermissionDeniedError):
            register_book_create(
                actor=specialist, agency=specialist.agency, kind=RegisterKind.OUTGOING, name="Sổ"
            )

    def test_name_is_unique_in_the_agency(self, clerk: User) -> None:
        assert clerk.agency is not None
        register_book_create(
            actor=clerk, agency=clerk.agency, kind=RegisterKind.OUTGOING, name="Sổ đi"
        )
        with pytest.raises(RegisterBookNameTakenError) as caught:
            register_book_create(
                actor=clerk, agency=clerk.agency, kind=RegisterKind.COPY, name="Sổ đi"
            )
        assert caught.value.fields == {"name": ["Tên sổ đã được dùng."]}

    def test_advisory_book_needs_a_body_of_the_agency(self, clerk: User) -> None:
        assert clerk.agency is not None
        with pytest.raises(InvalidInputError) as caught:
            register_book_create(
                actor=clerk, agency=clerk.agency, kind=RegisterKind.ADVISORY, name="Sổ Hội đồng"
            )
        assert "unit" in caught.value.fields
        council = unit_make(agency=clerk.agency, name="Hội đồng thi đua")
        book = register_book_create(
            actor=clerk,
            agency=clerk.agency,
            kind=RegisterKind.ADVISORY,
            name="Sổ Hội đồng",
            unit=council,
        )
        assert book.unit == council
        with pytest.raises(InvalidInputError):
            register_book_create(
                actor=clerk,
                agency=clerk.agency,
                kind=RegisterKind.ADVISORY,
                name="Sổ khác",
                unit=unit_make(),
            )


class TestSelectors:
    def test_books_and_numbers_are_scoped_to_the_agency(self, clerk: User) -> None:
        own = register_book_make(agency=clerk.agency)
        foreign = register_book_make()
        assert list(register_books_for(actor=clerk)) == [own]
        number_allocate(book=own, actor=clerk, on=dt.date(2026, 1, 2))
        outsider = user_make()
        assert number_allocations_for(actor=clerk, book=own, year=2026).count() == 1
        assert not number_allocations_for(actor=outsider, book=own, year=2026).exists()
        assert foreign not in register_books_for(actor=clerk)
