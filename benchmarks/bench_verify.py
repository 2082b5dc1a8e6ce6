"""Benchmark: verifying signed PDFs (``vanthu.signing.validation.validate_pdf``).

Budget (issue 5): at most 0.5 s per signature. Builds the test PKI in a temporary folder, runs
its loopback services (time-stamp authority, CRLs), signs a one-page Decree 30 sample with
pyHanko at PAdES B-B, B-T, B-LT and with two signatures (signer then agency), then validates
each file ``--rounds`` times online (CRLs fetched from loopback, as in an installation that
reaches its CAs) and offline (no fetching; B-LT uses its embedded data). Reports the median,
p95 and maximum time per signature and writes ``benchmarks/results/verify.json``.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results"
BUDGET_MS = 500.0


def _files(pki: Any, tsa_url: str) -> dict[str, tuple[bytes, int]]:
    """Return the signed files and how many signatures each carries."""
    # Imported after django.setup(): these modules read settings and translations.
    from vanthu.signing.tests.pdfs import sample_pdf  # noqa: PLC0415
    from vanthu.signing.tests.verify_pdfs import sign  # noqa: PLC0415

    plain = sample_pdf()
    signed = sign(plain, pki.signer)
    return {
        "b_b": (signed, 1),
        "b_t": (sign(plain, pki.signer, tsa_url=tsa_url), 1),
        "b_lt": (sign(plain, pki.agency, tsa_url=tsa_url, lt_root=pki.root.cert_der), 1),
        "two_signatures": (sign(signed, pki.agency, field_name="ChuKy2"), 2),
    }


def _measure(
    files: dict[str, tuple[bytes, int]], roots: list[bytes], rounds: int
) -> dict[str, dict[str, Any]]:
    from vanthu.signing.validation import validate_pdf  # noqa: PLC0415 - after django.setup()

    rows: dict[str, dict[str, Any]] = {}
    for mode, fetch in (("online", True), ("offline", False)):
        for name, (data, signatures) in files.items():
            validate_pdf(data, trust_roots=roots, allow_fetching=fetch)  # warm-up
            per_signature, statuses = [], set()
            for _round in range(rounds):
                start = time.perf_counter()
                result = validate_pdf(data, trust_roots=roots, allow_fetching=fetch)
                per_signature.append((time.perf_counter() - start) * 1000 / signatures)
                statuses.add(str(result.status))
            rows[f"{mode}_{name}"] = _figures(per_signature) | {
                "signatures": signatures,
                "statuses": sorted(statuses),
            }
    return rows


def _figures(timings: list[float]) -> dict[str, float]:
    timings = sorted(timings)
    return {
        "median_ms": round(timings[len(timings) // 2], 1),
        "p95_ms": round(timings[max(0, int(len(timings) * 0.95) - 1)], 1),
        "max_ms": round(timings[-1], 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django  # noqa: PLC0415 - set up only when run

    django.setup()
    for name in ("pyhanko", "pyhanko_certvalidator"):  # one log line per CRL fetch otherwise
        logging.getLogger(name).setLevel(logging.ERROR)
    from vanthu.signing.testpki import build_test_pki, loopback_services  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as tmp:
        pki = build_test_pki(Path(tmp) / "pki")
        with loopback_services(pki) as services:
            files = _files(pki, services.tsa_url)
            rows = _measure(files, [pki.root.cert_der], args.rounds)
    worst = max(row["p95_ms"] for row in rows.values())
    figures: dict[str, Any] = {"rounds": args.rounds, "budget_ms_per_signature": BUDGET_MS}
    figures |= rows
    figures["worst_p95_ms_per_signature"] = worst
    figures["ok"] = worst <= BUDGET_MS
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "verify.json").write_text(json.dumps(figures, indent=2) + "\n")
    print(
        f"verify: worst p95 {worst} ms per signature over B-B/B-T/B-LT/two signatures, online "
        f"and offline (budget {BUDGET_MS:.0f} ms) — {'OK' if figures['ok'] else 'OVER BUDGET'}"
    )
    return 0 if figures["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
