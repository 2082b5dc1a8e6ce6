"""Incoming side of signature verification: check every PDF that comes in, after commit.

Also tells the signing app who may see the signature reports of an incoming document (the
same people who see the incoming record).
"""

from __future__ import annotations

from django.db import transaction

from vanthu.accounts.models import User
from vanthu.documents.mediatypes import PDF
from vanthu.documents.models import Attachment, Document
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.selectors import incoming_visible_for
from vanthu.signing.tasks import verify_blob


def schedule_verification(*, attachment: Attachment, agency_id: int) -> None:
    """After commit, verify the signatures of ``attachment`` if it is a PDF (for the agency)."""
    if attachment.blob.media_type != PDF:
        return
    sha256, document_id = attachment.blob.sha256, attachment.document_id
    transaction.on_commit(
        lambda: verify_blob.enqueue(
            blob_sha256=sha256, document_id=document_id, agency_id=agency_id
        )
    )


def schedule_document_verification(*, document: Document, agency_id: int) -> None:
    """After commit, verify every PDF of ``document`` for the agency (a delivered document)."""
    for attachment in Attachment.objects.filter(document=document).select_related("blob"):
        schedule_verification(attachment=attachment, agency_id=agency_id)


def document_visible(*, actor: User, document: Document) -> bool | None:
    """Return whether ``actor`` sees ``document`` as an incoming record of their agency.

    None when the document is not registered as incoming in the actor's agency (not ours to say).
    """
    if actor.agency_id is None:
        return None
    if not IncomingRecord.objects.filter(document=document, agency_id=actor.agency_id).exists():
        return None
    return incoming_visible_for(actor=actor).filter(document=document).exists()
