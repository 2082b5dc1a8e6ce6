"""The corpus figures: recall on planted faults, no finding on correct documents, and the
auto-correction of every auto-correctable fault with the wording untouched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vanthu.drafting.checker import autocorrect_docx, check_docx
from vanthu.drafting.checker.reader import read_docx
from vanthu.drafting.render import render_docx
from vanthu.drafting.tests.corpus.builder import build_docx
from vanthu.drafting.tests.corpus.documents import CORRECT_DOCUMENTS
from vanthu.drafting.tests.corpus.faults import FAULTS, PLANTS_PER_FAULT
from vanthu.drafting.tests.corpus.plant import planted_documents, planted_for, score_corpus
from vanthu.drafting.tests.corpus.rendered import ISSUED_NUMBERS, drafts

RESULTS = Path(__file__).resolve().parents[3] / "benchmarks" / "results" / "format_checker.json"


def _rendered() -> list[bytes]:
    return [
        render_docx(draft, number=number, issued_on=day)
        for draft in drafts()
        for number, day in ISSUED_NUMBERS
    ]


def _texts(data: bytes) -> list[str]:
    return [p.stripped for p in read_docx(data).paragraphs]


def test_the_corpus_has_six_types_and_fifteen_faults_each_planted_three_times() -> None:
    keys = {make().type_name or "CÔNG VĂN" for make in CORRECT_DOCUMENTS}
    assert len(keys) >= 6
    assert len(FAULTS) >= 15
    counts: dict[str, int] = {}
    for item in planted_documents():
        counts[item.fault.name] = counts.get(item.fault.name, 0) + 1
    assert counts == {fault.name: PLANTS_PER_FAULT for fault in FAULTS}


@pytest.mark.parametrize("make", CORRECT_DOCUMENTS, ids=lambda make: make.__name__)
def test_a_correct_hand_made_document_has_no_finding(make: object) -> None:
    assert check_docx(build_docx(make())) == []  # type: ignore[operator]


@pytest.mark.parametrize("index", range(len(drafts())))
def test_the_renderers_output_has_no_finding(index: int) -> None:
    draft = drafts()[index]
    for number, day in ISSUED_NUMBERS:
        assert check_docx(render_docx(draft, number=number, issued_on=day)) == []


def test_recall_and_false_positives_are_within_the_budget_and_written_down() -> None:
    correct = [build_docx(make()) for make in CORRECT_DOCUMENTS] + _rendered()
    score = score_corpus(correct)
    figures = score.as_dict()
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print("format checker corpus:", json.dumps(figures, ensure_ascii=False))  # noqa: T201
    assert score.false_positives == 0
    assert score.planted >= 15 * 3
    assert score.recall >= 0.95, score.missed


@pytest.mark.parametrize("fault", [f for f in FAULTS if f.autofix], ids=lambda f: f.name)
def test_autocorrect_removes_each_correctable_fault_and_keeps_the_wording(fault: object) -> None:
    for item in planted_for(fault):
        corrected, fixed = autocorrect_docx(item.data)
        assert (item.fault.component, item.fault.rule) in {(f.component, f.rule) for f in fixed}
        assert check_docx(corrected) == []
        # Same wording as the correct document (padding and "Số:" restored, nothing else).
        assert _texts(corrected) == _texts(item.correct)


def test_autocorrect_leaves_content_faults_to_the_drafter() -> None:
    fault = next(f for f in FAULTS if f.name == "motto_no_spaces")
    faulty = planted_for(fault)[0]
    corrected, fixed = autocorrect_docx(faulty.data)
    assert fixed == []
    assert [(f.component, f.rule) for f in check_docx(corrected)] == [("motto", "hyphens")]
    assert _texts(corrected) == _texts(faulty.data)
