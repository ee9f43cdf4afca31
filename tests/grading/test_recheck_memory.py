"""Students whose workers answer exactly alike get the same verdicts, and the checks run once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from grader.course.authoring import wrong_implementations
from grader.course.catalog import load_catalog
from grader.grading import batch
from grader.grading.intake import Submission
from grader.grading.plan_cache import load_or_record
from grader.sandbox import Limits, Sandbox

THRESHOLD = next(e for e in load_catalog().exercises if e.id == "03_threshold")
STRICT = next(w for w in wrong_implementations("03_threshold") if w.name == "strict").source


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(Limits(), call_timeout=2.0) as box:
        yield box


def _grade(sandbox: Sandbox, name: str, source: str):
    plans = load_or_record([THRESHOLD], 5)
    submission = Submission(name, {THRESHOLD.filename: source.encode()})
    return batch.grade_student(sandbox, submission, plans, batch.GradeOptions(seed=5))


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
