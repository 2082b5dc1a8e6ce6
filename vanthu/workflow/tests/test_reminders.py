"""The daily digest: what is due within 2 working days or overdue, once per user and day."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.core.management import CommandError, call_command
from django.test import override_settings

from vanthu.accounts.enums import CalendarDayKind, Role
from vanthu.accounts.models import CalendarDay
from vanthu.accounts.tests.factories import make_agency, make_unit, make_user
from vanthu.audit.models import AuditEvent
from vanthu.workflow.enums import AssignmentRole, AssignmentStatus
from vanthu.workflow.notification_models import DigestLog, Notification, NotificationKind
from vanthu.workflow.reminder_delivery import reminders_send
from vanthu.workflow.reminders import agency_digests, digests_for_day
from vanthu.workflow.tasks import send_daily_reminders
from vanthu.workflow.tests.conftest import Setting
from vanthu.workflow.tests.remind_helpers import assign, make_document

pytestmark = pytest.mark.django_db

MONDAY = dt.date(2026, 1, 5)
THURSDAY = dt.date(2026, 1, 8)
BEFORE_TET = dt.date(2026, 2, 13)  # Friday; 14/02-22/02/2026 are days off (Tết Bính Ngọ)
AFTER_TET = dt.date(2026, 2, 23)


def _with_email(setting: Setting) -> None:
    setting.member_a.email = "chuyenvien.a@snv.kiengiang.gov.vn"
    setting.member_a.save(update_fields=["email"])


def _digest_days(setting: Setting, on: dt.date) -> dict[str, int]:
    (digest,) = agency_digests(setting.agency, on=on)
    return {item.document.code_number: item.days_left for item in digest.items}


class TestWorkingDays:
    def test_two_working_days_reach_over_the_weekend(self, setting: Setting) -> None:
        on_monday = make_document(setting.agency)
        on_tuesday = make_document(setting.agency)
        for document, due in (
            (on_monday, dt.date(2026, 1, 12)),
            (on_tuesday, dt.date(2026, 1, 13)),
        ):
            assign(document, by=setting.leader, user=setting.member_a, due=due)
        assert _digest_days(setting, THURSDAY) == {on_monday.code_number: 2}

    def test_two_working_days_reach_over_tet(self, setting: Setting) -> None:
        within = make_document(setting.agency)
        beyond = make_document(setting.agency)
        assign(within, by=setting.leader, user=setting.member_a, due=dt.date(2026, 2, 24))
        assign(beyond, by=setting.leader, user=setting.member_a, due=dt.date(2026, 2, 25))
        assert _digest_days(setting, BEFORE_TET) == {within.code_number: 2}

    def test_overdue_counts_working_days_only(self, setting: Setting) -> None:
        late = make_document(setting.agency)
        assign(late, by=setting.leader, user=setting.member_a, due=BEFORE_TET)
        (digest,) = agency_digests(setting.agency, on=AFTER_TET)
        (item,) = digest.items
        assert item.overdue
        assert item.days_left == -1

    def test_an_agency_day_off_moves_the_horizon(self, setting: Setting) -> None:
        CalendarDay.objects.create(
            agency=setting.agency, day=dt.date(2026, 1, 9), kind=CalendarDayKind.DAY_OFF
        )
        document = make_document(setting.agency)
        assign(document, by=setting.leader, user=setting.member_a, due=dt.date(2026, 1, 13))
        assert _digest_days(setting, THURSDAY) == {document.code_number: 2}

    def test_no_digest_on_a_day_off(self, setting: Setting) -> None:
        assign(setting.document, by=setting.leader, user=setting.member_a, due=MONDAY)
        assert agency_digests(setting.agency, on=dt.date(2026, 1, 10)) == []
        assert agency_digests(setting.agency, on=dt.date(2026, 2, 17)) == []


class TestDigestContents:
    def test_mail_lists_overdue_and_due_soon_items(self, setting: Setting) -> None:
        _with_email(setting)
        late = make_document(setting.agency, subject="Báo cáo quý IV đã quá hạn")
        soon = make_document(setting.agency, subject="Kế hoạch đào tạo sắp đến hạn")
        assign(late, by=setting.leader, user=setting.member_a, due=dt.date(2026, 1, 2))
        assign(
            soon,
            by=setting.leader,
            user=setting.member_a,
            due=dt.date(2026, 1, 7),
            role=AssignmentRole.SUPPORT,
        )
        summary = reminders_send(on=MONDAY)
        assert (summary.digests, summary.emails, summary.notifications) == (1, 1, 2)
        (message,) = mail.outbox
        assert message.subject == (
            "[VănThư] Văn bản sắp đến hạn và quá hạn — ngày 05 tháng 01 năm 2026"
        )
        assert message.to == ["chuyenvien.a@snv.kiengiang.gov.vn"]
        body = str(message.body)
        assert f"{late.code_number}/SNV-VP: Báo cáo quý IV đã quá hạn" in body
        assert "Hạn giải quyết: 02/01/2026 · quá hạn 1 ngày làm việc" in body
        assert "Hạn giải quyết: 07/01/2026 · còn 2 ngày làm việc" in body
        assert body.index("VĂN BẢN QUÁ HẠN") < body.index("VĂN BẢN SẮP ĐẾN HẠN")
        assert isinstance(message, EmailMultiAlternatives)
        html, media_type = message.alternatives[0]
        assert media_type == "text/html"
        assert "Kế hoạch đào tạo sắp đến hạn" in str(html)
        assert "Phối hợp" in str(html)
        kinds = dict(Notification.objects.values_list("target_id", "kind"))
        assert kinds == {late.pk: NotificationKind.OVERDUE, soon.pk: NotificationKind.DUE_SOON}

    def test_a_confidential_subject_never_goes_by_mail(self, setting: Setting) -> None:
        _with_email(setting)
        setting.member_a.clearance = 1
        setting.member_a.save(update_fields=["clearance"])
        secret = make_document(setting.agency, subject="Phương án tác chiến", confidentiality=1)
        assign(secret, by=setting.leader, user=setting.member_a, due=MONDAY)
        reminders_send(on=MONDAY)
        (message,) = mail.outbox
        assert "Phương án tác chiến" not in str(message.body)
        assert "Văn bản mật" in str(message.body)
        # in the application, a cleared user reads the subject
        assert "Phương án tác chiến" in Notification.objects.get().body

    def test_only_open_lead_and_support_items_of_the_users_agency(self, setting: Setting) -> None:
        _with_email(setting)
        inform = make_document(setting.agency)
        done = make_document(setting.agency)
        undated = make_document(setting.agency)
        assign(
            inform, by=setting.leader, user=setting.member_a, due=MONDAY, role=AssignmentRole.INFORM
        )
        assign(
            done, by=setting.leader, user=setting.member_a, due=MONDAY, status=AssignmentStatus.DONE
        )
        assign(undated, by=setting.leader, user=setting.member_a, due=None)
        other = make_agency()
        other_leader = make_user(agency=other, unit=make_unit(agency=other))
        assign(make_document(other), by=other_leader, user=other_leader, due=MONDAY)
        summary = reminders_send(on=MONDAY)
        assert summary.digests == 1  # the other agency's leader only
        assert mail.outbox == []
        assert not Notification.objects.filter(recipient=setting.member_a).exists()

    def test_a_unit_assignment_reaches_its_head(self, setting: Setting) -> None:
        head = make_user(
            agency=setting.agency,
            unit=setting.unit_b,
            roles=[Role.UNIT_HEAD],
            email="truongphong@snv.kiengiang.gov.vn",
        )
        assign(setting.document, by=setting.leader, unit=setting.unit_b, due=MONDAY)
        reminders_send(on=MONDAY)
        (message,) = mail.outbox
        assert message.to == [head.email]
        assert f"({setting.unit_b.name})" in str(message.body)
        assert "đến hạn hôm nay" in str(message.body)


class TestIdempotency:
    def test_a_second_run_the_same_day_sends_nothing(self, setting: Setting) -> None:
        _with_email(setting)
        assign(setting.document, by=setting.leader, user=setting.member_a, due=MONDAY)
        first = reminders_send(on=MONDAY)
        second = reminders_send(on=MONDAY)
        assert (first.digests, first.emails, first.notifications) == (1, 1, 1)
        assert (second.digests, second.emails, second.notifications) == (0, 0, 0)
        assert second.already_done == 1
        assert len(mail.outbox) == 1
        assert Notification.objects.count() == 1
        assert DigestLog.objects.get().emailed_at is not None
        assert AuditEvent.objects.filter(action="workflow.digest_made").count() == 1

    def test_the_next_day_is_a_new_digest(self, setting: Setting) -> None:
        _with_email(setting)
        assign(setting.document, by=setting.leader, user=setting.member_a, due=MONDAY)
        reminders_send(on=MONDAY)
        reminders_send(on=MONDAY + dt.timedelta(days=1))
        assert len(mail.outbox) == 2
        assert Notification.objects.count() == 2
        assert mail.outbox[1].subject.endswith("ngày 06 tháng 01 năm 2026")

    def test_a_failed_mail_is_retried_by_the_next_run(self, setting: Setting) -> None:
        _with_email(setting)
        assign(setting.document, by=setting.leader, user=setting.member_a, due=MONDAY)
        failing = "vanthu.workflow.tests.remind_helpers.FailingBackend"
        with override_settings(EMAIL_BACKEND=failing), pytest.raises(OSError, match="SMTP"):
            reminders_send(on=MONDAY)
        assert DigestLog.objects.get().emailed_at is None
        again = reminders_send(on=MONDAY)
        assert (again.already_done, again.emails, again.notifications) == (1, 1, 0)
        assert len(mail.outbox) == 1

    def test_a_user_without_email_gets_notifications_only(self, setting: Setting) -> None:
        assign(setting.document, by=setting.leader, user=setting.member_a, due=MONDAY)
        summary = reminders_send(on=MONDAY)
        assert (summary.digests, summary.emails, summary.notifications) == (1, 0, 1)
        assert mail.outbox == []
        assert Notification.objects.get().recipient == setting.member_a


class TestCommandAndTask:
    def test_command_with_date(self, setting: Setting) -> None:
        _with_email(setting)
        assign(setting.document, by=setting.leader, user=setting.member_a, due=MONDAY)
        out = StringIO()
        call_command("send_reminders", "--date", "2026-01-05", stdout=out)
        assert (
            "Nhắc hạn ngày 05/01/2026: 1 bản tin mới, 1 thông báo, 1 thư điện tử" in out.getvalue()
        )
        call_command("send_reminders", "--date", "2026-01-05", stdout=out)
        assert "1 bản tin đã gửi trước đó" in out.getvalue()
        assert len(mail.outbox) == 1

    def test_command_refuses_a_bad_date(self) -> None:
        with pytest.raises(CommandError, match="Ngày không hợp lệ"):
            call_command("send_reminders", "--date", "05/01/2026")

    def test_enqueue_runs_the_task(self, setting: Setting) -> None:
        _with_email(setting)
        assign(setting.document, by=setting.leader, user=setting.member_a, due=MONDAY)
        out = StringIO()
        call_command("send_reminders", "--date", "2026-01-05", "--enqueue", stdout=out)
        assert "Đã đưa tác vụ nhắc hạn vào hàng đợi" in out.getvalue()
        assert len(mail.outbox) == 1  # the test settings run tasks immediately

    def test_task_returns_the_figures(self, setting: Setting) -> None:
        assign(setting.document, by=setting.leader, user=setting.member_a, due=MONDAY)
        result = send_daily_reminders.enqueue("2026-01-05")
        assert result.return_value == {
            "day": "2026-01-05",
            "digests": 1,
            "notifications": 1,
            "emails": 0,
            "already_done": 0,
        }
        assert digests_for_day(MONDAY)[0].user == setting.member_a
