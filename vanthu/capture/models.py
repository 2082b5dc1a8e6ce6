"""A capture job per uploaded file: its state, derived blobs, proposals and the clerk's answers."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from vanthu.accounts.models import Agency
from vanthu.capture.enums import CaptureState, CopyState, TextSource
from vanthu.core.models import TimeStampedModel
from vanthu.documents.models import Blob, Document


class CaptureJob(TimeStampedModel):
    """One file going through OCR and extraction; the original blob is never changed."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tải lên"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    original = models.ForeignKey(
        Blob, verbose_name=_("tệp gốc"), on_delete=models.PROTECT, related_name="+"
    )
    filename = models.CharField(_("tên tệp"), max_length=255)
    media_type = models.CharField(_("kiểu tệp"), max_length=100)
    state = models.CharField(
        _("trạng thái"), max_length=20, choices=CaptureState.choices, default=CaptureState.RECEIVED
    )
    failure_code = models.CharField(_("mã lỗi"), max_length=50, blank=True)
    failure_reason = models.CharField(_("lý do lỗi"), max_length=500, blank=True)
    attempts = models.PositiveSmallIntegerField(_("số lần xử lý"), default=0)
    is_signed = models.BooleanField(_("PDF có chữ ký số"), default=False)
    text_source = models.CharField(
        _("nguồn nội dung"), max_length=20, choices=TextSource.choices, blank=True
    )
    page_count = models.PositiveIntegerField(_("số trang"), default=0)
    searchable_pdf = models.ForeignKey(
        Blob,
        verbose_name=_("bản PDF/A tìm kiếm được"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    copy_state = models.CharField(
        _("trạng thái bản PDF/A"), max_length=10, choices=CopyState.choices, blank=True
    )
    copy_failure_code = models.CharField(_("mã lỗi bản PDF/A"), max_length=50, blank=True)
    copy_failure_reason = models.CharField(_("lý do lỗi bản PDF/A"), max_length=500, blank=True)
    text_blob = models.ForeignKey(
        Blob,
        verbose_name=_("tệp nội dung văn bản"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    proposals = models.JSONField(_("đề xuất thông tin"), default=dict, blank=True)
    document = models.ForeignKey(
        Document,
        verbose_name=_("văn bản đã đăng ký"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("tệp số hóa")
        verbose_name_plural = _("tệp số hóa")
        indexes = [models.Index(fields=["agency", "state", "-id"], name="capture_agency_state")]

    def __str__(self) -> str:
        return self.filename


class CaptureCorrection(models.Model):
    """The clerk's answer for one proposed field (kept to measure the extractor's accuracy)."""

    job = models.ForeignKey(
        CaptureJob, verbose_name=_("tệp số hóa"), on_delete=models.PROTECT, related_name="answers"
    )
    field = models.CharField(_("trường"), max_length=30)
    proposed = models.JSONField(_("giá trị đề xuất"), null=True, blank=True)
    confidence = models.FloatField(_("độ tin cậy"), default=0.0)
    confirmed = models.JSONField(_("giá trị xác nhận"), null=True, blank=True)
    is_correct = models.BooleanField(_("đề xuất đúng"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xác nhận"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("hiệu chỉnh thông tin bóc tách")
        verbose_name_plural = _("hiệu chỉnh thông tin bóc tách")
        constraints = [
            models.UniqueConstraint(fields=["job", "field"], name="capture_answer_unique_field")
        ]

    def __str__(self) -> str:
        return f"{self.job_id} {self.field}"
