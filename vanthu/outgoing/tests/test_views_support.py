"""Helpers of the outgoing screen tests (this module holds no tests).

Issuing converts the final DOCX to PDF with LibreOffice (~1.5 s). The browser test does that for
real; the view tests convert one rendered Công văn once per process and reuse that PDF.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from vanthu.accounts.models import User
from vanthu.drafting.pdf import docx_to_pdf
from vanthu.drafting.render import render_docx
from vanthu.outgoing import issue
from vanthu.outgoing.models import OutgoingRecord
from vanthu.outgoing.services import draft_issue
from vanthu.outgoing.tests.factories import Office, cong_van, draft_approved

_PDF: list[bytes] = []


def reuse_one_pdf(monkeypatch: pytest.MonkeyPatch, office: Office) -> None:
    """Make issuing reuse one real LibreOffice PDF of a Công văn (converted once per process)."""
    if not _PDF:
        _PDF.append(docx_to_pdf(render_docx(cong_van(office), number=1)))
    monkeypatch.setattr(issue, "docx_to_pdf", lambda data, **_kw: _PDF[0])


def issued(office: Office, **overrides: Any) -> OutgoingRecord:
    """Return a Công văn of ``office`` taken through approval and issued by its clerk."""
    draft = draft_approved(office, **overrides)
    return draft_issue(actor=office.clerk, draft_id=draft.pk)


def as_user(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def structured_body(**changes: str) -> dict[str, str]:
    """Return the new-draft form of a correct Công văn (Annex III Mẫu 1.5), with ``changes``."""
    body = {
        "type_code": "22",
        "subject": "Kiểm tra công tác văn thư, lưu trữ năm 2026",
        "urgency": "normal",
        "confidentiality": "none",
        "superior_name": "UBND TỈNH KIÊN GIANG",
        "issuer_name": "SỞ NỘI VỤ",
        "legal_bases": "",
        "addressees": "Ủy ban nhân dân các huyện, thành phố",
        "body": "Thực hiện Kế hoạch công tác năm 2026, Sở Nội vụ đề nghị các cơ quan chuẩn bị "
        "hồ sơ phục vụ kiểm tra công tác văn thư, lưu trữ.\n"
        "Đề nghị các cơ quan phối hợp thực hiện./.",
        "recipients": "Như trên\nLãnh đạo Sở",
        "archive_copies": "2",
        "authority": "KT.",
        "authority_body": "GIÁM ĐỐC",
        "signer_position": "PHÓ GIÁM ĐỐC",
        "signer_name": "Nguyễn Văn Đức",
        "drafter_initials": "TTH",
    }
    body.update(changes)
    return body
