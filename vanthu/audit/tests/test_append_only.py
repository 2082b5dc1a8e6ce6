"""Nothing updates or deletes an audit event: not the ORM, not raw SQL."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction

from vanthu.audit.errors import AuditEventImmutableError
from vanthu.audit.guards import missing_triggers
from vanthu.audit.models import AuditEvent
from vanthu.audit.tests.tamper import execute, make_events
from vanthu.audit.verify import BreakCode, verify_chain

REFUSAL = "chỉ được ghi thêm"


@pytest.mark.django_db
class TestOrmRefuses:
    def test_saving_a_stored_event_again_is_refused(self) -> None:
        event = make_events(1)[0]
        event.action = "test.forged"

        with pytest.raises(AuditEventImmutableError) as caught:
            event.save()

        assert caught.value.code == "audit_event_immutable"
        assert AuditEvent.objects.get(pk=event.pk).action == "test.event"

    def test_save_with_update_fields_is_refused(self) -> None:
        event = AuditEvent.objects.get(pk=make_events(1)[0].pk)

        with pytest.raises(AuditEventImmutableError):
            event.save(update_fields=["action"])

    def test_deleting_an_event_is_refused(self) -> None:
        event = make_events(1)[0]

        with pytest.raises(AuditEventImmutableError):
            event.delete()
        assert AuditEvent.objects.filter(pk=event.pk).exists()

    def test_bulk_update_and_delete_are_refused(self) -> None:
        make_events(2)

        with pytest.raises(AuditEventImmutableError):
            AuditEvent.objects.filter(action="test.event").update(action="x")
        with pytest.raises(AuditEventImmutableError):
            AuditEvent.objects.all().delete()
        assert AuditEvent.objects.filter(action="test.event").count() == 2


@pytest.mark.django_db
class TestDatabaseRefuses:
    def test_triggers_are_installed_by_the_migrations(self) -> None:
        assert missing_triggers() == frozenset()

    def test_raw_update_fails(self) -> None:
        event = make_events(2)[0]

        with pytest.raises(IntegrityError, match=REFUSAL), transaction.atomic():
            execute(
                "UPDATE audit_auditevent SET action = %s WHERE id = %s", ["test.forged", event.pk]
            )

        assert AuditEvent.objects.get(pk=event.pk).action == "test.event"

    @pytest.mark.parametrize("position", [1, 2])
    def test_raw_delete_of_a_later_event_fails(self, position: int) -> None:
        events = make_events(3)

        with pytest.raises(IntegrityError, match=REFUSAL), transaction.atomic():
            execute("DELETE FROM audit_auditevent WHERE id = %s", [events[position].pk])

        assert AuditEvent.objects.count() == 3
        assert verify_chain().ok

    def test_raw_delete_of_the_oldest_event_fails_or_breaks_the_chain(self) -> None:
        """PostgreSQL refuses it; SQLite allows it (so that a test flush can empty the table)
        but the chain no longer starts at genesis."""
        events = make_events(3)

        if connection.vendor == "postgresql":
            with pytest.raises(IntegrityError, match=REFUSAL), transaction.atomic():
                execute("DELETE FROM audit_auditevent WHERE id = %s", [events[0].pk])
            assert verify_chain().ok
        else:
            execute("DELETE FROM audit_auditevent WHERE id = %s", [events[0].pk])
            result = verify_chain()
            assert result.code == BreakCode.LINK_BROKEN
            assert result.broken_event_id == events[1].pk


@pytest.mark.django_db(transaction=True)
def test_flush_still_empties_the_table() -> None:
    """Django's flush (used between transactional tests) must get past the triggers."""
    make_events(5)

    call_command("flush", interactive=False, verbosity=0)

    assert not AuditEvent.objects.exists()
    assert missing_triggers() == frozenset()
    assert make_events(1)[0].prev_hash == "0" * 64
