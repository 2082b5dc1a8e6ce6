"""Plant every fault in several correct documents, and score the checker on the result."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from vanthu.drafting.checker import check_docx
from vanthu.drafting.tests.corpus.builder import build_docx
from vanthu.drafting.tests.corpus.documents import CORRECT_DOCUMENTS
from vanthu.drafting.tests.corpus.faults import FAULTS, PLANTS_PER_FAULT, Fault


@dataclass(frozen=True)
class Planted:
    """One faulty document: which fault, in which base document."""

    fault: Fault
    base_key: str
    data: bytes
    correct: bytes


@cache
def planted_for(fault: Fault) -> tuple[Planted, ...]:
    """Return ``fault`` planted in ``PLANTS_PER_FAULT`` different documents (built once)."""
    count = len(CORRECT_DOCUMENTS)
    index = FAULTS.index(fault)
    planted: list[Planted] = []
    for offset in range(count):
        spec = CORRECT_DOCUMENTS[(index + offset) % count]()
        if not fault.applies(spec):
            continue
        correct = build_docx(spec)
        fault.mutate(spec)
        planted.append(Planted(fault, spec.key, build_docx(spec), correct))
        if len(planted) == PLANTS_PER_FAULT:
            break
    return tuple(planted)


def planted_documents() -> Iterator[Planted]:
    """Yield every fault planted in ``PLANTS_PER_FAULT`` different documents."""
    for fault in FAULTS:
        yield from planted_for(fault)


@dataclass
class Score:
    """The corpus figures."""

    correct_documents: int = 0
    false_positives: int = 0
    planted: int = 0
    detected: int = 0
    missed: list[str] = field(default_factory=list)
    extra_findings: int = 0
    fault_types: int = 0
    seconds: list[float] = field(default_factory=list)

    @property
    def recall(self) -> float:
        """Return detected / planted."""
        return self.detected / self.planted if self.planted else 0.0

    def as_dict(self) -> dict[str, object]:
        """Return the figures for the results file."""
        ordered = sorted(self.seconds)
        return {
            "correct_documents": self.correct_documents,
            "false_positive_findings_on_correct": self.false_positives,
            "fault_types": self.fault_types,
            "planted_faults": self.planted,
            "detected_faults": self.detected,
            "recall": round(self.recall, 4),
            "missed": self.missed,
            "other_findings_on_faulty_documents": self.extra_findings,
            "check_ms_median": round(1000 * ordered[len(ordered) // 2], 1) if ordered else None,
            "check_ms_max": round(1000 * ordered[-1], 1) if ordered else None,
        }


def _timed(data: bytes, score: Score) -> set[tuple[str, str]]:
    start = time.perf_counter()
    findings = check_docx(data)
    score.seconds.append(time.perf_counter() - start)
    return {(f.component, f.rule) for f in findings}


def score_corpus(correct: list[bytes]) -> Score:
    """Check the correct documents and every planted one; return the figures."""
    score = Score(correct_documents=len(correct), fault_types=len(FAULTS))
    for data in correct:
        score.false_positives += len(_timed(data, score))
    for item in planted_documents():
        found = _timed(item.data, score)
        score.planted += 1
        expected = (item.fault.component, item.fault.rule)
        if expected in found:
            score.detected += 1
        else:
            score.missed.append(f"{item.fault.name}@{item.base_key}")
        score.extra_findings += len(found - {expected})
    return score
