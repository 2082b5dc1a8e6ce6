"""The records kernel: document types, documents, blobs, register books and yearly sequences."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vanthu.accounts.models import Agency, OrgUnit
from vanthu.core.models import TimeStampedModel
from vanthu.documents.enums import (
    AllocationStatus,
    AttachmentRole,
    Confidentiality,
    Language,
    RegisterKind,
    Urgency,
)


class DocumentType(models.Model):
    """A document type of Decree 30 (or a copy form), with its official code and abbreviation."""

    code = models.CharField(_("mã loại"), max_length=2, unique=True)
    name = models.CharField(_("tên loại"), max_length=100)
    abbreviation = models.CharField(_("chữ viết tắt"), max_length=10, blank=True)
    is_copy_form = models.BooleanField(_("là hình thức bản sao"), default=False)
    ordinal = models.PositiveSmallIntegerField(_("thứ tự theo Điều 7"), null=True, blank=True)

    class Meta:
        verbose_name = _("loại văn bản")
        verbose_name_plural = _("loại văn bản")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class Document(TimeStampedModel):
    """One issued document as its issuer made it (Annex VI metadata); never copied per receiver."""

    owner_agency = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan quản lý"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    document_type = models.ForeignKey(
        DocumentType, verbose_name=_("loại văn bản"), on_delete=models.PROTECT
    )
    code_number = models.CharField(_("số"), max_length=11, blank=True)
    code_notation = models.CharField(_("ký hiệu"), max_length=30, blank=True)
    issued_date = models.DateField(_("ngày văn bản"))
    organ_name = models.CharField(_("cơ quan ban hành"), max_length=200)
    issuing_agency = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan ban hành (trong hệ thống)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="issued_documents",
    )
    subject = models.CharField(_("trích yếu"), max_length=500)
    signer_position = models.CharField(_("chức vụ người ký"), max_length=100, blank=True)
    signer_name = models.CharField(_("họ tên người ký"), max_length=50, blank=True)
    language = models.CharField(
        _("ngôn ngữ"), max_length=2, choices=Language.choices, default=Language.VI
    )
    page_amount = models.PositiveIntegerField(_("số trang"), default=1)
    urgency = models.CharField(
        _("độ khẩn"), max_length=20, choices=Urgency.choices, default=Urgency.NORMAL
    )
    confidentiality = models.PositiveSmallIntegerField(
        _("độ mật"), choices=Confidentiality.choices, default=Confidentiality.NORMAL
    )
    to_places = models.TextField(_("nơi nhận"), blank=True)
    description = models.TextField(_("ghi chú"), blank=True)
    subject_folded = models.CharField(_("trích yếu (không dấu)"), max_length=500, editable=False)

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")
        indexes = [
            models.Index(fields=["owner_agency", "-issued_date", "-id"], name="doc_agency_date"),
            models.Index(fields=["code_number", "code_notation"], name="doc_code"),
        ]

    def __str__(self) -> str:
        code = f"{self.code_number}/{self.code_notation}" if self.code_number else ""
        return f"{code} {self.subject}".strip()


class Blob(models.Model):
    """Immutable content stored under its SHA-256 (content-addressed)."""

    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    size = models.BigIntegerField(_("kích thước (byte)"))
    media_type = models.CharField(_("kiểu tệp"), max_length=100)
    storage_key = models.CharField(_("khóa lưu trữ"), max_length=200, unique=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("tệp lưu trữ")
        verbose_name_plural = _("tệp lưu trữ")

    def __str__(self) -> str:
        return self.sha256


class Attachment(TimeStampedModel):
    """A blob attached to a document in a role (original, signed, OCR layer, …)."""

    document = models.ForeignKey(
        Document, verbose_name=_("văn bản"), on_delete=models.PROTECT, related_name="attachments"
    )
    blob = models.ForeignKey(Blob, verbose_name=_("tệp"), on_delete=models.PROTECT)
    role = models.CharField(_("vai trò"), max_length=20, choices=AttachmentRole.choices)
    filename = models.CharField(_("tên tệp"), max_length=255)
    derived_from = models.ForeignKey(
        "self",
        verbose_name=_("tạo từ"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="derivatives",
    )

    class Meta:
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")

    def __str__(self) -> str:
        return self.filename


class RegisterBook(TimeStampedModel):
    """A register book (sổ đăng ký) of an agency; numbers restart each year."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="register_books"
    )
    kind = models.CharField(_("loại sổ"), max_length=20, choices=RegisterKind.choices)
    name = models.CharField(_("tên sổ"), max_length=255)
    unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("đơn vị / tổ chức tư vấn"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    is_active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("sổ đăng ký")
        verbose_name_plural = _("sổ đăng ký")
        constraints = [
            models.UniqueConstraint(fields=["agency", "name"], name="register_book_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class Sequence(models.Model):
    """The last number allocated in a register book for a year (locked on allocation)."""

    book = models.ForeignKey(
        RegisterBook, verbose_name=_("sổ"), on_delete=models.PROTECT, related_name="sequences"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    last_number = models.PositiveIntegerField(_("số cuối"), default=0)

    class Meta:
        verbose_name = _("dãy số")
        verbose_name_plural = _("dãy số")
        constraints = [
            models.UniqueConstraint(fields=["book", "year"], name="sequence_book_year_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.book} {self.year}: {self.last_number}"


class NumberAllocation(models.Model):
    """One allocated number; a cancelled number stays, marked cancelled."""

    book = models.ForeignKey(
        RegisterBook, verbose_name=_("sổ"), on_delete=models.PROTECT, related_name="allocations"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    number = models.PositiveIntegerField(_("số"))
    status = models.CharField(
        _("trạng thái"),
        max_length=20,
        choices=AllocationStatus.choices,
        default=AllocationStatus.USED,
    )
    allocated_on = models.DateField(_("ngày cấp số"))
    allocated_at = models.DateTimeField(_("cấp lúc"), auto_now_add=True)
    allocated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người cấp số"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    cancelled_at = models.DateTimeField(_("hủy lúc"), null=True, blank=True)
    cancel_reason = models.CharField(_("lý do hủy"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("số đã cấp")
        verbose_name_plural = _("số đã cấp")
        constraints = [
            models.UniqueConstraint(
                fields=["book", "year", "number"], name="allocation_unique_number"
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="allocation_number_positive"),
            models.CheckConstraint(
                condition=Q(status=AllocationStatus.USED, cancelled_at__isnull=True)
                | Q(status=AllocationStatus.CANCELLED, cancelled_at__isnull=False),
                name="allocation_cancel_consistent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.book} {self.year} số {self.number:02d}"
