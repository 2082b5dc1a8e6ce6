"""Vietnamese names of the components, and the builders of findings."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from vanthu.drafting.checker.findings import Finding, Severity

COMPONENTS: dict[str, Any] = {
    "page": _("Khổ giấy"),
    "margins": _("Lề trang"),
    "font": _("Phông chữ"),
    "national_name": _("Quốc hiệu"),
    "motto": _("Tiêu ngữ"),
    "superior": _("Tên cơ quan chủ quản"),
    "issuer": _("Tên cơ quan ban hành"),
    "number": _("Số, ký hiệu"),
    "date_line": _("Địa danh và thời gian ban hành"),
    "type_name": _("Tên loại văn bản"),
    "subject": _("Trích yếu nội dung"),
    "subject_vv": _("Trích yếu công văn (V/v)"),
    "body": _("Nội dung văn bản"),
    "authority": _("Quyền hạn ký"),
    "position": _("Chức vụ người ký"),
    "signer_name": _("Họ tên người ký"),
    "recipients_label": _("Nơi nhận"),
    "recipients": _("Danh sách nơi nhận"),
    "page_number": _("Số trang"),
}


def label(component: str) -> str:
    """Return the Vietnamese name of a component key."""
    return str(COMPONENTS.get(component, component))


def finding(
    component: str,
    rule: str,
    message: str,
    fix: str,
    *,
    severity: Severity = "error",
    autofixable: bool = False,
) -> Finding:
    """Build a finding whose message starts with the component's Vietnamese name."""
    return Finding(
        component=component,
        rule=rule,
        severity=severity,
        message=f"{label(component)}: {message}",
        fix=fix,
        autofixable=autofixable,
    )


def pt_range(low: float, high: float) -> str:
    """Return "13 pt" or "13–14 pt"."""
    if low == high:
        return gettext("%(size)s pt") % {"size": _num(low)}
    return gettext("%(low)s–%(high)s pt") % {"low": _num(low), "high": _num(high)}


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def size_text(value: float | None) -> str:
    """Return a run size for a message ("10 pt" when nothing sets it: Word's default)."""
    return gettext("%(size)s pt") % {"size": _num(value if value is not None else 10)}
