"""Box 5: the type name and the subject (or the "V/v" subject of a công văn); body text size."""

from __future__ import annotations

from django.utils.translation import gettext

from vanthu.drafting.checker import patterns as pt
from vanthu.drafting.checker.findings import CheckContext, Finding
from vanthu.drafting.checker.locate import Layout
from vanthu.drafting.checker.messages import finding
from vanthu.drafting.checker.specs import SPECS
from vanthu.drafting.checker.typography import check_typography

CONG_VAN = "22"


def _type_name(layout: Layout, context: CheckContext) -> list[Finding]:
    row = layout.type_row
    expected = pt.TYPE_BY_CODE.get(context.type_code or "")
    if row is None:
        if layout.subject_vv or (expected is not None and expected.code == CONG_VAN):
            return []
        return [
            finding(
                "type_name",
                "missing",
                gettext(
                    "không tìm thấy tên loại văn bản dưới phần đầu; nếu là công văn thì "
                    "phải có trích yếu “V/v …” dưới số, ký hiệu."
                ),
                gettext("Ghi tên loại văn bản (ví dụ QUYẾT ĐỊNH) canh giữa dưới phần đầu."),
            )
        ]
    found = check_typography(
        "type_name", [layout.type_name] if layout.type_name else [], SPECS["type_name"]
    )
    if expected is not None and expected.code not in {row.code, CONG_VAN}:
        found.append(
            finding(
                "type_name",
                "mismatch",
                gettext("tên loại “%(found)s” khác loại văn bản đã chọn “%(wanted)s”.")
                % {"found": row.name, "wanted": expected.name},
                gettext("Ghi đúng tên loại “%(wanted)s”.") % {"wanted": expected.name.upper()},
            )
        )
    return found


def _subject_vv(layout: Layout) -> list[Finding]:
    if not layout.subject_vv:
        return []
    found = check_typography("subject_vv", layout.subject_vv, SPECS["subject_vv"])
    if not layout.subject_vv[0].stripped.startswith("V/v "):
        found.append(
            finding(
                "subject_vv",
                "prefix",
                gettext("trích yếu công văn phải bắt đầu bằng “V/v ”."),
                gettext("Viết “V/v” (chữ V hoa, chữ v thường) rồi nội dung trích yếu."),
            )
        )
    return found


def check_title(layout: Layout, context: CheckContext) -> list[Finding]:
    """Return the findings on the type name, the subjects and the body text size."""
    found = _type_name(layout, context)
    found += check_typography("subject", layout.subject, SPECS["subject"])
    found += _subject_vv(layout)
    found += check_typography("body", layout.body, SPECS["body"])
    return found
