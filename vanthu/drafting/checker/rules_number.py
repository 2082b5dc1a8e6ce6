"""Box 3: "Số: 05/QĐ-UBND" — the word, the colon, the padding and the shape of the code."""

from __future__ import annotations

import re

from django.utils.translation import gettext

from vanthu.drafting.checker import patterns as pt
from vanthu.drafting.checker.findings import CheckContext, Finding
from vanthu.drafting.checker.locate import Layout
from vanthu.drafting.checker.messages import finding
from vanthu.drafting.checker.specs import SPECS
from vanthu.drafting.checker.typography import check_typography

NUMBER = re.compile(r"^(?P<word>\w+)(?P<sep>\s*:?\s*)(?P<number>[^/]*?)\s*/\s*(?P<code>.*)$")
_BLANK = re.compile(r"^[\s.…]*$")


def _spelling(word: str, sep: str) -> Finding | None:
    if word == "Số" and sep.startswith(":"):
        return None
    return finding(
        "number",
        "spelling",
        gettext("phải viết “Số:” (chữ “Số” viết thường, có dấu hai chấm ngay sau)."),
        gettext("Sửa thành “Số:”."),
        autofixable=True,
    )


def _padding(number: str) -> Finding | None:
    if _BLANK.match(number) or not number.isdigit():
        return None
    if len(number) == max(2, len(str(int(number)))):
        return None
    return finding(
        "number",
        "padding",
        gettext("số “%(found)s” phải ghi “%(wanted)02d” (số nhỏ hơn 10 có số 0 phía trước).")
        % {"found": number, "wanted": int(number)},
        gettext("Sửa thành “%(wanted)02d”.") % {"wanted": int(number)},
        autofixable=True,
    )


def _shape(code: str) -> Finding | None:
    groups = code.split("-")
    if re.search(r"\s|/", code) or len(groups) < 2 or not all(groups):
        return finding(
            "number",
            "notation_shape",
            gettext(
                "ký hiệu “%(code)s” sai: các nhóm chữ viết tắt nối bằng dấu gạch nối (-), "
                "không có khoảng trắng."
            )
            % {"code": code},
            gettext(
                "Viết ký hiệu dạng <loại văn bản>-<cơ quan> (ví dụ QĐ-UBND) hoặc, với công "
                "văn, <cơ quan>-<đơn vị soạn thảo> (ví dụ UBND-VP)."
            ),
        )
    if not all(g in pt.TYPE_ABBREVIATIONS or g == g.upper() for g in groups):
        return finding(
            "number",
            "notation_case",
            gettext("ký hiệu “%(code)s” phải viết in hoa.") % {"code": code},
            gettext("Viết chữ viết tắt tên cơ quan, đơn vị bằng chữ in hoa."),
        )
    return None


def _composition(code: str, layout: Layout, context: CheckContext) -> Finding | None:
    groups = code.split("-")
    row = layout.type_row
    if row is not None and groups[0] != row.abbreviation:
        return finding(
            "number",
            "notation_type",
            gettext(
                "ký hiệu bắt đầu bằng “%(found)s” nhưng tên loại là “%(name)s” (viết tắt "
                "“%(wanted)s”)."
            )
            % {"found": groups[0], "name": row.name, "wanted": row.abbreviation},
            gettext("Sửa chữ viết tắt tên loại thành “%(wanted)s”.") % {"wanted": row.abbreviation},
        )
    issuer = groups[1] if row is not None else groups[0]
    if row is None and issuer in pt.TYPE_ABBREVIATIONS:
        return finding(
            "number",
            "notation_shape",
            gettext("công văn không có chữ viết tắt tên loại; ký hiệu là <cơ quan>-<đơn vị>."),
            gettext("Bỏ “%(found)s” khỏi ký hiệu.") % {"found": issuer},
        )
    wanted = context.issuer_abbreviation
    if wanted and issuer != wanted:
        return finding(
            "number",
            "notation_issuer",
            gettext("chữ viết tắt tên cơ quan là “%(found)s”, cần “%(wanted)s”.")
            % {"found": issuer, "wanted": wanted},
            gettext("Sửa thành “%(wanted)s”.") % {"wanted": wanted},
        )
    return None


def check_number(layout: Layout, context: CheckContext) -> list[Finding]:
    """Return the findings on the number-and-code line."""
    para = layout.number
    if para is None:
        return [
            finding(
                "number",
                "missing",
                gettext("không tìm thấy dòng “Số: …/…” ở phần đầu văn bản."),
                gettext("Trình bày số, ký hiệu dưới tên cơ quan ban hành."),
            )
        ]
    found = check_typography("number", [para], SPECS["number"])
    match = NUMBER.match(para.stripped)
    if match is None:
        return [
            *found,
            finding(
                "number",
                "notation_shape",
                gettext("“%(found)s” thiếu dấu “/” giữa số và ký hiệu.") % {"found": para.stripped},
                gettext("Trình bày dạng “Số: 05/QĐ-UBND”."),
            ),
        ]
    code = match["code"].strip()
    checks = [_spelling(match["word"], match["sep"]), _padding(match["number"].strip())]
    shape = _shape(code)
    checks.append(shape if shape else _composition(code, layout, context))
    return found + [c for c in checks if c is not None]
