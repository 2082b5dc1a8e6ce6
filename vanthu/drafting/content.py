"""The structured content of a draft (the shared interface of issue 4).

A ``DraftContent`` describes one administrative document in the terms of Decree 30 (domain.md
§1): who issues it, its type, subject, legal bases, body and signature block. ``render.py`` turns
it into a DOCX; the outgoing app stores it as JSON.
"""

from __future__ import annotations

from typing import Annotated, Literal

from django.utils.translation import gettext
from pydantic import BaseModel, ConfigDict, Field, model_validator

Authority = Literal["", "TM.", "KT.", "TL.", "TUQ.", "Q."]
Urgency = Literal["normal", "urgent", "very_urgent", "flash"]
Confidentiality = Literal["none", "confidential", "secret", "top_secret"]
Circulation = Literal["", "LƯU HÀNH NỘI BỘ", "XEM XONG TRẢ LẠI"]
HeadingLevel = Literal["part", "chapter", "section", "article"]

TWO_LEVEL_AUTHORITIES: frozenset[tuple[str, str]] = frozenset(
    {("TM.", "KT."), ("TM.", "Q."), ("TL.", "KT.")}
)
"""The two-level signing blocks (domain.md §1.8): "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH" (a deputy
for the head of a collective body), "TM. … / Q. CHỦ TỊCH" (the acting head), "TL. BỘ TRƯỞNG /
KT. CHÁNH VĂN PHÒNG" (the deputy of the unit head who signs by order). TUQ. is never followed by
KT.: an authorisation may not be passed on (Art. 13)."""


class _Block(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Heading(_Block):
    """Phần / Chương / Mục / Điều: ``number`` as written ("I", "1", "2a"), ``title`` may be ""."""

    kind: Literal["heading"] = "heading"
    level: HeadingLevel
    number: str
    title: str = ""


class Paragraph(_Block):
    """A body paragraph."""

    kind: Literal["paragraph"] = "paragraph"
    text: str


class Clause(_Block):
    """A khoản: ``number`` is the Arabic numeral ("1")."""

    kind: Literal["clause"] = "clause"
    number: str
    text: str


class Point(_Block):
    """An điểm: ``letter`` is the Vietnamese letter ("a", "b", "đ")."""

    kind: Literal["point"] = "point"
    letter: str
    text: str


class Table(_Block):
    """A simple table; the first row is a header row when ``header`` is true."""

    kind: Literal["table"] = "table"
    rows: list[list[str]]
    header: bool = True


Block = Annotated[Heading | Paragraph | Clause | Point | Table, Field(discriminator="kind")]


class Appendix(BaseModel):
    """A phụ lục: rendered on a new page as "Phụ lục I" + title + body."""

    model_config = ConfigDict(extra="forbid")

    title: str
    body: list[Block] = Field(default_factory=list)


class AttachedDocument(BaseModel):
    """The document a Quyết định issues or approves (Mẫu 1.3, the "indirect" Quyết định).

    ``type_name`` is its type ("Quy chế"), ``title`` its subject; it is rendered after the
    decision on a new page with its own heading and the line "(Ban hành kèm theo Quyết định …)".
    """

    model_config = ConfigDict(extra="forbid")

    type_name: str
    title: str
    body: list[Block] = Field(default_factory=list)


class DraftContent(BaseModel):
    """A structured draft. ``type_code`` is a DocumentType code ("22" = Công văn)."""

    model_config = ConfigDict(extra="forbid")

    type_code: str
    superior_name: str = ""
    issuer_name: str
    issuer_abbreviation: str
    unit_abbreviation: str = ""
    place_name: str
    subject: str = ""
    legal_bases: list[str] = Field(default_factory=list)
    body: list[Block] = Field(default_factory=list)
    addressees: list[str] = Field(default_factory=list)
    recipients: list[str] = Field(default_factory=list)
    archive_copies: int = Field(default=1, ge=0)
    authority: Authority = ""
    authority_body: str = ""
    signer_position: str = ""
    signer_name: str = ""
    urgency: Urgency = "normal"
    confidentiality: Confidentiality = "none"
    circulation: Circulation = ""
    drafter_initials: str = ""
    copies: int | None = Field(default=None, ge=1)
    appendices: list[Appendix] = Field(default_factory=list)
    # Optional extensions beyond the shared minimum:
    attachment: AttachedDocument | None = None
    enacting_authority: str = ""
    """Nghị quyết / Quyết định: the line above the legal bases ("CHỦ TỊCH ỦY BAN NHÂN DÂN …");
    derived from the issuer and the signing authority when empty."""
    secretary_name: str = ""
    """Biên bản only: the THƯ KÝ who signs on the left (the chair is ``signer_name``)."""
    second_authority: Authority = ""
    second_authority_body: str = ""
    """A two-level signing block: ``authority`` + ``authority_body`` ("TM." "ỦY BAN NHÂN DÂN")
    then ``second_authority`` + ``second_authority_body`` ("KT." "CHỦ TỊCH") above the signer's
    position ("PHÓ CHỦ TỊCH"); only the pairs in ``TWO_LEVEL_AUTHORITIES``."""

    @model_validator(mode="after")
    def _two_level_authority(self) -> DraftContent:
        if not self.second_authority:
            return self
        pair = (self.authority, self.second_authority)
        if pair not in TWO_LEVEL_AUTHORITIES:
            allowed = ", ".join(
                f"{first} … / {second} …" for first, second in sorted(TWO_LEVEL_AUTHORITIES)
            )
            raise ValueError(
                gettext(
                    "Thẩm quyền ký hai cấp “%(first)s … / %(second)s …” không hợp lệ; "
                    "chỉ dùng %(allowed)s."
                )
                % {
                    "first": self.authority or "—",
                    "second": self.second_authority,
                    "allowed": allowed,
                }
            )
        if not self.authority_body.strip() or not self.second_authority_body.strip():
            raise ValueError(
                gettext("Thẩm quyền ký hai cấp cần ghi rõ tên tập thể hoặc chức vụ ở cả hai dòng.")
            )
        return self
