"""Benchmark: the format checker (``check_docx``) on the corpus documents.

Budget (issue 4): at most 300 ms per document. Checks every correct corpus document (hand-made
and rendered) and every planted one, ``--rounds`` times each, and reports the median, p95 and
maximum time per document. Writes ``benchmarks/results/format_check.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results"
BUDGET_MS = 300.0


def _corpus() -> list[bytes]:
    # Imported after django.setup(): these modules read settings and translations.
    from vanthu.drafting.render import render_docx  # noqa: PLC0415
    from vanthu.drafting.tests.corpus.builder import build_docx  # noqa: PLC0415
    from vanthu.drafting.tests.corpus.documents import CORRECT_DOCUMENTS  # noqa: PLC0415
    from vanthu.drafting.tests.corpus.plant import planted_documents  # noqa: PLC0415
    from vanthu.drafting.tests.corpus.rendered import ISSUED_NUMBERS, drafts  # noqa: PLC0415

    documents = [build_docx(make()) for make in CORRECT_DOCUMENTS]
    documents += [
        render_docx(draft, number=number, issued_on=day)
        for draft in drafts()
        for number, day in ISSUED_NUMBERS
    ]
    documents += [item.data for item in planted_documents()]
    return documents


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django  # noqa: PLC0415 - set up only when run

    django.setup()
    from vanthu.drafting.checker import check_docx  # noqa: PLC0415 - after django.setup()

    documents = _corpus()
    check_docx(documents[0])  # warm-up: imports, caches
    timings: list[float] = []
    for _round in range(args.rounds):
        for data in documents:
            start = time.perf_counter()
            check_docx(data)
            timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    figures = {
        "documents": len(documents),
        "checks": len(timings),
        "median_ms": round(timings[len(timings) // 2], 1),
        "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 1),
        "max_ms": round(timings[-1], 1),
        "budget_ms": BUDGET_MS,
    }
    figures["ok"] = figures["max_ms"] <= BUDGET_MS
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "format_check.json").write_text(json.dumps(figures, indent=2) + "\n")
    print(
        f"format check: {figures['documents']} documents, median {figures['median_ms']} ms, "
        f"p95 {figures['p95_ms']} ms, max {figures['max_ms']} ms (budget {BUDGET_MS:.0f} ms)"
        f" — {'OK' if figures['ok'] else 'OVER BUDGET'}"
    )
    return 0 if figures["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
