"""Load the demo province and synthetic documents (the writes behind ``load_demo``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from vanthu.accounts.models import User
from vanthu.audit.services import record
from vanthu.core.errors import InvalidInputError
from vanthu.demo.certificates_demo import certificates_demo
from vanthu.demo.composer import AgencyContext
from vanthu.demo.constants import DEMO_YEAR
from vanthu.demo.contexts import agency_contexts
from vanthu.demo.incoming import load_incoming
from vanthu.demo.outgoing_now import load_outgoing, schedule_outgoing
from vanthu.demo.province import load_province
from vanthu.demo.synthetic import DEFAULT_BATCH_SIZE, SyntheticGenerator
from vanthu.demo.work_files import load_work_files
from vanthu.demo.yearbook import load_year
from vanthu.documents.models import Document, DocumentType


@dataclass(frozen=True, slots=True)
class DemoLoadResult:
    """What a load created, by kind of row (empty when everything was already there)."""

    created: dict[str, int] = field(default_factory=dict)
    contexts: tuple[AgencyContext, ...] = ()

    @property
    def changed(self) -> bool:
        return any(self.created.values())


def _document_types() -> dict[str, DocumentType]:
    return {dtype.code: dtype for dtype in DocumentType.objects.all()}


def demo_load(*, actor: User | None = None) -> DemoLoadResult:
    """Load the demo province and its year of documents; running it again changes nothing.

    One ``demo.loaded`` audit event is recorded, in the same transaction, when the load created
    anything.
    """
    with transaction.atomic():
        province = load_province()
        contexts = agency_contexts(province)
        created = {key: value for key, value in province.created.items() if value}
        types = _document_types()
        documents = load_year(contexts, types)
        if documents:
            created["documents"] = documents
        # The outgoing work runs among the incoming replay's steps, in time order.
        alongside = partial(schedule_outgoing, contexts=contexts)
        steps = load_incoming(contexts, types, alongside=alongside) + load_outgoing(contexts)
        for key, value in steps.items():
            created[key] = created.get(key, 0) + value
        for key, value in load_work_files(contexts).items():
            created[key] = created.get(key, 0) + value
        certificates = certificates_demo()
        if certificates is not None and certificates.certificates:
            created["certificates"] = certificates.certificates
        result = DemoLoadResult(created, tuple(contexts))
        if result.changed:
            record(
                action="demo.loaded",
                actor=actor,
                data={"created": created, "year": DEMO_YEAR, "agencies": len(contexts)},
            )
    return result


def demo_documents_generate(
    *,
    actor: User | None = None,
    count: int,
    seed: int,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: bool | None = None,
) -> int:
    """Add ``count`` synthetic documents over the demo agencies (loading the province first).

    Batches commit one by one; the ``demo.documents_generated`` event is recorded after the last.
    """
    if count < 1 or batch_size < 1:
        raise InvalidInputError(_("Số văn bản và cỡ lô phải là số dương."))
    contexts = list(demo_load(actor=actor).contexts)
    existing = Document.objects.count()  # a second run with the same seed adds new documents
    generator = SyntheticGenerator(
        contexts=contexts, types=_document_types(), count=count, seed=f"{seed}:{existing}"
    )
    created = generator.run(batch_size=batch_size, progress=progress)
    with transaction.atomic():
        record(
            action="demo.documents_generated",
            actor=actor,
            data={"count": created, "seed": seed, "batch_size": batch_size},
        )
    return created
