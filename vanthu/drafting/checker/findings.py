"""The checker's public value types: a finding, the optional context, the invalid-file error."""

from __future__ import annotations

from typing import ClassVar, Literal

from django.utils.translation import gettext_lazy as _
from pydantic import BaseModel, ConfigDict

from vanthu.core.errors import DomainError

Severity = Literal["error", "warning"]


class Finding(BaseModel):
    """One breach of Annex I: which component, which rule, how grave, and how to fix it.

    ``component`` and ``rule`` are stable machine keys (``"date_line"``, ``"padding"``);
    ``message`` and ``fix`` are Vietnamese and name the component for a reader.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    component: str
    rule: str
    severity: Severity
    message: str
    fix: str
    autofixable: bool = False


class CheckContext(BaseModel):
    """Optional hints from a structured draft: what the document should be."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    type_code: str | None = None
    issuer_abbreviation: str | None = None
    place_name: str | None = None


class InvalidDocxError(DomainError):
    """The file is not a readable DOCX (broken, encrypted, or another format)."""

    code: ClassVar[str] = "invalid_docx"
    status: ClassVar[int] = 400
    default_message = _(
        "Tệp không phải là văn bản Word (DOCX) hợp lệ: tệp bị hỏng, được đặt mật khẩu "
        "hoặc có định dạng khác. Hãy lưu lại văn bản bằng Word dưới dạng .docx rồi thử lại."
    )
