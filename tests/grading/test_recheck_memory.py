"""Students whose workers answer exactly alike get the same verdicts, and the checks run once."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from grader.course.authoring import wrong_implementations
from grader.course.catalog import load_catalog
from grader.grading import batch
from grader.grading.intake import Submission
from grader.grading.plan_cache import load_or_record
from grader.sandbox import Limits, Sandbox

THRESHOLD = next(e for e in load_catalog().exercises if e.id == "03_threshold")
SOLUTION = """import numpy as np
def apply_threshold(probabilities, threshold=0.5):
    return (np.asarray(probabilities) >= threshold).astype(np.int64)
def count_positive_predictions(probabilities, thresholds):
    p = np.asarray(probabilities)
    return np.array([int(np.sum(p >= t)) for t in np.asarray(thresholds)], dtype=np.int64)
"""
STRICT = next(w for w in wrong_implementations("03_threshold") if w.name == "strict").source


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(Limits(), call_timeout=2.0) as box:
        yield box


def _grade(sandbox: Sandbox, name: str, source: str):
    plans = load_or_record([THRESHOLD], 5)
    submission = Submission(name, {THRESHOLD.filename: source.encode()})
    return batch.grade_student(sandbox, submission, plans, batch.GradeOptions(seed=5, timeout=2.0))


def test_the_same_wrong_answers_are_judged_once(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    batch._rechecked.clear()
    runs = []
    real = batch.run_pytest
    monkeypatch.setattr(batch, "run_pytest", lambda *a, **k: runs.append(a) or real(*a, **k))
    first = _grade(sandbox, "민지", STRICT)
    # The same answers from code written differently (a comment and a renamed helper).
    second = _grade(sandbox, "José", "# mine\n" + STRICT)
    assert len(runs) == 1
    one, two = first.exercises[THRESHOLD.id].result, second.exercises[THRESHOLD.id].result
    assert [(t.name, t.status, t.message) for t in one.tests] == [(t.name, t.status, t.message) for t in two.tests]
    assert 0 < sum(t.passed for t in two.tests) < len(two.tests)


def test_different_wrong_answers_are_judged_anew(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    batch._rechecked.clear()
    runs = []
    real = batch.run_pytest
    monkeypatch.setattr(batch, "run_pytest", lambda *a, **k: runs.append(a) or real(*a, **k))
    _grade(sandbox, "a", STRICT)
    other = next(w for w in wrong_implementations("03_threshold") if w.name != "strict").source
    _grade(sandbox, "b", other)
    assert len(runs) == 2


def test_a_hung_function_costs_one_deadline_and_the_other_calls_still_count(sandbox: Sandbox) -> None:
    """The batch goes on after the call that hung: one timeout in all, and the honest
    function of the same file keeps every point its tests give."""
    source = SOLUTION.replace("def count_positive_predictions(probabilities, thresholds):\n",
                              "def count_positive_predictions(probabilities, thresholds):\n    while True:\n        pass\n")
    started = time.monotonic()
    result = _grade(sandbox, "느린", source)
    seconds = time.monotonic() - started
    tests = result.exercises[THRESHOLD.id].result.tests
    assert result.status == "시간 초과 1회"
    assert seconds < 2.0 + 1.5, seconds  # one 2 s deadline, not one per call or per batch
    applied = [t for t in tests if "apply_threshold" in t.name]
    assert applied and all(t.passed for t in applied)
    assert not all(t.passed for t in tests)
