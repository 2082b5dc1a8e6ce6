"""A draft on its way to signature: submit, unit head review, format check, leader approval."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.audit.services import record
from vanthu.core.errors import InvalidInputError
from vanthu.core.text import clean_text
from vanthu.outgoing.drafting_io import CheckContext, DraftContent, Finding, check_docx
from vanthu.outgoing.drafting_io import store_docx as _store_docx
from vanthu.outgoing.drafts import version_docx
from vanthu.outgoing.enums import (
    DraftStatus,
    ReviewDecision,
    SignatureState,
    SigningMode,
    VersionKind,
)
from vanthu.outgoing.errors import (
    FormatErrorsBlockError,
    FormatNotCheckedError,
    SelfApprovalForbiddenError,
)
from vanthu.outgoing.models import DraftReview, DraftVersion, OutgoingDraft, OutgoingPolicy
from vanthu.outgoing.permissions import ensure, is_clerk, is_leader, is_unit_head
from vanthu.outgoing.selectors import draft_current_version, draft_get_for
from vanthu.outgoing.transitions import ensure_transition, transition

REVIEW_COMMENT_MAX_LENGTH = 5000


def _comment(text: str, *, required: bool) -> str:
    text = clean_text(text)
    if required and not text:
        raise InvalidInputError(fields={"comment": [_("Cần nêu ý kiến khi trả lại dự thảo.")]})
    if len(text) > REVIEW_COMMENT_MAX_LENGTH:
        raise InvalidInputError(
            fields={"comment": [_("Không được dài quá %d ký tự.") % REVIEW_COMMENT_MAX_LENGTH]}
        )
    return text


def _review_row(
    *, actor: User, draft: OutgoingDraft, decision: ReviewDecision, comment: str
) -> DraftReview:
    return DraftReview.objects.create(
        draft=draft,
        version=draft_current_version(draft),
        reviewer=actor,
        decision=decision,
        comment=comment,
    )


def draft_submit(*, actor: User, draft_id: int) -> OutgoingDraft:
    """Send a draft to the head of its unit for review (its author)."""
    with transaction.atomic():
        draft = draft_get_for(actor=actor, pk=draft_id, lock=True)
        ensure(draft.author_id == actor.pk, _("Chỉ người soạn thảo mới được trình dự thảo."))
        transition(draft, DraftStatus.IN_REVIEW)
        record(
            action="outgoing.draft_submitted",
            actor=actor,
            target=draft,
            data={"version": draft.version_count},
        )
    return draft


def draft_review(
    *, actor: User, draft_id: int, decision: ReviewDecision, comment: str = ""
) -> OutgoingDraft:
    """Approve a submitted draft or return it with a comment (the head of the drafting unit)."""
    comment = _comment(comment, required=decision == ReviewDecision.RETURN)
    with transaction.atomic():
        draft = draft_get_for(actor=actor, pk=draft_id, lock=True)
        ensure(
            is_unit_head(actor) and actor.unit_id == draft.unit_id,
            _("Chỉ lãnh đạo đơn vị soạn thảo mới được duyệt dự thảo."),
        )
        target = (
            DraftStatus.REVIEWED if decision == ReviewDecision.APPROVE else DraftStatus.RETURNED
        )
        transition(draft, target)
        review = _review_row(actor=actor, draft=draft, decision=decision, comment=comment)
        record(
            action="outgoing.draft_reviewed",
            actor=actor,
            target=draft,
            data={"decision": decision.value, "review_id": review.pk},
        )
    return draft


def draft_return(*, actor: User, draft_id: int, comment: str) -> OutgoingDraft:
    """Send a reviewed draft back to its author (the clerk at the format check, or a leader)."""
    comment = _comment(comment, required=True)
    with transaction.atomic():
        draft = draft_get_for(actor=actor, pk=draft_id, lock=True)
        ensure(is_clerk(actor) or is_leader(actor))
        transition(draft, DraftStatus.RETURNED)
        review = _review_row(
            actor=actor, draft=draft, decision=ReviewDecision.RETURN, comment=comment
        )
        record(
            action="outgoing.draft_returned",
            actor=actor,
            target=draft,
            data={"review_id": review.pk},
        )
    return draft


def check_context(draft: OutgoingDraft, version: DraftVersion) -> CheckContext:
    """Return what the checker should expect of this draft."""
    if version.kind == VersionKind.STRUCTURED:
        content = DraftContent.model_validate(version.content)
        return CheckContext(
            type_code=content.type_code,
            issuer_abbreviation=content.issuer_abbreviation,
            place_name=content.place_name,
        )
    return CheckContext(
        type_code=draft.document_type.code,
        issuer_abbreviation=draft.agency.abbreviation,
        place_name=draft.agency.place_name,
    )


def draft_findings(*, actor: User, draft_id: int) -> list[Finding]:
    """Check the current version's format without recording anything (anyone who sees it)."""
    draft = draft_get_for(actor=actor, pk=draft_id)
    version = draft_current_version(draft)
    return check_docx(version_docx(version), context=check_context(draft, version))


def draft_format_check(*, actor: User, draft_id: int) -> list[Finding]:
    """Check and record the format of a reviewed draft (the clerk).

    The findings are kept on the version; when any is an error the draft stays where it is and
    FormatErrorsBlockError is raised after they are saved.
    """
    with transaction.atomic():
        draft = draft_get_for(actor=actor, pk=draft_id, lock=True)
        ensure(is_clerk(actor), _("Chỉ văn thư mới được kiểm tra thể thức."))
        if draft.status not in {DraftStatus.REVIEWED, DraftStatus.FORMAT_CHECKED}:
            ensure_transition(draft, DraftStatus.FORMAT_CHECKED)  # raises the state error
        version = draft_current_version(draft)
        data = version_docx(version)
        findings = check_docx(data, context=check_context(draft, version))
        if version.kind == VersionKind.STRUCTURED and version.rendered_blob_id is None:
            version.rendered_blob = _store_docx(
                actor=actor, data=data, filename=f"du-thao-{draft.pk}-v{version.number}.docx"
            )
        version.findings = [finding.model_dump(mode="json") for finding in findings]
        version.checked_at = timezone.now()
        version.save(update_fields=["findings", "checked_at", "rendered_blob"])
        errors = [finding for finding in findings if finding.severity == "error"]
        if not errors and draft.status == DraftStatus.REVIEWED:
            transition(draft, DraftStatus.FORMAT_CHECKED)
        record(
            action="outgoing.draft_format_checked",
            actor=actor,
            target=draft,
            data={
                "version": version.number,
                "errors": len(errors),
                "warnings": len(findings) - len(errors),
            },
        )
    if errors:
        raise FormatErrorsBlockError(
            fields={"findings": [f"{finding.message} {finding.fix}" for finding in errors]}
        )
    return findings


def _policy_forbids_self_approval(agency_id: int) -> bool:
    policy = OutgoingPolicy.objects.filter(agency_id=agency_id).first()
    return True if policy is None else policy.forbid_self_approval


def draft_approve(
    *, actor: User, draft_id: int, signing_mode: SigningMode = SigningMode.PAPER, comment: str = ""
) -> OutgoingDraft:
    """Approve a format-checked draft for signature (an agency leader or their delegate)."""
    comment = _comment(comment, required=False)
    with transaction.atomic():
        draft = draft_get_for(actor=actor, pk=draft_id, lock=True)
        ensure(
            is_leader(actor),
            _("Chỉ lãnh đạo cơ quan (hoặc người được ủy quyền) mới được duyệt ký."),
        )
        if draft.author_id == actor.pk and _policy_forbids_self_approval(draft.agency_id):
            raise SelfApprovalForbiddenError
        if draft.status == DraftStatus.REVIEWED:
            raise FormatNotCheckedError
        version = draft_current_version(draft)
        draft.approved_version = version
        draft.signer = actor
        draft.signing_mode = signing_mode
        draft.signature_state = (
            SignatureState.PAPER_SIGNED
            if signing_mode == SigningMode.PAPER
            else SignatureState.DIGITAL_PENDING
        )
        draft.approved_at = timezone.now()
        transition(
            draft,
            DraftStatus.APPROVED,
            extra_fields=(
                "approved_version",
                "signer",
                "signing_mode",
                "signature_state",
                "approved_at",
            ),
        )
        _review_row(actor=actor, draft=draft, decision=ReviewDecision.APPROVE, comment=comment)
        record(
            action="outgoing.draft_approved",
            actor=actor,
            target=draft,
            data={"version": version.number, "signing_mode": signing_mode.value},
        )
    return draft
