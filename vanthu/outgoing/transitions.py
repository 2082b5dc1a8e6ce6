"""The draft state machine: the one table of allowed moves, checked under a row lock."""

from __future__ import annotations

from django.utils.translation import gettext as _

from vanthu.outgoing.enums import DraftStatus
from vanthu.outgoing.errors import DraftAlreadyIssuedError, DraftStateError
from vanthu.outgoing.models import OutgoingDraft

S = DraftStatus

ALLOWED: dict[DraftStatus, frozenset[DraftStatus]] = {
    S.DRAFT: frozenset({S.IN_REVIEW, S.CANCELLED}),
    S.IN_REVIEW: frozenset({S.REVIEWED, S.RETURNED}),
    S.RETURNED: frozenset({S.IN_REVIEW, S.CANCELLED}),
    S.REVIEWED: frozenset({S.FORMAT_CHECKED, S.RETURNED}),
    S.FORMAT_CHECKED: frozenset({S.APPROVED, S.RETURNED}),
    S.APPROVED: frozenset({S.ISSUED}),
    S.ISSUED: frozenset(),
    S.CANCELLED: frozenset(),
}

EDITABLE: frozenset[DraftStatus] = frozenset({S.DRAFT, S.RETURNED})
"""States in which the author may add a version."""


def ensure_transition(draft: OutgoingDraft, to: DraftStatus) -> None:
    """Refuse unless ``draft`` (locked by the caller) may move to ``to``."""
    current = DraftStatus(draft.status)
    if to in ALLOWED[current]:
        return
    if current == S.ISSUED:
        raise DraftAlreadyIssuedError
    raise DraftStateError(
        _("Dự thảo đang ở trạng thái “%(current)s”, không thể chuyển sang “%(target)s”.")
        % {"current": current.label, "target": to.label}
    )


def transition(
    draft: OutgoingDraft, to: DraftStatus, *, extra_fields: tuple[str, ...] = ()
) -> None:
    """Move the locked ``draft`` to ``to`` and save the status (and ``extra_fields``)."""
    ensure_transition(draft, to)
    draft.status = to
    draft.save(update_fields=["status", "updated_at", *extra_fields])
