"""Safe automatic correction of a draft's format, kept as a new version of the draft."""

from __future__ import annotations

from dataclasses import dataclass

from vanthu.accounts.models import User
from vanthu.drafting.checker import autocorrect_docx
from vanthu.outgoing.drafting_io import Finding
from vanthu.outgoing.drafts import DraftSource, draft_add_version, version_docx
from vanthu.outgoing.models import DraftVersion
from vanthu.outgoing.selectors import draft_current_version, draft_get_for


@dataclass(frozen=True)
class Autocorrection:
    """What the correction fixed and the version that holds it (None when nothing was safe)."""

    applied: list[Finding]
    version: DraftVersion | None


def draft_autocorrect(*, actor: User, draft_id: int) -> Autocorrection:
    """Correct the safe faults of the current version (margins, fonts, sizes, date line).

    The new version goes through ``draft_add_version``: only the author, only while editable.
    """
    draft = draft_get_for(actor=actor, pk=draft_id)
    current = draft_current_version(draft)
    fixed, applied = autocorrect_docx(version_docx(current))
    if not applied:
        return Autocorrection(applied=[], version=None)
    source = DraftSource(
        docx=fixed,
        filename=f"du-thao-{draft.pk}-v{current.number + 1}.docx",
        type_code=draft.document_type.code,
        subject=draft.subject,
        confidentiality=draft.confidentiality,
        urgency=draft.urgency,
    )
    version = draft_add_version(actor=actor, draft_id=draft.pk, source=source)
    return Autocorrection(applied=list(applied), version=version)
