"""What the reader extracts from a DOCX: paragraphs with effective run formatting, tables,
sections. Each view keeps its XML element so that the autocorrector can change it in place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

TWIPS_PER_MM = 1440 / 25.4


@dataclass(slots=True)
class RunView:
    """One text run with its effective formatting (None: not set anywhere in the chain)."""

    text: str
    font: str | None
    size: float | None
    bold: bool
    italic: bool
    caps: bool
    element: Any


@dataclass(slots=True)
class ParaView:
    """One paragraph: its text, runs, effective alignment and where it sits."""

    text: str
    runs: list[RunView]
    align: str | None
    element: Any
    in_table: bool = False

    @property
    def stripped(self) -> str:
        """Return the text trimmed, with whitespace runs made single spaces."""
        return " ".join(self.text.split())

    @property
    def shown(self) -> str:
        """Return the text as displayed (runs in "All caps" shown upper case)."""
        return " ".join("".join(r.text.upper() if r.caps else r.text for r in self.runs).split())

    @property
    def text_runs(self) -> list[RunView]:
        """Return the runs that carry visible text."""
        return [run for run in self.runs if run.text.strip()]


@dataclass(slots=True)
class TableView:
    """A table: ``cells[row][column]`` is the list of paragraphs of that cell."""

    cells: list[list[list[ParaView]]]
    element: Any

    def column(self, index: int) -> list[ParaView]:
        """Return the paragraphs of one column, row after row."""
        return [p for row in self.cells if len(row) > index for p in row[index]]

    @property
    def paragraphs(self) -> list[ParaView]:
        """Return every paragraph of the table, row by row, cell by cell."""
        return [p for row in self.cells for cell in row for p in cell]


@dataclass(slots=True)
class SectionView:
    """Page setup and header/footer facts of one section (sizes in twips)."""

    width: int
    height: int
    top: int
    bottom: int
    left: int
    right: int
    title_page: bool
    header_paragraphs: list[ParaView]
    header_has_page: bool
    page_paragraph: ParaView | None
    first_header_has_page: bool
    footer_has_page: bool
    element: Any


@dataclass(slots=True)
class DocView:
    """The whole document: body blocks in order, and the sections."""

    blocks: list[ParaView | TableView]
    sections: list[SectionView]
    document: Any
    fonts_seen: dict[str | None, int] = field(default_factory=dict)

    @property
    def paragraphs(self) -> list[ParaView]:
        """Return every body paragraph, those inside tables included, in reading order."""
        out: list[ParaView] = []
        for block in self.blocks:
            out.extend(block.paragraphs if isinstance(block, TableView) else [block])
        return out

    @property
    def tables(self) -> list[TableView]:
        """Return the body tables."""
        return [b for b in self.blocks if isinstance(b, TableView)]
