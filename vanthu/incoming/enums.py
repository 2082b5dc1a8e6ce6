"""Choices of incoming documents: handling status, receiving channel, deliveries, list orders."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from vanthu.documents.enums import Urgency


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


class DeliveryStatus(models.TextChoices):
    """Where a document sent by another agency of the installation stands."""

    PENDING = "pending", _("Chờ tiếp nhận")
    ACCEPTED = "accepted", _("Đã tiếp nhận")
    REFUSED = "refused", _("Đã từ chối")
    WITHDRAWN = "withdrawn", _("Đã thu hồi")


# A delivery in one of these states no longer holds the document for its receiver: the sender
# may send it to that agency again.
CLOSED_DELIVERY_STATUSES = (DeliveryStatus.REFUSED, DeliveryStatus.WITHDRAWN)


class ListSort(models.TextChoices):
    """Orders of the register list."""

    ARRIVAL = "arrival", _("Mới đến trước")
    URGENCY = "urgency", _("Khẩn trước")


# The rank of an urgency: the higher, the sooner it is handled (Hỏa tốc, Thượng khẩn, Khẩn, Thường).
URGENCY_RANK: dict[str, int] = {
    Urgency.NORMAL: 0,
    Urgency.URGENT: 1,
    Urgency.VERY_URGENT: 2,
    Urgency.FLASH: 3,
}
