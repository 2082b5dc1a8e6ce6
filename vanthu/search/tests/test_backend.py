"""The backend over hand-made entries: Vietnamese matching, ranking, filters, facets, paging.

Tantivy on both runs; on the PostgreSQL run the RUM backend answers the same query set with
the same documents.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.conf import settings

from vanthu.search.backends import get_backend
from vanthu.search.backends.base import Access, SearchBackend, SearchFilters, Sort
from vanthu.search.backends.tantivy import TantivyBackend
from vanthu.search.errors import SearchUnavailableError
from vanthu.search.query import parse_query
from vanthu.search.tests.helpers import entry

CORPUS = [
    entry(
        1,
        "Kế hoạch kiểm tra công tác văn thư, lưu trữ tại Đồng Tháp",
        code_number="26",
        code_notation="KH-SNV",
        organ_name="Sở Nội vụ",
        type_code="10",
    ),
    entry(2, "Báo cáo mà các xã gửi về", organ_name="UBND xã Mong Thọ", type_code="09"),
    entry(3, "Lịch trực Tết: má và ma chay", organ_name="Sở Nội vụ", type_code="22"),
    entry(
        4,
        "Công văn về việc dong thap khong dau",
        organ_name="Sở Nội vụ",
        type_code="22",
        code_number="7",
        code_notation="UBND-VP",
    ),
    entry(
        5, "Quyết định về tài liệu mật", confidentiality=1, type_code="22", organ_name="Sở Nội vụ"
    ),
    entry(6, "Tài liệu của cơ quan khác tại Đồng Tháp", permission_keys=("in:2",)),
    entry(
        7,
        "Kiểm tra <script>alert(1)</script> Đồng Tháp",
        units=(9,),
        in_dossier=True,
        issued_date=dt.date(2021, 3, 1),
        year=2021,
    ),
]

# (query, the ids that must be found, in any order)
CASES: list[tuple[str, set[str]]] = [
    ("dong thap", {"incoming:1", "incoming:4", "incoming:7"}),
    ("Đồng Tháp", {"incoming:1", "incoming:4", "incoming:7"}),
    ("ĐỒNG THÁP", {"incoming:1", "incoming:4", "incoming:7"}),
    ('"van thu luu tru"', {"incoming:1"}),
    ('"lưu trữ văn thư"', set()),
    ('"ke hoach"', {"incoming:1"}),
    ('"hoạch kế"', set()),
    ('"Kế hoạch kiểm tra"', {"incoming:1"}),
    ('"ma chay" "lich truc"', {"incoming:3"}),
    ('"ma chay" "chay ma"', set()),
    ("26/KH-SNV", {"incoming:1"}),
    ("KH-SNV", {"incoming:1"}),
    ("kh-snv", {"incoming:1"}),
    ("UBND-VP", {"incoming:4"}),
    ("kiem*", {"incoming:1", "incoming:7"}),
    ("dong thap -khong", {"incoming:1", "incoming:7"}),
    ("mật", {"incoming:5"}),
    ("NEAR(dong thap)", {"incoming:1", "incoming:4", "incoming:7"}),
    ("(mà OR ma)", {"incoming:2", "incoming:3"}),
    ("khongcotu", set()),
]


ON_POSTGRESQL = "postgresql" in settings.DATABASES["default"]["ENGINE"]
# The same query set runs on both backends on the PostgreSQL run (RUM needs PostgreSQL).
BACKENDS = ["tantivy", "rum"] if ON_POSTGRESQL else ["tantivy"]


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, db: None) -> SearchBackend:
    backend = get_backend(request.param)
    backend.index(CORPUS)
    return backend


if not ON_POSTGRESQL:

    def test_the_rum_backend_refuses_clearly_without_postgresql(db: None) -> None:
        rum = get_backend("rum")
        with pytest.raises(SearchUnavailableError):
            rum.index(CORPUS)


def _ids(backend: SearchBackend, q: str, **options: object) -> list[str]:
    page = backend.search(
        parse_query(q),
        access=Access(keys=("in:1",), max_confidentiality=options.pop("level", 1)),  # type: ignore[arg-type]
        filters=options.pop("filters", SearchFilters()),  # type: ignore[arg-type]
        sort=options.pop("sort", Sort.RELEVANCE),  # type: ignore[arg-type]
        limit=options.pop("limit", 50),  # type: ignore[arg-type]
        offset=options.pop("offset", 0),  # type: ignore[arg-type]
        facets=False,
    )
    return [hit.id for hit in page.hits]


@pytest.mark.parametrize(("q", "expected"), CASES)
def test_query_set(backend: SearchBackend, q: str, expected: set[str]) -> None:
    assert set(_ids(backend, q)) == expected


def test_marked_matches_rank_above_folded_ones(backend: SearchBackend) -> None:
    assert _ids(backend, "mà")[0] == "incoming:2"
    assert _ids(backend, "má")[0] == "incoming:3"
    assert set(_ids(backend, "ma")) == {"incoming:2", "incoming:3"}


def test_a_phrase_needs_its_words_in_a_row_not_only_its_pairs(backend: SearchBackend) -> None:
    backend.index([entry(8, "Văn bản mới, bản thư cũ"), entry(9, "Gửi văn bản thư ký")])
    assert set(_ids(backend, '"văn bản thư"')) == {"incoming:9"}
    assert set(_ids(backend, '"van ban"')) == {"incoming:8", "incoming:9"}


def test_a_marked_phrase_ranks_its_marked_form_first(backend: SearchBackend) -> None:
    backend.index([entry(8, "Vấn bán lẻ"), entry(9, "Văn bản mới")])
    assert _ids(backend, '"văn bản"') == ["incoming:9", "incoming:8"]
    assert _ids(backend, '"vấn bán"') == ["incoming:8", "incoming:9"]


def test_the_exact_code_comes_first(backend: SearchBackend) -> None:
    backend.index([entry(8, "Nhắc lại kế hoạch KH SNV", code_number="30", code_notation="CV-SNV")])
    assert _ids(backend, "26/KH-SNV")[0] == "incoming:1"


def test_confidential_entries_need_the_clearance(backend: SearchBackend) -> None:
    assert _ids(backend, "mật", level=0) == []


def test_entries_of_other_keys_are_never_found(backend: SearchBackend) -> None:
    assert "incoming:6" not in _ids(backend, "")
    page = backend.search(
        parse_query("dong thap"),
        access=Access(keys=(), max_confidentiality=3),
        filters=SearchFilters(),
        sort=Sort.RELEVANCE,
        limit=10,
        offset=0,
        facets=True,
    )
    assert page.hits == []
    assert not any(page.facets.values())


def test_filters(backend: SearchBackend) -> None:
    def only(**values: object) -> set[str]:
        return set(_ids(backend, "", filters=SearchFilters(**values)))  # type: ignore[arg-type]

    assert only(type_code="22") == {"incoming:3", "incoming:4", "incoming:5"}
    assert only(organ="UBND xã Mong Thọ") == {"incoming:2"}
    assert only(year=2021) == {"incoming:7"}
    assert only(unit=9) == {"incoming:7"}
    assert only(in_dossier=True) == {"incoming:7"}
    assert only(confidentiality=1) == {"incoming:5"}
    assert only(date_from=dt.date(2020, 1, 3), date_to=dt.date(2020, 1, 4)) == {
        "incoming:2",
        "incoming:3",
    }
    assert only(kind="outgoing") == set()


def test_facets_count_only_what_the_user_sees(backend: SearchBackend) -> None:
    page = backend.search(
        parse_query("dong thap"),
        access=Access(keys=("in:1",), max_confidentiality=0),
        filters=SearchFilters(),
        sort=Sort.RELEVANCE,
        limit=1,
        offset=0,
        facets=True,
    )
    years = dict(page.facets["year"])
    assert years == {"2020": 2, "2021": 1}
    assert dict(page.facets["in_dossier"]) == {"0": 2, "1": 1}


def test_sort_by_date_and_paging(backend: SearchBackend) -> None:
    newest_first = _ids(backend, "", sort=Sort.DATE)
    assert newest_first[0] == "incoming:7"
    first = _ids(backend, "", sort=Sort.DATE, limit=2)
    second = _ids(backend, "", sort=Sort.DATE, limit=2, offset=2)
    assert first + second == newest_first[:4]


def test_index_is_idempotent_and_delete_removes(backend: SearchBackend) -> None:
    backend.index(CORPUS[:2])
    assert _ids(backend, "mà")[0] == "incoming:2"
    assert len(_ids(backend, "")) == 6
    backend.delete(["incoming:2", "incoming:99"])
    assert "incoming:2" not in _ids(backend, "")
    assert backend.count_missing(["incoming:1", "incoming:2"]) == ["incoming:2"]


def test_a_rebuild_starts_empty_and_leaves_a_searchable_index(backend: SearchBackend) -> None:
    with backend.rebuilding():
        assert _ids(backend, "") == []
        backend.index(CORPUS[1:3])
    assert set(_ids(backend, "ma")) == {"incoming:2", "incoming:3"}
    assert set(_ids(backend, '"ma chay"')) == {"incoming:3"}


if ON_POSTGRESQL:

    def test_a_failed_rum_rebuild_still_rebuilds_its_indexes(db: None) -> None:
        from django.db import connection

        from vanthu.search.backends.rum_sql import INDEXES

        rum = get_backend("rum")
        with pytest.raises(RuntimeError), rum.rebuilding():
            rum.index(CORPUS[:1])
            raise RuntimeError
        with connection.cursor() as cursor:
            cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'search_rumentry'")
            names = {row[0] for row in cursor.fetchall()}
        assert set(INDEXES) <= names
        assert _ids(rum, "dong thap") == ["incoming:1"]


def test_an_index_of_an_older_schema_is_left_aside(db: None, search_index: Path) -> None:
    """The folder of the previous schema (no word pairs) does not break searching."""
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True)
    search_index.mkdir(parents=True, exist_ok=True)
    tantivy.Index(builder.build(), path=str(search_index), reuse=False)
    backend = TantivyBackend(search_index)
    assert _ids(backend, '"dong thap"') == []
    backend.index(CORPUS[:1])
    assert _ids(backend, '"dong thap"') == ["incoming:1"]


def test_another_reader_sees_each_commit(db: None, search_index: Path) -> None:
    """A web process's reader (another instance on the same folder) sees the worker's commits."""
    writer = TantivyBackend(search_index)
    reader = TantivyBackend(search_index)
    access = Access(keys=("in:1",), max_confidentiality=0)

    def found() -> int:
        page = reader.search(
            parse_query("dong thap"),
            access=access,
            filters=SearchFilters(),
            sort=Sort.RELEVANCE,
            limit=5,
            offset=0,
            facets=False,
        )
        return len(page.hits)

    assert found() == 0
    writer.index(CORPUS[:1])
    assert found() == 1
