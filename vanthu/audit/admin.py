"""A read-only admin page to browse the audit trail by actor, target, action and date."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from vanthu.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin[AuditEvent]):
    """Browse and search events; nobody may add, change or delete one here."""

    list_display = [
        "event_number",
        "occurred_at",
        "action",
        "actor_label",
        "target_type",
        "target_id",
        "target_label",
        "agency_id",
        "ip_address",
    ]
    list_filter = ["action", "occurred_at", "target_type"]
    date_hierarchy = "occurred_at"
    search_fields = ["actor_label", "target_type", "target_id", "target_label"]
    ordering = ["-id"]
    list_per_page = 50
    show_full_result_count = False
    readonly_fields = [
        "occurred_at",
        "actor",
        "actor_label",
        "action",
        "target_type",
        "target_id",
        "target_label",
        "agency_id",
        "data",
        "ip_address",
        "prev_hash",
        "hash",
    ]
    fields = tuple(readonly_fields)

    @admin.display(description=_("số"), ordering="id")
    def event_number(self, obj: AuditEvent) -> int:
        return obj.pk

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
