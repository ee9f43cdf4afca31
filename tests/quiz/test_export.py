"""The instructor/LMS export: versioned, JSON-serialisable, complete."""

from __future__ import annotations

import json

from grader.quiz import FORMAT_VERSION, QuizBank, export_bank


def test_export_is_versioned_and_complete(bank: QuizBank) -> None:
    data = export_bank(bank)
    assert data["format_version"] == FORMAT_VERSION
    assert data["question_count"] == len(bank)
    assert len(data["sections"]) == 23
    json.loads(json.dumps(data, ensure_ascii=False))
    exported = {q["id"]: q for s in data["sections"] for q in s["questions"]}
    assert set(exported) == {q.id for q in bank}
    assert all(q["explanation"] and q["expected_answer"] for q in exported.values())
    odds = exported["odds-logit-odds-value"]
    assert odds["answer"] == 4 and odds["tolerance"] == 0.0001
    order = exported["training-loop-early-stopping-order"]
    assert [item["label"] for item in order["display_items"]] == list("abcde")
    assert ",".join(order["answer_letters"]) == order["expected_answer"]


def test_import_stays_cheap() -> None:
    import subprocess
    import sys

    code = "import sys, grader.quiz; print('numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
