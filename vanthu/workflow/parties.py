"""A party a document is given to: one person or one unit of the agency."""

from __future__ import annotations

from dataclasses import dataclass

from vanthu.accounts.models import OrgUnit, User


@dataclass(frozen=True, slots=True)
class Party:
    """A person or a unit (exactly one of the two)."""

    user: User | None = None
    unit: OrgUnit | None = None

    def __post_init__(self) -> None:
        if (self.user is None) == (self.unit is None):
            msg = "A party is exactly one user or one unit"
            raise ValueError(msg)

    def _unit(self) -> OrgUnit:
        if self.unit is None:
            msg = "A party without a user has a unit"
            raise ValueError(msg)
        return self.unit

    @property
    def key(self) -> tuple[str, int]:
        """Return ``("user", pk)`` or ``("unit", pk)``: equal for the same party."""
        if self.user is not None:
            return ("user", self.user.pk)
        return ("unit", self._unit().pk)

    @property
    def agency_id(self) -> int | None:
        """Return the agency the party belongs to."""
        if self.user is not None:
            return self.user.agency_id
        return self._unit().agency_id

    def is_inside(self, unit_id: int | None) -> bool:
        """Return whether the party is the unit ``unit_id`` or a member of it."""
        if unit_id is None:
            return False
        if self.user is not None:
            return self.user.unit_id == unit_id
        return self._unit().pk == unit_id

    def label(self) -> str:
        """Return the party's display name."""
        return str(self.user if self.user is not None else self.unit)
