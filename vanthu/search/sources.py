"""What the index holds, and the registry through which higher apps provide it.

Search sits below incoming and outgoing (design.md §3): each of them registers a
``SearchSource`` in its ``AppConfig.ready()``. A source yields ``IndexEntry`` rows for its
records and says which permission keys a user holds; the backends match the two inside the
query, so that a user never sees a result, a count, a facet or a snippet of a record they may
not open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from vanthu.accounts.models import User


@dataclass(frozen=True, slots=True, kw_only=True)
class IndexEntry:
    """One searchable record (an incoming or outgoing registration of a document)."""

    id: str
    kind: str
    code_number: str = ""
    code_notation: str = ""
    subject: str = ""
    issued_date: dt.date | None = None
    organ_name: str = ""
    type_code: str = ""
    status: str = ""
    units: tuple[int, ...] = ()
    year: int = 0
    confidentiality: int = 0
    in_dossier: bool = False
    metadata_text: str = ""
    full_text: str = ""
    permission_keys: tuple[str, ...] = field(default_factory=tuple)

    @property
    def code(self) -> str:
        """Return the số/ký hiệu as written ("26/KH-SNV")."""
        if self.code_number and self.code_notation:
            return f"{self.code_number}/{self.code_notation}"
        return self.code_number or self.code_notation


class SearchSource(Protocol):
    """A kind of record the search covers (``kind`` is the prefix of its entry ids)."""

    kind: str

    def entries(self, ids: Sequence[int]) -> list[IndexEntry]:
        """Return the entries of the records ``ids`` that exist (missing ids are skipped)."""

    def all_ids(self, *, batch: int) -> Iterator[list[int]]:
        """Yield every record id of this kind, in batches, ascending."""

    def keys_for(self, actor: User) -> list[str]:
        """Return the permission keys ``actor`` holds for this kind (empty: sees none)."""

    def ids_of_documents(self, document_ids: Sequence[int]) -> list[int]:
        """Return the ids of this kind's records of the documents ``document_ids``."""


_sources: dict[str, SearchSource] = {}


def register_source(source: SearchSource) -> None:
    """Install ``source`` (one per kind; registering again replaces it)."""
    _sources[source.kind] = source


def unregister_source(kind: str) -> None:
    """Remove the source of ``kind`` (tests that install a stand-in)."""
    _sources.pop(kind, None)


def sources() -> list[SearchSource]:
    """Return the installed sources in a stable order."""
    return [_sources[kind] for kind in sorted(_sources)]


def source_of(kind: str) -> SearchSource | None:
    return _sources.get(kind)


def entry_id(kind: str, pk: int) -> str:
    return f"{kind}:{pk}"


def split_entry_id(value: str) -> tuple[str, int] | None:
    """Return (kind, pk) of an entry id, or None when it is malformed."""
    kind, _, pk = value.partition(":")
    return (kind, int(pk)) if pk.isdigit() else None


def permission_keys_for(actor: User) -> list[str]:
    """Return every permission key ``actor`` holds, over all sources."""
    keys: list[str] = []
    for source in sources():
        keys.extend(source.keys_for(actor))
    return keys


def entries_for(ids: Iterable[str]) -> tuple[list[IndexEntry], list[str]]:
    """Return the entries of ``ids`` that exist, and the ids that no longer do."""
    wanted: dict[str, list[int]] = {}
    malformed: list[str] = []
    for value in ids:
        parsed = split_entry_id(value)
        if parsed is None or parsed[0] not in _sources:
            malformed.append(value)
            continue
        wanted.setdefault(parsed[0], []).append(parsed[1])
    found: list[IndexEntry] = []
    gone: list[str] = list(malformed)
    for kind, pks in wanted.items():
        entries = _sources[kind].entries(pks)
        found.extend(entries)
        present = {entry.id for entry in entries}
        gone.extend(entry_id(kind, pk) for pk in pks if entry_id(kind, pk) not in present)
    return found, gone


# --- "in a dossier" ----------------------------------------------------------------------------
# The dossiers app sits above incoming/outgoing; it installs a function telling which of some
# documents are filed in a dossier (of an agency). Without one, nothing is.


_dossier_lookups: list[Callable[[int, Sequence[int]], set[int]]] = []


def register_dossier_lookup(lookup: Callable[[int, Sequence[int]], set[int]]) -> None:
    """Install ``lookup(agency_id, document_ids) -> ids of those filed in a dossier``."""
    _dossier_lookups[:] = [lookup]


def documents_in_dossier(agency_id: int, document_ids: Sequence[int]) -> set[int]:
    """Return which of ``document_ids`` the agency filed in a dossier."""
    return _dossier_lookups[0](agency_id, document_ids) if _dossier_lookups else set()
