"""The PostgreSQL backend: entries in ``search_rumentry`` with a RUM index ordered by rank.

For installations where several web nodes share one database. Words are tokenised and folded
in Python (PostgreSQL's parser would keep "26/kh-snv" whole and split "mà" oddly): the
tsvector is written out with marked words at weight A, folded words at weight D and codes
without positions, so that ``'mà':A | 'ma':D`` ranks marked matches first. Word pairs
("uy_ban" at D, "ủy_ban" at A) are lexemes too, at the position of their first word: a quoted
phrase is its pairs in a row (``'uy_ban':D <-> 'ban_nhan':D <-> …``), whose posting lists are
far shorter than those of its words.

A full rebuild (``rebuilding``) drops the table's secondary indexes, fills it, and builds them
once at the end: inserting into a RUM index row by row is what made a rebuild slow.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from django.db import connection

from vanthu.search.backends.base import (
    Access,
    SearchFilters,
    SearchHit,
    SearchPage,
    Sort,
    excerpt_of,
)
from vanthu.search.backends.rum_sql import INDEXES, facets_sql, scope_sql
from vanthu.search.errors import SearchUnavailableError
from vanthu.search.query import (
    ParsedQuery,
    Phrase,
    code_forms,
    folded_words_of,
    pairs_of,
    words_of,
)
from vanthu.search.sources import IndexEntry

MAX_TOKENS = 8000  # per field; tsvector positions stop at 16383
TABLE = "search_rumentry"

_UPSERT = f"""
INSERT INTO {TABLE} (id, kind, type, organ, status, units, year, conf, in_dossier, issued,
                     keys, data, folded, tsv)
VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s::tsvector)
ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, type = EXCLUDED.type,
  organ = EXCLUDED.organ, status = EXCLUDED.status, units = EXCLUDED.units,
  year = EXCLUDED.year, conf = EXCLUDED.conf, in_dossier = EXCLUDED.in_dossier,
  issued = EXCLUDED.issued, keys = EXCLUDED.keys, data = EXCLUDED.data,
  folded = EXCLUDED.folded, tsv = EXCLUDED.tsv
"""  # noqa: S608 — constant table name


def lexeme(text: str) -> str:
    """Return ``text`` quoted as a tsvector/tsquery lexeme."""
    return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(marked: list[str], folded: list[str], codes: list[str]) -> str:
    """Return the tsvector of an entry: marked words and pairs (A), folded ones (D), codes.

    A pair sits at the position of its first word, so the pairs of a phrase are in a row too.
    """
    positions: dict[tuple[str, str], list[int]] = defaultdict(list)
    for offset, weight, words in ((0, "A", marked), (MAX_TOKENS, "D", folded)):
        kept = words[:MAX_TOKENS]
        for tokens in (kept, pairs_of(kept)):
            for position, token in enumerate(tokens, start=offset + 1):
                positions[(token, weight)].append(position)
    merged: dict[str, list[str]] = defaultdict(list)
    for (word, weight), places in positions.items():
        merged[word].extend(f"{place}{weight}" for place in places[:256])
    parts = [f"{lexeme(word)}:{','.join(places)}" for word, places in merged.items()]
    parts.extend(lexeme(code) for code in codes if code not in merged)
    return " ".join(parts)


def tsquery_of(query: ParsedQuery) -> str | None:
    """Return the tsquery of ``query`` (None when it asks for nothing positive)."""
    if query.is_empty:
        return None
    clauses: list[str] = []
    for term in query.terms:
        if term.prefix:
            clauses.append(f"{lexeme(term.folded)}:*D")
        elif term.marked == term.folded:  # typed without marks: nothing to rank higher
            clauses.append(f"{lexeme(term.folded)}:D")
        else:
            clauses.append(f"({lexeme(term.marked)}:A | {lexeme(term.folded)}:D)")
    clauses.extend(_phrase(phrase) for phrase in query.phrases)
    for code in query.codes:
        parts = folded_words_of(code)
        words = " <-> ".join(f"{lexeme(word)}:D" for word in parts)
        clauses.append(f"({lexeme(code)} | ({words}))" if len(parts) > 1 else lexeme(code))
    clauses.extend(f"!{lexeme(word)}:D" for word in query.excluded)
    return " & ".join(clauses)


def _phrase(phrase: Phrase) -> str:
    """Return the tsquery of a phrase: its pairs in a row (one pair for two words)."""
    folded = " <-> ".join(f"{lexeme(pair)}:D" for pair in pairs_of(phrase.folded))
    if phrase.marked == phrase.folded:  # typed without marks: nothing to rank higher
        return f"({folded})"
    marked = " <-> ".join(f"{lexeme(pair)}:A" for pair in pairs_of(phrase.marked))
    return f"(({marked}) | ({folded}))"


class PostgresRumBackend:
    """Search over ``search_rumentry`` (PostgreSQL with the rum extension only)."""

    def _check(self) -> None:
        if connection.vendor != "postgresql":
            raise SearchUnavailableError

    def index(self, entries: Sequence[IndexEntry]) -> None:
        self._check()
        if not entries:
            return
        with connection.cursor() as cursor:
            cursor.executemany(_UPSERT, [_row(entry) for entry in entries])

    def delete(self, ids: Sequence[str]) -> None:
        self._check()
        if ids:
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {TABLE} WHERE id = ANY(%s)", [list(ids)])  # noqa: S608

    def clear(self) -> None:
        self._check()
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {TABLE}")

    @contextmanager
    def rebuilding(self) -> Iterator[None]:
        self._check()
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {TABLE}")
            for name in INDEXES:
                cursor.execute(f"DROP INDEX IF EXISTS {name}")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SET maintenance_work_mem = '256MB'")
                for statement in INDEXES.values():
                    cursor.execute(statement)
                cursor.execute(f"ANALYZE {TABLE}")

    def search(
        self,
        query: ParsedQuery,
        *,
        access: Access,
        filters: SearchFilters,
        sort: Sort,
        limit: int,
        offset: int,
        facets: bool,
    ) -> SearchPage:
        self._check()
        if not access.keys:
            return SearchPage(hits=[], next_offset=None)
        where, params = scope_sql(access, filters)
        tsquery = tsquery_of(query)
        order = "issued DESC NULLS LAST, id DESC"
        order_params: list[Any] = []
        if tsquery is not None:
            where = f"tsv @@ %s::tsquery AND {where}"
            params = [tsquery, *params]
            if sort == Sort.RELEVANCE:
                order = "tsv <=> %s::tsquery, id"
                order_params = [tsquery]
        sql = (
            f"SELECT id, data FROM {TABLE} WHERE {where} ORDER BY {order} "  # noqa: S608
            "LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, *order_params, limit + 1, offset])
            rows = cursor.fetchall()
        hits = [_hit(value, data) for value, data in rows[:limit]]
        page = SearchPage(hits=hits, next_offset=offset + limit if len(rows) > limit else None)
        if facets:
            page.facets.update(facets_sql(where, params))
        return page

    def count_missing(self, ids: Sequence[str]) -> list[str]:
        self._check()
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id FROM {TABLE} WHERE id = ANY(%s)", [list(ids)])  # noqa: S608
            present = {row[0] for row in cursor.fetchall()}
        return [value for value in ids if value not in present]


def _row(entry: IndexEntry) -> list[Any]:
    text = f"{entry.metadata_text}\n{entry.full_text}"
    folded = folded_words_of(text)
    data = {
        "kind": entry.kind,
        "code_number": entry.code_number,
        "code_notation": entry.code_notation,
        "subject": entry.subject,
        "issued": entry.issued_date.isoformat() if entry.issued_date else None,
        "organ_name": entry.organ_name,
        "excerpt": excerpt_of(entry),
    }
    return [
        entry.id,
        entry.kind,
        entry.type_code,
        entry.organ_name,
        entry.status,
        list(entry.units),
        entry.year,
        entry.confidentiality,
        entry.in_dossier,
        entry.issued_date,
        list(entry.permission_keys),
        json.dumps(data, ensure_ascii=False),
        " ".join(folded),
        tsvector_literal(
            words_of(text), folded, code_forms(entry.code_number, entry.code_notation)
        ),
    ]


def _hit(value: str, data: Any) -> SearchHit:
    import datetime as dt  # noqa: PLC0415

    fields = data if isinstance(data, dict) else json.loads(data)
    issued = fields["issued"]
    return SearchHit(
        id=value,
        kind=fields["kind"],
        code_number=fields["code_number"],
        code_notation=fields["code_notation"],
        subject=fields["subject"],
        issued_date=dt.date.fromisoformat(issued) if issued else None,
        organ_name=fields["organ_name"],
        excerpt=fields["excerpt"],
    )
