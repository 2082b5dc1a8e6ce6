"""record(): what one event holds and how events chain."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.db import transaction

from vanthu.audit.chain import GENESIS_HASH, compute_hash
from vanthu.audit.errors import AuditAddressInvalidError, AuditTargetUnsavedError
from vanthu.audit.models import AuditChainHead, AuditEvent
from vanthu.audit.services import record
from vanthu.audit.tests.factories import make_user
from vanthu.audit.verify import verify_chain

pytestmark = pytest.mark.django_db


class TestRecord:
    def test_event_holds_actor_target_and_agency(self) -> None:
        actor = make_user(full_name="Trần Thị Đào")
        target = make_user()

        event = record(action="accounts.update", actor=actor, target=target, data={"a": 1})

        stored = AuditEvent.objects.get(pk=event.pk)
        assert stored.actor_id == actor.pk
        assert stored.actor_label == "Trần Thị Đào"
        assert stored.agency_id == actor.agency_id
        assert stored.target_type == "accounts.user"
        assert stored.target_id == str(target.pk)
        assert stored.target_label == str(target)
        assert stored.data == {"a": 1}
        assert stored.hash == compute_hash(stored)

    def test_events_chain_from_genesis_and_move_the_head(self) -> None:
        first = record(action="test.one", actor=None)
        second = record(action="test.two", actor=None)

        assert first.prev_hash == GENESIS_HASH
        assert second.prev_hash == first.hash
        assert AuditChainHead.objects.get().last_hash == second.hash

    def test_explicit_agency_wins_over_the_actor_agency(self) -> None:
        actor = make_user()

        event = record(action="test.agency", actor=actor, agency_id=987)

        assert event.agency_id == 987

    def test_rolled_back_transaction_leaves_no_event_and_keeps_the_head(self) -> None:
        kept = record(action="test.kept", actor=None)

        with pytest.raises(RuntimeError), transaction.atomic():
            record(action="test.lost", actor=None)
            raise RuntimeError

        assert list(AuditEvent.objects.values_list("action", flat=True)) == ["test.kept"]
        assert AuditChainHead.objects.get().last_hash == kept.hash
        assert record(action="test.next", actor=None).prev_hash == kept.hash

    def test_data_with_dates_and_decimals_is_stored_as_json(self) -> None:
        data: dict[Any, Any] = {"ngày": dt.date(2026, 1, 5), "số tiền": Decimal("12.50"), 7: None}

        event = record(action="test.types", actor=None, data=data)

        stored = AuditEvent.objects.get(pk=event.pk)
        assert stored.data == {"ngày": "2026-01-05", "số tiền": "12.50", "7": None}
        assert verify_chain().ok

    def test_unsaved_target_is_refused(self) -> None:
        with pytest.raises(AuditTargetUnsavedError):
            record(action="test.unsaved", actor=None, target=AuditChainHead(last_hash="x"))
        assert not AuditEvent.objects.exists()

    def test_invalid_address_is_refused(self) -> None:
        with pytest.raises(AuditAddressInvalidError):
            record(action="test.ip", actor=None, ip_address="10.0.0.999")

    @pytest.mark.parametrize(
        ("given", "stored"),
        [
            ("192.168.1.10", "192.168.1.10"),
            ("::ffff:10.1.2.3", "10.1.2.3"),
            ("2001:DB8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
            ("::1.2.3.4", "::102:304"),
            ("", None),
        ],
    )
    def test_addresses_are_stored_canonically_and_verify(
        self, given: str, stored: str | None
    ) -> None:
        event = record(action="test.ip", actor=None, ip_address=given)

        assert event.ip_address == stored
        assert verify_chain().ok

    def test_labels_keep_within_column_sizes(self) -> None:
        actor = make_user(full_name="Đ" * 150, username="u" * 150)

        event = record(action="test.long", actor=actor)

        assert AuditEvent.objects.get(pk=event.pk).actor_label == "Đ" * 150
        assert verify_chain().ok
