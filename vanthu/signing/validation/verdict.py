"""Judge each signature and the whole file, and say it in Vietnamese."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from vanthu.signing.enums import ReportStatus
from vanthu.signing.validation.checks import EXPIRED_PROBLEMS
from vanthu.signing.validation.result import Coverage, Revocation, SignatureCheck

_EXPIRED = EXPIRED_PROBLEMS
_REVOKED = frozenset({"REVOKED", "REVOKED_NO_POE", "REVOKED_CA_NO_POE"})
_MODIFIED = "other"
_ANNOTATED = "annotations"


def _trust_message(problem: str) -> str:
    if problem == "NO_CERTIFICATE_CHAIN_FOUND":
        return _(
            "Chứng thư số không được cấp bởi một tổ chức có trong kho chứng thư tin cậy "
            "của cơ quan."
        )
    if problem in _EXPIRED:
        return _("Chứng thư số của người ký đã hết hạn.")
    if problem == "NOT_YET_VALID":
        return _("Chứng thư số của người ký chưa đến thời hạn hiệu lực.")
    if problem in _REVOKED:
        return _("Chứng thư số của người ký đã bị thu hồi.")
    return _("Không xác thực được chuỗi chứng thư số (%(problem)s).") % {"problem": problem}


def _errors(check: SignatureCheck, status: Any) -> list[str]:
    """Return why the signature is invalid (empty when it is not)."""
    if status is None:
        return [_("Không đọc được dữ liệu của chữ ký số này (%s).") % (check.trust_problem or "")]
    errors: list[str] = []
    if not check.integrity:
        errors.append(_("Nội dung tệp đã bị thay đổi sau khi ký: chữ ký không còn khớp."))
    if check.revocation == Revocation.REVOKED:
        errors.append(_("Chứng thư số của người ký đã bị thu hồi."))
    elif check.trust_problem is not None and check.integrity:
        errors.append(_trust_message(check.trust_problem))
    elif not check.trusted and check.integrity:
        errors.append(_("Chứng thư số không được tin cậy."))
    if check.valid_at_signing_time is False and check.trust_problem not in _EXPIRED:
        errors.append(_("Chứng thư số không còn hiệu lực tại thời điểm ký."))
    if check.timestamp is not None and not check.timestamp.valid:
        errors.append(_("Dấu thời gian của chữ ký không hợp lệ hoặc không được tin cậy."))
    if check.modification == _MODIFIED or getattr(status, "docmdp_ok", True) is False:
        errors.append(_("Tệp đã bị sửa đổi sau khi ký (không chỉ thêm chữ ký hay điền biểu mẫu)."))
    return errors


def _warnings(check: SignatureCheck) -> list[str]:
    warnings: list[str] = []
    if check.expired_since_signing:
        warnings.append(
            _(
                "Chứng thư số đã hết hạn sau thời điểm ký; chữ ký được kiểm tra tại thời điểm "
                "ghi trong dấu thời gian."
            )
        )
    if check.revocation == Revocation.SOFT_FAILED:
        warnings.append(
            _(
                "Không kết nối được nơi công bố tình trạng thu hồi chứng thư số: chưa xác định "
                "được chứng thư có bị thu hồi hay không."
            )
        )
    elif check.revocation == Revocation.NOT_CHECKED:
        warnings.append(
            _(
                "Chưa kiểm tra tình trạng thu hồi chứng thư số (kiểm tra ngoại tuyến, tệp "
                "không kèm dữ liệu kiểm tra)."
            )
        )
    elif check.revocation == Revocation.NO_INFO:
        warnings.append(_("Chứng thư số không ghi nơi kiểm tra tình trạng thu hồi."))
    if check.modification == _ANNOTATED:
        warnings.append(_("Tệp có thêm ghi chú (annotation) sau khi ký."))
    return warnings


def _notes(check: SignatureCheck) -> list[str]:
    notes: list[str] = []
    if check.kind == "signature" and check.timestamp is None:
        notes.append(_("Không có dấu thời gian: thời điểm ký do phần mềm của người ký ghi."))
    if check.coverage == Coverage.PARTIAL and check.modification in {
        "none",
        "lta_updates",
        "form_filling",
    }:
        notes.append(
            _(
                "Chữ ký bao phủ phiên bản của tệp lúc ký; phần thêm sau đó chỉ là chữ ký, "
                "dấu thời gian hoặc dữ liệu kiểm tra."
            )
        )
    return notes


def judge_signature(check: SignatureCheck, status: Any) -> None:
    """Set the signature's status, messages and warnings from what was found."""
    errors = _errors(check, status)
    check.warnings = [] if errors else _warnings(check)
    check.messages = errors + _notes(check)
    if errors:
        check.status = ReportStatus.INVALID
    elif check.warnings:
        check.status = ReportStatus.VALID_WITH_WARNINGS
    else:
        check.status = ReportStatus.VALID


def judge_file(checks: list[SignatureCheck]) -> tuple[ReportStatus, str]:
    """Return the file's status and summary from its judged signatures."""
    signatures = [check for check in checks if check.kind == "signature"]
    if not signatures:
        return ReportStatus.UNSIGNED, _("Tệp không có chữ ký số.")
    invalid = [check for check in checks if check.status == ReportStatus.INVALID]
    names = "; ".join(dict.fromkeys(check.signer_cn for check in signatures if check.signer_cn))
    if invalid:
        summary = _("%(bad)d/%(total)d chữ ký số không hợp lệ: %(reason)s") % {
            "bad": len(invalid),
            "total": len(signatures),
            "reason": invalid[0].messages[0] if invalid[0].messages else "",
        }
        return ReportStatus.INVALID, summary[:500]
    count = ngettext(
        "%(count)d chữ ký số hợp lệ", "%(count)d chữ ký số hợp lệ", len(signatures)
    ) % {"count": len(signatures)}
    values = {"count": count, "names": names}
    if any(check.status == ReportStatus.VALID_WITH_WARNINGS for check in checks):
        summary = _("%(count)s, có cảnh báo (%(names)s).") % values
        return ReportStatus.VALID_WITH_WARNINGS, summary[:500]
    return ReportStatus.VALID, (_("%(count)s (%(names)s).") % values)[:500]
