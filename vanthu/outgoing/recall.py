"""After issue: recall (thu hồi) and correction by a công văn đính chính (Art. 18.3–18.4)."""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.audit.services import record
from vanthu.core.errors import InvalidInputError
from vanthu.core.text import clean_text
from vanthu.documents.reference import CONG_VAN_CODE
from vanthu.outgoing.channels import agency_channel
from vanthu.outgoing.enums import DistributionKind, DistributionStatus, RecordStatus
from vanthu.outgoing.errors import RecordRecalledError
from vanthu.outgoing.models import Distribution, OutgoingRecord
from vanthu.outgoing.permissions import ensure, is_clerk, is_leader
from vanthu.outgoing.selectors import record_get_for
from vanthu.workflow.enums import AssignmentStatus
from vanthu.workflow.services import assignments_close

REASON_MAX_LENGTH = 500


def _locked(*, actor: User, record_id: int) -> OutgoingRecord:
    visible = record_get_for(actor=actor, pk=record_id)
    return (
        OutgoingRecord.objects.select_for_update(of=("self",))
        .select_related("document", "agency")
        .get(pk=visible.pk)
    )


def _tell_outside(*, row: Distribution, outgoing: OutgoingRecord, reason: str) -> None:
    """Tell an e-mail recipient; a postal recipient is noted for a written notice."""
    document = outgoing.document
    code = f"{document.code_number}/{document.code_notation}"
    if row.kind == DistributionKind.EMAIL:
        EmailMessage(
            subject=_("Thu hồi văn bản số %s") % code,
            body=_("%(organ)s thu hồi văn bản số %(code)s. Lý do: %(reason)s")
            % {"organ": document.organ_name, "code": code, "reason": reason},
            to=[row.email],
        ).send(fail_silently=True)
        row.note = _("Đã gửi thư báo thu hồi.")
    else:
        row.note = _("Cần gửi thông báo thu hồi qua bưu điện.")


def outgoing_recall(*, actor: User, record_id: int, reason: str) -> OutgoingRecord:
    """Recall an issued document (a clerk or a leader).

    The record and its metadata freeze; receivers inside the installation lose it with a trail
    (internal assignments closed, other agencies through the exchange channel); outside
    receivers are told.
    """
    reason = clean_text(reason)
    if not reason or len(reason) > REASON_MAX_LENGTH:
        raise InvalidInputError(fields={"reason": [_("Cần nêu lý do thu hồi (tối đa 500 ký tự).")]})
    with transaction.atomic():
        outgoing = _locked(actor=actor, record_id=record_id)
        ensure(
            is_clerk(actor) or is_leader(actor),
            _("Chỉ văn thư hoặc lãnh đạo mới được thu hồi văn bản."),
        )
        if outgoing.status == RecordStatus.RECALLED:
            raise RecordRecalledError
        outgoing.status = RecordStatus.RECALLED
        outgoing.recalled_at = timezone.now()
        outgoing.recalled_by = actor
        outgoing.recall_reason = reason
        outgoing.save(
            update_fields=["status", "recalled_at", "recalled_by", "recall_reason", "updated_at"]
        )
        closed = assignments_close(
            actor=actor,
            document=outgoing.document,
            agency=outgoing.agency,
            status=AssignmentStatus.SUPERSEDED,
        )
        channel = agency_channel()
        if channel is not None:
            channel.withdraw(actor=actor, record=outgoing, reason=reason)
        rows = (
            Distribution.objects.select_for_update()
            .filter(record=outgoing)
            .exclude(
                status__in=[
                    DistributionStatus.WITHDRAWN,
                    DistributionStatus.REFUSED,
                    DistributionStatus.FAILED,
                ]
            )
        )
        for row in rows:
            if row.kind in {DistributionKind.EMAIL, DistributionKind.POST}:
                _tell_outside(row=row, outgoing=outgoing, reason=reason)
            row.status = DistributionStatus.WITHDRAWN
            row.save(update_fields=["status", "note", "updated_at"])
        record(
            action="outgoing.recalled",
            actor=actor,
            target=outgoing,
            data={"reason": reason, "assignments_closed": closed},
        )
    return outgoing


def outgoing_correct(*, actor: User, record_id: int, correction_id: int) -> OutgoingRecord:
    """Link a công văn đính chính (``correction_id``) to the record it corrects (the clerk)."""
    with transaction.atomic():
        corrected = _locked(actor=actor, record_id=record_id)
        correction = _locked(actor=actor, record_id=correction_id)
        ensure(is_clerk(actor), _("Chỉ văn thư mới được ghi nhận văn bản đính chính."))
        problems: list[str] = []
        if correction.pk == corrected.pk:
            problems.append(_("Văn bản không thể tự đính chính cho chính nó."))
        if correction.document.document_type.code != CONG_VAN_CODE:
            problems.append(_("Văn bản đính chính phải là công văn."))
        if correction.corrects_id is not None:
            problems.append(_("Công văn này đã đính chính cho văn bản khác."))
        if problems:
            raise InvalidInputError(fields={"correction_id": problems})
        correction.corrects = corrected
        correction.save(update_fields=["corrects", "updated_at"])
        record(
            action="outgoing.corrected",
            actor=actor,
            target=corrected,
            data={"correction_id": correction.pk},
        )
    return correction
