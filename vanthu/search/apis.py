"""JSON API of search: ``GET /search``, export of results, saved searches."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Status

from vanthu.accounts.auth import request_user
from vanthu.search import services
from vanthu.search.backends.base import Sort
from vanthu.search.export import export_results
from vanthu.search.presenters import facets, filters_of, item
from vanthu.search.saved import saved_searches_of
from vanthu.search.schemas import (
    SavedSearchIn,
    SavedSearchOut,
    SearchExportQueryIn,
    SearchPageOut,
    SearchQueryIn,
)
from vanthu.search.selectors import search_for

router = Router(tags=["Tìm kiếm"])


@router.get("/search", response=SearchPageOut, summary="Tìm văn bản", operation_id="search")
def search(request: HttpRequest, query: Query[SearchQueryIn]) -> dict[str, Any]:
    actor = request_user(request)
    results = search_for(
        actor=actor,
        q=query.q,
        filters=filters_of(query),
        sort=Sort(query.sort),
        limit=query.limit,
        cursor=query.cursor,
        facets=True,
    )
    return {
        "items": [item(result) for result in results.items],
        "next_cursor": results.next_cursor,
        "facets": facets(actor, results),
    }


@router.get(
    "/search/export",
    summary="Kết xuất kết quả tìm kiếm (XLSX, DOCX, PDF)",
    operation_id="search_export",
    response={200: None},
)
def search_export(request: HttpRequest, query: Query[SearchExportQueryIn]) -> HttpResponse:
    return export_results(actor=request_user(request), query=query)


@router.get(
    "/search/saved",
    response=list[SavedSearchOut],
    summary="Các tìm kiếm đã lưu",
    operation_id="search_saved_list",
)
def saved_list(request: HttpRequest) -> list[Any]:
    return list(saved_searches_of(actor=request_user(request)))


@router.post(
    "/search/saved",
    response={201: SavedSearchOut},
    summary="Lưu một tìm kiếm",
    operation_id="search_saved_create",
)
def saved_create(request: HttpRequest, payload: SavedSearchIn) -> Status[Any]:
    saved = services.saved_search_create(
        actor=request_user(request),
        name=payload.name,
        query=payload.query,
        filters=payload.filters,
        sort=payload.sort,
        columns=list(payload.columns),
    )
    return Status(201, saved)


@router.delete(
    "/search/saved/{int:saved_id}",
    response={204: None},
    summary="Xóa một tìm kiếm đã lưu",
    operation_id="search_saved_delete",
)
def saved_delete(request: HttpRequest, saved_id: int) -> Status[None]:
    services.saved_search_delete(actor=request_user(request), pk=saved_id)
    return Status(204, None)
