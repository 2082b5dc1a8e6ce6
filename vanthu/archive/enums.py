"""Choices of the hand-over to the agency archive (nộp lưu)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class HandoverStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Đã gửi, chờ lưu trữ kiểm tra")
    ACCEPTED = "accepted", _("Lưu trữ đã tiếp nhận")
    RETURNED = "returned", _("Lưu trữ trả lại")


class ItemCheck(models.TextChoices):
    """The archivist's check of one dossier against the inventory."""

    PENDING = "pending", _("Chưa kiểm tra")
    PASSED = "passed", _("Khớp mục lục")
    RETURNED = "returned", _("Trả lại")
