"""The demo's outgoing side: what Sở Nội vụ's people, and the receivers, find after load_demo."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable

import pytest
from django.db.models import QuerySet
from django.utils import timezone

from vanthu.accounts.models import User
from vanthu.demo.clock import demo_clock
from vanthu.demo.outgoing_now import StepRun, load_outgoing
from vanthu.demo.services import DemoLoadResult
from vanthu.demo.tests.conftest import FirstLoad
from vanthu.documents.enums import RegisterKind
from vanthu.documents.models import NumberAllocation
from vanthu.documents.numbering import today_in_vietnam
from vanthu.incoming.enums import Channel, DeliveryStatus
from vanthu.incoming.models import IncomingDelivery, IncomingRecord
from vanthu.incoming.selectors import deliveries_pending_for
from vanthu.outgoing.enums import (
    CopyForm,
    DistributionKind,
    DistributionStatus,
    DraftStatus,
    RecordStatus,
    ReviewDecision,
)
from vanthu.outgoing.models import CopyRecord, DraftReview, OutgoingDraft, OutgoingRecord
from vanthu.outgoing.selectors import records_visible_to
from vanthu.outgoing.ui_selectors import (
    drafts_mine,
    drafts_to_check,
    drafts_to_issue,
    drafts_to_review,
    drafts_to_sign,
)

pytestmark = pytest.mark.django_db

D = DraftStatus


def _user(username: str) -> User:
    return User.objects.get(username=username)


def _record(subject_start: str) -> OutgoingRecord:
    return OutgoingRecord.objects.select_related("document").get(
        document__subject__startswith=subject_start
    )


def _subjects(drafts: QuerySet[OutgoingDraft]) -> list[str]:
    return [draft.subject for draft in drafts]


class TestSoNoiVuDesks:
    def test_one_draft_at_every_stage_and_seven_issued(self, province: DemoLoadResult) -> None:
        clerk = _user("snv.vanthu")
        drafts = OutgoingDraft.objects.filter(agency=clerk.agency)
        counts = {status: drafts.filter(status=status).count() for status in D}
        assert counts == {
            D.DRAFT: 1,
            D.IN_REVIEW: 1,
            D.RETURNED: 1,
            D.REVIEWED: 0,
            D.FORMAT_CHECKED: 1,
            D.APPROVED: 1,
            D.ISSUED: 7,
            D.CANCELLED: 0,
        }

    def test_each_role_finds_its_queue(self, province: DemoLoadResult) -> None:
        queues: dict[str, Callable[[User], QuerySet[OutgoingDraft]]] = {
            "snv.tcbc": drafts_to_review,
            "snv.vanthu": drafts_to_issue,
            "snv.lanhdao": drafts_to_sign,
            "snv.phogiamdoc": drafts_to_sign,
        }
        found = {name: _subjects(queue(_user(name))) for name, queue in queues.items()}
        assert found["snv.tcbc"] == ["Chỉnh lý tài liệu tồn đọng tại Lưu trữ cơ quan Sở Nội vụ"]
        assert found["snv.vanthu"][0].startswith("Đăng ký nhu cầu bồi dưỡng nghiệp vụ")
        assert found["snv.lanhdao"] == found["snv.phogiamdoc"]
        assert found["snv.lanhdao"][0].startswith("Tình hình lập hồ sơ công việc")
        assert list(drafts_to_check(_user("snv.vanthu"))) == []
        assert list(drafts_to_check(_user("hondat.ubnd.vanthu"))) != []

    def test_the_specialist_sees_his_own_drafts_and_the_returned_comment(
        self, province: DemoLoadResult
    ) -> None:
        specialist = _user("snv.chuyenvien")
        mine = drafts_mine(specialist)
        assert mine.count() == 12
        returned = mine.get(status=D.RETURNED)
        review = DraftReview.objects.get(draft=returned)
        assert review.decision == ReviewDecision.RETURN
        assert review.reviewer.username == "snv.tcbc"
        assert "Nghị định số 30/2020/NĐ-CP" in review.comment
        assert not drafts_mine(_user("snv.luutru")).exists()

    def test_issued_documents_carry_type_notation_and_current_year(
        self, province: DemoLoadResult
    ) -> None:
        clerk = _user("snv.vanthu")
        records = records_visible_to(clerk).select_related("document__document_type")
        notations = {record.document.code_notation for record in records}
        assert notations == {"SNV-TCBC", "KH-SNV", "QĐ-SNV", "TB-SNV", "BC-SNV"}
        year = today_in_vietnam().year
        for record in records:
            assert record.year == record.issued_date.year
            assert record.issued_date.year in {year, year - 1}
            assert record.issued_date < today_in_vietnam()
            assert record.pdf_blob_id is not None
            assert record.document.code_number == f"{record.number:02d}"
        assert not records_visible_to(_user("ubndtinh.vanthu")).filter(agency=clerk.agency).exists()


class TestNumbering:
    def test_outgoing_numbers_are_gapless_and_in_date_order_per_book(
        self, province: DemoLoadResult
    ) -> None:
        books: dict[tuple[int, int], list[tuple[int, dt.date]]] = defaultdict(list)
        issued_books = set(OutgoingRecord.objects.values_list("register_book_id", "year"))
        assert len(issued_books) >= 3
        rows = NumberAllocation.objects.filter(
            book__kind=RegisterKind.OUTGOING,
            book_id__in={book for book, _year in issued_books},
            year__in={year for _book, year in issued_books},
        ).values_list("book_id", "year", "number", "allocated_on")
        for book, year, number, day in rows:
            books[(book, year)].append((number, day))
        for key in issued_books:
            allocations = sorted(books[key])
            assert [number for number, _day in allocations] == list(range(1, len(allocations) + 1))
            days = [day for _number, day in allocations]
            assert days == sorted(days)
        for record in OutgoingRecord.objects.select_related("allocation"):
            assert record.allocation.number == record.number
            assert record.allocation.allocated_on == record.issued_date


class TestDelivery:
    def test_postal_recipients_are_posted(self, province: DemoLoadResult) -> None:
        notice = _record("Lịch tiếp nhận hồ sơ, tài liệu nộp lưu")
        post = notice.distributions.get(kind=DistributionKind.POST)
        assert post.status == DistributionStatus.SENT
        assert post.sent_at is not None
        assert post.postal_address.startswith("Thư viện tỉnh Kiên Giang")
        agencies = notice.distributions.filter(kind=DistributionKind.AGENCY)
        assert set(agencies.values_list("status", flat=True)) <= {
            DistributionStatus.SENT,
            DistributionStatus.RECEIVED,
        }

    def test_receivers_registered_some_and_still_have_others_waiting(
        self, province: DemoLoadResult
    ) -> None:
        plan = _record("Kiểm tra công tác văn thư, lưu trữ năm")
        deliveries = IncomingDelivery.objects.filter(document=plan.document)
        assert deliveries.filter(status=DeliveryStatus.ACCEPTED).count() == 5
        assert deliveries.filter(status=DeliveryStatus.PENDING).count() == 2
        registered = IncomingRecord.objects.filter(document=plan.document).select_related(
            "agency", "received_by"
        )
        assert "Chi cục Văn thư - Lưu trữ tỉnh Kiên Giang" in {r.agency.name for r in registered}
        for incoming in registered:
            assert incoming.channel == Channel.ELECTRONIC
            assert incoming.arrival_date > plan.issued_date
            assert incoming.received_by.agency_id == incoming.agency_id

    def test_the_archives_branch_queue_holds_the_digitisation_letter(
        self, province: DemoLoadResult
    ) -> None:
        queue = deliveries_pending_for(actor=_user("ccvtlt.vanthu")).select_related("document")
        subjects = [delivery.document.subject for delivery in queue]
        assert any(s.startswith("Triển khai số hóa tài liệu lưu trữ") for s in subjects)
        hondat = deliveries_pending_for(actor=_user("hondat.ubnd.vanthu")).select_related(
            "document"
        )
        assert any(d.document.subject.startswith("Triển khai số hóa") for d in hondat)
        assert (
            not deliveries_pending_for(actor=_user("snv.vanthu"))
            .filter(document__subject__startswith="Triển khai số hóa")
            .exists()
        )


class TestCopyAndRecall:
    def test_the_plan_has_a_true_copy(self, province: DemoLoadResult) -> None:
        plan = _record("Kiểm tra công tác văn thư, lưu trữ năm")
        copy = CopyRecord.objects.get(source=plan.document)
        assert copy.form == CopyForm.TRUE_COPY
        assert copy.number == 1
        assert copy.code_notation == "SY-SNV"
        assert copy.copied_on > plan.issued_date

    def test_the_recalled_letter_is_withdrawn_everywhere(self, province: DemoLoadResult) -> None:
        recalled = OutgoingRecord.objects.get(status=RecordStatus.RECALLED)
        assert recalled.document.subject.startswith("Đôn đốc nộp lưu hồ sơ")
        assert recalled.recall_reason
        assert recalled.recalled_at is not None
        statuses = set(recalled.distributions.values_list("status", flat=True))
        assert statuses == {DistributionStatus.WITHDRAWN}
        waiting = IncomingDelivery.objects.filter(
            document=recalled.document, status=DeliveryStatus.PENDING
        )
        assert not waiting.exists()


class TestLoad:
    def test_prints_the_outgoing_summary(self, first_load: FirstLoad) -> None:
        text = first_load.output
        assert "19 dự thảo văn bản đi" in text
        assert "12 văn bản đi đã phát hành" in text
        assert "Văn bản đi: 12 văn bản đã phát hành (1 đã thu hồi), 7 dự thảo đang xử lý" in text

    def test_a_second_load_adds_no_outgoing_work(self, first_load: FirstLoad) -> None:
        assert first_load.counts["outgoing.OutgoingRecord"] == 12
        assert first_load.counts["outgoing.OutgoingDraft"] == 19
        assert not set(first_load.result.created) & {"outgoing_drafts", "outgoing_records"}
        contexts = list(first_load.result.contexts)
        assert load_outgoing(contexts) == {}
        assert OutgoingDraft.objects.count() == 19


class TestStepRun:
    def test_runs_steps_in_time_order_at_their_moment(self) -> None:
        seen: list[tuple[str, dt.datetime]] = []
        day = dt.date(2026, 3, 2)
        with demo_clock() as clock:
            steps = StepRun(clock)
            steps.at(day, 600, lambda: seen.append(("late", timezone.now())))
            steps.at(day, 480, lambda: seen.append(("early", timezone.now())))
            steps.at(day - dt.timedelta(days=1), 900, lambda: seen.append(("before", clock.now())))
            steps.run()
        assert [name for name, _at in seen] == ["before", "early", "late"]
        assert seen[1][1] == dt.datetime(2026, 3, 2, 1, 0, tzinfo=dt.UTC)  # 08:00 in Vietnam
