"""SQL pieces of the RUM backend: the access and filter conditions, and the facet counts."""

from __future__ import annotations

from typing import Any

from django.db import connection

from vanthu.search.backends.base import Access, SearchFilters

TABLE = "search_rumentry"
# The secondary indexes of the table (as migration 0002 creates them), by name.
INDEXES = {
    "search_rum_tsv": f"CREATE INDEX IF NOT EXISTS search_rum_tsv ON {TABLE} "
    "USING rum (tsv rum_tsvector_ops)",
    "search_rum_keys": f"CREATE INDEX IF NOT EXISTS search_rum_keys ON {TABLE} USING gin (keys)",
    "search_rum_issued": f"CREATE INDEX IF NOT EXISTS search_rum_issued ON {TABLE} "
    "(issued DESC, id DESC)",
}
_FACETS = {
    "type": "type",
    "organ": "organ",
    "year": "year::text",
    "status": "status",
    "confidentiality": "conf::text",
    "in_dossier": "CASE WHEN in_dossier THEN '1' ELSE '0' END",
}


def scope_sql(access: Access, filters: SearchFilters) -> tuple[str, list[Any]]:
    """Return the WHERE condition (and its parameters) of the access and the filters."""
    conditions = ["keys && %s::text[]", "conf <= %s"]
    params: list[Any] = [list(access.keys), access.max_confidentiality]
    equal = {
        "kind": filters.kind,
        "type": filters.type_code,
        "organ": filters.organ,
        "status": filters.status,
        "year": filters.year,
        "conf": filters.confidentiality,
        "in_dossier": filters.in_dossier,
    }
    for column, value in equal.items():
        if value is not None and value != "":
            conditions.append(f"{column} = %s")
            params.append(value)
    if filters.unit is not None:
        conditions.append("%s = ANY(units)")
        params.append(filters.unit)
    if filters.date_from is not None:
        conditions.append("issued >= %s")
        params.append(filters.date_from)
    if filters.date_to is not None:
        conditions.append("issued <= %s")
        params.append(filters.date_to)
    return " AND ".join(conditions), params


def facets_sql(where: str, params: list[Any]) -> dict[str, list[tuple[str, int]]]:
    """Return the facet counts of the rows matching ``where`` (top 20 values each)."""
    found: dict[str, list[tuple[str, int]]] = {}
    with connection.cursor() as cursor:
        for name, expression in _FACETS.items():
            cursor.execute(
                f"SELECT {expression} AS value, count(*) FROM {TABLE} WHERE {where} "  # noqa: S608
                "GROUP BY value ORDER BY count(*) DESC, value LIMIT 20",
                params,
            )
            found[name] = [(str(value), int(count)) for value, count in cursor.fetchall()]
        cursor.execute(
            f"SELECT unit::text AS value, count(*) FROM {TABLE}, unnest(units) AS unit "  # noqa: S608
            f"WHERE {where} GROUP BY value ORDER BY count(*) DESC, value LIMIT 20",
            params,
        )
        found["unit"] = [(str(value), int(count)) for value, count in cursor.fetchall()]
    return found
