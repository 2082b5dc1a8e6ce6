"""Trust roots, registered signing certificates and validation reports of signed PDFs."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vanthu.accounts.models import Agency
from vanthu.documents.models import Document
from vanthu.signing.enums import CertificatePurpose, ProviderKind, ReportStatus


def _empty_dict() -> dict[str, Any]:
    return {}


def _empty_list() -> list[Any]:
    return []


class TrustRoot(models.Model):
    """A root (or intermediate) certificate an agency trusts; no agency means installation-wide."""

    agency = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    name = models.CharField(_("tên"), max_length=255)
    certificate_der = models.BinaryField(_("chứng thư (DER)"))
    subject = models.CharField(_("chủ thể"), max_length=500)
    fingerprint_sha256 = models.CharField(_("dấu vân tay SHA-256"), max_length=64)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thêm"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    added_at = models.DateTimeField(_("thêm lúc"), auto_now_add=True)
    active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("chứng thư gốc tin cậy")
        verbose_name_plural = _("chứng thư gốc tin cậy")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "fingerprint_sha256"], name="trustroot_agency_fingerprint"
            ),
            models.UniqueConstraint(
                fields=["fingerprint_sha256"],
                condition=Q(agency__isnull=True),
                name="trustroot_global_fingerprint",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Certificate(models.Model):
    """A signing certificate of a person (``user`` set) or the agency's seal (``user`` empty)."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ký"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    purpose = models.CharField(_("mục đích"), max_length=10, choices=CertificatePurpose.choices)
    certificate_der = models.BinaryField(_("chứng thư (DER)"))
    subject_cn = models.CharField(_("tên chủ thể"), max_length=255)
    issuer_cn = models.CharField(_("tổ chức cấp"), max_length=255)
    serial_hex = models.CharField(_("số hiệu"), max_length=64)
    not_before = models.DateTimeField(_("hiệu lực từ"))
    not_after = models.DateTimeField(_("hiệu lực đến"))
    fingerprint_sha256 = models.CharField(_("dấu vân tay SHA-256"), max_length=64)
    provider = models.CharField(_("nơi giữ khóa"), max_length=10, choices=ProviderKind.choices)
    provider_config = models.JSONField(_("cấu hình nơi giữ khóa"), default=_empty_dict, blank=True)
    image_sha256 = models.CharField(_("ảnh chữ ký / con dấu (SHA-256)"), max_length=64, blank=True)
    image_width_mm = models.DecimalField(
        _("chiều rộng ảnh (mm)"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    image_height_mm = models.DecimalField(
        _("chiều cao ảnh (mm)"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    active = models.BooleanField(_("đang dùng"), default=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("chứng thư số")
        verbose_name_plural = _("chứng thư số")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "fingerprint_sha256"], name="certificate_agency_fingerprint"
            ),
        ]
        indexes = [
            models.Index(fields=["agency", "user", "active"], name="cert_agency_user"),
            models.Index(fields=["not_after"], name="cert_not_after"),
        ]

    def __str__(self) -> str:
        return self.subject_cn


class SignatureReport(models.Model):
    """The validation report of one PDF (by content hash), optionally tied to a document."""

    blob_sha256 = models.CharField(_("SHA-256 của tệp"), max_length=64, db_index=True)
    document = models.ForeignKey(
        Document,
        verbose_name=_("văn bản"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    checked_at = models.DateTimeField(_("kiểm tra lúc"), auto_now_add=True)
    status = models.CharField(_("kết quả"), max_length=20, choices=ReportStatus.choices)
    summary = models.CharField(_("tóm tắt"), max_length=500)
    details = models.JSONField(_("chi tiết từng chữ ký"), default=_empty_list, blank=True)
    trust_fingerprint = models.CharField(_("dấu vân tay kho tin cậy"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("kết quả kiểm tra chữ ký số")
        verbose_name_plural = _("kết quả kiểm tra chữ ký số")
        indexes = [
            models.Index(fields=["document", "-checked_at"], name="sigreport_document"),
        ]

    def __str__(self) -> str:
        return f"{self.blob_sha256[:12]} {self.status}"
