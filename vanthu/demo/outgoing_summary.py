"""Read what the demo's outgoing side holds, for the ``load_demo`` summary."""

from __future__ import annotations

from django.utils.translation import gettext as _

from vanthu.accounts.models import Agency
from vanthu.demo.data.agencies import AGENCIES
from vanthu.incoming.enums import DeliveryStatus
from vanthu.incoming.models import IncomingDelivery
from vanthu.outgoing.enums import DraftStatus, RecordStatus
from vanthu.outgoing.models import OutgoingDraft, OutgoingRecord

FINISHED = (DraftStatus.ISSUED, DraftStatus.CANCELLED)


def outgoing_counts() -> dict[str, int]:
    """Return the demo agencies' drafts on their way, issued and recalled records, waiting ones."""
    agencies = Agency.objects.filter(organ_id__in=[spec.organ_id for spec in AGENCIES])
    records = OutgoingRecord.objects.filter(agency__in=agencies)
    return {
        "drafts": OutgoingDraft.objects.filter(agency__in=agencies)
        .exclude(status__in=FINISHED)
        .count(),
        "issued": records.count(),
        "recalled": records.filter(status=RecordStatus.RECALLED).count(),
        "waiting": IncomingDelivery.objects.filter(
            document__in=records.values("document"), status=DeliveryStatus.PENDING
        ).count(),
    }


def outgoing_summary() -> str:
    """Return the summary line of the demo's outgoing documents, in Vietnamese."""
    return (
        _(
            "Văn bản đi: %(issued)d văn bản đã phát hành (%(recalled)d đã thu hồi), %(drafts)d dự "
            "thảo đang xử lý, %(waiting)d lượt gửi đang chờ cơ quan nhận tiếp nhận."
        )
        % outgoing_counts()
    )
