"""Assignments (chủ trì / phối hợp / để biết), the handling trace and deadline rules.

The engine is generic: a row names a Document and the Agency handling it (the same Document is
handled separately by every agency that received it); it knows nothing of the apps above it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vanthu.accounts.models import Agency, OrgUnit
from vanthu.core.models import TimeStampedModel
from vanthu.documents.enums import Urgency
from vanthu.documents.models import Document, DocumentType
from vanthu.workflow.enums import AssignmentRole, AssignmentStatus, TraceAction


class Assignment(TimeStampedModel):
    """A document given to one party (a person or a unit) of an agency in one role."""

    document = models.ForeignKey(
        Document, verbose_name=_("văn bản"), on_delete=models.PROTECT, related_name="assignments"
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="+"
    )
    party_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người được giao"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assignments",
    )
    party_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("đơn vị được giao"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assignments",
    )
    role = models.CharField(_("vai trò"), max_length=10, choices=AssignmentRole.choices)
    instruction = models.TextField(_("ý kiến chỉ đạo"), blank=True)
    due_date = models.DateField(_("hạn giải quyết"), null=True, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người giao"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("trạng thái"),
        max_length=12,
        choices=AssignmentStatus.choices,
        default=AssignmentStatus.ACTIVE,
    )
    closed_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("phân công")
        verbose_name_plural = _("phân công")
        constraints = [
            models.CheckConstraint(
                condition=Q(party_user__isnull=False, party_unit__isnull=True)
                | Q(party_user__isnull=True, party_unit__isnull=False),
                name="assignment_one_party",
            ),
            models.UniqueConstraint(
                fields=["document", "agency"],
                condition=Q(role=AssignmentRole.LEAD, status=AssignmentStatus.ACTIVE),
                name="assignment_one_active_lead",
            ),
        ]
        indexes = [
            models.Index(fields=["document", "agency", "status"], name="assignment_doc"),
            models.Index(fields=["party_user", "status"], name="assignment_user"),
            models.Index(fields=["party_unit", "status"], name="assignment_unit"),
        ]

    def __str__(self) -> str:
        party = self.party_user or self.party_unit
        return f"{self.get_role_display()}: {party}"


class TraceEntry(models.Model):
    """One step of a document's handling in an agency: who, what, when, text, status after."""

    document = models.ForeignKey(
        Document, verbose_name=_("văn bản"), on_delete=models.PROTECT, related_name="trace"
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    action = models.CharField(_("bước"), max_length=20, choices=TraceAction.choices)
    text = models.TextField(_("nội dung"), blank=True)
    status = models.CharField(_("trạng thái sau bước"), max_length=20)
    at = models.DateTimeField(_("thời điểm"), default=timezone.now)

    class Meta:
        verbose_name = _("vết xử lý")
        verbose_name_plural = _("vết xử lý")
        indexes = [models.Index(fields=["document", "agency", "at"], name="trace_doc")]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.get_action_display()}"


class DeadlineRule(models.Model):
    """How many working days an agency gives for handling, per urgency (and document type)."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.CASCADE, related_name="+"
    )
    document_type = models.ForeignKey(
        DocumentType,
        verbose_name=_("loại văn bản"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )
    urgency = models.CharField(_("độ khẩn"), max_length=20, choices=Urgency.choices)
    working_days = models.PositiveSmallIntegerField(_("số ngày làm việc"))

    class Meta:
        verbose_name = _("quy định thời hạn giải quyết")
        verbose_name_plural = _("quy định thời hạn giải quyết")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "urgency"],
                condition=Q(document_type__isnull=True),
                name="deadline_rule_agency_unique",
            ),
            models.UniqueConstraint(
                fields=["agency", "document_type", "urgency"],
                condition=Q(document_type__isnull=False),
                name="deadline_rule_type_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_urgency_display()}: {self.working_days}"


from vanthu.workflow.notification_models import DigestLog, Notification  # noqa: E402, F401
