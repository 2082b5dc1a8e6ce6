"""Hand a leaver's dossiers to a named colleague (recorded by the agency's administrator).

Every dossier the leaver created and the archive has not received yet (open, closed, or waiting
in a submitted batch) gets the colleague as its creator, so it leaves the leaver's checklist.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vanthu.accounts.models import User
from vanthu.accounts.roles import can_see_confidentiality, is_agency_admin_of
from vanthu.audit.services import record
from vanthu.core.errors import InvalidInputError, PermissionDeniedError
from vanthu.core.text import clean_text
from vanthu.dossiers.enums import DossierStatus
from vanthu.dossiers.models import Dossier
from vanthu.dossiers.presenters import dossier_label_for

MAX_REASON = 500


class TransferReceiverError(InvalidInputError):
    code = "dossier_transfer_receiver"
    default_message = gettext_lazy(
        "Người nhận hồ sơ phải là một người dùng khác, đang hoạt động, cùng cơ quan."
    )


class TransferClearanceError(InvalidInputError):
    code = "dossier_transfer_clearance"
    default_message = gettext_lazy(
        "Người nhận không được tiếp cận tài liệu mật ở mức độ của một số hồ sơ."
    )


def _checked(actor: User, from_user: User, to_user: User, reason: str) -> tuple[int, str]:
    """Return the agency id and the cleaned reason, or refuse."""
    agency_id = from_user.agency_id
    if agency_id is None or not actor.is_active or not is_agency_admin_of(actor, agency_id):
        raise PermissionDeniedError(_("Chỉ quản trị của cơ quan mới chuyển hồ sơ."))
    if to_user.pk == from_user.pk or not to_user.is_active or to_user.agency_id != agency_id:
        raise TransferReceiverError(
            fields={"to_user": [str(TransferReceiverError.default_message)]}
        )
    cleaned = clean_text(reason)[:MAX_REASON]
    if not cleaned:
        raise InvalidInputError(fields={"reason": [_("Cần nêu lý do chuyển hồ sơ.")]})
    return agency_id, cleaned


def dossiers_transfer(*, actor: User, from_user: User, to_user: User, reason: str) -> list[Dossier]:
    """Make ``to_user`` the creator of every dossier ``from_user`` still holds; return them.

    Each dossier is audited (``dossiers.transferred``); a dossier above the receiver's clearance
    refuses the whole transfer.
    """
    agency_id, reason = _checked(actor, from_user, to_user, reason)
    with transaction.atomic():
        held = list(
            Dossier.objects.select_for_update()
            .filter(agency_id=agency_id, creator=from_user)
            .exclude(status=DossierStatus.HANDED_OVER)
            .order_by("year", "code", "pk")
        )
        too_secret = [d for d in held if not can_see_confidentiality(to_user, d.confidentiality)]
        if too_secret:
            raise TransferClearanceError(
                fields={"to_user": [dossier_label_for(actor, d) for d in too_secret]}
            )
        for dossier in held:
            dossier.creator = to_user
            dossier.save(update_fields=["creator", "updated_at"])
            record(
                action="dossiers.transferred",
                actor=actor,
                target=dossier,
                agency_id=dossier.agency_id,
                data={"from_user": from_user.pk, "to_user": to_user.pk, "reason": reason},
            )
    return held
