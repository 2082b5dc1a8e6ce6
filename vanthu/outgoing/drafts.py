"""Writes of drafts by their authors: create, add a version, comment; the version difference."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from vanthu.accounts.models import OrgUnit, User
from vanthu.accounts.roles import can_see_confidentiality
from vanthu.audit.services import record
from vanthu.core.errors import InvalidInputError, PermissionDeniedError
from vanthu.core.text import clean_text
from vanthu.documents.enums import Confidentiality, Urgency
from vanthu.documents.models import DocumentType
from vanthu.outgoing.drafting_io import (
    DraftContent,
    blob_bytes,
    content_parse,
    docx_paragraphs,
    render_docx,
    store_docx,
)
from vanthu.outgoing.enums import CONFIDENTIALITY_LEVELS, VersionKind
from vanthu.outgoing.errors import DraftStateError
from vanthu.outgoing.models import DraftComment, DraftVersion, OutgoingDraft
from vanthu.outgoing.permissions import ensure_drafter
from vanthu.outgoing.selectors import draft_get_for, draft_version_get
from vanthu.outgoing.transitions import EDITABLE

SUBJECT_MAX_LENGTH = 500
COMMENT_MAX_LENGTH = 5000


@dataclass(frozen=True, slots=True, kw_only=True)
class DraftSource:
    """What a version is made from: structured content, or an uploaded DOCX with its metadata."""

    content: DraftContent | dict[str, Any] | None = None
    docx: bytes | None = None
    filename: str = "du-thao.docx"
    type_code: str = ""
    subject: str = ""
    confidentiality: int = Confidentiality.NORMAL
    urgency: str = Urgency.NORMAL


@dataclass(frozen=True, slots=True)
class _Metadata:
    document_type: DocumentType
    subject: str
    confidentiality: int
    urgency: str


def _document_type(code: str) -> DocumentType:
    code = clean_text(code)  # no control characters (PostgreSQL refuses NUL in a query)
    found = DocumentType.objects.filter(code=code, is_copy_form=False).first() if code else None
    if found is None:
        raise InvalidInputError(fields={"type_code": [_("Loại văn bản không hợp lệ.")]})
    return found


def _metadata(source: DraftSource, content: DraftContent | None) -> _Metadata:
    urgency: str
    if content is not None:
        code, subject = content.type_code, content.subject
        level, urgency = CONFIDENTIALITY_LEVELS[content.confidentiality], content.urgency
    else:
        code, subject = source.type_code, source.subject
        level, urgency = source.confidentiality, source.urgency
    subject = clean_text(subject)
    errors: dict[str, list[str]] = {}
    if not subject:
        errors["subject"] = [_("Cần nhập trích yếu.")]
    elif len(subject) > SUBJECT_MAX_LENGTH:
        errors["subject"] = [_("Không được dài quá %d ký tự.") % SUBJECT_MAX_LENGTH]
    if level not in Confidentiality.values:
        errors["confidentiality"] = [_("Độ mật không hợp lệ.")]
    if urgency not in Urgency.values:
        errors["urgency"] = [_("Độ khẩn không hợp lệ.")]
    if errors:
        raise InvalidInputError(fields=errors)
    return _Metadata(_document_type(code), subject, level, urgency)


def _check_source(source: DraftSource) -> DraftContent | None:
    if (source.content is None) == (source.docx is None):
        raise InvalidInputError(
            fields={"content": [_("Gửi nội dung soạn theo mẫu hoặc một tệp DOCX (một trong hai).")]}
        )
    if source.docx is not None and len(source.docx) > settings.VANTHU_MAX_UPLOAD_BYTES:
        raise InvalidInputError(fields={"file": [_("Tệp tải lên vượt quá dung lượng cho phép.")]})
    return None if source.content is None else content_parse(source.content)


def _version_create(
    *, actor: User, draft: OutgoingDraft, source: DraftSource, content: DraftContent | None
) -> DraftVersion:
    number = draft.version_count + 1
    version = DraftVersion(draft=draft, number=number, created_by=actor)
    if content is not None:
        version.kind = VersionKind.STRUCTURED
        version.content = content.model_dump(mode="json")
    else:
        assert source.docx is not None  # noqa: S101 — _check_source guarantees it
        version.kind = VersionKind.DOCX
        version.source_blob = store_docx(actor=actor, data=source.docx, filename=source.filename)
    version.save(force_insert=True)
    draft.version_count = number
    return version


def draft_create(*, actor: User, source: DraftSource, unit: OrgUnit | None = None) -> OutgoingDraft:
    """Start a draft in the actor's unit (a specialist or unit head) with its first version."""
    ensure_drafter(actor)
    content = _check_source(source)
    meta = _metadata(source, content)
    if not can_see_confidentiality(actor, meta.confidentiality):
        raise PermissionDeniedError(_("Bạn không được soạn văn bản ở độ mật này."))
    drafting_unit = unit or actor.unit
    if drafting_unit is None or drafting_unit.agency_id != actor.agency_id:
        raise InvalidInputError(fields={"unit": [_("Đơn vị soạn thảo không thuộc cơ quan.")]})
    with transaction.atomic():
        draft = OutgoingDraft.objects.create(
            agency_id=actor.agency_id,
            unit=drafting_unit,
            author=actor,
            document_type=meta.document_type,
            subject=meta.subject,
            confidentiality=meta.confidentiality,
            urgency=meta.urgency,
        )
        version = _version_create(actor=actor, draft=draft, source=source, content=content)
        draft.save(update_fields=["version_count", "updated_at"])
        record(
            action="outgoing.draft_created",
            actor=actor,
            target=draft,
            data={"version": version.number, "kind": version.kind, "type": meta.document_type.code},
        )
    return draft


def draft_add_version(*, actor: User, draft_id: int, source: DraftSource) -> DraftVersion:
    """Keep a new version of a draft being written or returned (its author only)."""
    content = _check_source(source)
    meta = _metadata(source, content)
    with transaction.atomic():
        draft = draft_get_for(actor=actor, pk=draft_id, lock=True)
        if draft.author_id != actor.pk:
            raise PermissionDeniedError(_("Chỉ người soạn thảo mới được thêm phiên bản."))
        if draft.status not in EDITABLE:
            raise DraftStateError(_("Dự thảo đã trình, không thể sửa; chờ được trả lại."))
        if not can_see_confidentiality(actor, meta.confidentiality):
            raise PermissionDeniedError(_("Bạn không được soạn văn bản ở độ mật này."))
        version = _version_create(actor=actor, draft=draft, source=source, content=content)
        draft.document_type = meta.document_type
        draft.subject = meta.subject
        draft.confidentiality = meta.confidentiality
        draft.urgency = meta.urgency
        draft.save(
            update_fields=[
                "version_count",
                "document_type",
                "subject",
                "confidentiality",
                "urgency",
                "updated_at",
            ]
        )
        record(
            action="outgoing.draft_version_added",
            actor=actor,
            target=draft,
            data={"version": version.number, "kind": version.kind},
        )
    return version


def draft_comment(*, actor: User, draft_id: int, version_number: int, text: str) -> DraftComment:
    """Comment on a version of a draft the actor can see."""
    text = clean_text(text)
    if not text:
        raise InvalidInputError(fields={"text": [_("Cần nhập nội dung góp ý.")]})
    if len(text) > COMMENT_MAX_LENGTH:
        raise InvalidInputError(
            fields={"text": [_("Không được dài quá %d ký tự.") % COMMENT_MAX_LENGTH]}
        )
    with transaction.atomic():
        draft = draft_get_for(actor=actor, pk=draft_id)
        version = draft_version_get(draft=draft, number=version_number)
        comment = DraftComment.objects.create(version=version, author=actor, text=text)
        record(
            action="outgoing.draft_commented",
            actor=actor,
            target=draft,
            data={"version": version.number, "comment_id": comment.pk},
        )
    return comment


def version_docx(version: DraftVersion) -> bytes:
    """Return the DOCX of a version: the upload, or the structure rendered without number/date."""
    if version.kind == VersionKind.DOCX:
        assert version.source_blob is not None  # noqa: S101 — a model constraint
        return blob_bytes(version.source_blob)
    return render_docx(DraftContent.model_validate(version.content))


def draft_diff(*, actor: User, draft_id: int, version_a: int, version_b: int) -> list[str]:
    """Return a paragraph-level unified difference between two versions of a draft."""
    draft = draft_get_for(actor=actor, pk=draft_id)
    first = draft_version_get(draft=draft, number=version_a)
    second = draft_version_get(draft=draft, number=version_b)
    return list(
        difflib.unified_diff(
            docx_paragraphs(version_docx(first)),
            docx_paragraphs(version_docx(second)),
            fromfile=_("Phiên bản %d") % first.number,
            tofile=_("Phiên bản %d") % second.number,
            lineterm="",
            n=1,
        )
    )
