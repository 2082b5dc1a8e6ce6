"""The description of one corpus document, formatting knobs included (for planting faults)."""

from __future__ import annotations

from dataclasses import dataclass, field

RunFormat = dict[str, object]
"""Keys: ``size`` (pt), ``bold``, ``italic``, ``font``."""

DEFAULT_FORMATS: dict[str, RunFormat] = {
    "superior": {"size": 13, "bold": False},
    "issuer": {"size": 13, "bold": True},
    "number": {"size": 13},
    "subject_vv": {"size": 12},
    "national_name": {"size": 13, "bold": True},
    "motto": {"size": 14, "bold": True},
    "date_line": {"size": 14, "italic": True},
    "type_name": {"size": 14, "bold": True},
    "subject": {"size": 14, "bold": True},
    "body": {"size": 14},
    "basis": {"size": 14, "italic": True},
    "authority": {"size": 14, "bold": True},
    "position": {"size": 14, "bold": True},
    "signer_name": {"size": 14, "bold": True},
    "recipients_label": {"size": 12, "bold": True, "italic": True},
    "recipients": {"size": 11},
    "page_number": {"size": 14},
    "table": {"size": 13},
}


@dataclass
class DocSpec:
    """One document: its texts and how they are formatted."""

    key: str
    issuer: str
    number: str
    date: str | None
    national_name: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto: str = "Độc lập - Tự do - Hạnh phúc"
    superior: str = ""
    subject_vv: str = ""
    type_name: str = ""
    subject: list[str] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    bases: list[str] = field(default_factory=list)
    addressees: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    table: list[list[str]] = field(default_factory=list)
    signatures: list[tuple[str, list[str], str]] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    recipients_below: bool = False
    two_row_header: bool = False
    font: str = "Times New Roman"
    page: tuple[float, float] = (210, 297)
    margins: dict[str, float] = field(
        default_factory=lambda: {"top": 20, "bottom": 20, "left": 30, "right": 15}
    )
    page_numbers: str = "header"
    """``header`` (from page 2), ``all_pages`` (page 1 too), ``footer`` or ``none``."""
    formats: dict[str, RunFormat] = field(default_factory=dict)
    upper_type_name: bool = True

    def fmt(self, component: str) -> RunFormat:
        """Return the run format of a component (defaults with this spec's overrides)."""
        return {
            "font": self.font,
            **DEFAULT_FORMATS[component],
            **self.formats.get(component, {}),
        }

    @property
    def is_long(self) -> bool:
        """Return whether the document surely runs over one page."""
        return sum(len(p) for p in self.body) > 4000 or len(self.table) > 25
