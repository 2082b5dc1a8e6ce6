"""Vietnamese words for the codes of a validation report (CLI and templates)."""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.translation import gettext_lazy as _

from vanthu.signing.validation.result import Coverage, Revocation

COVERAGE_LABELS = {
    Coverage.WHOLE.value: _("toàn bộ tệp"),
    Coverage.PARTIAL.value: _("phiên bản của tệp lúc ký"),
}
REVOCATION_LABELS = {
    Revocation.CHECKED.value: _("đã kiểm tra, chưa bị thu hồi"),
    Revocation.EMBEDDED.value: _("theo dữ liệu kiểm tra kèm trong tệp, chưa bị thu hồi"),
    Revocation.SOFT_FAILED.value: _("không kết nối được nơi kiểm tra"),
    Revocation.NOT_CHECKED.value: _("chưa kiểm tra"),
    Revocation.NO_INFO.value: _("chứng thư không ghi nơi kiểm tra"),
    Revocation.REVOKED.value: _("đã bị thu hồi"),
}
TIME_SOURCE_LABELS = {
    "timestamp": _("theo dấu thời gian"),
    "signer": _("do phần mềm của người ký ghi"),
}


def label(labels: Mapping[str, object], code: str | None) -> str:
    """Return the Vietnamese word for ``code`` (the code itself when unknown, "—" when empty)."""
    if not code:
        return "—"
    return str(labels.get(code, code))


def yes_no(*, value: bool | None) -> str:
    """Return "có" / "không" ("—" when unknown)."""
    if value is None:
        return "—"
    return str(_("có") if value else _("không"))
