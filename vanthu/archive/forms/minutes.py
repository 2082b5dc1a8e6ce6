"""Biên bản giao nhận hồ sơ, tài liệu (the hand-over minutes, Annex V form).

Content (domain.md §3.3): the legal bases; BÊN GIAO and BÊN NHẬN; 1. the name of the batch;
2. the time span of the records; 3. the quantity (dossiers, data files, pages); 4. their
condition; 5. the inventory attached; two copies; both representatives' signatures.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.archive.forms.common import (
    BODY_SIZE,
    Signature,
    add_centered,
    add_header,
    add_line,
    add_signatures,
    docx_bytes,
    form_document,
)
from vanthu.archive.forms.inventory import submitter_label
from vanthu.archive.forms.words import number_words
from vanthu.archive.models import Handover
from vanthu.core.dates import date_line, date_phrase, format_date, to_vietnam

BLANK = "…" * 12


def _person(user: User | None) -> tuple[str, str]:
    if user is None:
        return BLANK, BLANK
    return user.full_name or user.get_username(), user.position_title or BLANK


@dataclass(frozen=True, slots=True)
class MinutesSheet:
    lines: list[str]
    dossier_total: int
    doc_total: int
    page_total: int
    date_line: str
    giver: str
    receiver: str


def minutes_sheet(handover: Handover, *, on: dt.date | None = None) -> MinutesSheet:
    """Return the minutes of ``handover`` as lines and totals (dated the decision day)."""
    items = list(handover.items.order_by("ordinal"))
    moment = handover.decided_at or timezone.now()
    day = on or to_vietnam(moment).date()
    agency = handover.agency
    giver, giver_position = _person(handover.submitted_by)
    receiver, receiver_position = _person(handover.archivist)
    years = sorted(
        {item.start_date.year for item in items} | {item.end_date.year for item in items}
    )
    start = min((item.start_date for item in items), default=day)
    end = max((item.end_date for item in items), default=day)
    dossiers, docs = len(items), sum(item.doc_total for item in items)
    pages = sum(item.page_total for item in items)
    lines = [
        _(
            "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công "
            "tác văn thư;"
        ),
        _("Căn cứ Danh mục hồ sơ năm %(years)s của %(agency)s;")
        % {"years": ", ".join(map(str, years)), "agency": agency.name},
        _("Hôm nay, %(day)s, tại %(agency)s, chúng tôi gồm:")
        % {"day": date_phrase(day), "agency": agency.name},
        _("BÊN GIAO: %s") % submitter_label(handover),
        _("Ông (Bà): %(name)s - Chức vụ công tác: %(position)s")
        % {"name": giver, "position": giver_position},
        _("BÊN NHẬN: Lưu trữ cơ quan %s") % agency.name,
        _("Ông (Bà): %(name)s - Chức vụ công tác: %(position)s")
        % {"name": receiver, "position": receiver_position},
        _("Thống nhất lập biên bản giao nhận tài liệu với những nội dung như sau:"),
        _("1. Tên khối tài liệu giao nộp: %s.") % handover.title,
        _("2. Thời gian của tài liệu: từ %(start)s đến %(end)s.")
        % {"start": format_date(start), "end": format_date(end)},
        _(
            "3. Số lượng tài liệu: tổng số hồ sơ (đơn vị bảo quản): %(dossiers)d (%(words)s); "
            "tổng số tệp tin (văn bản) trong hồ sơ: %(docs)d; tổng số trang: %(pages)d."
        )
        % {"dossiers": dossiers, "words": number_words(dossiers), "docs": docs, "pages": pages},
        _("4. Tình trạng tài liệu giao nộp: %s")
        % (handover.decision_note or _("hồ sơ đã kết thúc, đầy đủ, khớp với mục lục.")),
        _("5. Mục lục hồ sơ, tài liệu nộp lưu kèm theo."),
        _(
            "Biên bản này được lập thành hai bản; bên giao (đơn vị, cá nhân) giữ một bản; bên nhận "
            "(Lưu trữ cơ quan) giữ một bản."
        ),
    ]
    return MinutesSheet(
        lines=lines,
        dossier_total=dossiers,
        doc_total=docs,
        page_total=pages,
        date_line=date_line(agency.place_name, day),
        giver=giver,
        receiver=receiver,
    )


def minutes_docx(handover: Handover, *, on: dt.date | None = None) -> bytes:
    """Return the minutes of ``handover`` as a DOCX in the Annex V form."""
    sheet = minutes_sheet(handover, on=on)
    doc = form_document()
    add_header(doc, handover.agency)
    add_centered(doc, sheet.date_line, italic=True, before=6)
    add_centered(doc, _("BIÊN BẢN"), size=BODY_SIZE + 1, bold=True, before=12)
    add_centered(doc, _("Về việc giao nhận hồ sơ, tài liệu nộp lưu"), bold=True)
    for line in sheet.lines:
        add_line(doc, line, bold=line.startswith(("BÊN GIAO", "BÊN NHẬN")))
    hint = _("(Ký, ghi rõ họ tên, chức vụ)")
    add_signatures(
        doc,
        [
            Signature(title=_("ĐẠI DIỆN BÊN GIAO"), hint=hint, name=sheet.giver),
            Signature(title=_("ĐẠI DIỆN BÊN NHẬN"), hint=hint, name=sheet.receiver),
        ],
    )
    return docx_bytes(doc)
