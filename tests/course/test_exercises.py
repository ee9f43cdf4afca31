"""Every stub fails its check and every reference solution passes it, for all exercises."""

import pytest

from grader.course.catalog import load_catalog
from grader.engine.runner import check_file
from grader.course.content import CONTENT_ROOT

EXERCISES = load_catalog().exercises


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_reference_passes(exercise):
    path = CONTENT_ROOT / "solutions" / exercise.filename
    result = check_file(exercise, path, f"solutions/{exercise.filename}", seed=12345)
    failures = [t.message for t in result.failed_tests]
    assert result.passed, failures or (result.load_failure and result.load_failure.message)
    assert result.counts[1] >= 5


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_stub_fails_every_test(exercise):
    path = CONTENT_ROOT / "exercises" / exercise.filename
    result = check_file(exercise, path, f"exercises/{exercise.filename}", seed=12345)
    assert not result.passed
    assert result.counts[0] == 0
    assert all(t.failure and t.failure.kind == "not_implemented" for t in result.tests)


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_reference_passes_for_other_seeds(exercise, seed):
    path = CONTENT_ROOT / "solutions" / exercise.filename
    assert check_file(exercise, path, "ref", seed=seed).passed
