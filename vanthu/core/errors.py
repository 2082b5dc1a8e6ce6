"""Domain errors with a stable machine-readable code and a Vietnamese message (design.md §6)."""

from __future__ import annotations

from typing import Any, ClassVar

from django.utils.translation import gettext_lazy as _


class DomainError(Exception):
    """A refusal by a service: rendered as a 4xx with ``code``, ``message`` and ``fields``."""

    code: ClassVar[str] = "domain_error"
    status: ClassVar[int] = 400
    default_message: ClassVar[Any] = _("Yêu cầu không hợp lệ.")

    def __init__(self, message: Any = None, *, fields: dict[str, list[str]] | None = None) -> None:
        self.message = str(message if message is not None else self.default_message)
        self.fields = fields or {}
        super().__init__(self.message)

    def as_dict(self) -> dict[str, Any]:
        """Return the API error body."""
        return {"code": self.code, "message": self.message, "fields": self.fields}


class InvalidInputError(DomainError):
    code = "invalid_input"
    status = 400
    default_message = _("Dữ liệu nhập không hợp lệ.")


class NotFoundError(DomainError):
    """Not found, or not visible to the actor: both look the same (design.md §6)."""

    code = "not_found"
    status = 404
    default_message = _("Không tìm thấy.")


class PermissionDeniedError(DomainError):
    code = "permission_denied"
    status = 403
    default_message = _("Bạn không có quyền thực hiện thao tác này.")


class ConflictError(DomainError):
    code = "conflict"
    status = 409
    default_message = _("Dữ liệu đã bị thay đổi hoặc trùng lặp.")
