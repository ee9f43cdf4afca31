"""The runner and the pytest plugin: a learner's functions in, typed results out."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from grader.course.catalog import load_catalog
from grader.engine.results import FailureKind, Status
from grader.engine.runner import check_file, check_module, load_reference, run_pytest
from grader.engine.student import ModuleStudent

THRESHOLD = load_catalog().resolve("03")


def gt_threshold(probabilities, threshold=0.5):
    return (np.asarray(probabilities) > threshold).astype(np.int64)


def test_a_known_misconception_comes_back_as_a_named_mistake_with_its_input():
    reference = load_reference(THRESHOLD)
    learner = SimpleNamespace(apply_threshold=gt_threshold, count_positive_predictions=reference.count_positive_predictions)
    tests = check_module(THRESHOLD, learner, "03_threshold.py", seed=5)
    edge = next(t for t in tests if "정확히 같음" in t.name)
    assert edge.status is Status.FAILED and edge.failure is None
    assert [m.id for m in edge.verdict.mistakes] == ["gt-instead-of-ge"]
    assert edge.verdict.input == "[0.3, 0.5, 0.7, 0.5], 0.5"
    assert all(t.passed for t in tests if t.name.startswith("test_count_positive"))


def test_random_tests_carry_the_seed_and_fixed_cases_do_not():
    learner = SimpleNamespace(apply_threshold=gt_threshold, count_positive_predictions=gt_threshold)
    tests = {t.name: t for t in check_module(THRESHOLD, learner, "03_threshold.py", seed=11)}
    assert tests["test_apply_threshold_random"].seed == 11
    assert tests["test_count_positive_predictions"].seed is None


def test_the_stub_fails_every_test_as_not_implemented(tmp_path):
    result = check_file(THRESHOLD, _stub_copy(tmp_path), "exercises/03_threshold.py", seed=1)
    assert not result.passed and result.counts[0] == 0
    assert {t.failure.kind for t in result.tests} == {FailureKind.NOT_IMPLEMENTED}


def test_a_broken_reference_is_an_internal_error_not_the_learners_fault():
    student = ModuleStudent(SimpleNamespace(apply_threshold=gt_threshold), "03_threshold.py")
    outcomes = run_pytest([THRESHOLD], {THRESHOLD.id: student}, {THRESHOLD.id: SimpleNamespace()}, seed=0)
    statuses = {t.status for t in outcomes[THRESHOLD.id]}
    assert statuses == {Status.ERROR}
    assert "AttributeError" in outcomes[THRESHOLD.id][0].internal_error
    assert outcomes[THRESHOLD.id][0].message.startswith("검사 코드 내부 오류")


def test_a_missing_file_is_a_load_failure(tmp_path):
    result = check_file(THRESHOLD, tmp_path / "nope.py", "exercises/03_threshold.py", seed=1)
    assert result.tests == [] and result.load_failure.kind is FailureKind.LOAD_ERROR
    assert result.counts == (0, 1)


def _stub_copy(tmp_path):
    from grader.course.content import stub_path

    path = tmp_path / "03_threshold.py"
    path.write_text(stub_path("03_threshold.py").read_text(encoding="utf-8"), encoding="utf-8")
    return path
