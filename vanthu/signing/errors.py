"""Refusals of the signing app (stable codes, Vietnamese messages)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from vanthu.core.errors import ConflictError, DomainError, InvalidInputError, NotFoundError


class WrongPinError(InvalidInputError):
    code = "signing_wrong_pin"
    default_message = _("Mã PIN hoặc mật khẩu của khóa ký số không đúng.")


class KeyUnavailableError(DomainError):
    code = "signing_key_unavailable"
    status = 409
    default_message = _("Không truy cập được khóa ký số (thiết bị chưa cắm hoặc cấu hình sai).")


class ProviderNotSupportedError(DomainError):
    code = "signing_provider_not_supported"
    status = 409
    default_message = _("Hình thức ký số này chưa được hỗ trợ.")


class CertificateInvalidError(InvalidInputError):
    code = "signing_certificate_invalid"
    default_message = _("Tệp chứng thư số không đọc được.")


class CertificateExpiredError(ConflictError):
    code = "signing_certificate_expired"
    default_message = _("Chứng thư số đã hết hạn, không thể dùng để ký.")


class CertificateNotYetValidError(ConflictError):
    code = "signing_certificate_not_yet_valid"
    default_message = _("Chứng thư số chưa đến thời điểm có hiệu lực, không thể dùng để ký.")


class CertificateUntrustedError(ConflictError):
    code = "signing_certificate_untrusted"
    default_message = _("Chứng thư số không được cấp bởi tổ chức tin cậy của cơ quan.")


class CertificateRevokedError(ConflictError):
    code = "signing_certificate_revoked"
    default_message = _("Chứng thư số đã bị thu hồi, không thể dùng để ký.")


class CertificateMissingError(NotFoundError):
    code = "signing_certificate_missing"
    default_message = _("Chưa có chứng thư số đang dùng cho người ký hoặc cơ quan.")


class CertificateDuplicateError(ConflictError):
    code = "signing_certificate_duplicate"
    default_message = _("Chứng thư số này đã được đăng ký.")


class TimestampUnavailableError(DomainError):
    code = "signing_timestamp_unavailable"
    status = 503
    default_message = _("Không lấy được dấu thời gian từ máy chủ cấp dấu thời gian; chưa ký.")


class PdfUnsignableError(InvalidInputError):
    code = "signing_pdf_unsignable"
    default_message = _("Tệp PDF không ký được (hỏng, bị mã hóa hoặc không đúng định dạng).")


class SigningFailedError(DomainError):
    code = "signing_failed"
    status = 409
    default_message = _("Ký số không thành công.")
