"""Box 9b: "Nơi nhận:" (12 pt bold italic) and its list (11 pt, "- …;", last "- Lưu: VT, …")."""

from __future__ import annotations

from django.utils.translation import gettext

from vanthu.drafting.checker import patterns as pt
from vanthu.drafting.checker.findings import Finding
from vanthu.drafting.checker.locate import Layout
from vanthu.drafting.checker.messages import finding
from vanthu.drafting.checker.specs import SPECS
from vanthu.drafting.checker.typography import check_typography


def _label(layout: Layout) -> list[Finding]:
    para = layout.recipients_label
    if para is None:
        return [
            finding(
                "recipients_label",
                "missing",
                gettext("không tìm thấy mục “Nơi nhận:”."),
                gettext("Trình bày “Nơi nhận:” ở cuối văn bản, bên trái, ngang dòng quyền hạn ký."),
            )
        ]
    found = check_typography("recipients_label", [para], SPECS["recipients_label"])
    if para.stripped != "Nơi nhận:":
        found.append(
            finding(
                "recipients_label",
                "text",
                gettext("phải ghi “Nơi nhận:” (có dấu hai chấm)."),
                gettext("Sửa thành “Nơi nhận:”."),
            )
        )
    return found


def _lines(layout: Layout) -> list[Finding]:
    lines = [p.stripped for p in layout.recipients]
    if not lines:
        return []
    found: list[Finding] = []
    if not all(line.startswith("- ") for line in lines):
        found.append(
            finding(
                "recipients",
                "dash",
                gettext("mỗi nơi nhận phải bắt đầu bằng gạch ngang và một khoảng trắng (“- ”)."),
                gettext("Bắt đầu mỗi dòng bằng “- ”."),
            )
        )
    if not all(line.endswith(";") for line in lines[:-1]):
        found.append(
            finding(
                "recipients",
                "semicolon",
                gettext("mỗi nơi nhận (trừ dòng cuối) phải kết thúc bằng dấu chấm phẩy (;)."),
                gettext("Thêm dấu “;” cuối mỗi dòng."),
            )
        )
    if not pt.ARCHIVE_LINE.match(lines[-1]):
        found.append(
            finding(
                "recipients",
                "archive_line",
                gettext("dòng cuối phải là “- Lưu: VT, <đơn vị soạn thảo> <số bản>.”."),
                gettext("Thêm dòng “- Lưu: VT, …” ở cuối danh sách nơi nhận."),
            )
        )
    if not lines[-1].endswith("."):
        found.append(
            finding(
                "recipients",
                "final_period",
                gettext("dòng cuối của danh sách nơi nhận phải kết thúc bằng dấu chấm (.)."),
                gettext("Thêm dấu chấm vào cuối dòng “- Lưu: …”."),
            )
        )
    return found


def check_recipients(layout: Layout) -> list[Finding]:
    """Return the findings on the "Nơi nhận" block."""
    found = _label(layout) + _lines(layout)
    return found + check_typography("recipients", layout.recipients, SPECS["recipients"])
