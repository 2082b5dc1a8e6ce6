"""In-app notifications and the log of daily digests (imported by ``models.py``)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vanthu.accounts.models import Agency


class NotificationKind(models.TextChoices):
    ASSIGNED = "assigned", _("Được giao xử lý")
    DUE_SOON = "due_soon", _("Sắp đến hạn")
    OVERDUE = "overdue", _("Quá hạn")


class Notification(models.Model):
    """One message to one user about one target (a document), at most once per kind and day."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhận"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("loại"), max_length=20, choices=NotificationKind.choices)
    title = models.CharField(_("tiêu đề"), max_length=255)
    body = models.TextField(_("nội dung"), blank=True)
    target_type = models.CharField(_("loại đối tượng"), max_length=30)
    target_id = models.PositiveBigIntegerField(_("mã đối tượng"))
    link = models.CharField(_("đường dẫn"), max_length=500, blank=True)
    day = models.DateField(_("ngày"))
    created_at = models.DateTimeField(_("tạo lúc"), default=timezone.now)
    read_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "target_type", "target_id", "day"],
                name="notification_once_a_day",
            ),
        ]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notification_inbox"),
            models.Index(
                fields=["recipient", "-created_at"],
                condition=Q(read_at__isnull=True),
                name="notification_unread",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class DigestLog(models.Model):
    """The daily digest of one user on one day: made once, e-mailed at most once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhận"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    day = models.DateField(_("ngày"))
    item_count = models.PositiveIntegerField(_("số văn bản"))
    created_at = models.DateTimeField(_("tạo lúc"), default=timezone.now)
    emailed_at = models.DateTimeField(_("gửi thư lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("bản tin nhắc hạn")
        verbose_name_plural = _("bản tin nhắc hạn")
        constraints = [
            models.UniqueConstraint(fields=["user", "day"], name="digest_once_a_day"),
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.day:%d/%m/%Y}"
