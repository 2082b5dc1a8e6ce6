"""The port through which issued documents reach other agencies of the installation.

Outgoing does not know the incoming side (incoming ⟂ outgoing, design.md §3): the exchange app,
above both, registers an ``AgencyChannel`` in its ``AppConfig.ready()``. Without one, deliveries
to agencies stay pending and say so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from vanthu.accounts.models import User
    from vanthu.outgoing.models import Distribution, OutgoingRecord


@dataclass(frozen=True, slots=True, kw_only=True)
class ReceiverState:
    """Where a delivery stands at the receiving agency (receipt and handling)."""

    status: str
    label: str
    arrival_number: int | None = None
    handling: str = ""
    note: str = ""
    handled: bool = False


class AgencyChannel(Protocol):
    """Sends to, withdraws from and reads back the receiving agencies."""

    def send(
        self, *, actor: User, record: OutgoingRecord, distributions: Sequence[Distribution]
    ) -> None:
        """Deliver ``record`` to the agencies of ``distributions`` (and update their status)."""

    def withdraw(self, *, actor: User, record: OutgoingRecord, reason: str) -> None:
        """Withdraw ``record`` from every receiving agency, leaving a trail."""

    def states(self, *, record: OutgoingRecord) -> dict[int, ReceiverState]:
        """Return the receiver's state per distribution id."""


_channels: list[AgencyChannel] = []


def register_agency_channel(channel: AgencyChannel) -> None:
    """Install the channel to other agencies (the last registered one is used)."""
    if channel not in _channels:
        _channels.append(channel)


def unregister_agency_channel(channel: AgencyChannel) -> None:
    if channel in _channels:
        _channels.remove(channel)


def agency_channel() -> AgencyChannel | None:
    """Return the installed channel, or None when no app provides one."""
    return _channels[-1] if _channels else None
