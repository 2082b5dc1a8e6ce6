"""The exchange app's implementation of the outgoing app's ``AgencyChannel`` port."""

from __future__ import annotations

from collections.abc import Sequence

from vanthu.accounts.models import User
from vanthu.exchange.services import exchange_send, exchange_states, exchange_withdraw
from vanthu.outgoing.channels import ReceiverState
from vanthu.outgoing.models import Distribution, OutgoingRecord


class ExchangeChannel:
    """Delivers to other agencies of the installation through their incoming queues."""

    def send(
        self, *, actor: User, record: OutgoingRecord, distributions: Sequence[Distribution]
    ) -> None:
        exchange_send(actor=actor, record_row=record, distributions=distributions)

    def withdraw(self, *, actor: User, record: OutgoingRecord, reason: str) -> None:
        exchange_withdraw(actor=actor, record_row=record, reason=reason)

    def states(self, *, record: OutgoingRecord) -> dict[int, ReceiverState]:
        return exchange_states(record_row=record)


CHANNEL = ExchangeChannel()
