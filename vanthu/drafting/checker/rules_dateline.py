"""Box 4: "Hà Nội, ngày 05 tháng 01 năm 2020" — place, comma, zero-padding rules, italic."""

from __future__ import annotations

import datetime as dt
import re

from django.utils.translation import gettext

from vanthu.drafting.checker.findings import CheckContext, Finding
from vanthu.drafting.checker.locate import Layout
from vanthu.drafting.checker.messages import finding
from vanthu.drafting.checker.specs import SPECS
from vanthu.drafting.checker.typography import check_typography

DATE = re.compile(
    r"^(?P<place>.*?)\s*(?P<comma>,?)\s*(?P<ngay>ngày)\s*(?P<day>\d*)[\s.…]*"
    r"tháng\s*(?P<month>\d*)[\s.…]*năm\s*(?P<year>[\d.…]*)\s*\.?$",
    re.IGNORECASE,
)


def padded_day(day: int) -> str:
    """Return the day as Decree 30 writes it ("05", "21")."""
    return f"{day:02d}"


def padded_month(month: int) -> str:
    """Return the month as Decree 30 writes it ("01", "02", then "3" … "12")."""
    return f"{month:02d}" if month <= 2 else str(month)


def _padding(day: str, month: str) -> list[Finding]:
    found: list[Finding] = []
    if day and day != padded_day(int(day)):
        found.append(
            finding(
                "date_line",
                "day_padding",
                gettext(
                    "ngày “%(found)s” phải ghi “%(wanted)s” (ngày nhỏ hơn 10 có số 0 phía trước)."
                )
                % {"found": day, "wanted": padded_day(int(day))},
                gettext("Sửa thành “ngày %(wanted)s”.") % {"wanted": padded_day(int(day))},
                autofixable=True,
            )
        )
    if month and month != padded_month(int(month)):
        found.append(
            finding(
                "date_line",
                "month_padding",
                gettext(
                    "tháng “%(found)s” phải ghi “%(wanted)s” (chỉ tháng 1, 2 có số 0 phía trước)."
                )
                % {"found": month, "wanted": padded_month(int(month))},
                gettext("Sửa thành “tháng %(wanted)s”.") % {"wanted": padded_month(int(month))},
                autofixable=True,
            )
        )
    return found


def _validity(day: str, month: str, year: str) -> Finding | None:
    if not (day and month and year.isdigit()):
        return None
    try:
        dt.date(int(year), int(month), int(day))
    except ValueError:
        return finding(
            "date_line",
            "invalid_date",
            gettext("ngày %(d)s tháng %(m)s năm %(y)s không tồn tại.")
            % {"d": day, "m": month, "y": year},
            gettext("Ghi đúng ngày ban hành."),
        )
    return None


def _place(match: re.Match[str], context: CheckContext) -> list[Finding]:
    place = match["place"]
    found: list[Finding] = []
    if not place or not place[0].isupper():
        found.append(
            finding(
                "date_line",
                "place",
                gettext("thiếu địa danh hoặc địa danh không viết hoa chữ cái đầu."),
                gettext("Ghi tên đơn vị hành chính nơi cơ quan đóng trụ sở, viết hoa chữ đầu."),
            )
        )
    elif context.place_name and place != context.place_name:
        found.append(
            finding(
                "date_line",
                "place",
                gettext("địa danh “%(found)s”, cần “%(wanted)s”.")
                % {"found": place, "wanted": context.place_name},
                gettext("Sửa địa danh thành “%(wanted)s”.") % {"wanted": context.place_name},
            )
        )
    if place and not match["comma"]:
        found.append(
            finding(
                "date_line",
                "comma",
                gettext("thiếu dấu phẩy sau địa danh."),
                gettext("Thêm dấu phẩy sau địa danh: “%(place)s, ngày …”.") % {"place": place},
            )
        )
    return found


def check_date_line(layout: Layout, context: CheckContext) -> list[Finding]:
    """Return the findings on the place-and-date line."""
    para = layout.date_line
    if para is None:
        if layout.type_row is not None and layout.type_row.abbreviation == "BB":
            return []  # a Biên bản has no date line under the header (Mẫu 1.9)
        return [
            finding(
                "date_line",
                "missing",
                gettext("không tìm thấy dòng địa danh, ngày tháng năm ban hành."),
                gettext("Trình bày “<Địa danh>, ngày … tháng … năm …” dưới tiêu ngữ."),
            )
        ]
    found = check_typography("date_line", [para], SPECS["date_line"])
    match = DATE.match(para.stripped)
    if match is None:
        return found
    if match["ngay"] != "ngày":
        found.append(
            finding(
                "date_line",
                "case",
                gettext("chữ “ngày” phải viết thường."),
                gettext("Sửa thành “ngày”."),
            )
        )
    found += _place(match, context)
    found += _padding(match["day"], match["month"])
    invalid = _validity(match["day"], match["month"], match["year"])
    return found + ([invalid] if invalid else [])
