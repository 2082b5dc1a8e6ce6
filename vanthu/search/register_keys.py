"""Permission keys of an agency's register (incoming or outgoing), shared by their sources.

A record carries the key of its agency's whole register plus the keys of the people and units
it reaches; a user holds the whole-register key (clerks, leaders), or their own key and, for a
unit head, their unit's. The backends match the two inside the query.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from django.db.models import Model

from vanthu.search.documents import keyset_ids

if TYPE_CHECKING:
    from vanthu.accounts.models import User

RecordT = TypeVar("RecordT", bound=Model)


@dataclass(frozen=True)
class RegisterKeys:
    """The key names of a register: prefix ``in`` gives ``in:7``, ``in:7:u:12``, ``in:7:unit:3``."""

    prefix: str

    def whole(self, agency_id: int) -> str:
        return f"{self.prefix}:{agency_id}"

    def user(self, agency_id: int, user_id: int) -> str:
        return f"{self.prefix}:{agency_id}:u:{user_id}"

    def unit(self, agency_id: int, unit_id: int) -> str:
        return f"{self.prefix}:{agency_id}:unit:{unit_id}"

    def held_by(self, actor: User, *, sees_whole: bool, heads_unit: bool) -> list[str]:
        """Return the keys ``actor`` holds, given what the register's own rules grant them."""
        if not actor.is_active or actor.agency_id is None:
            return []
        if sees_whole:
            return [self.whole(actor.agency_id)]
        keys = [self.user(actor.agency_id, actor.pk)]
        if heads_unit and actor.unit_id is not None:
            keys.append(self.unit(actor.agency_id, actor.unit_id))
        return keys


class RecordIds(Generic[RecordT]):
    """The id lookups every register source shares (records of documents, all ids in batches)."""

    model: type[RecordT]

    def ids_of_documents(self, document_ids: Sequence[int]) -> list[int]:
        records: Any = self.model._default_manager.filter(document_id__in=list(document_ids))
        return list(records.values_list("pk", flat=True))

    def all_ids(self, *, batch: int) -> Iterator[list[int]]:
        return keyset_ids(self.model._default_manager.all(), batch=batch)
