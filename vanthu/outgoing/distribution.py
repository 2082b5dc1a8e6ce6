"""Recipients of an issued document and their delivery: units and people, agencies, e-mail, post."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanthu.accounts.enums import AgencyStatus
from vanthu.accounts.models import Agency, OrgUnit, User
from vanthu.audit.services import record
from vanthu.core.errors import InvalidInputError, NotFoundError
from vanthu.core.text import clean_text
from vanthu.outgoing.channels import agency_channel
from vanthu.outgoing.drafting_io import blob_bytes
from vanthu.outgoing.enums import DistributionKind, DistributionStatus
from vanthu.outgoing.models import Distribution, OutgoingRecord
from vanthu.outgoing.permissions import ensure, is_clerk
from vanthu.outgoing.selectors import record_get_for
from vanthu.workflow.parties import Party
from vanthu.workflow.services import assignment_create_set

K = DistributionKind


@dataclass(frozen=True, slots=True, kw_only=True)
class DistributionInput:
    """One recipient as the clerk enters it; exactly the field its kind needs."""

    kind: DistributionKind
    unit_id: int | None = None
    user_id: int | None = None
    agency_id: int | None = None
    name: str = ""
    email: str = ""
    postal_address: str = ""
    envelope_count: int = 1


def _resolve_one(item: DistributionInput, agency_id: int) -> Distribution | str:
    row = Distribution(kind=item.kind, name=clean_text(item.name)[:255])
    if item.kind == K.UNIT:
        row.unit = OrgUnit.objects.filter(pk=item.unit_id or 0, agency_id=agency_id).first()
        return row if row.unit else _("Đơn vị không thuộc cơ quan.")
    if item.kind == K.USER:
        row.user = User.objects.filter(
            pk=item.user_id or 0, agency_id=agency_id, is_active=True
        ).first()
        return row if row.user else _("Người nhận không thuộc cơ quan.")
    if item.kind == K.AGENCY:
        row.agency = (
            Agency.objects.filter(pk=item.agency_id or 0, status=AgencyStatus.ACTIVE)
            .exclude(pk=agency_id)
            .first()
        )
        return row if row.agency else _("Cơ quan nhận không hợp lệ.")
    if item.kind == K.EMAIL:
        row.email = clean_text(item.email)[:254]
        return row if "@" in row.email else _("Địa chỉ thư điện tử không hợp lệ.")
    row.postal_address = clean_text(item.postal_address)[:500]
    row.envelope_count = max(1, item.envelope_count)
    return row if row.postal_address else _("Cần nhập địa chỉ gửi bưu điện.")


def distributions_resolve(
    items: Sequence[DistributionInput], *, agency_id: int
) -> list[Distribution]:
    """Return unsaved Distribution rows for ``items``; InvalidInputError naming each bad one."""
    rows: list[Distribution] = []
    problems: list[str] = []
    for position, item in enumerate(items, start=1):
        resolved = _resolve_one(item, agency_id)
        if isinstance(resolved, str):
            problems.append(_("Nơi nhận %(n)d: %(problem)s") % {"n": position, "problem": resolved})
        else:
            rows.append(resolved)
    if problems:
        raise InvalidInputError(fields={"distribution": problems})
    return rows


def _deliver_internal(*, actor: User, record_row: OutgoingRecord, rows: list[Distribution]) -> None:
    parties = [Party(user=row.user) if row.user else Party(unit=row.unit) for row in rows]
    assignment_create_set(
        actor=actor,
        document=record_row.document,
        agency=record_row.agency,
        lead=parties[0],
        informs=parties[1:],
    )
    distributions_mark(rows, DistributionStatus.SENT)


def _deliver_email(*, record_row: OutgoingRecord, rows: list[Distribution]) -> None:
    document = record_row.document
    pdf = blob_bytes(record_row.pdf_blob)
    for row in rows:
        message = EmailMessage(
            subject=_("Văn bản số %(code)s: %(subject)s")
            % {
                "code": f"{document.code_number}/{document.code_notation}",
                "subject": document.subject,
            },
            body=_("%(organ)s gửi văn bản đính kèm.") % {"organ": document.organ_name},
            to=[row.email],
        )
        message.attach(
            f"{document.code_number}-{document.code_notation}.pdf", pdf, "application/pdf"
        )
        try:
            message.send()
        except OSError as exc:
            row.note = str(exc)[:500]
            distributions_mark([row], DistributionStatus.FAILED)
        else:
            distributions_mark([row], DistributionStatus.SENT)


def distributions_mark(
    rows: Sequence[Distribution], status: DistributionStatus, *, note: str | None = None
) -> None:
    """Set the delivery status (and note) of recipients, in the caller's transaction."""
    now = timezone.now()
    for row in rows:
        row.status = status
        row.sent_at = now if status == DistributionStatus.SENT else row.sent_at
        if note is not None:
            row.note = note[:500]
        row.save(update_fields=["status", "sent_at", "note", "updated_at"])


def outgoing_deliver(*, actor: User, record_id: int) -> OutgoingRecord:
    """Send an issued document to its pending recipients (the clerk; run after the issue commits).

    Units and people get an assignment; agencies of the installation get it through the
    exchange channel; e-mail recipients get the PDF; postal recipients wait for the dispatch
    book (they are sent when the clerk posts them).
    """
    with transaction.atomic():
        record_row = record_get_for(actor=actor, pk=record_id)
        ensure(is_clerk(actor), _("Chỉ văn thư mới được phát hành văn bản."))
        pending = list(
            Distribution.objects.select_for_update(of=("self",))
            .filter(record=record_row, status=DistributionStatus.PENDING)
            .select_related("unit", "user", "agency")
            .order_by("pk")
        )
        internal = [row for row in pending if row.kind in {K.UNIT, K.USER}]
        if internal:
            _deliver_internal(actor=actor, record_row=record_row, rows=internal)
        agencies = [row for row in pending if row.kind == K.AGENCY]
        channel = agency_channel()
        if agencies and channel is not None:
            channel.send(actor=actor, record=record_row, distributions=agencies)
        _deliver_email(record_row=record_row, rows=[row for row in pending if row.kind == K.EMAIL])
        if not pending:  # run again (after the issue's own delivery): nothing to record
            return record_row
        record(
            action="outgoing.delivered",
            actor=actor,
            target=record_row,
            data={"distribution_ids": [row.pk for row in pending]},
        )
    return record_row


def distribution_post(
    *, actor: User, distribution_id: int, envelope_count: int | None = None
) -> Distribution:
    """Record that a postal recipient's envelope left (a line of the postal dispatch book)."""
    with transaction.atomic():
        row = Distribution.objects.select_for_update().filter(pk=distribution_id).first()
        if row is None:
            raise NotFoundError
        record_get_for(actor=actor, pk=row.record_id)
        ensure(is_clerk(actor) and row.kind == K.POST)
        if envelope_count is not None:
            row.envelope_count = max(1, envelope_count)
        row.save(update_fields=["envelope_count"])
        distributions_mark([row], DistributionStatus.SENT)
        record(
            action="outgoing.posted",
            actor=actor,
            target=row,
            data={"envelope_count": row.envelope_count},
        )
    return row
