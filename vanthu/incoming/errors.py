"""Refusals of the incoming-documents app (stable codes, Vietnamese messages)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from vanthu.core.errors import ConflictError


class DuplicateIncomingError(ConflictError):
    """A suspected duplicate (Annex VI §III.1.h); the answer carries the earlier registration."""

    code = "duplicate"
    default_message = _(
        "Văn bản này có thể đã được vào sổ. Kiểm tra bản đăng ký trước; nếu vẫn cần đăng ký, "
        "hãy xác nhận và nêu lý do."
    )

    def __init__(self, *, earlier: dict[str, Any]) -> None:
        super().__init__()
        self.earlier = earlier

    def as_dict(self) -> dict[str, Any]:
        """Return the API error body with the earlier registration under ``duplicate_of``."""
        return {**super().as_dict(), "duplicate_of": self.earlier}


class InvalidTransitionError(ConflictError):
    code = "invalid_transition"
    default_message = _("Không thể thực hiện thao tác này ở trạng thái hiện tại của văn bản.")


class RegisterBookMissingError(ConflictError):
    code = "register_book_missing"
    default_message = _("Cơ quan chưa có sổ đăng ký văn bản đến phù hợp đang sử dụng.")


class AttachmentExistsError(ConflictError):
    code = "attachment_exists"
    default_message = _("Tệp này đã được đính kèm vào văn bản.")


class DeliveryDecidedError(ConflictError):
    code = "delivery_decided"
    default_message = _("Văn bản này đã được tiếp nhận hoặc từ chối trước đó.")


class DeliveryExistsError(ConflictError):
    code = "delivery_exists"
    default_message = _("Văn bản đã được gửi tới cơ quan này và đang chờ hoặc đã được tiếp nhận.")
