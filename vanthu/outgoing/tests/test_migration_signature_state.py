"""Migration 0004: drafts signed before ``signature_state`` followed the signature get it."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from vanthu.outgoing.drafting_io import store_pdf
from vanthu.outgoing.enums import DraftStatus, SignatureState
from vanthu.outgoing.models import OutgoingDraft
from vanthu.outgoing.tests.factories import Office, draft_approved
from vanthu.outgoing.tests.signing_setup import digital_draft
from vanthu.signing.tests.pdfs import sample_pdf

pytestmark = pytest.mark.django_db
MIGRATION = importlib.import_module("vanthu.outgoing.migrations.0004_signature_state_signed")


def _signed_before(office: Office, *, status: DraftStatus) -> OutgoingDraft:
    """A digital draft as the old code left it: the signer's PDF kept, the state still pending."""
    draft = digital_draft(office)
    blob = store_pdf(actor=office.leader, data=sample_pdf(), filename="da-ky.pdf")
    OutgoingDraft.objects.filter(pk=draft.pk).update(signer_signed_pdf=blob, status=status)
    return draft


def test_signed_drafts_get_their_state_and_the_others_keep_theirs(office: Office) -> None:
    leader_signed = _signed_before(office, status=DraftStatus.APPROVED)
    issued = _signed_before(office, status=DraftStatus.ISSUED)
    pending = digital_draft(office)
    paper = draft_approved(office)

    MIGRATION.signed_drafts_state(apps, None)

    states = dict(OutgoingDraft.objects.values_list("pk", "signature_state"))
    assert states == {
        leader_signed.pk: SignatureState.LEADER_SIGNED,
        issued.pk: SignatureState.DIGITAL_SIGNED,
        pending.pk: SignatureState.DIGITAL_PENDING,
        paper.pk: SignatureState.PAPER_SIGNED,
    }
