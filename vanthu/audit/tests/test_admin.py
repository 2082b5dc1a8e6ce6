"""The read-only admin page over the audit trail."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from vanthu.audit.models import AuditEvent
from vanthu.audit.services import record
from vanthu.audit.tests.factories import make_user

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:audit_auditevent_changelist")


@pytest.fixture
def admin_client_vi(client: Client) -> Client:
    client.force_login(make_user(is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def sample() -> dict[str, AuditEvent]:
    actor = make_user(full_name="Lê Văn Bảo")
    target = make_user(full_name="Phạm Thị Cúc")
    return {
        "update": record(action="accounts.update", actor=actor, target=target),
        "note": record(action="documents.note", actor=None, data={"x": 1}),
    }


def listed_ids(response: object) -> set[int]:
    return {event.pk for event in response.context["cl"].result_list}  # type: ignore[attr-defined]


class TestBrowse:
    def test_superuser_sees_the_list_with_vietnamese_columns(
        self, admin_client_vi: Client, sample: dict[str, AuditEvent]
    ) -> None:
        response = admin_client_vi.get(CHANGELIST)

        assert response.status_code == 200
        assert {sample["update"].pk, sample["note"].pk} <= listed_ids(response)
        content = response.content.decode()
        for heading in ("Số", "Thời điểm", "Hành động", "Người thực hiện (tên)", "Đối tượng"):
            assert heading in content

    def test_filter_by_action(self, admin_client_vi: Client, sample: dict[str, AuditEvent]) -> None:
        response = admin_client_vi.get(CHANGELIST, {"action": "documents.note"})

        assert listed_ids(response) == {sample["note"].pk}

    def test_search_by_actor_label(
        self, admin_client_vi: Client, sample: dict[str, AuditEvent]
    ) -> None:
        response = admin_client_vi.get(CHANGELIST, {"q": "Lê Văn Bảo"})

        assert listed_ids(response) == {sample["update"].pk}

    def test_search_by_target_label(
        self, admin_client_vi: Client, sample: dict[str, AuditEvent]
    ) -> None:
        response = admin_client_vi.get(CHANGELIST, {"q": "Phạm Thị Cúc"})

        assert listed_ids(response) == {sample["update"].pk}

    def test_browse_by_date(self, admin_client_vi: Client, sample: dict[str, AuditEvent]) -> None:
        today = timezone.localdate()
        response = admin_client_vi.get(
            CHANGELIST,
            {
                "occurred_at__year": today.year,
                "occurred_at__month": today.month,
                "occurred_at__day": today.day,
            },
        )
        assert {sample["update"].pk, sample["note"].pk} <= listed_ids(response)

        response = admin_client_vi.get(CHANGELIST, {"occurred_at__year": today.year - 3})
        assert listed_ids(response) == set()

    def test_detail_page_is_read_only(
        self, admin_client_vi: Client, sample: dict[str, AuditEvent]
    ) -> None:
        url = reverse("admin:audit_auditevent_change", args=[sample["update"].pk])

        response = admin_client_vi.get(url)

        assert response.status_code == 200
        assert b'name="action"' not in response.content
        assert sample["update"].hash.encode() in response.content


class TestRefused:
    def test_add_is_refused(self, admin_client_vi: Client) -> None:
        response = admin_client_vi.get(reverse("admin:audit_auditevent_add"))

        assert response.status_code == 403

    def test_change_is_refused(
        self, admin_client_vi: Client, sample: dict[str, AuditEvent]
    ) -> None:
        event = sample["update"]
        url = reverse("admin:audit_auditevent_change", args=[event.pk])

        response = admin_client_vi.post(url, {"action": "forged"})

        assert response.status_code == 403
        assert AuditEvent.objects.get(pk=event.pk).action == "accounts.update"

    def test_delete_is_refused(
        self, admin_client_vi: Client, sample: dict[str, AuditEvent]
    ) -> None:
        event = sample["update"]
        url = reverse("admin:audit_auditevent_delete", args=[event.pk])

        response = admin_client_vi.post(url, {"post": "yes"})

        assert response.status_code == 403
        assert AuditEvent.objects.filter(pk=event.pk).exists()

    def test_bulk_delete_action_is_not_offered(
        self, admin_client_vi: Client, sample: dict[str, AuditEvent]
    ) -> None:
        response = admin_client_vi.post(
            CHANGELIST,
            {"action": "delete_selected", "_selected_action": [sample["note"].pk]},
        )

        assert AuditEvent.objects.filter(pk=sample["note"].pk).exists()
        assert response.status_code in {200, 302}

    def test_staff_without_permission_cannot_browse(self, client: Client) -> None:
        client.force_login(make_user(is_staff=True))

        assert client.get(CHANGELIST).status_code == 403
