"""The shapes of the demo's outgoing work: stages, issuing agencies, items (``outgoing_texts``).

Agencies are named by their demo slug (``snv``, ``ubndtinh``, ``hondat.ubnd``), people by their
username suffix, units by their abbreviation.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from vanthu.drafting.content import Authority


class Stage(enum.IntEnum):
    """How far a draft gets; each stage goes through the ones before it, except RETURNED."""

    WRITING = 1
    SUBMITTED = 2
    RETURNED = 3
    REVIEWED = 4
    CHECKED = 5
    APPROVED = 6
    ISSUED = 7


@dataclass(frozen=True, slots=True)
class Issuer:
    """How an agency's documents are headed and signed."""

    slug: str
    superior_name: str
    issuer_name: str
    author: str
    unit: str
    reviewer: str
    clerk: str
    authority: Authority  # when the head signs: "TM." for a collective body, else ""
    authority_body: str
    leaders: tuple[str, ...]  # the head first, then a deputy who signs "KT. <deputy_body>"
    deputy_body: str = ""


@dataclass(frozen=True, slots=True)
class OutgoingItem:
    """One piece of outgoing work of an agency.

    ``week`` places its last step: positive, that many working weeks into the year; 0, the last
    working day; negative, that many weeks before today. ``units`` of the issuing agency get it
    as an assignment (unused by the demo data: see ``outgoing_texts``); ``accepts``/``waits`` are
    the agencies of the installation that register it or still have it in their queue;
    ``posts`` are postal addresses.
    """

    issuer: str
    stage: Stage
    type_code: str
    subject: str
    body: tuple[str, ...]
    week: int
    addressees: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    deputy: bool = False
    units: tuple[str, ...] = ()
    accepts: tuple[str, ...] = ()
    waits: tuple[str, ...] = ()
    posts: tuple[str, ...] = ()
    copy: bool = False
    recall: str = ""
    comment: str = ""


SNV = Issuer(
    slug="snv",
    superior_name="UBND TỈNH KIÊN GIANG",
    issuer_name="SỞ NỘI VỤ",
    author="chuyenvien",
    unit="TCBC",
    reviewer="tcbc",
    clerk="vanthu",
    authority="",
    authority_body="",
    leaders=("lanhdao", "phogiamdoc"),
    deputy_body="GIÁM ĐỐC",
)
PROVINCE = Issuer(
    slug="ubndtinh",
    superior_name="",
    issuer_name="ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG",
    author="chuyenvien",
    unit="VP",
    reviewer="chanhvanphong",
    clerk="vanthu",
    authority="TM.",
    authority_body="ỦY BAN NHÂN DÂN",
    leaders=("chutich",),
)
HON_DAT = Issuer(
    slug="hondat.ubnd",
    superior_name="",
    issuer_name="ỦY BAN NHÂN DÂN HUYỆN HÒN ĐẤT",
    author="chuyenvien",
    unit="VP",
    reviewer="chanhvanphong",
    clerk="vanthu",
    authority="TM.",
    authority_body="ỦY BAN NHÂN DÂN",
    leaders=("chutich",),
)
ISSUERS: dict[str, Issuer] = {issuer.slug: issuer for issuer in (SNV, PROVINCE, HON_DAT)}

DISTRICT_COMMITTEES = (
    "chauthanh.ubnd",
    "giangthanh.ubnd",
    "hondat.ubnd",
    "tanhiep.ubnd",
    "uminhthuong.ubnd",
    "vinhthuan.ubnd",
    "hatien.ubnd",
)
