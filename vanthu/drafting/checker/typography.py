"""The typography rule shared by every component: size range, bold, italic, upper case."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext

from vanthu.drafting.checker import patterns as pt
from vanthu.drafting.checker.findings import Finding
from vanthu.drafting.checker.messages import finding, pt_range, size_text
from vanthu.drafting.checker.model import ParaView

DEFAULT_SIZE = 10.0
"""What Word shows when no size is set anywhere (the OOXML default)."""


@dataclass(frozen=True, slots=True)
class Spec:
    """What Annex I fixes for a component (None: not fixed)."""

    low: float
    high: float
    bold: bool | None = None
    italic: bool | None = None
    upper: bool | None = None


def effective_size(size: float | None) -> float:
    """Return the size Word shows for a run."""
    return DEFAULT_SIZE if size is None else size


def _size_finding(component: str, paras: list[ParaView], spec: Spec) -> Finding | None:
    sizes = {effective_size(r.size) for p in paras for r in p.text_runs}
    wrong = sorted(s for s in sizes if not spec.low <= s <= spec.high)
    if not wrong:
        return None
    return finding(
        component,
        "size",
        gettext("cỡ chữ %(found)s, quy định %(wanted)s.")
        % {
            "found": ", ".join(size_text(s) for s in wrong),
            "wanted": pt_range(spec.low, spec.high),
        },
        gettext("Đặt cỡ chữ %(wanted)s.") % {"wanted": pt_range(spec.low, spec.high)},
        autofixable=True,
    )


def _style_finding(
    component: str, paras: list[ParaView], *, attr: str, wanted: bool
) -> Finding | None:
    runs = [r for p in paras for r in p.text_runs]
    if all(getattr(r, attr) == wanted for r in runs):
        return None
    names = {
        ("bold", True): (gettext("chưa in đậm."), gettext("Định dạng chữ in đậm.")),
        ("bold", False): (gettext("không được in đậm."), gettext("Bỏ định dạng in đậm.")),
        ("italic", True): (gettext("chưa in nghiêng."), gettext("Định dạng chữ in nghiêng.")),
        ("italic", False): (
            gettext("phải là chữ đứng, không in nghiêng."),
            gettext("Bỏ định dạng in nghiêng."),
        ),
    }
    message, fix = names[(attr, wanted)]
    return finding(component, attr, message, fix, autofixable=True)


def _case_finding(component: str, paras: list[ParaView], *, upper: bool) -> Finding | None:
    text = " ".join(p.shown for p in paras)
    if pt.is_upper(text) == upper:
        return None
    if upper:
        message, fix = gettext("phải viết in hoa."), gettext("Viết toàn bộ bằng chữ in hoa.")
    else:
        message = gettext("phải viết chữ thường (chỉ viết hoa chữ cái đầu và danh từ riêng).")
        fix = gettext("Viết lại bằng chữ thường theo quy tắc viết hoa (Phụ lục II).")
    return finding(component, "case", message, fix)


def check_typography(component: str, paras: list[ParaView], spec: Spec) -> list[Finding]:
    """Return the typography findings for the paragraphs of one component."""
    paras = [p for p in paras if p.text_runs]
    if not paras:
        return []
    found = [_size_finding(component, paras, spec)]
    if spec.bold is not None:
        found.append(_style_finding(component, paras, attr="bold", wanted=spec.bold))
    if spec.italic is not None:
        found.append(_style_finding(component, paras, attr="italic", wanted=spec.italic))
    if spec.upper is not None:
        found.append(_case_finding(component, paras, upper=spec.upper))
    return [f for f in found if f is not None]
