"""Choices of incoming documents: handling status and receiving channel."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class IncomingStatus(models.TextChoices):
    REGISTERED = "registered", _("Đã vào sổ")
    PRESENTED = "presented", _("Đã trình")
    ASSIGNED = "assigned", _("Đã phân công")
    IN_PROGRESS = "in_progress", _("Đang giải quyết")
    DONE = "done", _("Đã giải quyết")
    RETURNED = "returned", _("Đã trả lại")


class Channel(models.TextChoices):
    PAPER = "paper", _("Văn bản giấy")
    ELECTRONIC = "electronic", _("Văn bản điện tử")
