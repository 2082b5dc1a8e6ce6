"""Box 1 and 2: the national name, the motto, the superior and the issuing body."""

from __future__ import annotations

import re

from django.utils.translation import gettext

from vanthu.drafting.checker import patterns as pt
from vanthu.drafting.checker.findings import Finding
from vanthu.drafting.checker.locate import Layout
from vanthu.drafting.checker.messages import finding
from vanthu.drafting.checker.specs import SPECS
from vanthu.drafting.checker.typography import check_typography

_MOTTO_HYPHENS = re.compile(r"\S-|-\S|[–—]")


def _missing(component: str) -> Finding:
    return finding(
        component,
        "missing",
        gettext("không tìm thấy ở phần đầu văn bản."),
        gettext("Trình bày thành phần này ở đầu trang thứ nhất theo Phụ lục I."),
    )


def _national_name(layout: Layout) -> list[Finding]:
    para = layout.national_name
    if para is None:
        return [_missing("national_name")]
    found = check_typography("national_name", [para], SPECS["national_name"])
    if para.shown.upper() != pt.NATIONAL_NAME:
        found.append(
            finding(
                "national_name",
                "text",
                gettext("“%(found)s” không đúng; phải là “%(wanted)s”.")
                % {"found": para.stripped, "wanted": pt.NATIONAL_NAME},
                gettext("Sửa thành “%(wanted)s”.") % {"wanted": pt.NATIONAL_NAME},
            )
        )
    return found


def _motto(layout: Layout) -> list[Finding]:
    para = layout.motto
    if para is None:
        return [_missing("motto")]
    found = check_typography("motto", [para], SPECS["motto"])
    text = para.stripped
    if text == pt.MOTTO:
        return found
    if _MOTTO_HYPHENS.search(text):
        found.append(
            finding(
                "motto",
                "hyphens",
                gettext("các cụm từ phải nối bằng gạch ngang (-) có cách chữ hai bên."),
                gettext("Sửa thành “%(wanted)s”.") % {"wanted": pt.MOTTO},
            )
        )
    else:
        found.append(
            finding(
                "motto",
                "text",
                gettext("“%(found)s” không đúng; phải là “%(wanted)s”.")
                % {"found": text, "wanted": pt.MOTTO},
                gettext("Sửa thành “%(wanted)s”.") % {"wanted": pt.MOTTO},
            )
        )
    return found


def check_header(layout: Layout) -> list[Finding]:
    """Return the findings on the national name, motto, superior body and issuing body."""
    found = _national_name(layout) + _motto(layout)
    if not layout.issuer:
        found.append(_missing("issuer"))
    found += check_typography("issuer", layout.issuer, SPECS["issuer"])
    found += check_typography("superior", layout.superior, SPECS["superior"])
    return found
