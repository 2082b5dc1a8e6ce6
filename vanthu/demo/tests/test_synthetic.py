"""load_demo --documents N: synthetic documents that are valid, numbered and reproducible."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django.utils import timezone

from vanthu.accounts.models import Agency
from vanthu.audit.models import AuditEvent
from vanthu.core.errors import InvalidInputError
from vanthu.core.text import fold
from vanthu.demo.composer import AgencyContext, working_days
from vanthu.demo.services import DemoLoadResult, demo_documents_generate
from vanthu.demo.synthetic import SyntheticGenerator
from vanthu.documents.enums import Confidentiality, Urgency
from vanthu.documents.models import Document, DocumentType, NumberAllocation, Sequence

pytestmark = pytest.mark.django_db


def _generator(contexts: tuple[AgencyContext, ...], *, count: int, seed: int) -> SyntheticGenerator:
    types = {dtype.code: dtype for dtype in DocumentType.objects.all()}
    return SyntheticGenerator(contexts=list(contexts), types=types, count=count, seed=seed)


def _assert_valid(document: Document, units: dict[int, set[str]]) -> None:
    agency = document.issuing_agency
    assert agency is not None and document.owner_agency_id == agency.pk
    dtype = document.document_type
    if dtype.abbreviation:
        assert document.code_notation == f"{dtype.abbreviation}-{agency.abbreviation}"
    else:  # Công văn: <issuer>-<drafting unit>
        assert dtype.name == "Công văn"
        issuer, unit = document.code_notation.split("-", 1)
        assert issuer == agency.abbreviation and unit in units[agency.pk]
    assert document.code_number.isdigit() and len(document.code_number) >= 2
    assert document.organ_name == agency.name
    assert document.subject and unicodedata.is_normalized("NFC", document.subject)
    assert document.subject_folded == fold(document.subject)
    assert document.subject_folded.isascii()
    assert document.signer_name and document.signer_position
    assert document.urgency in Urgency.values
    assert document.confidentiality in (Confidentiality.NORMAL, Confidentiality.CONFIDENTIAL)
    assert date(2020, 1, 1) <= document.issued_date <= timezone.localdate()
    assert document.issued_date.weekday() < 5
    assert abs((timezone.now() - document.created_at).total_seconds()) < 600
    assert document.updated_at == document.created_at


class TestDocumentsOption:
    def test_adds_exactly_500_valid_documents(self, province: DemoLoadResult) -> None:
        before = set(Document.objects.values_list("pk", flat=True))
        out = StringIO()
        call_command("load_demo", "--documents", "500", "--no-progress", stdout=out)
        new = Document.objects.exclude(pk__in=before).select_related(
            "document_type", "issuing_agency"
        )
        assert new.count() == 500
        units: dict[int, set[str]] = defaultdict(set)
        for agency in Agency.objects.prefetch_related("units"):
            units[agency.pk] = {unit.abbreviation for unit in agency.units.all()}
        for document in new:
            _assert_valid(document, units)
        assert len({doc.owner_agency_id for doc in new}) > 10
        assert len({doc.issued_date.year for doc in new}) == timezone.localdate().year - 2019
        assert len({doc.document_type.code for doc in new}) >= 6
        assert "500 văn bản tổng hợp" in out.getvalue()

    def test_numbers_continue_the_books_without_gaps_or_duplicates(
        self, province: DemoLoadResult
    ) -> None:
        call_command(
            "load_demo",
            "--documents",
            "400",
            "--no-progress",
            "--batch-size",
            "70",
            stdout=StringIO(),
        )
        for sequence in Sequence.objects.all():
            numbers = list(
                NumberAllocation.objects.filter(book=sequence.book, year=sequence.year)
                .order_by("number")
                .values_list("number", flat=True)
            )
            assert numbers == list(range(1, sequence.last_number + 1))
        seen: set[tuple[int, int, int, str]] = set()
        issued = Document.objects.filter(issuing_agency__isnull=False)  # not outside bodies' papers
        for agency, level, day, number in issued.values_list(
            "owner_agency_id", "confidentiality", "issued_date", "code_number"
        ):
            key = (agency, level > 0, day.year, number)
            assert key not in seen
            seen.add(key)

    def test_records_one_audit_event_with_the_count_and_seed(
        self, province: DemoLoadResult
    ) -> None:
        call_command(
            "load_demo", "--documents", "30", "--seed", "7", "--no-progress", stdout=StringIO()
        )
        event = AuditEvent.objects.get(action="demo.documents_generated")
        assert event.data["count"] == 30 and event.data["seed"] == 7

    def test_a_second_run_with_the_same_seed_adds_new_documents(
        self, province: DemoLoadResult
    ) -> None:
        fields = ("owner_agency_id", "issued_date", "subject")
        call_command("load_demo", "--documents", "60", "--no-progress", stdout=StringIO())
        first = set(Document.objects.values_list(*fields))
        call_command("load_demo", "--documents", "60", "--no-progress", stdout=StringIO())
        second = set(Document.objects.values_list(*fields)) - first
        assert len(second) > 40

    def test_rejects_a_negative_count(self, province: DemoLoadResult) -> None:
        with pytest.raises(CommandError):
            call_command("load_demo", "--documents", "-1", stdout=StringIO())
        with pytest.raises(InvalidInputError):
            demo_documents_generate(count=0, seed=1)
        assert not AuditEvent.objects.filter(action="demo.documents_generated").exists()


class TestGenerator:
    def test_same_seed_same_documents(self, province: DemoLoadResult) -> None:
        first = _generator(province.contexts, count=200, seed=11).drafts(0, 200)
        again = _generator(province.contexts, count=200, seed=11).drafts(0, 200)
        other = _generator(province.contexts, count=200, seed=12).drafts(0, 200)
        assert [d.fields for d in first] == [d.fields for d in again]
        assert [d.fields for d in first] != [d.fields for d in other]

    def test_dates_are_in_order_over_the_working_days(self, province: DemoLoadResult) -> None:
        drafts = _generator(province.contexts, count=300, seed=3).drafts(0, 300)
        days = [draft.issued_date for draft in drafts]
        assert days == sorted(days)
        assert days[0] == date(2020, 1, 2)
        assert set(days) <= set(working_days(date(2020, 1, 2), timezone.localdate()))

    def test_classified_levels_only_when_allowed(self, province: DemoLoadResult) -> None:
        count = 6000
        with override_settings(VANTHU_ALLOW_CLASSIFIED=False):
            closed = _generator(province.contexts, count=count, seed=5).drafts(0, count)
        with override_settings(VANTHU_ALLOW_CLASSIFIED=True):
            open_ = _generator(province.contexts, count=count, seed=5).drafts(0, count)
        assert max(d.fields["confidentiality"] for d in closed) == Confidentiality.CONFIDENTIAL
        assert max(d.fields["confidentiality"] for d in open_) >= Confidentiality.SECRET
        secret = [d for d in closed if d.fields["confidentiality"]]
        assert secret and all(
            d.book_id
            == next(
                c.secret_book_id
                for c in province.contexts
                if c.agency_id == d.fields["owner_agency_id"]
            )
            for d in secret
        )
