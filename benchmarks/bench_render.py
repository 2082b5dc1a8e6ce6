"""Benchmark: render a typical two-page document to DOCX, and convert it to PDF.

Budgets (issue 4): DOCX render ≤ 200 ms per typical document (p95 over 50 runs); PDF
conversion ≤ 2 s per document (p95 over 30 warm runs through the process's resident LibreOffice,
PDF and PDF/A-2b; the one-off start of the resident converter and 3 cold ``soffice --convert-to``
runs — the fall-back path — are reported beside it). Writes ``benchmarks/results/render.json``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results"
RENDER_RUNS = 50
PDF_RUNS = 30
COLD_RUNS = 3
RENDER_BUDGET_MS = 200.0
PDF_BUDGET_S = 2.0


def _percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> int:
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django  # noqa: PLC0415 — settings must be chosen first

    django.setup()
    from pypdf import PdfReader  # noqa: PLC0415

    from vanthu.drafting.pdf import cold_docx_to_pdf, docx_to_pdf  # noqa: PLC0415
    from vanthu.drafting.render import render_docx  # noqa: PLC0415
    from vanthu.drafting.tests.render_samples import long_plan  # noqa: PLC0415

    content = long_plan(paragraphs=10, appendices=[])
    day = dt.date(2026, 4, 23)
    render_docx(content, number=26, issued_on=day)  # warm caches (fonts, templates)
    render_ms = []
    for _run in range(RENDER_RUNS):
        started = time.perf_counter()
        data = render_docx(content, number=26, issued_on=day)
        render_ms.append((time.perf_counter() - started) * 1000)
    started = time.perf_counter()
    docx_to_pdf(data)  # starts this process's resident LibreOffice
    first_s = time.perf_counter() - started
    pdf_s = []
    for run in range(PDF_RUNS):
        started = time.perf_counter()
        pdf = docx_to_pdf(data, pdfa=run % 2 == 1)
        pdf_s.append(time.perf_counter() - started)
    cold_s = []
    for _run in range(COLD_RUNS):
        started = time.perf_counter()
        cold_docx_to_pdf(data)
        cold_s.append(time.perf_counter() - started)
    import io  # noqa: PLC0415

    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    render_summary = {
        "runs": RENDER_RUNS,
        "p50": round(statistics.median(render_ms), 1),
        "p95": round(_percentile(render_ms, 0.95), 1),
        "budget_p95": RENDER_BUDGET_MS,
    }
    pdf_summary = {
        "runs": PDF_RUNS,
        "mode": "resident LibreOffice, every other run PDF/A-2b",
        "p50": round(statistics.median(pdf_s), 3),
        "p95": round(_percentile(pdf_s, 0.95), 3),
        "budget_p95": PDF_BUDGET_S,
        "resident_start_s": round(first_s, 2),
        "cold_runs": COLD_RUNS,
        "cold_p50": round(statistics.median(cold_s), 2),
        "cold_max": round(max(cold_s), 2),
    }
    ok = render_summary["p95"] <= RENDER_BUDGET_MS and _percentile(pdf_s, 0.95) <= PDF_BUDGET_S
    result = {
        "document": "Kế hoạch, 10 clauses and a table",
        "pages": pages,
        "docx_bytes": len(data),
        "render_ms": render_summary,
        "pdf_s": pdf_summary,
        "load_average_1m": round(os.getloadavg()[0], 1),
        "within_budget": ok,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "render.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(
        f"render: {pages}-page DOCX p50 {render_summary['p50']} ms, "
        f"p95 {render_summary['p95']} ms (≤ {RENDER_BUDGET_MS:.0f}); "
        f"PDF p50 {pdf_summary['p50']} s, p95 {pdf_summary['p95']} s (≤ {PDF_BUDGET_S:.0f}; "
        f"resident start {pdf_summary['resident_start_s']} s, cold p50 {pdf_summary['cold_p50']} s)"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
