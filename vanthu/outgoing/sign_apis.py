"""JSON API of the "Ký số" step: ``POST /drafts/{id}/sign`` (the signer first, then the clerk)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema

from vanthu.accounts.auth import request_user
from vanthu.outgoing import services
from vanthu.outgoing.enums import DistributionKind
from vanthu.outgoing.presenters import draft_detail, record_detail
from vanthu.outgoing.schemas import DistributionIn, DraftOut, RecordOut
from vanthu.outgoing.signing_flow import draft_sign

router = Router(tags=["Văn bản đi"])


class SigningDraftSignIn(Schema):
    """The PIN of the token or the password of the PKCS#12 file (used once, never stored)."""

    pin: str = Field(..., min_length=1, max_length=128)
    distribution: list[DistributionIn] = Field(default_factory=list, max_length=500)
    copies: int | None = Field(None, ge=1, le=10000)


class SigningDraftSignOut(Schema):
    step: str = Field(..., description="signer: người ký đã ký; agency: văn thư đã ký số cơ quan")
    draft: DraftOut
    record: RecordOut | None


@router.post(
    "/drafts/{int:draft_id}/sign",
    response=SigningDraftSignOut,
    summary="Ký số (người ký, sau đó văn thư ký số cơ quan và phát hành)",
    operation_id="draft_sign",
)
def draft_sign_api(
    request: HttpRequest, draft_id: int, payload: SigningDraftSignIn
) -> dict[str, Any]:
    """Sign as the assigned signer, or, for the clerk, apply the agency signature and issue."""
    distribution = [
        services.DistributionInput(**{**item.dict(), "kind": DistributionKind(item.kind)})
        for item in payload.distribution
    ]
    outcome = draft_sign(
        actor=request_user(request),
        draft_id=draft_id,
        pin=payload.pin,
        distribution=distribution,
        copies=payload.copies,
    )
    return {
        "step": outcome.step,
        "draft": draft_detail(outcome.draft),
        "record": record_detail(outcome.record) if outcome.record is not None else None,
    }
