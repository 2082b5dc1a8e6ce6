"""Guess the document type of a legacy register row (Decree 30 Annex III).

In order: an explicit type column (name, code or abbreviation); the notation's first part when it
is a type abbreviation ("KH-SNV" → Kế hoạch); the subject's first words ("Quyết định về việc …",
"V/v …" → Công văn); a notation of the công văn shape ("SNV-VP"); else "Khác".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vanthu.core.text import fold
from vanthu.documents.models import DocumentType
from vanthu.documents.reference import CONG_VAN_CODE

OTHER_CODE = "32"
_CONG_VAN_OPENINGS = ("v/v", "vv", "ve viec", "v//v")
_WORD_END = re.compile(r"[\s:,.\-]|$")


@dataclass(frozen=True, slots=True)
class TypeGuess:
    """The guessed type, and the subject with a leading type name removed."""

    document_type: DocumentType
    subject: str


class TypeGuesser:
    """Guess types from the document types in the database (read once per import)."""

    def __init__(self) -> None:
        types = list(DocumentType.objects.filter(is_copy_form=False).order_by("code"))
        self.by_code = {t.code: t for t in types}
        self.by_abbreviation = {t.abbreviation: t for t in types if t.abbreviation}
        self.abbreviations = frozenset(self.by_abbreviation)
        folded: dict[str, list[DocumentType]] = {}
        for t in types:
            if t.abbreviation:
                folded.setdefault(fold(t.abbreviation), []).append(t)
        # "ĐA" (Đề án) and "DA" (Dự án) fold alike: only unambiguous folded forms are kept.
        self.by_folded_abbreviation = {key: ts[0] for key, ts in folded.items() if len(ts) == 1}
        self.by_name = sorted(((fold(t.name), t) for t in types), key=lambda pair: -len(pair[0]))

    def named(self, text: str) -> DocumentType | None:
        """Return the type a type-column cell names (name, code or abbreviation), or None."""
        text = text.strip()
        if text in self.by_code or text.zfill(2) in self.by_code:
            return self.by_code.get(text) or self.by_code[text.zfill(2)]
        if text in self.by_abbreviation:
            return self.by_abbreviation[text]
        folded = fold(text)
        return next((t for name, t in self.by_name if name == folded), None)

    def _from_notation(self, notation: str) -> DocumentType | None:
        head = notation.split("-", 1)[0].strip()
        if not head or "-" not in notation:
            return None
        exact = self.by_abbreviation.get(head)
        return exact or self.by_folded_abbreviation.get(fold(head))

    def _from_subject(self, subject: str) -> tuple[DocumentType, str] | None:
        folded = fold(subject)
        if folded.startswith(_CONG_VAN_OPENINGS):
            return self.by_code[CONG_VAN_CODE], subject
        for name, document_type in self.by_name:
            if folded.startswith(name) and _WORD_END.match(folded, len(name)):
                rest = subject[len(name) :].lstrip(" :,.-")
                return document_type, rest[:1].upper() + rest[1:] if rest else subject
        return None

    def guess(self, *, notation: str, subject: str, named: DocumentType | None) -> TypeGuess:
        """Return the type of a row and its subject without a leading type name."""
        from_subject = self._from_subject(subject)
        document_type = named or self._from_notation(notation)
        if document_type is None and from_subject is not None:
            document_type = from_subject[0]
        if document_type is None:
            code = CONG_VAN_CODE if "-" in notation else OTHER_CODE
            document_type = self.by_code[code]
        if from_subject is not None and from_subject[0] == document_type:
            subject = from_subject[1]
        return TypeGuess(document_type=document_type, subject=subject)
