"""The figures on the start pages: each panel's count, read through the apps' selectors.

A panel without a counter here belongs to a feature not built yet and shows no figure.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet

from vanthu.accounts.deactivation import managed_users_for
from vanthu.accounts.models import User
from vanthu.archive.selectors import handovers_awaiting_check, holdings_for
from vanthu.core.errors import PermissionDeniedError
from vanthu.documents.numbering import today_in_vietnam
from vanthu.dossiers.selectors import dossiers_visible_for
from vanthu.incoming.enums import IncomingStatus
from vanthu.incoming.selectors import deliveries_pending_for, incoming_visible_for
from vanthu.outgoing.transitions import EDITABLE
from vanthu.outgoing.ui_selectors import (
    drafts_mine,
    drafts_to_issue,
    drafts_to_review,
    drafts_to_sign,
)
from vanthu.workflow.overdue import overdue_assignments_for

Counter = Callable[[User], int]

_OPEN = (IncomingStatus.ASSIGNED, IncomingStatus.IN_PROGRESS)


def _pending_deliveries(user: User) -> int:
    return deliveries_pending_for(actor=user).count()


def _presented(user: User) -> int:
    return incoming_visible_for(actor=user).filter(status=IncomingStatus.PRESENTED).count()


def _open_assigned(user: User) -> int:
    return incoming_visible_for(actor=user).filter(status__in=_OPEN).count()


def _overdue(user: User) -> int:
    try:
        return overdue_assignments_for(actor=user, on=today_in_vietnam()).count()
    except PermissionDeniedError:
        return 0


def _zero_if_refused(select: Callable[[User], QuerySet[Any]]) -> Counter:
    def count(user: User) -> int:
        try:
            return select(user).count()
        except PermissionDeniedError:
            return 0

    return count


def _own_open_drafts(user: User) -> int:
    return drafts_mine(user).filter(status__in=EDITABLE).count()


def _open_dossiers(user: User) -> int:
    return dossiers_visible_for(actor=user).filter(status="open", creator=user).count()


def _awaiting_check(user: User) -> int:
    return handovers_awaiting_check(actor=user).count()


def _holdings(user: User) -> int:
    return holdings_for(actor=user).count()


def _active_users(user: User) -> int:
    return managed_users_for(actor=user).filter(is_active=True).count()


# Keyed by (area slug, panel section).
COUNTERS: dict[tuple[str, str], Counter] = {
    ("van-thu", "van-ban-den"): _pending_deliveries,
    ("lanh-dao", "cho-y-kien"): _presented,
    ("lanh-dao", "theo-doi-han"): _overdue,
    ("don-vi", "van-ban-don-vi"): _open_assigned,
    ("chuyen-vien", "duoc-giao"): _open_assigned,
    ("van-thu", "cho-phat-hanh"): _zero_if_refused(drafts_to_issue),
    ("lanh-dao", "cho-duyet-ky"): _zero_if_refused(drafts_to_sign),
    ("don-vi", "du-thao-cho-duyet"): _zero_if_refused(drafts_to_review),
    ("chuyen-vien", "du-thao"): _own_open_drafts,
    ("chuyen-vien", "ho-so-cong-viec"): _open_dossiers,
    ("van-thu", "ho-so"): _open_dossiers,
    ("luu-tru", "ho-so-nop-luu"): _awaiting_check,
    ("luu-tru", "kho-luu-tru"): _holdings,
    ("quan-tri", "nguoi-dung"): _active_users,
}


def panel_figure(*, user: User, area_slug: str, section: str) -> int | None:
    """Return the count shown on a panel, or None when its feature has no figure yet."""
    counter = COUNTERS.get((area_slug, section))
    return counter(user) if counter is not None else None
