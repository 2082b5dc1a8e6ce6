"""Page numbers: a PAGE field centred in the header (top margin), not shown on page 1."""

from __future__ import annotations

from django.utils.translation import gettext

from vanthu.drafting.checker.findings import Finding
from vanthu.drafting.checker.messages import finding, pt_range, size_text
from vanthu.drafting.checker.model import DocView, SectionView
from vanthu.drafting.checker.pages import estimate_pages
from vanthu.drafting.checker.specs import SPECS
from vanthu.drafting.checker.typography import effective_size

MULTI_PAGE_THRESHOLD = 1.15
"""Above this estimate the document surely has a second page and needs page numbers."""


def _numbered(section: SectionView) -> list[Finding]:
    found: list[Finding] = []
    if not section.title_page or section.first_header_has_page:
        found.append(
            finding(
                "page_number",
                "first_page",
                gettext("số trang hiện ở trang thứ nhất; trang đầu không đánh số."),
                gettext("Chọn “Trang đầu khác” (Different first page) cho đầu trang."),
                autofixable=True,
            )
        )
    para = section.page_paragraph
    if para is not None and para.align != "center":
        found.append(
            finding(
                "page_number",
                "alignment",
                gettext("số trang phải canh giữa."),
                gettext("Canh giữa số trang ở lề trên."),
                autofixable=True,
            )
        )
    spec = SPECS["page_number"]
    sizes = {effective_size(r.size) for r in para.runs} if para is not None else set()
    wrong = sorted(s for s in sizes if not spec.low <= s <= spec.high)
    if wrong:
        found.append(
            finding(
                "page_number",
                "size",
                gettext("cỡ chữ số trang %(found)s, quy định %(wanted)s.")
                % {"found": size_text(wrong[0]), "wanted": pt_range(spec.low, spec.high)},
                gettext("Đặt cỡ chữ số trang %(wanted)s.")
                % {"wanted": pt_range(spec.low, spec.high)},
                autofixable=True,
            )
        )
    return found


def check_page_numbers(view: DocView) -> list[Finding]:
    """Return the findings on page numbering."""
    if not view.sections:
        return []
    section = view.sections[0]
    if any(s.footer_has_page for s in view.sections):
        return [
            finding(
                "page_number",
                "position",
                gettext("số trang đặt ở chân trang; phải đặt ở lề trên, canh giữa."),
                gettext("Chuyển số trang lên đầu trang (Header), canh giữa."),
            )
        ]
    if section.header_has_page:
        return _numbered(section)
    if estimate_pages(view) > MULTI_PAGE_THRESHOLD:
        return [
            finding(
                "page_number",
                "missing",
                gettext("văn bản nhiều trang nhưng không đánh số trang."),
                gettext("Chèn số trang (trường PAGE) ở đầu trang, canh giữa, từ trang thứ hai."),
            )
        ]
    return []
