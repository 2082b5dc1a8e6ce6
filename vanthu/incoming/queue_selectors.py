"""Reads of the "chờ tiếp nhận" screen, scoped to the receiving clerk.

The queue itself is ``selectors.deliveries_pending_for``; this module adds what its page shows
beside each delivery (the files of the delivered documents, the register books to choose
from).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from vanthu.accounts.models import User
from vanthu.documents.enums import RegisterKind
from vanthu.documents.models import Attachment, RegisterBook
from vanthu.incoming.models import IncomingDelivery
from vanthu.incoming.permissions import is_clerk, max_confidentiality
from vanthu.incoming.selectors import deliveries_received_for


def delivery_attachments_for(
    *, actor: User, deliveries: Sequence[IncomingDelivery]
) -> dict[int, list[Attachment]]:
    """Return the files of the delivered documents (by document id), oldest first, one query.

    Only deliveries the actor receives count; the others have no files here.
    """
    received = deliveries_received_for(actor=actor).filter(pk__in=[row.pk for row in deliveries])
    files: dict[int, list[Attachment]] = defaultdict(list)
    rows = (
        Attachment.objects.filter(document_id__in=received.values("document_id"))
        .select_related("blob")
        .order_by("created_at", "pk")
    )
    for attachment in rows:
        files[attachment.document_id].append(attachment)
    return dict(files)


def queue_register_books_for(*, actor: User) -> dict[int, list[RegisterBook]]:
    """Return the active incoming books a receiving clerk may register into, by confidentiality.

    Key 0 holds the ordinary incoming books, key 1 the secret ones (only for a cleared clerk);
    the first book of each list is the one the service takes by default (lowest id).
    """
    if not actor.is_active or actor.agency_id is None or not is_clerk(actor):
        return {0: [], 1: []}
    books = RegisterBook.objects.filter(
        agency_id=actor.agency_id,
        is_active=True,
        kind__in=[RegisterKind.INCOMING, RegisterKind.SECRET_INCOMING],
    ).order_by("pk")
    cleared = max_confidentiality(actor) > 0
    grouped: dict[int, list[RegisterBook]] = {0: [], 1: []}
    for book in books:
        if book.kind == RegisterKind.INCOMING:
            grouped[0].append(book)
        elif cleared:
            grouped[1].append(book)
    return grouped
