"""Box 7: signing authority (TM./KT./TL./TUQ./Q. + UPPER body), position and signer's name."""

from __future__ import annotations

from django.utils.translation import gettext

from vanthu.drafting.checker import patterns as pt
from vanthu.drafting.checker.findings import Finding
from vanthu.drafting.checker.locate import Layout, SignatureCell
from vanthu.drafting.checker.messages import finding
from vanthu.drafting.checker.specs import SPECS
from vanthu.drafting.checker.typography import check_typography


def _authority(cell: SignatureCell) -> list[Finding]:
    para = cell.authority
    if para is None:
        return []
    found = check_typography("authority", [para], SPECS["authority"])
    text = para.shown
    match = pt.AUTHORITY_OK.match(text)
    if match is None:
        prefix = text.split(" ", 1)[0]
        found.append(
            finding(
                "authority",
                "prefix",
                gettext(
                    "“%(found)s” không phải chữ viết tắt quyền hạn hợp lệ; chỉ dùng %(ok)s "
                    "(viết hoa, có dấu chấm, cách một khoảng)."
                )
                % {"found": prefix, "ok": ", ".join(pt.AUTHORITY_PREFIXES)},
                gettext("Sửa thành một trong %(ok)s.") % {"ok": ", ".join(pt.AUTHORITY_PREFIXES)},
            )
        )
    return found


def check_signature(layout: Layout) -> list[Finding]:
    """Return the findings on every signature column."""
    if not layout.signatures:
        return [
            finding(
                "position",
                "missing",
                gettext("không tìm thấy khối chữ ký (quyền hạn, chức vụ, họ tên người ký)."),
                gettext("Trình bày chức vụ và họ tên người ký ở cuối văn bản, bên phải."),
            )
        ]
    found: list[Finding] = []
    for cell in layout.signatures:
        found += _authority(cell)
        found += check_typography("position", cell.positions, SPECS["position"])
        found += check_typography(
            "signer_name", [cell.name] if cell.name else [], SPECS["signer_name"]
        )
    return list(dict.fromkeys(found))
