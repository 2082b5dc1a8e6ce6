"""Choices of the signing app: certificate purposes and providers, validation statuses."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CertificatePurpose(models.TextChoices):
    SIGNER = "signer", _("Chữ ký số của người có thẩm quyền")
    AGENCY = "agency", _("Chữ ký số của cơ quan, tổ chức")


class ProviderKind(models.TextChoices):
    PKCS12 = "pkcs12", _("Tệp PKCS#12 (.p12/.pfx)")
    PKCS11 = "pkcs11", _("Thiết bị ký số PKCS#11 (USB token)")
    REMOTE = "remote", _("Ký số từ xa")


class ReportStatus(models.TextChoices):
    VALID = "valid", _("Hợp lệ")
    VALID_WITH_WARNINGS = "valid_with_warnings", _("Hợp lệ, có cảnh báo")
    INVALID = "invalid", _("Không hợp lệ")
    UNSIGNED = "unsigned", _("Không có chữ ký số")
    UNREADABLE = "unreadable", _("Không đọc được tệp")
