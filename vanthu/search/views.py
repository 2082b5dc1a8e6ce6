"""The search page: one box, facets, a choice of result columns (thin: one selector call)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from pydantic import ValidationError

from vanthu.accounts.models import User
from vanthu.core.errors import DomainError
from vanthu.search.backends.base import Sort
from vanthu.search.export import chosen_columns, column_titles
from vanthu.search.presenters import facets, filters_of, item
from vanthu.search.schemas import SearchQueryIn
from vanthu.search.selectors import search_for


@login_required
def search_page(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)  # noqa: S101 — login_required
    columns = ",".join(request.GET.getlist("columns"))
    context: dict[str, Any] = {"q": "", "columns": chosen_columns(columns)}
    context["titles"] = column_titles()
    try:
        query = SearchQueryIn.model_validate({k: v for k, v in request.GET.items() if v != ""})
    except ValidationError:
        query = SearchQueryIn.model_validate({})
        context["error"] = DomainError().message
    context["q"] = query.q
    if "q" in request.GET:
        try:
            results = search_for(
                actor=user,
                q=query.q,
                filters=filters_of(query),
                sort=Sort(query.sort),
                limit=query.limit,
                cursor=query.cursor,
                facets=True,
            )
        except DomainError as error:
            context["error"] = error.message
        else:
            context["items"] = [item(result) for result in results.items]
            context["facets"] = facets(user, results)
            context["next_cursor"] = results.next_cursor
    partial = request.headers.get("HX-Request") == "true"
    template = "search/results.html" if partial else "search/page.html"
    return render(request, template, context)
