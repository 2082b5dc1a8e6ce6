"""The one change the agency archive makes to a dossier: closed → handed over (đã nộp lưu).

Called by the archive app inside its own audited transaction when the archivist accepts a
hand-over batch; a handed-over dossier is read-only (services write only open dossiers and
reopen only closed ones).
"""

from __future__ import annotations

from django.db import transaction

from vanthu.accounts.models import User
from vanthu.audit.services import record
from vanthu.dossiers.enums import DossierStatus
from vanthu.dossiers.errors import DossierNotClosedError
from vanthu.dossiers.models import Dossier


def dossier_mark_handed_over(*, actor: User, dossier: Dossier, handover_id: int) -> Dossier:
    """Switch a closed dossier to handed over (audited); refuse any other status."""
    with transaction.atomic():
        locked = Dossier.objects.select_for_update().get(pk=dossier.pk)
        if locked.status != DossierStatus.CLOSED:
            raise DossierNotClosedError
        locked.status = DossierStatus.HANDED_OVER
        locked.save(update_fields=["status", "updated_at"])
        record(
            action="dossiers.handed_over",
            actor=actor,
            target=locked,
            data={"handover": handover_id},
        )
    return locked
