"""Which signature step an approved digital draft waits for, read from ``signature_state``.

The one statement of the rule: ``signing_flow`` refuses a step that is not open, the draft
page and the queues offer only the open step, and the leader's queue (with the start-page
figure) lists the drafts still waiting for his signature. ``draft_approve`` sets
``DIGITAL_PENDING``, the signer's signature ``LEADER_SIGNED``, the agency's ``DIGITAL_SIGNED``.
"""

from __future__ import annotations

from django.db.models import Q

from vanthu.accounts.models import User
from vanthu.outgoing.enums import DraftStatus, SignatureState, SigningMode
from vanthu.outgoing.models import OutgoingDraft
from vanthu.outgoing.permissions import is_clerk


def _approved_digital(draft: OutgoingDraft, state: SignatureState) -> bool:
    return (
        draft.status == DraftStatus.APPROVED
        and draft.signing_mode == SigningMode.DIGITAL
        and draft.signature_state == state
    )


def waits_for_signer(draft: OutgoingDraft) -> bool:
    """Return whether the approved digital draft still waits for its signer's signature."""
    return _approved_digital(draft, SignatureState.DIGITAL_PENDING)


def waits_for_agency(draft: OutgoingDraft) -> bool:
    """Return whether the signer has signed and the agency's signature (and issue) is next."""
    return _approved_digital(draft, SignatureState.LEADER_SIGNED)


def may_sign_as_signer(actor: User, draft: OutgoingDraft) -> bool:
    """Return whether ``actor`` is the assigned signer and the draft waits for him."""
    return draft.signer_id == actor.pk and waits_for_signer(draft)


def may_sign_for_agency(actor: User, draft: OutgoingDraft) -> bool:
    """Return whether ``actor`` (a clerk) may apply the agency signature and issue now."""
    return is_clerk(actor) and waits_for_agency(draft)


def awaiting_any_signer() -> Q:
    """Return the filter of the approved digital drafts still waiting for their signer."""
    return Q(
        status=DraftStatus.APPROVED,
        signing_mode=SigningMode.DIGITAL,
        signature_state=SignatureState.DIGITAL_PENDING,
    )


def awaiting_signature_of(actor: User) -> Q:
    """Return the filter of the approved digital drafts still waiting for ``actor`` to sign."""
    return Q(
        status=DraftStatus.APPROVED,
        signing_mode=SigningMode.DIGITAL,
        signature_state=SignatureState.DIGITAL_PENDING,
        signer=actor,
    )
