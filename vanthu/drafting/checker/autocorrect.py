"""``autocorrect_docx``: fix what is safe — page size, margins, fonts, sizes, bold/italic,
the "Số:" spelling, number and date-line padding, the page-number setup. Never the wording.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from docx.shared import Pt
from docx.text.run import Run

from vanthu.drafting.checker import fixes
from vanthu.drafting.checker.check import check_view
from vanthu.drafting.checker.findings import Finding
from vanthu.drafting.checker.locate import Layout, locate
from vanthu.drafting.checker.model import DocView, ParaView
from vanthu.drafting.checker.reader import build_view, open_docx
from vanthu.drafting.checker.specs import SPECS

_FORMAT_RULES = frozenset({"size", "bold", "italic"})


def _component_paras(layout: Layout, component: str) -> list[ParaView]:
    single: dict[str, ParaView | None] = {
        "national_name": layout.national_name,
        "motto": layout.motto,
        "number": layout.number,
        "date_line": layout.date_line,
        "type_name": layout.type_name,
        "recipients_label": layout.recipients_label,
    }
    if component in single:
        para = single[component]
        return [para] if para is not None else []
    many: dict[str, list[ParaView]] = {
        "superior": layout.superior,
        "issuer": layout.issuer,
        "subject": layout.subject,
        "subject_vv": layout.subject_vv,
        "body": layout.body,
        "recipients": layout.recipients,
        "authority": [c.authority for c in layout.signatures if c.authority],
        "position": [p for c in layout.signatures for p in c.positions],
        "signer_name": [c.name for c in layout.signatures if c.name],
    }
    return many.get(component, [])


def _fix_format(layout: Layout, item: Finding) -> None:
    spec = SPECS[item.component]
    for para in _component_paras(layout, item.component):
        for view in para.text_runs:
            font = Run(view.element, None).font  # type: ignore[arg-type]
            if item.rule == "size":
                size = view.size if view.size is not None else 0.0
                font.size = Pt(min(max(size, spec.low), spec.high))
            elif item.rule == "bold":
                font.bold = spec.bold
            elif item.rule == "italic":
                font.italic = spec.italic


def _fix_text(layout: Layout, item: Finding) -> None:
    if item.component == "number" and layout.number is not None:
        fixes.rewrite_paragraph(layout.number, fixes.fixed_number_text(layout.number.stripped))
    elif item.component == "date_line" and layout.date_line is not None:
        fixes.rewrite_paragraph(layout.date_line, fixes.fixed_date_text(layout.date_line.stripped))


def _document_fixers(view: DocView) -> dict[str, Callable[[], None]]:
    return {
        "paper_size": lambda: fixes.fix_page_size(view),
        "margin": lambda: fixes.fix_margins(view),
        "family": lambda: fixes.fix_fonts(view),
        "first_page": lambda: fixes.fix_first_page(view),
        "alignment": lambda: fixes.fix_page_number_alignment(view),
    }


def _apply(view: DocView, layout: Layout, findings: list[Finding]) -> None:
    document_fixers = _document_fixers(view)
    done: set[str] = set()
    for item in findings:
        if not item.autofixable:
            continue
        key = "margin" if item.rule.startswith("margin_") else item.rule
        if item.component == "page_number" and item.rule == "size":
            fixes.fix_page_number_size(view)
        elif key in document_fixers and item.component in {
            "page",
            "margins",
            "font",
            "page_number",
        }:
            if key not in done:
                document_fixers[key]()
                done.add(key)
        elif item.rule in _FORMAT_RULES:
            _fix_format(layout, item)
        else:
            _fix_text(layout, item)


def autocorrect_docx(data: bytes) -> tuple[bytes, list[Finding]]:
    """Return the corrected DOCX and the findings that the correction removed.

    Raises ``InvalidDocxError`` when ``data`` is not a readable DOCX.
    """
    document = open_docx(data)
    view = build_view(document)
    before = check_view(view)
    _apply(view, locate(view), before)
    out = io.BytesIO()
    document.save(out)
    corrected = out.getvalue()
    remaining = {(f.component, f.rule) for f in check_view(build_view(open_docx(corrected)))}
    fixed = [f for f in before if f.autofixable and (f.component, f.rule) not in remaining]
    return corrected, fixed
