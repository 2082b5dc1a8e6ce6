"""incoming_register: numbering, validation, permissions, duplicates."""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any

import pytest

from vanthu.accounts.enums import Clearance
from vanthu.audit.models import AuditEvent
from vanthu.core.errors import InvalidInputError, PermissionDeniedError
from vanthu.documents.enums import Confidentiality
from vanthu.documents.models import NumberAllocation
from vanthu.documents.numbering import today_in_vietnam
from vanthu.incoming.enums import IncomingStatus
from vanthu.incoming.errors import DuplicateIncomingError, RegisterBookMissingError
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.registration import incoming_register
from vanthu.incoming.tests.factories import Office, data
from vanthu.workflow.enums import TraceAction
from vanthu.workflow.selectors import trace_of

pytestmark = pytest.mark.django_db


class TestNumbering:
    def test_arrival_numbers_follow_each_other_in_the_book(self, office: Office) -> None:
        records = [office.register() for _ in range(3)]
        assert [r.arrival_number for r in records] == [1, 2, 3]
        assert {r.register_book_id for r in records} == {office.book.pk}
        assert {r.arrival_year for r in records} == {today_in_vietnam().year}
        assert {r.arrival_date for r in records} == {today_in_vietnam()}

    def test_the_confidential_book_has_its_own_series(self, office: Office) -> None:
        first = office.register()
        secret = office.register(confidentiality=Confidentiality.CONFIDENTIAL)
        second = office.register()
        assert (first.arrival_number, second.arrival_number) == (1, 2)
        assert (secret.register_book_id, secret.arrival_number) == (office.secret_book.pk, 1)

    def test_numbers_restart_on_the_first_of_january(self, office: Office) -> None:
        issued = dt.date(2024, 12, 2)
        december = [office.register(on=dt.date(2024, 12, 31), issued_date=issued) for _ in "ab"]
        january = office.register(on=dt.date(2025, 1, 2), issued_date=issued)
        assert [r.arrival_number for r in december] == [1, 2]
        assert (january.arrival_year, january.arrival_number) == (2025, 1)

    def test_each_agency_counts_for_itself(self, office: Office, other_office: Office) -> None:
        office.register()
        assert other_office.register().arrival_number == 1


class TestRecordContent:
    def test_the_record_keeps_the_annex_vi_fields(self, office: Office) -> None:
        record = office.register(code_number="26", description="Bản gốc")
        document = record.document
        assert (document.code_number, document.code_notation) == ("26", "KH-SNV")
        assert document.document_type.code == "10"
        assert document.owner_agency_id == office.agency.pk
        assert (document.signer_position, document.signer_name) == ("Giám đốc", "Nguyễn Văn A")
        assert document.page_amount == 4
        assert document.subject_folded == "kiem tra cong tac van thu, luu tru nam 2020"
        assert record.status == IncomingStatus.REGISTERED
        assert record.received_by_id == office.clerk.pk
        assert record.organ_folded == "so noi vu tinh kien giang"
        assert record.allocation.number == record.arrival_number

    def test_text_is_stored_in_nfc_with_spaces_collapsed(self, office: Office) -> None:
        subject = unicodedata.normalize("NFD", "  Kiểm tra   công tác\u200b văn thư ")
        record = office.register(subject=subject)
        assert record.document.subject == "Kiểm tra công tác văn thư"
        assert unicodedata.is_normalized("NFC", record.document.subject)

    def test_registration_is_traced_and_audited(self, office: Office) -> None:
        record = office.register()
        trace = list(trace_of(document_id=record.document_id, agency_id=office.agency.pk))
        assert [(t.action, t.status) for t in trace] == [
            (TraceAction.REGISTERED, IncomingStatus.REGISTERED)
        ]
        assert "số đến 01" in trace[0].text
        event = AuditEvent.objects.get(action="incoming.registered")
        assert event.data["arrival_number"] == 1
        assert event.actor_id == office.clerk.pk


LONG = "x"
INVALID_CASES: list[tuple[dict[str, Any], str]] = [
    ({"issued_date": today_in_vietnam() + dt.timedelta(days=2)}, "issued_date"),
    ({"code_notation": "QĐ-SNV"}, "code_notation"),
    ({"code_notation": "KH"}, "code_notation"),
    ({"code_notation": "KH - SNV"}, "code_notation"),
    ({"type_code": "22", "code_notation": "KH-SNV"}, "code_notation"),
    ({"type_code": "22", "code_notation": "SNV"}, "code_notation"),
    ({"subject": "   "}, "subject"),
    ({"organ_name": ""}, "organ_name"),
    ({"subject": LONG * 501}, "subject"),
    ({"organ_name": LONG * 201}, "organ_name"),
    ({"code_number": "1" * 12}, "code_number"),
    ({"code_notation": "KH-" + "S" * 28}, "code_notation"),
    ({"signer_full_name": LONG * 51}, "signer_full_name"),
    ({"signer_position": LONG * 101}, "signer_position"),
    ({"to_places": LONG * 1001}, "to_places"),
    ({"description": LONG * 501}, "description"),
    ({"page_amount": 0}, "page_amount"),
    ({"page_amount": 1000}, "page_amount"),
    ({"type_code": "99"}, "type_code"),
    ({"urgency": "later"}, "urgency"),
    ({"language": "xx"}, "language"),
    ({"channel": "pigeon"}, "channel"),
    ({"due_date": dt.date(2020, 1, 1)}, "due_date"),
    ({"confirm_duplicate": True, "duplicate_reason": " "}, "duplicate_reason"),
]


class TestValidation:
    @pytest.mark.parametrize(("changes", "field"), INVALID_CASES)
    def test_invalid_data_is_refused_and_uses_no_number(
        self, office: Office, changes: dict[str, Any], field: str
    ) -> None:
        with pytest.raises(InvalidInputError) as info:
            office.register(**changes)
        assert list(info.value.fields) == [field]
        assert info.value.fields[field][0]
        assert not NumberAllocation.objects.exists()
        assert not IncomingRecord.objects.exists()

    def test_issued_after_arrival_is_refused(self, office: Office) -> None:
        with pytest.raises(InvalidInputError) as info:
            office.register(on=dt.date(2020, 4, 22))
        assert info.value.fields == {"issued_date": ["Ngày văn bản không được sau ngày đến."]}

    def test_arrival_in_the_future_is_refused(self, office: Office) -> None:
        with pytest.raises(InvalidInputError) as info:
            office.register(on=today_in_vietnam() + dt.timedelta(days=1))
        assert list(info.value.fields) == ["arrival_date"]

    @pytest.mark.parametrize(
        ("type_code", "notation"),
        [("22", "SNV-VP"), ("22", "UBND-VP.TH"), ("02", "QĐ-UBND"), ("15", "TTr-SNV"), ("32", "")],
    )
    def test_notations_that_fit_the_type_are_accepted(
        self, office: Office, type_code: str, notation: str
    ) -> None:
        record = office.register(type_code=type_code, code_notation=notation)
        assert record.document.code_notation == notation


class TestPermissions:
    @pytest.mark.parametrize("who", ["leader", "head_a", "specialist_a"])
    def test_only_clerks_register(self, office: Office, who: str) -> None:
        with pytest.raises(PermissionDeniedError):
            incoming_register(actor=getattr(office, who), data=data())
        assert not NumberAllocation.objects.exists()

    def test_an_inactive_clerk_cannot_register(self, office: Office) -> None:
        office.clerk.is_active = False
        office.clerk.save(update_fields=["is_active"])
        with pytest.raises(PermissionDeniedError):
            office.register()

    def test_a_clerk_without_clearance_cannot_register_a_confidential_document(
        self, office: Office
    ) -> None:
        office.clerk.clearance = Clearance.NONE
        office.clerk.save(update_fields=["clearance"])
        with pytest.raises(PermissionDeniedError):
            office.register(confidentiality=Confidentiality.CONFIDENTIAL)

    def test_classified_documents_are_refused_when_not_allowed(
        self, office: Office, settings: Any
    ) -> None:
        settings.VANTHU_ALLOW_CLASSIFIED = False
        office.clerk.clearance = Clearance.TOP_SECRET
        office.clerk.save(update_fields=["clearance"])
        with pytest.raises(PermissionDeniedError):
            office.register(confidentiality=Confidentiality.SECRET)

    def test_a_missing_secret_book_is_reported(self, office: Office) -> None:
        office.secret_book.is_active = False
        office.secret_book.save(update_fields=["is_active"])
        with pytest.raises(RegisterBookMissingError) as info:
            office.register(confidentiality=Confidentiality.CONFIDENTIAL)
        assert info.value.status == 409
        assert list(info.value.fields) == ["confidentiality"]

    def test_a_chosen_book_must_fit_the_confidentiality(self, office: Office) -> None:
        with pytest.raises(RegisterBookMissingError):
            office.register(register_book_id=office.secret_book.pk)


class TestDuplicates:
    def test_same_number_notation_and_issuer_in_the_year_is_a_duplicate(
        self, office: Office
    ) -> None:
        first = office.register(code_number="26")
        with pytest.raises(DuplicateIncomingError) as info:
            office.register(code_number="26", organ_name="SỞ NỘI VỤ  tỉnh Kiên Giang")
        error = info.value
        assert (error.code, error.status) == ("duplicate", 409)
        body = error.as_dict()
        assert body["duplicate_of"]["id"] == first.pk
        assert body["duplicate_of"]["arrival_number"] == 1
        assert body["duplicate_of"]["subject"] == first.document.subject
        assert NumberAllocation.objects.count() == 1

    def test_a_confirmed_duplicate_is_registered_with_its_reason(self, office: Office) -> None:
        first = office.register(code_number="26")
        again = office.register(
            code_number="26", confirm_duplicate=True, duplicate_reason="Bản chính gửi lại"
        )
        assert (again.duplicate_of_id, again.duplicate_reason) == (first.pk, "Bản chính gửi lại")
        assert again.arrival_number == 2
        event = AuditEvent.objects.get(action="incoming.registered", target_id=str(again.pk))
        assert event.data["duplicate_of"] == first.pk

    @pytest.mark.parametrize(
        "changes",
        [
            {"code_number": "27"},
            {"code_notation": "KH-UBND"},
            {"organ_name": "Sở Tư pháp tỉnh Kiên Giang"},
            {"issued_date": dt.date(2021, 4, 23)},
        ],
    )
    def test_different_documents_are_not_duplicates(
        self, office: Office, changes: dict[str, Any]
    ) -> None:
        office.register(code_number="26")
        changes.setdefault("code_number", "26")
        assert office.register(**changes).duplicate_of_id is None

    def test_another_agency_may_register_the_same_document(
        self, office: Office, other_office: Office
    ) -> None:
        office.register(code_number="26")
        assert other_office.register(code_number="26").arrival_number == 1

    def test_the_earlier_subject_is_hidden_from_an_uncleared_clerk(self, office: Office) -> None:
        office.register(code_number="26", confidentiality=Confidentiality.CONFIDENTIAL)
        office.clerk.clearance = Clearance.NONE
        office.clerk.save(update_fields=["clearance"])
        with pytest.raises(DuplicateIncomingError) as info:
            office.register(code_number="26")
        assert "subject" not in info.value.earlier
