"""What an import run found: the row errors and the counts shown to the clerk."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MAX_KEPT_ERRORS = 1000
MAX_LISTED_GAPS = 50


@dataclass(frozen=True, slots=True)
class RowError:
    """One problem of one row: where it is, what the cell held and what is wrong."""

    row: int
    column: str
    heading: str
    value: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        """Return the error as JSON-ready data."""
        return {
            "row": self.row,
            "column": self.column,
            "heading": self.heading,
            "value": self.value,
            "message": self.message,
        }


@dataclass(slots=True)
class ImportReport:
    """The summary of a dry run or an import.

    ``rows_read`` counts the data rows (blank rows skipped); ``valid`` the rows without error,
    of which ``already_imported`` were found in the register with the same code and
    ``created`` were written by this run. ``errors`` keeps the first ``MAX_KEPT_ERRORS``
    problems; ``error_count`` counts them all and ``invalid_rows`` the rows they are on.
    """

    dry_run: bool
    sheet: str = ""
    header_row: int = 0
    mapping: dict[str, str] = field(default_factory=dict)
    rows_read: int = 0
    valid: int = 0
    invalid_rows: int = 0
    already_imported: int = 0
    created: int = 0
    converted_cells: int = 0
    error_count: int = 0
    errors: list[RowError] = field(default_factory=list)
    highest_number: int = 0
    missing_numbers: list[int] = field(default_factory=list)
    missing_count: int = 0
    created_ids: list[int] = field(default_factory=list)

    @property
    def to_create(self) -> int:
        """Return how many rows a real run writes (or wrote)."""
        return self.valid - self.already_imported

    def add_error(self, error: RowError) -> None:
        """Count an error and keep it while the list is short enough to show."""
        self.error_count += 1
        if len(self.errors) < MAX_KEPT_ERRORS:
            self.errors.append(error)

    def note_gaps(self, numbers: set[int]) -> None:
        """Record which numbers below the highest one the register lacks."""
        self.highest_number = max(numbers, default=0)
        missing = [n for n in range(1, self.highest_number + 1) if n not in numbers]
        self.missing_count = len(missing)
        self.missing_numbers = missing[:MAX_LISTED_GAPS]

    def summary(self) -> dict[str, Any]:
        """Return the counts (for the audit event and the CLI)."""
        return {
            "dry_run": self.dry_run,
            "sheet": self.sheet,
            "header_row": self.header_row,
            "mapping": self.mapping,
            "rows_read": self.rows_read,
            "valid": self.valid,
            "invalid_rows": self.invalid_rows,
            "errors": self.error_count,
            "already_imported": self.already_imported,
            "created": self.created,
            "converted_cells": self.converted_cells,
            "highest_number": self.highest_number,
            "missing_count": self.missing_count,
        }
