"""A report as data: titled sections of captioned tables, printed alike in XLSX and PDF."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportTable:
    """One table of a report: caption, column titles, rows of cells.

    ``numeric`` right-aligns every column but the first; ``total_rows`` are the indexes of
    the rows printed in bold (totals).
    """

    columns: Sequence[Any]
    rows: Sequence[Sequence[Any]]
    empty: str
    caption: str = ""
    numeric: bool = False
    total_rows: frozenset[int] = frozenset()

    def as_context(self) -> dict[str, Any]:
        """Return the table as the ``documents/printing/sections.html`` template reads it."""
        rows = [
            {"cells": cells, "total": index in self.total_rows}
            for index, cells in enumerate(self.rows)
        ]
        return {
            "caption": self.caption,
            "columns": self.columns,
            "rows": rows,
            "numeric": self.numeric,
            "empty": self.empty,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportSection:
    """A titled part of a report: a new page in PDF, a sheet in XLSX."""

    title: str
    tables: list[ReportTable] = field(default_factory=list)
    sheet: str = ""
