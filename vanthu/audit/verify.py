"""Walk the whole audit chain in bounded batches and report the first break."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext as _

from vanthu.audit.chain import GENESIS_HASH, compute_hash
from vanthu.audit.models import AuditChainHead, AuditEvent
from vanthu.audit.services import HEAD_PK

DEFAULT_BATCH_SIZE = 2000


class BreakCode(StrEnum):
    """Why the chain is broken (stable codes for scripts and monitoring)."""

    MODIFIED = "modified"
    LINK_BROKEN = "link_broken"
    OUTSIDE_CHAIN = "outside_chain"
    TAIL_MISSING = "tail_missing"
    HEAD_MISSING = "head_missing"


@dataclass(frozen=True)
class VerifyResult:
    """The outcome of ``verify_chain``: how many events were sound, and the first break."""

    checked: int
    message: str
    code: BreakCode | None = None
    broken_event_id: int | None = None

    @property
    def ok(self) -> bool:
        return self.code is None


@dataclass
class _Cursor:
    last_id: int = 0
    expected_prev: str = GENESIS_HASH
    checked: int = 0


def _batches(cursor: _Cursor, batch_size: int) -> Iterator[list[AuditEvent]]:
    """Yield events after ``cursor.last_id`` in id order, one keyset page at a time."""
    while True:
        batch = list(AuditEvent.objects.filter(id__gt=cursor.last_id).order_by("id")[:batch_size])
        if not batch:
            return
        yield batch


def _broken(cursor: _Cursor, code: BreakCode, event_id: int | None) -> VerifyResult:
    messages = {
        BreakCode.MODIFIED: _(
            "Sự kiện #%(id)s không khớp mã băm: nội dung đã bị sửa hoặc sự kiện bị chèn giả."
        ),
        BreakCode.LINK_BROKEN: _(
            "Sự kiện #%(id)s không nối tiếp sự kiện liền trước (#%(prev)s): có sự kiện bị xóa "
            "hoặc bị chèn ngoài chuỗi."
        ),
        BreakCode.OUTSIDE_CHAIN: _(
            "Sự kiện #%(id)s nằm ngoài chuỗi: được chèn sau sự kiện cuối mà đầu chuỗi ghi nhận."
        ),
        BreakCode.TAIL_MISSING: _(
            "Đầu chuỗi không khớp sự kiện cuối (#%(prev)s): các sự kiện sau #%(prev)s đã bị xóa "
            "hoặc đầu chuỗi bị sửa."
        ),
        BreakCode.HEAD_MISSING: _(
            "Mất bản ghi đầu chuỗi nhật ký: không xác nhận được sự kiện cuối (#%(prev)s)."
        ),
    }
    message = messages[code] % {"id": event_id, "prev": cursor.last_id or "—"}
    return VerifyResult(
        checked=cursor.checked, message=message, code=code, broken_event_id=event_id
    )


def _check_event(cursor: _Cursor, event: AuditEvent) -> VerifyResult | None:
    if compute_hash(event) != event.hash:
        return _broken(cursor, BreakCode.MODIFIED, event.pk)
    if event.prev_hash != cursor.expected_prev:
        return _broken(cursor, BreakCode.LINK_BROKEN, event.pk)
    cursor.last_id, cursor.expected_prev = event.pk, event.hash
    cursor.checked += 1
    return None


def _check_head(cursor: _Cursor, head_hash: str | None) -> VerifyResult:
    if head_hash == cursor.expected_prev or (head_hash is None and cursor.checked == 0):
        message = _("Chuỗi nhật ký toàn vẹn: %(count)s sự kiện.") % {"count": cursor.checked}
        return VerifyResult(checked=cursor.checked, message=message)
    if head_hash is None:
        return _broken(cursor, BreakCode.HEAD_MISSING, None)
    anchor_id = (
        0
        if head_hash == GENESIS_HASH
        else AuditEvent.objects.filter(hash=head_hash).values_list("id", flat=True).first()
    )
    if anchor_id is not None:
        first_outside = (
            AuditEvent.objects.filter(id__gt=anchor_id).order_by("id").values_list("id", flat=True)
        ).first()
        return _broken(cursor, BreakCode.OUTSIDE_CHAIN, first_outside)
    return _broken(cursor, BreakCode.TAIL_MISSING, None)


def verify_chain(*, batch_size: int = DEFAULT_BATCH_SIZE) -> VerifyResult:
    """Check every event's hash and link, then the chain head; stop at the first break.

    Memory stays bounded by ``batch_size``. Events committed while the walk runs are checked
    too: the head is read once no event is left, and the walk goes on if more appeared.
    """
    cursor = _Cursor()
    while True:
        for batch in _batches(cursor, batch_size):
            for event in batch:
                broken = _check_event(cursor, event)
                if broken is not None:
                    return broken
        head_hash = (
            AuditChainHead.objects.filter(pk=HEAD_PK).values_list("last_hash", flat=True).first()
        )
        if not AuditEvent.objects.filter(id__gt=cursor.last_id).exists():
            return _check_head(cursor, head_hash)
