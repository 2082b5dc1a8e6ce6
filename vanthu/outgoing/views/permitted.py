"""Which actions the draft page offers to this user (the services check again)."""

from __future__ import annotations

from dataclasses import dataclass

from vanthu.accounts.models import User
from vanthu.outgoing.enums import DraftStatus, SigningMode
from vanthu.outgoing.models import OutgoingDraft
from vanthu.outgoing.permissions import is_clerk, is_leader, is_unit_head
from vanthu.outgoing.signature_steps import (
    may_sign_as_signer,
    may_sign_for_agency,
    waits_for_signer,
)
from vanthu.outgoing.transitions import EDITABLE

S = DraftStatus


@dataclass(frozen=True, slots=True, kw_only=True)
class DraftActions:
    """The actions offered on a draft page.

    ``issue`` is the paper issue; a digital draft offers ``sign`` to its signer, then
    ``agency_sign`` to the clerk (who sees ``awaits_signer`` before the signer has signed).
    """

    edit: bool = False
    submit: bool = False
    review: bool = False
    format_check: bool = False
    approve: bool = False
    give_back: bool = False
    issue: bool = False
    sign: bool = False
    agency_sign: bool = False
    awaits_signer: bool = False

    @property
    def any_decision(self) -> bool:
        """Return whether a reviewer's decision block is shown."""
        return (
            self.review
            or self.format_check
            or self.approve
            or self.give_back
            or self.issue
            or self.agency_sign
            or self.awaits_signer
        )


def draft_actions(actor: User, draft: OutgoingDraft) -> DraftActions:
    """Return the actions ``actor`` may take on ``draft`` in its current status."""
    status = DraftStatus(draft.status)
    author = draft.author_id == actor.pk
    clerk = is_clerk(actor)
    leader = is_leader(actor)
    return DraftActions(
        edit=author and status in EDITABLE,
        submit=author and status in EDITABLE,
        review=status == S.IN_REVIEW and is_unit_head(actor) and actor.unit_id == draft.unit_id,
        format_check=clerk and status in {S.REVIEWED, S.FORMAT_CHECKED},
        approve=leader and status == S.FORMAT_CHECKED,
        give_back=(clerk and status in {S.REVIEWED, S.FORMAT_CHECKED})
        or (leader and status == S.FORMAT_CHECKED),
        issue=clerk and status == S.APPROVED and draft.signing_mode == SigningMode.PAPER,
        sign=may_sign_as_signer(actor, draft),
        agency_sign=may_sign_for_agency(actor, draft),
        awaits_signer=clerk and waits_for_signer(draft),
    )
