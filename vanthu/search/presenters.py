"""Turning search results into API/UI values: items, facets with labels, filter parsing."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from vanthu.accounts.models import OrgUnit, User
from vanthu.core.text import clean_text
from vanthu.documents.enums import Confidentiality
from vanthu.documents.models import DocumentType
from vanthu.search.backends.base import SearchFilters
from vanthu.search.schemas import SearchQueryIn
from vanthu.search.selectors import SearchResult, SearchResults


def _text(value: str | None) -> str | None:
    """Return a filter value in NFC without control characters (None when empty)."""
    if value is None:
        return None
    cleaned = clean_text("".join(c for c in value if c.isprintable()))
    return cleaned or None


def filters_of(query: SearchQueryIn) -> SearchFilters:
    return SearchFilters(
        type_code=_text(query.type),
        organ=_text(query.organ),
        year=query.year,
        date_from=query.date_from,
        date_to=query.date_to,
        status=_text(query.status),
        unit=query.unit,
        confidentiality=query.confidentiality,
        in_dossier=query.in_dossier,
        kind=query.kind,
    )


def item(result: SearchResult) -> dict[str, Any]:
    hit = result.hit
    return {
        "id": hit.id,
        "kind": hit.kind,
        "code_number": hit.code_number,
        "code_notation": hit.code_notation,
        "subject": hit.subject,
        "issued_date": hit.issued_date,
        "organ_name": hit.organ_name,
        "snippet": result.snippet,
    }


def facets(actor: User, results: SearchResults) -> dict[str, list[dict[str, Any]]]:
    """Return the facets with a label for each value (units only of the actor's agency)."""
    labels = _labels(actor, results.facets)
    return {
        name: [
            {"value": value, "label": labels.get(name, {}).get(value, value), "count": count}
            for value, count in buckets
            if not (name == "unit" and value == "0")
        ]
        for name, buckets in results.facets.items()
    }


def _labels(actor: User, found: dict[str, list[tuple[str, int]]]) -> dict[str, dict[str, str]]:
    types = {code for code, _count in found.get("type", [])}
    units = {int(v) for v, _count in found.get("unit", []) if v.isdigit()}
    agency_units = OrgUnit.objects.filter(pk__in=units, agency_id=actor.agency_id or 0)
    return {
        "type": dict(DocumentType.objects.filter(code__in=types).values_list("code", "name")),
        "unit": {str(pk): name for pk, name in agency_units.values_list("pk", "name")},
        "confidentiality": {str(value): str(label) for value, label in Confidentiality.choices},
        "in_dossier": {"0": _("Chưa vào hồ sơ"), "1": _("Đã vào hồ sơ")},
        "kind": {"incoming": _("Văn bản đến"), "outgoing": _("Văn bản đi")},
    }
