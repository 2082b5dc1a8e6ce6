"""register_import: dry run, errors, writing, idempotency, numbering and refusals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.apps import apps

from vanthu.accounts.enums import Role
from vanthu.accounts.tests.factories import make_user
from vanthu.audit.models import AuditEvent
from vanthu.core.errors import InvalidInputError, PermissionDeniedError
from vanthu.documents.models import NumberAllocation, Sequence
from vanthu.documents.numbering import today_in_vietnam
from vanthu.incoming.enums import IncomingStatus
from vanthu.incoming.importer import parse_mapping
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.tests.factories import Office
from vanthu.incoming.tests.test_import_support import HEADINGS, ROWS, Row, excel_day, run, xlsx

pytestmark = pytest.mark.django_db


def model_counts() -> dict[str, int]:
    """Return the row count of every model of the project."""
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def row(number: int, **changes: object) -> Row:
    """Return a valid sample row with arrival number ``number`` and some cells changed."""
    values = dict(zip(HEADINGS, ROWS[0], strict=True))
    values.update({"Số đến": number, "Số, ký hiệu": f"{number}/KH-SNV"})
    values.update({HEADINGS[int(k[1:])]: v for k, v in changes.items()})
    return tuple(values.values())


class TestDryRun:
    def test_a_dry_run_counts_and_writes_nothing(self, office: Office, tmp_path: Path) -> None:
        before = model_counts()
        report = run(office.clerk, xlsx(tmp_path), dry_run=True)
        assert model_counts() == before
        assert (report.rows_read, report.valid, report.invalid_rows) == (3, 3, 0)
        assert (report.already_imported, report.to_create, report.created) == (0, 3, 0)
        assert report.dry_run
        assert report.mapping["so_den"] == "B"

    def test_every_row_error_names_row_column_value_and_problem(
        self, office: Office, tmp_path: Path
    ) -> None:
        rows = [
            row(1),
            row(2, c0="31/02/2020"),  # no such date
            row(3, c1="ba"),  # not a number
            row(4, c2=""),  # no issuing body
            row(5, c4=excel_day(2020, 5, 1), c0=excel_day(2020, 4, 30)),  # issued after arrival
            row(6, c0="12/12/2019", c4="10/12/2019"),  # another year
            row(7, c3="7/QĐ-UBND", c5="Kế hoạch tuyển dụng"),  # valid: the notation says QĐ
            row(1),  # arrival number used twice in the file
        ]
        report = run(office.clerk, xlsx(tmp_path, rows), dry_run=True)
        found = {(e.row, e.column, e.value): e.message for e in report.errors}
        first = 7  # data start under the title, headings and column numbers
        assert found[(first + 1, "A", "31/02/2020")].startswith("Không đọc được ngày")
        assert found[(first + 2, "B", "ba")] == "Số đến phải là một số nguyên dương."
        assert found[(first + 3, "C", "")] == "Trường này là bắt buộc."
        assert found[(first + 4, "E", "01/05/2020")] == "Ngày văn bản không được sau ngày đến."
        assert found[(first + 5, "A", "12/12/2019")] == "Ngày đến không thuộc năm 2020 của sổ."
        assert found[(first + 7, "B", "1")] == f"Số đến trùng với dòng {first} của tệp."
        assert {e.heading for e in report.errors if e.column == "A"} == {"Ngày đến"}
        assert (report.rows_read, report.valid, report.invalid_rows) == (8, 2, 6)
        assert report.error_count == len(report.errors) == 6

    def test_a_missing_required_column_is_refused_before_reading_rows(
        self, office: Office, tmp_path: Path
    ) -> None:
        with pytest.raises(InvalidInputError) as caught:
            run(office.clerk, xlsx(tmp_path), dry_run=True, mapping=parse_mapping("tac_gia="))
        assert "Tác giả" in caught.value.fields["mapping"][0]


class TestImport:
    def test_records_keep_their_numbers_and_the_register_fields(
        self, office: Office, tmp_path: Path
    ) -> None:
        report = run(office.clerk, xlsx(tmp_path))
        assert (report.created, report.error_count, report.dry_run) == (3, 0, False)
        records = list(
            IncomingRecord.objects.filter(agency=office.agency)
            .select_related("document__document_type", "allocation")
            .order_by("arrival_number")
        )
        assert [r.arrival_number for r in records] == [1, 2, 3]
        assert sorted(report.created_ids) == sorted(r.pk for r in records)
        plan, decision, letter = (r.document for r in records)
        assert (plan.code_number, plan.code_notation, plan.document_type.code) == (
            "26",
            "KH-SNV",
            "10",
        )
        assert plan.subject == "Kiểm tra công tác văn thư, lưu trữ năm 2020"
        assert plan.issued_date == dt.date(2020, 4, 23)
        assert plan.description == "Đơn vị hoặc người nhận: Phòng Tổ chức"
        assert decision.document_type.code == "02"
        assert decision.description == "Bản gốc; Đơn vị hoặc người nhận: Lãnh đạo cơ quan"
        assert (letter.document_type.code, letter.subject[:4]) == ("22", "V/v ")
        first = records[0]
        assert (first.arrival_date, first.arrival_year) == (dt.date(2020, 4, 24), 2020)
        assert first.status == IncomingStatus.DONE
        assert first.received_by == office.clerk
        assert first.organ_folded == "so noi vu tinh kien giang"
        assert (first.allocation.number, first.allocation.book) == (1, office.book)

    def test_one_audit_event_with_the_counts(self, office: Office, tmp_path: Path) -> None:
        report = run(office.clerk, xlsx(tmp_path))
        events = list(AuditEvent.objects.filter(action="incoming.register_imported"))
        assert len(events) == 1
        assert events[0].actor_id == office.clerk.pk
        assert events[0].data["created"] == 3
        assert sorted(events[0].data["created_ids"]) == sorted(report.created_ids)
        assert events[0].data["totals"]["rows_read"] == 3

    def test_a_rerun_changes_nothing(self, office: Office, tmp_path: Path) -> None:
        path = xlsx(tmp_path)
        run(office.clerk, path)
        before = model_counts()
        report = run(office.clerk, path)
        assert model_counts() == before
        assert (report.already_imported, report.created, report.error_count) == (3, 0, 0)

    def test_a_longer_file_adds_only_its_new_rows(self, office: Office, tmp_path: Path) -> None:
        run(office.clerk, xlsx(tmp_path, [row(1), row(2)], name="a.xlsx"))
        report = run(office.clerk, xlsx(tmp_path, [row(1), row(2), row(3)], name="b.xlsx"))
        assert (report.already_imported, report.created) == (2, 1)
        assert IncomingRecord.objects.filter(agency=office.agency).count() == 3

    def test_small_batches_write_everything(self, office: Office, tmp_path: Path) -> None:
        rows = [row(n) for n in range(1, 8)]
        report = run(office.clerk, xlsx(tmp_path, rows), batch_size=3)
        assert report.created == 7
        assert AuditEvent.objects.filter(action="incoming.register_imported").count() == 3

    def test_the_next_live_registration_continues_after_the_highest_number(
        self, office: Office, tmp_path: Path
    ) -> None:
        rows = [row(1), row(2), row(5, c0="20/12/2020", c4="15/12/2020")]
        report = run(office.clerk, xlsx(tmp_path, rows))
        assert report.missing_numbers == [3, 4]
        assert Sequence.objects.get(book=office.book, year=2020).last_number == 5
        live = office.register(on=dt.date(2020, 12, 21), issued_date=dt.date(2020, 12, 1))
        assert (live.arrival_year, live.arrival_number) == (2020, 6)

    def test_the_sequence_never_goes_down(self, office: Office, tmp_path: Path) -> None:
        for _ in range(4):
            office.register(on=dt.date(2020, 12, 21), issued_date=dt.date(2020, 12, 1))
        report = run(office.clerk, xlsx(tmp_path, [row(9, c3="")]))
        assert report.created == 1
        assert Sequence.objects.get(book=office.book, year=2020).last_number == 9

    def test_a_number_used_by_another_record_is_refused(
        self, office: Office, tmp_path: Path
    ) -> None:
        office.register(on=dt.date(2020, 12, 21), issued_date=dt.date(2020, 12, 1))
        before = model_counts()
        report = run(office.clerk, xlsx(tmp_path, [row(1), row(2)]))
        assert model_counts() == before
        assert report.created == 0
        [error] = report.errors
        assert (error.row, error.column, error.value) == (7, "B", "1")
        assert error.message.startswith("Số đến 1 đã dùng cho văn bản khác")

    def test_invalid_rows_block_the_import_unless_skipped(
        self, office: Office, tmp_path: Path
    ) -> None:
        path = xlsx(tmp_path, [row(1), row(2, c2=""), row(3)])
        before = model_counts()
        blocked = run(office.clerk, path)
        assert model_counts() == before
        assert (blocked.dry_run, blocked.created, blocked.invalid_rows) == (False, 0, 1)
        skipped = run(office.clerk, path, skip_invalid=True)
        assert (skipped.created, skipped.invalid_rows) == (2, 1)
        numbers = IncomingRecord.objects.values_list("arrival_number", flat=True)
        assert sorted(numbers) == [1, 3]
        assert NumberAllocation.objects.filter(book=office.book, year=2020).count() == 2

    def test_a_status_column_is_read(self, office: Office, tmp_path: Path) -> None:
        headings = (*HEADINGS, "Tình trạng giải quyết")
        rows = [(*row(1), "Đang giải quyết"), (*row(2), ""), (*row(3), "chưa rõ")]
        report = run(office.clerk, xlsx(tmp_path, rows, headings=headings), skip_invalid=True)
        assert report.errors[0].message == "Không hiểu tình trạng giải quyết này."
        statuses = dict(IncomingRecord.objects.values_list("arrival_number", "status"))
        assert statuses == {1: IncomingStatus.IN_PROGRESS, 2: IncomingStatus.DONE}

    def test_tcvn3_cells_are_converted_on_import(self, office: Office, tmp_path: Path) -> None:
        rows = [row(1, c2="Së Néi vô tØnh Kiªn Giang", c5="KÕ ho¹ch kiÓm tra c«ng t¸c v¨n th\xad")]
        report = run(office.clerk, xlsx(tmp_path, rows))
        assert report.converted_cells == 2
        document = IncomingRecord.objects.get().document
        assert document.organ_name == "Sở Nội vụ tỉnh Kiên Giang"
        assert document.subject == "Kiểm tra công tác văn thư"

    def test_an_explicit_mapping_reads_a_sheet_without_headings(
        self, office: Office, tmp_path: Path
    ) -> None:
        reordered = [(r[1], r[0], r[2], r[3], r[4], r[5]) for r in ROWS]
        path = xlsx(tmp_path, reordered, headings=("x",) * 6, title=False, numbers_row=False)
        mapping = parse_mapping(
            "so_den=A,ngay_den=B,tac_gia=C,so_ky_hieu=D,ngay_van_ban=E,trich_yeu=F"
        )
        report = run(office.clerk, path, mapping=mapping, header_row=1)
        assert report.created == 3


class TestRefusals:
    def test_a_specialist_may_not_import(self, office: Office, tmp_path: Path) -> None:
        with pytest.raises(PermissionDeniedError):
            run(office.specialist_a, xlsx(tmp_path), dry_run=True)

    def test_an_agency_admin_may_import(self, office: Office, tmp_path: Path) -> None:
        admin = make_user(agency=office.agency, unit=office.unit_b, roles=[Role.AGENCY_ADMIN])
        assert run(admin, xlsx(tmp_path)).created == 3

    def test_a_clerk_imports_only_into_their_own_agency(
        self, office: Office, other_office: Office, tmp_path: Path
    ) -> None:
        with pytest.raises(Exception) as caught:
            run(other_office.clerk, xlsx(tmp_path), book=office.book.pk)
        assert getattr(caught.value, "code", "") == "not_found"
        assert not IncomingRecord.objects.exists()

    def test_a_future_year_is_refused(self, office: Office, tmp_path: Path) -> None:
        with pytest.raises(InvalidInputError):
            run(office.clerk, xlsx(tmp_path), year=today_in_vietnam().year + 1)
