"""Import of a legacy incoming register (sổ đăng ký văn bản đến) from Excel (issue 3)."""

from vanthu.incoming.importer.access import agency_for, book_for, can_import, importer_for
from vanthu.incoming.importer.columns import Column, parse_mapping
from vanthu.incoming.importer.report import ImportReport, RowError
from vanthu.incoming.importer.service import ImportOptions, register_import

__all__ = [
    "Column",
    "ImportOptions",
    "ImportReport",
    "RowError",
    "agency_for",
    "book_for",
    "can_import",
    "importer_for",
    "parse_mapping",
    "register_import",
]
