"""Box 7: signing authority (TM./KT./TL./TUQ./Q. + UPPER body), position and signer's name.

The authority may take two levels (domain.md §1.8): "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" /
"PHÓ CHỦ TỊCH", written as lines of one paragraph (line breaks) or as separate paragraphs; each
level's prefix is checked, and the pair must be one of ``TWO_LEVEL_AUTHORITIES``.
"""

from __future__ import annotations

from django.utils.translation import gettext
from docx.oxml.ns import qn

from vanthu.drafting.checker import patterns as pt
from vanthu.drafting.checker.findings import Finding
from vanthu.drafting.checker.locate import Layout, SignatureCell
from vanthu.drafting.checker.messages import finding
from vanthu.drafting.checker.model import ParaView
from vanthu.drafting.checker.specs import SPECS
from vanthu.drafting.checker.typography import check_typography
from vanthu.drafting.content import TWO_LEVEL_AUTHORITIES

_TEXT, _BREAKS = qn("w:t"), (qn("w:br"), qn("w:cr"))


def _lines(para: ParaView) -> list[str]:
    """Return the lines of ``para`` as shown (split at line breaks, "All caps" applied)."""
    lines, current = [], []
    for run in para.runs:
        for child in run.element:
            if child.tag == _TEXT:
                current.append((child.text or "").upper() if run.caps else child.text or "")
            elif child.tag in _BREAKS:
                lines.append(" ".join("".join(current).split()))
                current = []
    lines.append(" ".join("".join(current).split()))
    return [line for line in lines if line]


def _authority_lines(cell: SignatureCell) -> list[str]:
    """Return the leading lines of the block that carry an authority prefix (well formed or not)."""
    assert cell.authority is not None  # noqa: S101 — callers check
    lines = _lines(cell.authority)
    for para in cell.positions:
        lines += _lines(para)
    leading: list[str] = []
    for line in lines:
        if not pt.AUTHORITY_ANY.match(line):
            break
        leading.append(line)
    return leading


def _prefix(line: str) -> Finding:
    ok = ", ".join(pt.AUTHORITY_PREFIXES)
    return finding(
        "authority",
        "prefix",
        gettext(
            "“%(found)s” không phải chữ viết tắt quyền hạn hợp lệ; chỉ dùng %(ok)s "
            "(viết hoa, có dấu chấm, cách một khoảng)."
        )
        % {"found": line.split(" ", 1)[0], "ok": ok},
        gettext("Sửa thành một trong %(ok)s.") % {"ok": ok},
    )


def _combination(prefixes: list[str]) -> Finding:
    allowed = ", ".join(
        f"{first} … / {second} …" for first, second in sorted(TWO_LEVEL_AUTHORITIES)
    )
    return finding(
        "authority",
        "combination",
        gettext("thẩm quyền ký “%(found)s” không hợp lệ; ký hai cấp chỉ dùng %(allowed)s.")
        % {"found": " / ".join(f"{prefix} …" for prefix in prefixes), "allowed": allowed},
        gettext(
            "Giữ một dòng thẩm quyền, hoặc hai dòng theo đúng một trong các cách trên "
            "(TUQ. không được ủy quyền tiếp)."
        ),
    )


def _authority(cell: SignatureCell) -> list[Finding]:
    para = cell.authority
    if para is None:
        return []
    found = check_typography("authority", [para], SPECS["authority"])
    lines = _authority_lines(cell) or [para.shown]
    prefixes: list[str] = []
    for line in lines:
        match = pt.AUTHORITY_OK.match(line)
        if match is None:
            found.append(_prefix(line))
            return found
        prefixes.append(f"{match.group(1)}.")
    if len(prefixes) > 1 and tuple(prefixes) not in TWO_LEVEL_AUTHORITIES:
        found.append(_combination(prefixes))
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
