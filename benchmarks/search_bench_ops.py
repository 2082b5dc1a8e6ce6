"""Child side of ``bench_search.py`` (run through ``child.py search_bench_ops <step>``).

``load_demo --documents N`` writes Documents only (no incoming/outgoing registrations), so the
benchmark indexes them through a source of its own: every document is seen by its agency's
clerks and leaders (key ``doc:<agency>``) and by one of 40 specialist groups of that agency
(key ``doc:<agency>:g:<n>``), confidential ones only with clearance, as the real sources do.
"""

from __future__ import annotations

import json
import resource
import statistics
import time
from collections.abc import Iterator, Sequence
from typing import Any

GROUPS = 40
QUERIES = {
    "words": [
        "van ban",
        "kế hoạch",
        "ke hoach kiem tra",
        "báo cáo tình hình",
        "cong tac van thu luu tru",
        "ủy ban nhân dân",
        "quyet dinh",
        "dong thap",
        "giao duc",
        "tài chính",
        "kiem*",
        "UBND",
        "KH-SNV",
        "26/KH-SNV",
        "hoa toc",
        "thong bao ket luan",
        "phòng nội vụ",
        "mà",
        "cai cach hanh chinh",
        "nam 2024",
    ],
    "phrases": [
        '"van ban"',
        '"ke hoach"',
        '"cong tac van thu"',
        '"ủy ban nhân dân"',
        '"bao cao tinh hinh"',
        '"phong noi vu"',
        '"thực hiện"',
        '"quan ly nha nuoc"',
    ],
}


def rss_mb() -> float:
    """Return the current resident set size of this process, in MB."""
    with open("/proc/self/status", encoding="ascii") as status:  # noqa: PTH123
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class DocumentSource:
    """Every Document (the synthetic corpus) as an entry of kind ``doc``."""

    kind = "doc"

    def entries(self, ids: Sequence[int]) -> list[Any]:
        from vanthu.documents.models import Document  # noqa: PLC0415
        from vanthu.search.documents import metadata_text  # noqa: PLC0415
        from vanthu.search.sources import IndexEntry  # noqa: PLC0415

        documents = Document.objects.filter(pk__in=list(ids)).select_related("document_type")
        return [
            IndexEntry(
                id=f"doc:{d.pk}",
                kind="doc",
                code_number=d.code_number,
                code_notation=d.code_notation,
                subject=d.subject,
                issued_date=d.issued_date,
                organ_name=d.organ_name,
                type_code=d.document_type.code,
                status="issued",
                year=d.issued_date.year,
                confidentiality=d.confidentiality,
                metadata_text=metadata_text(d),
                permission_keys=(
                    f"doc:{d.owner_agency_id}",
                    f"doc:{d.owner_agency_id}:g:{d.pk % GROUPS}",
                ),
            )
            for d in documents
        ]

    def all_ids(self, *, batch: int) -> Iterator[list[int]]:
        from vanthu.documents.models import Document  # noqa: PLC0415
        from vanthu.search.documents import keyset_ids  # noqa: PLC0415

        return keyset_ids(Document.objects.all(), batch=batch)

    def ids_of_documents(self, document_ids: Sequence[int]) -> list[int]:
        return list(document_ids)

    def keys_for(self, actor: Any) -> list[str]:
        from vanthu.accounts.enums import Role  # noqa: PLC0415
        from vanthu.accounts.roles import effective_roles  # noqa: PLC0415

        if actor.agency_id is None:
            return []
        if {Role.CLERK, Role.AGENCY_LEADER} & effective_roles(actor):
            return [f"doc:{actor.agency_id}"]
        return [f"doc:{actor.agency_id}:g:{actor.pk % GROUPS}"]


def _install() -> None:
    from vanthu.search.sources import register_source  # noqa: PLC0415

    register_source(DocumentSource())


def index(argv: list[str]) -> dict[str, Any]:
    """Rebuild the index from every Document; report the rate and the peak RSS."""
    from vanthu.search.backends import backend_name  # noqa: PLC0415
    from vanthu.search.indexing import reindex_all  # noqa: PLC0415

    _install()
    batch = int(argv[0]) if argv else 10_000
    started = time.monotonic()
    done = reindex_all(batch=batch)
    seconds = time.monotonic() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "backend": backend_name(),
        "documents": done,
        "seconds": round(seconds, 1),
        "per_second": round(done / seconds, 1) if seconds else None,
        "peak_rss_mb": round(peak, 1),
    }


def _actors() -> dict[str, Any]:
    """The agency with most documents: a clerk (sees all) and a specialist (one group)."""
    from django.db.models import Count  # noqa: PLC0415

    from vanthu.accounts.enums import Role  # noqa: PLC0415
    from vanthu.accounts.models import User  # noqa: PLC0415
    from vanthu.documents.models import Document  # noqa: PLC0415

    top = (
        Document.objects.values("owner_agency_id")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values_list("owner_agency_id", flat=True)[:1]
    )
    agency_id = next(iter(top))
    people = User.objects.filter(agency_id=agency_id, is_active=True)
    clerk = people.filter(role_grants__role=Role.CLERK).first()
    specialist = people.filter(role_grants__role=Role.SPECIALIST).first()
    return {"clerk": clerk, "specialist": specialist}


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    return {
        "p50_ms": round(statistics.median(ordered) * 1000, 2),
        "p95_ms": round(p95 * 1000, 2),
        "max_ms": round(ordered[-1] * 1000, 2),
        "runs": len(ordered),
    }


def query(argv: list[str]) -> dict[str, Any]:
    """Time ``search_for`` (service layer, permission filters) for each actor and query kind.

    Wall-clock percentiles, and the CPU time of this thread (``cpu_…``: not inflated by waiting
    for a core on a loaded machine; Tantivy searches in the calling thread, while the RUM
    backend's work is in the PostgreSQL server and not counted there).
    """
    from vanthu.search.backends import backend_name, get_backend  # noqa: PLC0415
    from vanthu.search.selectors import search_for  # noqa: PLC0415

    _install()
    rounds = int(argv[0]) if argv else 5
    actors = _actors()
    get_backend()
    rss_start = rss_mb()
    figures: dict[str, Any] = {"backend": backend_name()}
    for who, actor in actors.items():
        for kind, texts in QUERIES.items():
            for text in texts:  # warm up once
                search_for(actor=actor, q=text, limit=20)
            samples: list[float] = []
            cpu: list[float] = []
            found = 0
            for _ in range(rounds):
                for text in texts:
                    started, cpu_started = time.perf_counter(), time.thread_time()
                    results = search_for(actor=actor, q=text, limit=20)
                    samples.append(time.perf_counter() - started)
                    cpu.append(time.thread_time() - cpu_started)
                    found += len(results.items)
            cpu_figures = {f"cpu_{name}": value for name, value in _percentiles(cpu).items()}
            del cpu_figures["cpu_runs"]
            figures[f"{who}_{kind}"] = _percentiles(samples) | cpu_figures | {"results": found}
        started = time.perf_counter()
        search_for(actor=actor, q="ke hoach", limit=20, facets=True)
        figures[f"{who}_facets_ms"] = round((time.perf_counter() - started) * 1000, 1)
    figures["rss_mb_start"] = round(rss_start, 1)
    figures["rss_mb_end"] = round(rss_mb(), 1)
    figures["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return figures


def _median_ms(run: Any, rounds: int) -> float:
    run()  # warm
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        run()
        samples.append(time.perf_counter() - started)
    return round(statistics.median(samples) * 1000, 2)


def _old_tantivy(backend: Any, parsed: Any, access: Any) -> Any:
    """Return a runner of the query as built before: marked OR folded, positions, term set."""
    import tantivy  # noqa: PLC0415

    q, must, should = tantivy.Query, tantivy.Occur.Must, tantivy.Occur.Should
    schema = backend.schema
    clauses = []
    for term in parsed.terms:
        exact = q.boost_query(q.term_query(schema, "marked", term.marked), 2.0)
        plain = q.term_query(schema, "folded", term.folded)
        clauses.append((must, q.boolean_query([(should, exact), (should, plain)])))
    for phrase in parsed.phrases:
        folded = q.phrase_query(schema, "folded", list(phrase.folded))
        marked = q.boost_query(q.phrase_query(schema, "marked", list(phrase.marked)), 2.0)
        clauses.append((must, q.boolean_query([(should, marked), (should, folded)])))
    scope = q.boolean_query(
        [
            (must, q.term_set_query(schema, "keys", list(access.keys))),
            (
                must,
                q.range_query(
                    schema, "conf", tantivy.FieldType.Unsigned, None, access.max_confidentiality
                ),
            ),
        ]
    )
    full = q.boolean_query(
        [(must, q.boolean_query(clauses)), (must, q.const_score_query(scope, 0.0))]
    )
    searcher = backend._fresh_searcher()
    return lambda: searcher.search(full, limit=21, count=False)


def _tantivy_counts(backend: Any, parsed: Any) -> dict[str, int]:
    from vanthu.search.query import pairs_of  # noqa: PLC0415

    searcher = backend._fresh_searcher()
    counts = {}
    for phrase in parsed.phrases:
        for word in phrase.folded:
            counts[word] = searcher.doc_freq("folded", word)
        for pair in pairs_of(phrase.folded):
            counts[pair] = searcher.doc_freq("pairs", pair)
    for term in parsed.terms:
        counts[term.folded] = searcher.doc_freq("folded", term.folded)
    return counts


def _old_rum(parsed: Any, access: Any) -> Any:
    """Return a runner of the RUM query as built before pairs (words ``<->``, marked OR)."""
    from django.db import connection  # noqa: PLC0415

    from vanthu.search.backends.rum import lexeme  # noqa: PLC0415

    clauses = [f"({lexeme(term.marked)}:A | {lexeme(term.folded)}:D)" for term in parsed.terms]
    for phrase in parsed.phrases:
        marked = " <-> ".join(f"{lexeme(word)}:A" for word in phrase.marked)
        folded = " <-> ".join(f"{lexeme(word)}:D" for word in phrase.folded)
        clauses.append(f"(({marked}) | ({folded}))")
    tsquery = " & ".join(clauses)
    sql = (
        "SELECT id, data FROM search_rumentry WHERE tsv @@ %s::tsquery AND keys && %s::text[] "
        "AND conf <= %s ORDER BY tsv <=> %s::tsquery, id LIMIT 21"
    )
    params = [tsquery, list(access.keys), access.max_confidentiality, tsquery]

    def run() -> None:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            cursor.fetchall()

    return run


def profile(argv: list[str]) -> dict[str, Any]:
    """Per query and actor: the backend's time now and with the query built as before."""
    from vanthu.search.backends import backend_name, get_backend  # noqa: PLC0415
    from vanthu.search.backends.base import SearchFilters, Sort  # noqa: PLC0415
    from vanthu.search.query import parse_query  # noqa: PLC0415
    from vanthu.search.selectors import access_of  # noqa: PLC0415

    _install()
    rounds = int(argv[0]) if argv else 3
    backend = get_backend()
    name = backend_name()
    figures: dict[str, Any] = {"backend": name}
    for who, actor in _actors().items():
        access = access_of(actor)
        for text in [*QUERIES["phrases"], *QUERIES["words"]]:
            parsed = parse_query(text)
            options: dict[str, Any] = {"access": access, "filters": SearchFilters()}
            options |= {"sort": Sort.RELEVANCE, "limit": 20, "offset": 0, "facets": False}
            row: dict[str, Any] = {
                "now_ms": _median_ms(lambda p=parsed, o=options: backend.search(p, **o), rounds)
            }
            if parsed.phrases or parsed.terms:
                old = (
                    _old_tantivy(backend, parsed, access)
                    if name == "tantivy"
                    else _old_rum(parsed, access)
                )
                row["before_ms"] = _median_ms(old, rounds)
            if name == "tantivy":
                row["doc_freq"] = _tantivy_counts(backend, parsed)
            figures[f"{who} {text}"] = row
    return figures


def main(argv: list[str]) -> int:
    steps = {"index": index, "query": query, "profile": profile}
    print(json.dumps(steps[argv[0]](argv[1:])))
    return 0
