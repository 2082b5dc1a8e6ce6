"""The default backend: a Tantivy index in a folder of the data dir.

One writer at a time (a file lock; in production the task worker), with a modest heap; readers
in every process reload after each commit. Marked and folded words are indexed in two fields and
the marked one is boosted, so that "mà" ranks documents with "mà" above those with "ma"/"má".

Word pairs ("uy_ban" at the position of "uy", then the marked pairs that differ, "ủy_ban") are
indexed in a third field: a quoted phrase of two words is one pair, a longer one its pairs in a
row, so a phrase reads the short posting lists of its pairs instead of checking positions in
every document holding its common words ("ủy ban nhân dân" is in 85 % of the demo corpus).
Marked pairs only rank. The index folder is named after SCHEMA_VERSION: an index of an older
schema is left aside and ``manage.py reindex`` builds the new one.
"""

from __future__ import annotations

import fcntl
import json
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import tantivy

from vanthu.documents.enums import Confidentiality
from vanthu.search.backends.base import (
    FACET_FIELDS,
    Access,
    SearchFilters,
    SearchHit,
    SearchPage,
    Sort,
    days,
    excerpt_of,
    from_days,
)
from vanthu.search.query import (
    ParsedQuery,
    Phrase,
    code_forms,
    folded_words_of,
    marked_pairs,
    pairs_of,
    words_of,
)
from vanthu.search.sources import IndexEntry

WRITER_HEAP = 64 * 1024 * 1024
MARKED_BOOST = 2.0
CODE_BOOST = 8.0
MAX_KEY_TERMS = 16
# Raised whenever _schema() changes (2: word pairs).
SCHEMA_VERSION = 2
_RAW = "raw"
_PAIRS = "whitespace"
_Q = tantivy.Query
_MUST = tantivy.Occur.Must
_SHOULD = tantivy.Occur.Should
_MUST_NOT = tantivy.Occur.MustNot


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name=_RAW)
    builder.add_text_field("kind", fast=True, tokenizer_name=_RAW)
    builder.add_text_field("type", fast=True, tokenizer_name=_RAW)
    builder.add_text_field("organ", fast=True, tokenizer_name=_RAW)
    builder.add_text_field("status", fast=True, tokenizer_name=_RAW)
    builder.add_text_field("keys", tokenizer_name=_RAW)
    builder.add_text_field("code", tokenizer_name=_RAW)
    builder.add_text_field("marked", tokenizer_name="default", index_option="position")
    builder.add_text_field("folded", tokenizer_name="default", index_option="position")
    builder.add_text_field("pairs", tokenizer_name=_PAIRS, index_option="position")
    builder.add_unsigned_field("unit", indexed=True, fast=True)
    builder.add_unsigned_field("year", indexed=True, fast=True)
    builder.add_unsigned_field("conf", indexed=True, fast=True)
    builder.add_unsigned_field("dossier", indexed=True, fast=True)
    builder.add_integer_field("issued", indexed=True, fast=True)
    builder.add_bytes_field("data", stored=True, indexed=False)
    return builder.build()


class TantivyBackend:
    """Search over a Tantivy index in ``<folder>/v<SCHEMA_VERSION>``."""

    def __init__(self, folder: Path) -> None:
        path = folder / f"v{SCHEMA_VERSION}"
        path.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.schema = _schema()
        self.index_ = tantivy.Index(self.schema, path=str(path), reuse=True)
        self._seen = self._meta_stamp()

    def _meta_stamp(self) -> tuple[int, int]:
        try:
            stat = (self.path / "meta.json").stat()
        except FileNotFoundError:
            return (0, 0)
        return (stat.st_mtime_ns, stat.st_size)

    def _fresh_searcher(self) -> tantivy.Searcher:
        """Return a searcher that sees the last commit, of this process or another one."""
        stamp = self._meta_stamp()
        if stamp != self._seen:
            self.index_.reload()
            self._seen = stamp
        return self.index_.searcher()

    # --- writing ----------------------------------------------------------------------------

    @contextmanager
    def _writer(self) -> Iterator[tantivy.IndexWriter]:
        with (self.path / "writer.lock").open("a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                writer = self.index_.writer(heap_size=WRITER_HEAP, num_threads=1)
                try:
                    yield writer
                    writer.commit()
                    writer.wait_merging_threads()
                except BaseException:
                    writer.rollback()
                    raise
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
        self.index_.reload()

    def index(self, entries: Sequence[IndexEntry]) -> None:
        if not entries:
            return
        with self._writer() as writer:
            for entry in entries:
                writer.delete_documents_by_term("id", entry.id)
                writer.add_document(self._document(entry))

    def delete(self, ids: Sequence[str]) -> None:
        if not ids:
            return
        with self._writer() as writer:
            for value in ids:
                writer.delete_documents_by_term("id", value)

    def clear(self) -> None:
        with self._writer() as writer:
            writer.delete_all_documents()

    @contextmanager
    def rebuilding(self) -> Iterator[None]:
        self.clear()
        yield

    def _document(self, entry: IndexEntry) -> tantivy.Document:
        text = f"{entry.metadata_text}\n{entry.full_text}"
        marked = words_of(text)
        folded = folded_words_of(text)
        data = {
            "kind": entry.kind,
            "code_number": entry.code_number,
            "code_notation": entry.code_notation,
            "subject": entry.subject,
            "issued": days(entry.issued_date),
            "organ_name": entry.organ_name,
            "excerpt": excerpt_of(entry),
        }
        document = tantivy.Document(
            id=entry.id,
            kind=entry.kind,
            type=entry.type_code,
            organ=entry.organ_name,
            status=entry.status,
            keys=list(entry.permission_keys) or ["-"],
            code=_codes(entry) or ["-"],
            marked=" ".join(marked),
            folded=" ".join(folded),
            pairs=[" ".join(pairs_of(folded)), " ".join(marked_pairs(marked, folded))],
        )
        for unit in entry.units or (0,):
            document.add_unsigned("unit", unit)
        document.add_unsigned("year", entry.year)
        document.add_unsigned("conf", entry.confidentiality)
        document.add_unsigned("dossier", int(entry.in_dossier))
        document.add_integer("issued", days(entry.issued_date))
        document.add_bytes("data", json.dumps(data, ensure_ascii=False).encode())
        return document

    # --- reading ----------------------------------------------------------------------------

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
        if not access.keys:
            return SearchPage(hits=[], next_offset=None)
        scope = self._scope(access, filters)
        text = self._text_query(query)
        full = _Q.boolean_query([(_MUST, text), (_MUST, _Q.const_score_query(scope, 0.0))])
        searcher = self._fresh_searcher()
        options: dict[str, Any] = {"limit": limit + 1, "count": False, "offset": offset}
        if sort == Sort.DATE or query.is_empty:
            options["order_by_field"] = "issued"
            options["order"] = tantivy.Order.Desc
        result = searcher.search(full, **options)
        hits = [self._hit(searcher, address) for _, address in result.hits[:limit]]
        more = len(result.hits) > limit
        page = SearchPage(hits=hits, next_offset=offset + limit if more else None)
        if facets:
            page.facets.update(self._facets(searcher, full))
        return page

    def _hit(self, searcher: tantivy.Searcher, address: tantivy.DocAddress) -> SearchHit:
        document = searcher.doc(address)
        data = json.loads(bytes(document["data"][0]))
        return SearchHit(
            id=str(document["id"][0]),
            kind=data["kind"],
            code_number=data["code_number"],
            code_notation=data["code_notation"],
            subject=data["subject"],
            issued_date=from_days(data["issued"]),
            organ_name=data["organ_name"],
            excerpt=data["excerpt"],
        )

    def _scope(self, access: Access, filters: SearchFilters) -> tantivy.Query:
        schema = self.schema
        clauses = [(_MUST, self._keys(access.keys))]
        if access.max_confidentiality < max(Confidentiality):  # else every level is visible
            clauses.append((_MUST, _range(schema, "conf", None, access.max_confidentiality)))
        exact = {
            "kind": filters.kind,
            "type": filters.type_code,
            "organ": filters.organ,
            "status": filters.status,
        }
        clauses.extend(
            (_MUST, _Q.term_query(schema, name, value)) for name, value in exact.items() if value
        )
        numbers = {
            "year": filters.year,
            "unit": filters.unit,
            "conf": filters.confidentiality,
            "dossier": None if filters.in_dossier is None else int(filters.in_dossier),
        }
        clauses.extend(
            (_MUST, _range(schema, name, value, value))
            for name, value in numbers.items()
            if value is not None
        )
        if filters.date_from or filters.date_to:
            low = days(filters.date_from) if filters.date_from else None
            high = days(filters.date_to) if filters.date_to else None
            clauses.append((_MUST, _range(schema, "issued", low, high, integer=True)))
        return _Q.boolean_query(clauses)

    def _keys(self, keys: Sequence[str]) -> tantivy.Query:
        """Return the access filter: term queries skip along with the text query; a term set
        (read whole into a bit set) only for many keys."""
        if len(keys) > MAX_KEY_TERMS:
            return _Q.term_set_query(self.schema, "keys", list(keys))
        terms = [(_SHOULD, _Q.term_query(self.schema, "keys", key)) for key in keys]
        return terms[0][1] if len(terms) == 1 else _Q.boolean_query(terms)

    def _text_query(self, query: ParsedQuery) -> tantivy.Query:
        schema = self.schema
        clauses = [(_MUST, _Q.all_query())] if query.is_empty else []
        for term in query.terms:
            clauses.append((_MUST, self._term(term.folded, prefix=term.prefix)))
            if not term.prefix and term.marked != term.folded:
                # Optional beside the required words: read only on the documents they match.
                exact = _Q.term_query(schema, "marked", term.marked)
                clauses.append((_SHOULD, _Q.boost_query(exact, MARKED_BOOST)))
        clauses.extend((_MUST, self._phrase(phrase)) for phrase in query.phrases)
        clauses.extend((_MUST, self._code(code)) for code in query.codes)
        clauses.extend(
            (_MUST_NOT, _Q.term_query(schema, "folded", word)) for word in query.excluded
        )
        return _Q.boolean_query(clauses)

    def _term(self, folded: str, *, prefix: bool) -> tantivy.Query:
        if prefix:
            return _Q.regex_query(self.schema, "folded", re.escape(folded) + ".*")
        return _Q.term_query(self.schema, "folded", folded)

    def _phrase(self, phrase: Phrase) -> tantivy.Query:
        """Return the query of a phrase: its folded pair, or its folded pairs in a row."""
        schema = self.schema
        pairs = pairs_of(phrase.folded)
        if len(pairs) == 1:
            match = _Q.term_query(schema, "pairs", pairs[0])
        else:
            match = _Q.phrase_query(schema, "pairs", list[str | tuple[int, str]](pairs))
        marked = [pair for pair in dict.fromkeys(pairs_of(phrase.marked)) if pair not in pairs]
        if not marked:  # typed without marks: nothing to rank higher
            return match
        bonus = _Q.boolean_query([(_MUST, _Q.term_query(schema, "pairs", pair)) for pair in marked])
        return _Q.boolean_query([(_MUST, match), (_SHOULD, _Q.boost_query(bonus, MARKED_BOOST))])

    def _code(self, code: str) -> tantivy.Query:
        schema = self.schema
        direct = _Q.boost_query(_Q.term_query(schema, "code", code), CODE_BOOST)
        parts = folded_words_of(code)
        if len(parts) < 2:
            return direct
        words = _Q.phrase_query(schema, "folded", list[str | tuple[int, str]](parts))
        return _Q.boolean_query([(_SHOULD, direct), (_SHOULD, words)])

    def _facets(
        self, searcher: tantivy.Searcher, query: tantivy.Query
    ) -> dict[str, list[tuple[str, int]]]:
        names = {"type": "type", "organ": "organ", "year": "year", "status": "status"}
        names |= {"unit": "unit", "confidentiality": "conf", "in_dossier": "dossier"}
        spec = {name: {"terms": {"field": field, "size": 20}} for name, field in names.items()}
        answer = searcher.aggregate(query, spec)
        facets: dict[str, list[tuple[str, int]]] = {}
        for name in FACET_FIELDS:
            buckets = answer.get(name, {}).get("buckets", [])
            facets[name] = [(str(bucket["key"]), int(bucket["doc_count"])) for bucket in buckets]
        return facets

    def count_missing(self, ids: Sequence[str]) -> list[str]:
        searcher = self._fresh_searcher()
        return [
            value
            for value in ids
            if not searcher.search(_Q.term_query(self.schema, "id", value), limit=1).hits
        ]


def _codes(entry: IndexEntry) -> list[str]:
    """Return the folded codes of an entry: "26/kh-snv", "kh-snv", "26"."""
    return code_forms(entry.code_number, entry.code_notation)


def _range(
    schema: tantivy.Schema,
    name: str,
    low: int | None,
    high: int | None,
    *,
    integer: bool = False,
) -> tantivy.Query:
    kind = tantivy.FieldType.Integer if integer else tantivy.FieldType.Unsigned
    return _Q.range_query(schema, name, kind, low, high)
