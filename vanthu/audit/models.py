"""The append-only, hash-chained audit trail."""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from vanthu.audit.errors import AuditEventImmutableError


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    """Queries over audit events; bulk updates and deletes are refused."""

    def update(self, **kwargs: Any) -> NoReturn:
        raise AuditEventImmutableError

    def delete(self) -> NoReturn:
        raise AuditEventImmutableError


AuditEventManager = models.Manager.from_queryset(AuditEventQuerySet)


class AuditEvent(models.Model):
    """One recorded action; rows are never updated or deleted (hash-chained).

    The database refuses UPDATE and DELETE too (triggers installed by migration 0003).
    """

    occurred_at = models.DateTimeField(_("thời điểm"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_label = models.CharField(_("người thực hiện (tên)"), max_length=150, blank=True)
    action = models.CharField(_("hành động"), max_length=80, db_index=True)
    target_type = models.CharField(_("loại đối tượng"), max_length=100, blank=True)
    target_id = models.CharField(_("mã đối tượng"), max_length=64, blank=True)
    target_label = models.CharField(_("đối tượng"), max_length=255, blank=True)
    agency_id = models.BigIntegerField(_("mã cơ quan"), null=True, blank=True, db_index=True)
    data = models.JSONField(_("dữ liệu"), default=dict, blank=True)
    ip_address = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)
    prev_hash = models.CharField(_("mã băm trước"), max_length=64)
    hash = models.CharField(_("mã băm"), max_length=64, unique=True)

    objects = AuditEventManager()

    class Meta:
        verbose_name = _("sự kiện nhật ký")
        verbose_name_plural = _("nhật ký kiểm tra")
        ordering = ["id"]
        indexes = [
            models.Index(fields=["target_type", "target_id"], name="audit_target"),
            models.Index(fields=["agency_id", "id"], name="audit_agency_id"),
        ]
        constraints = [
            # Each hash is followed by at most one event: the chain cannot fork.
            models.UniqueConstraint(fields=["prev_hash"], name="audit_prev_hash_unique"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Insert the event once; any later save would be an update and is refused."""
        if not self._state.adding or kwargs.get("update_fields") is not None:
            raise AuditEventImmutableError
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AuditEventImmutableError


class AuditChainHead(models.Model):
    """The single row locked while appending, so concurrent writers extend one chain."""

    last_hash = models.CharField(_("mã băm cuối"), max_length=64)

    class Meta:
        verbose_name = _("đầu chuỗi nhật ký")
        verbose_name_plural = _("đầu chuỗi nhật ký")

    def __str__(self) -> str:
        return self.last_hash
