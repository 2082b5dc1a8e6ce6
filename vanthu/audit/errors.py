"""Refusals raised by the audit trail."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from vanthu.core.errors import ConflictError, InvalidInputError


class AuditEventImmutableError(ConflictError):
    """An audit event was asked to change or disappear: the trail is append-only."""

    code = "audit_event_immutable"
    default_message = _("Nhật ký kiểm tra chỉ được ghi thêm: không được sửa hoặc xóa sự kiện.")


class AuditTargetUnsavedError(InvalidInputError):
    """An event was recorded against an object that has no primary key yet."""

    code = "audit_target_unsaved"
    default_message = _("Không thể ghi nhật ký cho đối tượng chưa được lưu.")


class AuditAddressInvalidError(InvalidInputError):
    """The client address given to ``record()`` is not an IP address."""

    code = "audit_address_invalid"
    default_message = _("Địa chỉ IP ghi vào nhật ký không hợp lệ.")
