"""Planted faults: each changes one thing in a correct ``DocSpec``; the checker must report
``(component, rule)``. ``autofix`` says whether ``autocorrect_docx`` must remove it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from vanthu.drafting.checker import patterns as pt
from vanthu.drafting.tests.corpus.spec import DocSpec

PLANTS_PER_FAULT = 3


@dataclass(frozen=True)
class Fault:
    """One fault type."""

    name: str
    component: str
    rule: str
    autofix: bool
    mutate: Callable[[DocSpec], None]
    applies: Callable[[DocSpec], bool] = lambda spec: True


def _fmt(component: str, **values: object) -> Callable[[DocSpec], None]:
    def mutate(spec: DocSpec) -> None:
        spec.formats[component] = {**spec.formats.get(component, {}), **values}

    return mutate


def _set(**values: object) -> Callable[[DocSpec], None]:
    def mutate(spec: DocSpec) -> None:
        for name, value in values.items():
            setattr(spec, name, value)

    return mutate


def _margin(side: str, value: float) -> Callable[[DocSpec], None]:
    def mutate(spec: DocSpec) -> None:
        spec.margins = {**spec.margins, side: value}

    return mutate


def _number(edit: Callable[[str], str]) -> Callable[[DocSpec], None]:
    def mutate(spec: DocSpec) -> None:
        spec.number = edit(spec.number)

    return mutate


def _date(edit: Callable[[str], str]) -> Callable[[DocSpec], None]:
    def mutate(spec: DocSpec) -> None:
        assert spec.date is not None
        spec.date = edit(spec.date)

    return mutate


def _recipients(edit: Callable[[list[str]], list[str]]) -> Callable[[DocSpec], None]:
    def mutate(spec: DocSpec) -> None:
        spec.recipients = edit(list(spec.recipients))

    return mutate


def _two_level(spec: DocSpec) -> bool:
    return any(pt.AUTHORITY_ANY.match(line) for line in spec.signatures[0][1][:1])


def _second_authority(spec: DocSpec) -> None:
    authority, positions, name = spec.signatures[0]
    second = positions[0].replace("KT.", "KT").replace("Q.", "Q ")
    spec.signatures[0] = (authority, [second, *positions[1:]], name)


def _tuq_over_kt(spec: DocSpec) -> None:
    """Put a deputy's "KT." under a "TUQ." line: an authorisation passed on (not allowed)."""
    authority, positions, name = spec.signatures[0]
    spec.signatures[0] = ("TUQ. CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", [authority, *positions], name)


def _authority(spec: DocSpec) -> None:
    authority, positions, name = spec.signatures[0]
    spec.signatures[0] = (authority.replace("KT.", "K/T.").replace("TM.", "T.M."), positions, name)


def _unpadded_number(number: str) -> str:
    head, _sep, code = number.partition("/")
    return f"Số: {int(head.split()[-1])}/{code}"


def _has_date(spec: DocSpec) -> bool:
    return spec.date is not None


def _small_number(spec: DocSpec) -> bool:
    return int(spec.number.split()[-1].split("/")[0]) < 10


def _typed(spec: DocSpec) -> bool:
    return bool(spec.type_name)


FAULTS: tuple[Fault, ...] = (
    Fault("letter_paper", "page", "paper_size", True, _set(page=(215.9, 279.4))),
    Fault("margin_left_25", "margins", "margin_left", True, _margin("left", 25)),
    Fault("margin_top_30", "margins", "margin_top", True, _margin("top", 30)),
    Fault("margin_right_25", "margins", "margin_right", True, _margin("right", 25)),
    Fault("font_arial", "font", "family", True, _set(font="Arial")),
    Fault("body_font_calibri", "font", "family", True, _fmt("body", font="Calibri")),
    Fault("national_name_14pt", "national_name", "size", True, _fmt("national_name", size=14)),
    Fault(
        "national_name_hoa",
        "national_name",
        "text",
        False,
        _set(national_name="CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ),
    Fault("motto_no_spaces", "motto", "hyphens", False, _set(motto="Độc lập-Tự do-Hạnh phúc")),
    Fault("motto_not_bold", "motto", "bold", True, _fmt("motto", bold=False)),
    Fault("issuer_not_bold", "issuer", "bold", True, _fmt("issuer", bold=False)),
    Fault("so_upper", "number", "spelling", True, _number(lambda n: n.replace("Số", "SỐ"))),
    Fault("so_no_colon", "number", "spelling", True, _number(lambda n: n.replace("Số:", "Số"))),
    Fault(
        "number_unpadded",
        "number",
        "padding",
        True,
        _number(_unpadded_number),
        applies=_small_number,
    ),
    Fault("number_14pt", "number", "size", True, _fmt("number", size=14)),
    Fault(
        "notation_spaces",
        "number",
        "notation_shape",
        False,
        _number(lambda n: n.replace("-", " - ")),
    ),
    Fault(
        "notation_slash",
        "number",
        "notation_shape",
        False,
        _number(lambda n: n[: -1 - len(n.split("-")[-1])] + "/" + n.split("-")[-1]),
    ),
    Fault(
        "notation_lower",
        "number",
        "notation_case",
        False,
        _number(lambda n: n.split("-")[0] + "-" + n.split("-")[1].lower()),
    ),
    Fault(
        "notation_type_mismatch",
        "number",
        "notation_type",
        False,
        _number(lambda n: n.replace("/" + n.split("/")[1].split("-")[0] + "-", "/CV-")),
        applies=_typed,
    ),
    Fault(
        "date_day_unpadded",
        "date_line",
        "day_padding",
        True,
        _date(lambda d: d.replace("ngày 0", "ngày ")),
        applies=lambda s: "ngày 0" in (s.date or ""),
    ),
    Fault(
        "date_month_padded",
        "date_line",
        "month_padding",
        True,
        _date(lambda d: d.replace("tháng ", "tháng 0")),
        applies=lambda s: bool(s.date) and " tháng 0" not in (s.date or ""),
    ),
    Fault(
        "date_day_month_bare",
        "date_line",
        "month_padding",
        True,
        _date(lambda d: d.replace("tháng 0", "tháng ")),
        applies=lambda s: "tháng 0" in (s.date or ""),
    ),
    Fault(
        "date_not_italic",
        "date_line",
        "italic",
        True,
        _fmt("date_line", italic=False),
        applies=_has_date,
    ),
    Fault(
        "date_no_comma",
        "date_line",
        "comma",
        False,
        _date(lambda d: d.replace(",", "")),
        applies=_has_date,
    ),
    Fault(
        "type_name_lower", "type_name", "case", False, _set(upper_type_name=False), applies=_typed
    ),
    Fault(
        "type_name_not_bold",
        "type_name",
        "bold",
        True,
        _fmt("type_name", bold=False),
        applies=_typed,
    ),
    Fault("subject_not_bold", "subject", "bold", True, _fmt("subject", bold=False), applies=_typed),
    Fault(
        "recipients_label_plain",
        "recipients_label",
        "italic",
        True,
        _fmt("recipients_label", italic=False),
    ),
    Fault(
        "recipients_label_not_bold",
        "recipients_label",
        "bold",
        True,
        _fmt("recipients_label", bold=False),
    ),
    Fault("recipients_13pt", "recipients", "size", True, _fmt("recipients", size=13)),
    Fault(
        "missing_luu",
        "recipients",
        "archive_line",
        False,
        _recipients(lambda r: r[:-1] or ["- Như trên."]),
    ),
    Fault(
        "last_no_period",
        "recipients",
        "final_period",
        False,
        _recipients(lambda r: [*r[:-1], r[-1].rstrip(".")]),
    ),
    Fault(
        "authority_k_slash_t",
        "authority",
        "prefix",
        False,
        _authority,
        applies=lambda s: s.signatures[0][0].startswith(("KT.", "TM.")),
    ),
    Fault(
        "second_authority_no_period",
        "authority",
        "prefix",
        False,
        _second_authority,
        applies=_two_level,
    ),
    Fault(
        "authority_tuq_then_kt",
        "authority",
        "combination",
        False,
        _tuq_over_kt,
        applies=lambda s: s.signatures[0][0].startswith("KT."),
    ),
    Fault(
        "position_not_bold",
        "position",
        "bold",
        True,
        _fmt("position", bold=False),
        applies=lambda s: any(sig[1] for sig in s.signatures),
    ),
    Fault(
        "page_number_on_first_page",
        "page_number",
        "first_page",
        True,
        _set(page_numbers="all_pages"),
        applies=lambda s: s.page_numbers == "header",
    ),
    Fault(
        "page_numbers_missing",
        "page_number",
        "missing",
        False,
        _set(page_numbers="none"),
        applies=lambda s: s.is_long,
    ),
    Fault("page_number_in_footer", "page_number", "position", False, _set(page_numbers="footer")),
    Fault("body_12pt", "body", "size", True, _fmt("body", size=12)),
)
