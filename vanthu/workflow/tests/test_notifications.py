"""Notifications: created for assignees, once a day, only ever seen by their recipient."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from django.test import Client
from django.urls import reverse

from vanthu.accounts.enums import Role
from vanthu.accounts.tests.factories import TEST_PASSWORD, make_user
from vanthu.audit.models import AuditEvent
from vanthu.core.errors import NotFoundError
from vanthu.workflow.enums import AssignmentRole
from vanthu.workflow.links import register_document_link, unregister_document_link
from vanthu.workflow.notification_models import Notification, NotificationKind
from vanthu.workflow.notification_selectors import notifications_for, notifications_unread_for
from vanthu.workflow.notifications import (
    NotificationDraft,
    notification_create,
    notification_mark_read,
    notifications_mark_all_read,
    notify_assignment,
    notify_assignments,
)
from vanthu.workflow.tests.conftest import Setting
from vanthu.workflow.tests.remind_helpers import assign, make_document

pytestmark = pytest.mark.django_db
DUE = dt.date(2026, 1, 9)


def _login(client: Client, username: str) -> None:
    assert client.login(username=username, password=TEST_PASSWORD)


class TestNotifyAssignment:
    def test_the_assigned_person_is_told_with_code_subject_due_date_and_instruction(
        self, setting: Setting
    ) -> None:
        row = assign(
            setting.document,
            by=setting.leader,
            user=setting.member_a,
            due=DUE,
            instruction="Tham mưu trả lời",
        )
        created = notify_assignment(row)
        assert [n.recipient_id for n in created] == [setting.member_a.pk]
        notification = created[0]
        assert notification.kind == NotificationKind.ASSIGNED
        assert notification.title == "Bạn được giao chủ trì xử lý văn bản 26/KH-SNV"
        assert "Kiểm tra công tác văn thư, lưu trữ năm 2020" in notification.body
        assert "Hạn giải quyết: 09/01/2026" in notification.body
        assert "Ý kiến chỉ đạo: Tham mưu trả lời" in notification.body
        assert notification.target_type == "document"
        assert notification.target_id == setting.document.pk
        assert AuditEvent.objects.filter(action="workflow.assignment_notified").count() == 1

    def test_the_same_assignment_twice_the_same_day_notifies_once(self, setting: Setting) -> None:
        row = assign(setting.document, by=setting.leader, user=setting.member_a, due=DUE)
        assert len(notify_assignment(row)) == 1
        again = assign(
            setting.document,
            by=setting.leader,
            user=setting.member_a,
            due=DUE,
            role=AssignmentRole.SUPPORT,
        )
        assert notify_assignment(again) == []
        assert Notification.objects.filter(recipient=setting.member_a).count() == 1

    def test_a_unit_is_told_through_its_heads_only(self, setting: Setting) -> None:
        head = make_user(agency=setting.agency, unit=setting.unit_b, roles=[Role.UNIT_HEAD])
        row = assign(
            setting.document,
            by=setting.leader,
            unit=setting.unit_b,
            due=DUE,
            role=AssignmentRole.SUPPORT,
        )
        created = notify_assignment(row)
        assert [n.recipient_id for n in created] == [head.pk]
        assert created[0].title == (
            f"Đơn vị {setting.unit_b.name} được giao phối hợp xử lý văn bản 26/KH-SNV"
        )

    def test_a_unit_without_a_head_is_told_through_its_members(self, setting: Setting) -> None:
        row = assign(setting.document, by=setting.leader, unit=setting.unit_b, due=None)
        created = notify_assignment(row)
        assert [n.recipient_id for n in created] == [setting.member_b.pk]

    def test_inactive_people_are_not_told(self, setting: Setting) -> None:
        setting.member_a.is_active = False
        setting.member_a.save(update_fields=["is_active"])
        row = assign(setting.document, by=setting.leader, user=setting.member_a, due=DUE)
        assert notify_assignment(row) == []

    def test_a_set_of_assignments_is_one_audit_event(self, setting: Setting) -> None:
        rows = [
            assign(setting.document, by=setting.leader, user=setting.member_a, due=DUE),
            assign(
                setting.document,
                by=setting.leader,
                user=setting.member_b,
                due=None,
                role=AssignmentRole.INFORM,
            ),
        ]
        created = notify_assignments(rows)
        assert {n.recipient_id for n in created} == {setting.member_a.pk, setting.member_b.pk}
        inform = next(n for n in created if n.recipient_id == setting.member_b.pk)
        assert inform.title == "Văn bản 26/KH-SNV gửi bạn để biết"
        assert AuditEvent.objects.filter(action="workflow.assignment_notified").count() == 1

    def test_a_confidential_subject_is_hidden_from_an_uncleared_recipient(
        self, setting: Setting
    ) -> None:
        secret = make_document(setting.agency, subject="Phương án bảo vệ", confidentiality=1)
        row = assign(secret, by=setting.leader, user=setting.member_a, due=DUE)
        (notification,) = notify_assignment(row)
        assert "Phương án bảo vệ" not in notification.body
        assert "Văn bản mật" in notification.body

    def test_the_link_comes_from_the_registered_builder(self, setting: Setting) -> None:
        def builder(document_id: int, agency_id: int) -> str:
            return f"/van-ban-den/{agency_id}-{document_id}/"

        register_document_link(builder)
        try:
            row = assign(setting.document, by=setting.leader, user=setting.member_a, due=DUE)
            (notification,) = notify_assignment(row)
        finally:
            unregister_document_link(builder)
        assert notification.link == f"/van-ban-den/{setting.agency.pk}-{setting.document.pk}/"


class TestNotificationCreate:
    def test_dedupe_per_recipient_target_kind_and_day(self, setting: Setting) -> None:
        draft = NotificationDraft(
            recipient=setting.member_a,
            agency_id=setting.agency.pk,
            kind=NotificationKind.OVERDUE,
            title="Quá hạn",
            target_id=setting.document.pk,
        )
        day = dt.date(2026, 1, 5)
        assert notification_create(actor=None, draft=draft, day=day) is not None
        assert notification_create(actor=None, draft=draft, day=day) is None
        assert notification_create(actor=None, draft=draft, day=day + dt.timedelta(1))
        other_kind = replace(draft, kind=NotificationKind.DUE_SOON, title="Sắp đến hạn")
        assert notification_create(actor=None, draft=other_kind, day=day) is not None
        other_user = replace(draft, recipient=setting.member_b)
        assert notification_create(actor=None, draft=other_user, day=day) is not None
        assert Notification.objects.count() == 4
        assert AuditEvent.objects.filter(action="workflow.notification_created").count() == 4


class TestReadAndScope:
    def _two(self, setting: Setting) -> tuple[Notification, Notification]:
        row_a = assign(setting.document, by=setting.leader, user=setting.member_a, due=DUE)
        row_b = assign(
            setting.document,
            by=setting.leader,
            user=setting.member_b,
            due=DUE,
            role=AssignmentRole.SUPPORT,
        )
        (mine,) = notify_assignment(row_a)
        (theirs,) = notify_assignment(row_b)
        return mine, theirs

    def test_nobody_sees_another_users_notifications(self, setting: Setting) -> None:
        mine, theirs = self._two(setting)
        assert list(notifications_for(actor=setting.member_a)) == [mine]
        assert list(notifications_unread_for(actor=setting.member_b)) == [theirs]
        assert list(notifications_for(actor=setting.leader)) == []

    def test_marking_another_users_notification_is_not_found(self, setting: Setting) -> None:
        _, theirs = self._two(setting)
        with pytest.raises(NotFoundError):
            notification_mark_read(actor=setting.member_a, notification_id=theirs.pk)
        theirs.refresh_from_db()
        assert theirs.read_at is None

    def test_mark_read_and_mark_all_read(self, setting: Setting) -> None:
        mine, theirs = self._two(setting)
        read = notification_mark_read(actor=setting.member_a, notification_id=mine.pk)
        assert read.read_at is not None
        assert list(notifications_unread_for(actor=setting.member_a)) == []
        assert notifications_mark_all_read(actor=setting.member_a) == 0
        assert notifications_mark_all_read(actor=setting.member_b) == 1
        theirs.refresh_from_db()
        assert theirs.read_at is not None
        assert AuditEvent.objects.filter(action="workflow.notification_read").count() == 1
        assert AuditEvent.objects.filter(action="workflow.notifications_read_all").count() == 1

    def test_an_inactive_user_has_no_notifications(self, setting: Setting) -> None:
        self._two(setting)
        setting.member_a.is_active = False
        assert list(notifications_for(actor=setting.member_a)) == []


class TestNotificationPages:
    def test_page_lists_only_my_notifications(self, setting: Setting, client: Client) -> None:
        mine = notify_assignment(
            assign(setting.document, by=setting.leader, user=setting.member_a, due=DUE)
        )
        other = make_document(setting.agency, subject="Công văn của người khác")
        notify_assignment(assign(other, by=setting.leader, user=setting.member_b, due=DUE))
        _login(client, setting.member_a.username)
        response = client.get(reverse("workflow:notifications"))
        assert response.status_code == 200
        content = response.content.decode()
        assert mine[0].title in content
        assert "1 thông báo chưa đọc" in content
        assert other.code_number not in content

    def test_dropdown_partial_counts_unread(self, setting: Setting, client: Client) -> None:
        notify_assignment(
            assign(setting.document, by=setting.leader, user=setting.member_a, due=DUE)
        )
        _login(client, setting.member_a.username)
        response = client.get(reverse("workflow:notifications_dropdown"), HTTP_HX_REQUEST="true")
        assert response.status_code == 200
        assert response.templates[0].name == "workflow/_notifications_dropdown.html"
        assert '<span class="badge"' in response.content.decode()
        response = client.post(reverse("workflow:notifications_read_all"), HTTP_HX_REQUEST="true")
        assert "Không có thông báo mới." in response.content.decode()

    def test_opening_goes_to_the_link_and_marks_read(
        self, setting: Setting, client: Client
    ) -> None:
        (notification,) = notify_assignment(
            assign(setting.document, by=setting.leader, user=setting.member_a, due=DUE)
        )
        Notification.objects.filter(pk=notification.pk).update(link="/van-ban-den/1/")
        _login(client, setting.member_a.username)
        response = client.post(reverse("workflow:notification_open", args=[notification.pk]))
        assert response.status_code == 302
        assert response["Location"] == "/van-ban-den/1/"
        notification.refresh_from_db()
        assert notification.read_at is not None

    def test_an_outside_link_is_not_followed(self, setting: Setting, client: Client) -> None:
        (notification,) = notify_assignment(
            assign(setting.document, by=setting.leader, user=setting.member_a, due=DUE)
        )
        Notification.objects.filter(pk=notification.pk).update(link="https://evil.example/")
        _login(client, setting.member_a.username)
        response = client.post(reverse("workflow:notification_open", args=[notification.pk]))
        assert response["Location"] == reverse("workflow:notifications")

    def test_opening_someone_elses_is_404(self, setting: Setting, client: Client) -> None:
        (notification,) = notify_assignment(
            assign(setting.document, by=setting.leader, user=setting.member_b, due=DUE)
        )
        _login(client, setting.member_a.username)
        response = client.post(reverse("workflow:notification_open", args=[notification.pk]))
        assert response.status_code == 404
        notification.refresh_from_db()
        assert notification.read_at is None

    def test_anonymous_is_sent_to_login(self, client: Client) -> None:
        response = client.get(reverse("workflow:notifications"))
        assert response.status_code == 302
        assert "/dang-nhap/" in response["Location"]
