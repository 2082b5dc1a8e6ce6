"""Outgoing drafts (dự thảo) with versions, comments and reviews; the agency's drafting policy.

Issued records, their distribution and copies are in ``record_models.py`` (re-exported here).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vanthu.accounts.models import Agency, OrgUnit
from vanthu.core.models import TimeStampedModel
from vanthu.documents.enums import Confidentiality, Urgency
from vanthu.documents.models import Blob, DocumentType
from vanthu.outgoing.enums import (
    DraftStatus,
    ReviewDecision,
    SignatureState,
    SigningMode,
    VersionKind,
)
from vanthu.outgoing.record_models import CopyRecord, Distribution, OutgoingRecord

__all__ = [
    "CopyRecord",
    "Distribution",
    "DraftComment",
    "DraftReview",
    "DraftVersion",
    "OutgoingDraft",
    "OutgoingPolicy",
    "OutgoingRecord",
]


class OutgoingPolicy(models.Model):
    """An agency's drafting rules; an agency without a row gets the defaults."""

    agency = models.OneToOneField(
        Agency, verbose_name=_("cơ quan"), on_delete=models.CASCADE, related_name="+"
    )
    forbid_self_approval = models.BooleanField(_("không cho người soạn tự duyệt ký"), default=True)

    class Meta:
        verbose_name = _("quy định soạn thảo văn bản đi")
        verbose_name_plural = _("quy định soạn thảo văn bản đi")

    def __str__(self) -> str:
        return str(self.agency_id)


class OutgoingDraft(TimeStampedModel):
    """A draft outgoing document on its way from the drafter to issue."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("đơn vị soạn thảo"), on_delete=models.PROTECT, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người soạn thảo"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    document_type = models.ForeignKey(
        DocumentType, verbose_name=_("loại văn bản"), on_delete=models.PROTECT, related_name="+"
    )
    subject = models.CharField(_("trích yếu"), max_length=500)
    confidentiality = models.PositiveSmallIntegerField(
        _("độ mật"), choices=Confidentiality.choices, default=Confidentiality.NORMAL
    )
    urgency = models.CharField(
        _("độ khẩn"), max_length=20, choices=Urgency.choices, default=Urgency.NORMAL
    )
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=DraftStatus.choices, default=DraftStatus.DRAFT
    )
    version_count = models.PositiveIntegerField(_("số phiên bản"), default=0)
    approved_version = models.ForeignKey(
        "DraftVersion",
        verbose_name=_("phiên bản được duyệt ký"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ký"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    signing_mode = models.CharField(
        _("hình thức ký"), max_length=10, choices=SigningMode.choices, default=SigningMode.PAPER
    )
    signature_state = models.CharField(
        _("tình trạng chữ ký"),
        max_length=20,
        choices=SignatureState.choices,
        default=SignatureState.NONE,
        blank=True,
    )
    approved_at = models.DateTimeField(_("duyệt ký lúc"), null=True, blank=True)
    signer_signed_pdf = models.ForeignKey(
        Blob,
        verbose_name=_("bản PDF người ký đã ký số"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("dự thảo văn bản đi")
        verbose_name_plural = _("dự thảo văn bản đi")
        indexes = [
            models.Index(fields=["agency", "status", "-id"], name="draft_agency_status"),
            models.Index(fields=["agency", "unit", "-id"], name="draft_agency_unit"),
            models.Index(fields=["author", "-id"], name="draft_author"),
        ]

    def __str__(self) -> str:
        return self.subject


class DraftVersion(models.Model):
    """One kept version of a draft: structured content or an uploaded DOCX."""

    draft = models.ForeignKey(
        OutgoingDraft, verbose_name=_("dự thảo"), on_delete=models.PROTECT, related_name="versions"
    )
    number = models.PositiveIntegerField(_("phiên bản số"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tạo"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    kind = models.CharField(_("hình thức"), max_length=12, choices=VersionKind.choices)
    content = models.JSONField(_("nội dung có cấu trúc"), null=True, blank=True)
    source_blob = models.ForeignKey(
        Blob,
        verbose_name=_("tệp DOCX tải lên"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    rendered_blob = models.ForeignKey(
        Blob,
        verbose_name=_("tệp DOCX kết xuất"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    findings = models.JSONField(_("kết quả kiểm tra thể thức"), null=True, blank=True)
    checked_at = models.DateTimeField(_("kiểm tra thể thức lúc"), null=True, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("phiên bản dự thảo")
        verbose_name_plural = _("phiên bản dự thảo")
        constraints = [
            models.UniqueConstraint(fields=["draft", "number"], name="draft_version_unique"),
            models.CheckConstraint(
                condition=Q(kind=VersionKind.STRUCTURED, content__isnull=False)
                | Q(kind=VersionKind.DOCX, source_blob__isnull=False),
                name="draft_version_has_content",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.draft_id} v{self.number}"

    @property
    def docx_blob(self) -> Blob | None:
        """Return the DOCX of this version (uploaded, or rendered from the structure)."""
        return self.source_blob if self.kind == VersionKind.DOCX else self.rendered_blob


class DraftComment(models.Model):
    """A comment on one version of a draft."""

    version = models.ForeignKey(
        DraftVersion, verbose_name=_("phiên bản"), on_delete=models.PROTECT, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người góp ý"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    text = models.TextField(_("nội dung góp ý"))
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("góp ý dự thảo")
        verbose_name_plural = _("góp ý dự thảo")

    def __str__(self) -> str:
        return self.text[:50]


class DraftReview(models.Model):
    """A decision on a draft: the unit head's review or the leader's approval."""

    draft = models.ForeignKey(
        OutgoingDraft, verbose_name=_("dự thảo"), on_delete=models.PROTECT, related_name="reviews"
    )
    version = models.ForeignKey(
        DraftVersion, verbose_name=_("phiên bản"), on_delete=models.PROTECT, related_name="+"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người duyệt"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    decision = models.CharField(_("ý kiến"), max_length=10, choices=ReviewDecision.choices)
    comment = models.TextField(_("nhận xét"), blank=True)
    created_at = models.DateTimeField(_("duyệt lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("ý kiến duyệt dự thảo")
        verbose_name_plural = _("ý kiến duyệt dự thảo")
        constraints = [
            models.CheckConstraint(
                condition=~Q(decision=ReviewDecision.RETURN) | ~Q(comment=""),
                name="draft_review_return_has_comment",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.draft_id}: {self.decision}"
