"""Reading a legacy register: headings, mapping, legacy text, dates, codes and types."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from vanthu.core.errors import InvalidInputError
from vanthu.incoming.importer.cells import date_of, integer_of, split_code, text_of
from vanthu.incoming.importer.columns import (
    Column,
    auto_mapping,
    column_of_heading,
    merged_mapping,
    parse_mapping,
)
from vanthu.incoming.importer.doctypes import TypeGuesser
from vanthu.incoming.importer.reading import data_rows, find_layout, open_sheet
from vanthu.incoming.tests.test_import_support import excel_day, xlsx


class TestHeadings:
    @pytest.mark.parametrize(
        ("heading", "column"),
        [
            ("Ngày đến", Column.ARRIVAL_DATE),
            ("NGÀY ĐẾN", Column.ARRIVAL_DATE),
            ("Số đến (2)", Column.ARRIVAL_NUMBER),
            ("Tác giả", Column.ORGAN),
            ("Cơ quan ban hành", Column.ORGAN),
            ("Số, ký hiệu văn bản", Column.CODE),
            ("so ky hieu", Column.CODE),
            ("Ngày tháng văn bản", Column.ISSUED_DATE),
            ("Tên loại và trích yếu nội dung văn bản", Column.SUBJECT),
            ("Trích yếu", Column.SUBJECT),
            ("Tên loại", Column.TYPE),
            ("Đơn vị hoặc người nhận", Column.RECIPIENT),
            ("Ghi chú", Column.NOTE),
            ("Ngµy ®Õn", Column.ARRIVAL_DATE),  # TCVN3 heading
            ("Ký nhận", None),
            ("", None),
        ],
    )
    def test_known_headings_are_recognised_however_written(
        self, heading: str, column: Column | None
    ) -> None:
        assert column_of_heading(heading) == column

    def test_the_header_row_is_found_under_the_title_lines(self, tmp_path: Path) -> None:
        with open_sheet(xlsx(tmp_path), sheet=None) as sheet:
            layout = find_layout(sheet)
            rows = list(data_rows(sheet, layout=layout))
        assert layout.header_row == 5
        assert layout.mapping[Column.ARRIVAL_NUMBER] == 1
        assert layout.mapping[Column.SUBJECT] == 5
        assert Column.TYPE not in layout.mapping
        # The "(1) (2) …" line under the headings is not a data row.
        assert [number for number, _row in rows] == [7, 8, 9]

    def test_varied_headings_in_another_order(self, tmp_path: Path) -> None:
        headings = (
            "STT",
            "Số đến",
            "Ngày nhận",
            "Cơ quan gửi",
            "Số ký hiệu",
            "Ngày văn bản",
            "Trích yếu nội dung",
        )
        path = xlsx(tmp_path, rows=[], headings=headings, title=False, numbers_row=False)
        with open_sheet(path, sheet=None) as sheet:
            layout = find_layout(sheet)
        assert layout.header_row == 1
        assert layout.mapping == {
            Column.ARRIVAL_NUMBER: 1,
            Column.ARRIVAL_DATE: 2,
            Column.ORGAN: 3,
            Column.CODE: 4,
            Column.ISSUED_DATE: 5,
            Column.SUBJECT: 6,
        }

    def test_a_sheet_without_headings_is_refused_in_vietnamese(self, tmp_path: Path) -> None:
        path = xlsx(tmp_path, headings=("A", "B", "C"), title=False)
        with open_sheet(path, sheet=None) as sheet, pytest.raises(InvalidInputError) as caught:
            find_layout(sheet)
        assert "Không tìm thấy dòng tiêu đề" in caught.value.fields["header_row"][0]

    def test_an_unknown_sheet_name_is_refused(self, tmp_path: Path) -> None:
        with pytest.raises(InvalidInputError) as caught, open_sheet(xlsx(tmp_path), sheet="Khác"):
            pass
        assert "Sổ đến 2020" in caught.value.fields["sheet"][0]

    def test_a_file_that_is_not_xlsx_is_refused(self, tmp_path: Path) -> None:
        path = tmp_path / "so.xlsx"
        path.write_text("không phải excel")
        with pytest.raises(InvalidInputError) as caught, open_sheet(path, sheet=None):
            pass
        assert caught.value.fields["file"]


class TestMapping:
    def test_an_explicit_mapping_overrides_and_removes_columns(self) -> None:
        auto = auto_mapping(["Ngày đến", "Số đến", "Ghi chú"])
        override = parse_mapping("so_den=C, ngay_den=a, ghi_chu=")
        assert override == {Column.ARRIVAL_NUMBER: 2, Column.ARRIVAL_DATE: 0, Column.NOTE: -1}
        assert merged_mapping(auto, override) == {Column.ARRIVAL_DATE: 0, Column.ARRIVAL_NUMBER: 2}

    def test_bad_keys_and_letters_are_all_reported(self) -> None:
        with pytest.raises(InvalidInputError) as caught:
            parse_mapping("so_xx=B,so_den=3,ngay_den=ÂB")
        assert len(caught.value.fields["mapping"]) == 3
        assert "so_xx" in caught.value.fields["mapping"][0]


class TestCells:
    def test_tcvn3_text_is_converted_and_flagged(self) -> None:
        text = text_of("Së Néi vô  tØnh Kiªn Giang")
        assert text.value == "Sở Nội vụ tỉnh Kiên Giang"
        assert text.converted

    def test_vni_text_is_converted(self) -> None:
        assert text_of("Sôû Noäi vuï tænh Kieân Giang").value == "Sở Nội vụ tỉnh Kiên Giang"

    def test_unicode_text_is_kept(self) -> None:
        text = text_of("Sở Nội vụ")
        assert (text.value, text.converted) == ("Sở Nội vụ", False)

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (excel_day(2020, 4, 23), dt.date(2020, 4, 23)),
            (dt.date(2020, 4, 23), dt.date(2020, 4, 23)),
            ("23/04/2020", dt.date(2020, 4, 23)),
            ("23/4/2020", dt.date(2020, 4, 23)),
            (" 3-4-2020 ", dt.date(2020, 4, 3)),
            ("23.04.20", dt.date(2020, 4, 23)),
            ("2020-04-23", dt.date(2020, 4, 23)),
            (43944, dt.date(2020, 4, 23)),  # an Excel serial in a cell without a date format
            ("31/02/2020", None),
            ("ngày 23", None),
            (-5, None),
        ],
    )
    def test_dates_as_excel_dates_or_day_month_year_text(
        self, value: object, expected: dt.date | None
    ) -> None:
        assert date_of(value) == expected

    @pytest.mark.parametrize(
        ("value", "expected"), [(12, 12), (12.0, 12), ("012", 12), (12.5, None), ("12a", None)]
    )
    def test_whole_numbers(self, value: object, expected: int | None) -> None:
        assert integer_of(value) == expected

    @pytest.mark.parametrize(
        ("code", "expected"),
        [
            ("26/KH-SNV", ("26", "KH-SNV")),
            ("Số 26/KH-SNV", ("26", "KH-SNV")),
            ("26 / KH - SNV", ("26", "KH-SNV")),
            ("26/2020/QĐ-UBND", ("26/2020", "QĐ-UBND")),
            ("125", ("125", "")),
            ("SNV-VP", ("", "SNV-VP")),
            ("", ("", "")),
        ],
    )
    def test_the_code_is_split_into_number_and_notation(
        self, code: str, expected: tuple[str, str]
    ) -> None:
        assert split_code(code) == expected


@pytest.mark.django_db
class TestTypeGuess:
    @pytest.mark.parametrize(
        ("notation", "subject", "code", "subject_after"),
        [
            ("KH-SNV", "Kế hoạch kiểm tra công tác văn thư", "10", "Kiểm tra công tác văn thư"),
            ("QĐ-UBND", "Về việc nâng lương", "02", "Về việc nâng lương"),
            ("QD-UBND", "Về việc nâng lương", "02", "Về việc nâng lương"),
            ("", "Quyết định về việc nâng lương", "02", "Về việc nâng lương"),
            ("STC-NS", "V/v hướng dẫn quyết toán", "22", "V/v hướng dẫn quyết toán"),
            ("", "V/v hướng dẫn quyết toán", "22", "V/v hướng dẫn quyết toán"),
            ("", "Danh sách cán bộ", "32", "Danh sách cán bộ"),
        ],
    )
    def test_the_type_comes_from_the_notation_or_the_first_words(
        self, notation: str, subject: str, code: str, subject_after: str
    ) -> None:
        guess = TypeGuesser().guess(notation=notation, subject=subject, named=None)
        assert (guess.document_type.code, guess.subject) == (code, subject_after)

    def test_a_type_column_wins(self) -> None:
        guesser = TypeGuesser()
        named = guesser.named("Thông báo")
        assert named is not None
        assert named.code == "07"
        assert guesser.named("07") == named
        assert guesser.named("TB") == named
        assert guesser.named("Không có loại này") is None
