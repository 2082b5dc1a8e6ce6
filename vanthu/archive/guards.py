"""The archive's say on changes made below it: reopening a dossier waiting in a submitted
hand-over batch, and deactivating a user who still holds dossiers. Registered in
``ArchiveConfig.ready()``."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vanthu.accounts import deactivation
from vanthu.accounts.models import User
from vanthu.archive.enums import HandoverStatus
from vanthu.archive.models import HandoverItem
from vanthu.archive.selectors import deactivation_checklist
from vanthu.core.errors import ConflictError
from vanthu.dossiers import reopen_guards
from vanthu.dossiers.models import Dossier
from vanthu.dossiers.presenters import dossier_label_for


class DossierInHandoverError(ConflictError):
    code = "dossier_in_handover"
    default_message = gettext_lazy(
        "Hồ sơ đang nằm trong đợt nộp lưu chờ tiếp nhận; không thể mở lại."
    )


class UserHoldsDossiersError(ConflictError):
    code = "user_holds_dossiers"
    default_message = gettext_lazy(
        "Người dùng còn giữ hồ sơ: cần nộp lưu hoặc chuyển hồ sơ cho người khác trước khi"
        " ngừng hoạt động tài khoản."
    )


def refuse_reopen_in_handover(dossier: Dossier) -> None:
    """Refuse to reopen a dossier listed in a batch the archivist has not decided yet."""
    waiting = HandoverItem.objects.filter(
        dossier_id=dossier.pk, handover__status=HandoverStatus.SUBMITTED
    ).exists()
    if waiting:
        raise DossierInHandoverError


def refuse_deactivation_while_holding(*, actor: User, user: User) -> None:
    """Refuse to deactivate a user who still holds open, closed or waiting dossiers."""
    if user.agency_id is None:
        return
    checklist = deactivation_checklist(actor=actor, user=user)
    if checklist.clear:
        return
    counts = {
        "open": len(checklist.open_dossiers),
        "closed": len(checklist.closed_dossiers),
        "pending": len(checklist.pending_dossiers),
    }
    message = (
        _(
            "Người dùng còn giữ hồ sơ: %(open)d hồ sơ đang mở, %(closed)d hồ sơ đã kết thúc"
            " chưa nộp lưu, %(pending)d hồ sơ đang chờ lưu trữ tiếp nhận. Cần nộp lưu hoặc"
            " chuyển hồ sơ cho người khác trước khi ngừng hoạt động tài khoản."
        )
        % counts
    )
    fields = {
        name: [dossier_label_for(actor, dossier) for dossier in rows]
        for name, rows in (
            ("open_dossiers", checklist.open_dossiers),
            ("closed_dossiers", checklist.closed_dossiers),
            ("pending_dossiers", checklist.pending_dossiers),
        )
        if rows
    }
    raise UserHoldsDossiersError(message, fields=fields)


def register_guards() -> None:
    """Register the archive's guards with the apps below it (idempotent)."""
    reopen_guards.register(refuse_reopen_in_handover)
    deactivation.register_blocker(refuse_deactivation_while_holding)
