"""Choices of the workflow engine: assignment roles and statuses, trace steps."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class AssignmentRole(models.TextChoices):
    LEAD = "lead", _("Chủ trì")
    SUPPORT = "support", _("Phối hợp")
    INFORM = "inform", _("Để biết")


class AssignmentStatus(models.TextChoices):
    ACTIVE = "active", _("Đang giao")
    DONE = "done", _("Đã hoàn thành")
    SUPERSEDED = "superseded", _("Đã thay thế")


class TraceAction(models.TextChoices):
    """One step of the handling trace (TraceHeaderList, Annex VI incoming field 17)."""

    REGISTERED = "registered", _("Vào sổ")
    PRESENTED = "presented", _("Trình")
    ASSIGNED = "assigned", _("Phân công")
    REASSIGNED = "reassigned", _("Giao lại trong đơn vị")
    NOTE = "note", _("Ghi chú")
    COMPLETED = "completed", _("Hoàn thành")
    RETURNED = "returned", _("Trả lại")
