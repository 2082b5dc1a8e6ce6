"""Refusals of the hand-over services (stable codes, Vietnamese messages)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from vanthu.core.errors import ConflictError, InvalidInputError, NotFoundError


class HandoverEmptyError(InvalidInputError):
    code = "handover_empty"
    default_message = _("Cần chọn ít nhất một hồ sơ để nộp lưu.")


class HandoverDossierUnknownError(NotFoundError):
    code = "handover_dossier_not_found"
    default_message = _("Không tìm thấy hồ sơ trong các hồ sơ của cơ quan mà bạn được nộp lưu.")


class HandoverDossierOpenError(ConflictError):
    code = "handover_dossier_open"
    default_message = _("Hồ sơ chưa kết thúc: chỉ nộp lưu hồ sơ đã kết thúc.")


class HandoverShortRetentionError(InvalidInputError):
    code = "handover_short_retention"
    default_message = _(
        "Chỉ nộp lưu hồ sơ có thời hạn bảo quản từ 05 năm trở lên; hồ sơ này giữ lại ở đơn vị."
    )


class HandoverAlreadyError(ConflictError):
    code = "handover_already"
    default_message = _("Hồ sơ đã nộp lưu hoặc đang chờ lưu trữ tiếp nhận.")


class HandoverStateError(ConflictError):
    code = "handover_state"
    default_message = _("Đợt nộp lưu đã được lưu trữ xử lý (tiếp nhận hoặc trả lại).")


class HandoverCheckFailedError(ConflictError):
    code = "handover_check_failed"
    default_message = _(
        "Có hồ sơ không khớp với mục lục nộp lưu: cần trả lại đợt nộp lưu và nêu lý do."
    )


class HandoverReasonMissingError(InvalidInputError):
    code = "handover_reason_missing"
    default_message = _("Cần nêu lý do trả lại cho ít nhất một hồ sơ.")


class KeptBackTooLongError(InvalidInputError):
    code = "kept_back_too_long"
    default_message = _("Chỉ được giữ lại hồ sơ tối đa 02 năm kể từ hạn nộp lưu.")


class KeptBackExistsError(ConflictError):
    code = "kept_back_exists"
    default_message = _("Hồ sơ này đã có trong danh sách hồ sơ giữ lại.")
