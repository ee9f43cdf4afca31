"""Identity, zeros, ones and a constant score zero on every exercise; honest work keeps the
credit of the weak tests it passes."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from grader.course.catalog import load_catalog
from grader.engine.results import ExerciseGrade, ExerciseResult
from grader.engine.runner import check_module, load_reference
from grader.engine.trivial import TRIVIAL_IMPLEMENTATIONS, weak_tests

CATALOG = load_catalog()
SEED = 4


@pytest.fixture(scope="module")
def weak():
    return weak_tests(list(CATALOG.exercises), {e.id: load_reference(e) for e in CATALOG.exercises}, SEED)


def grade(exercise, learner, weak) -> ExerciseGrade:
    tests = check_module(exercise, learner, exercise.filename, SEED, timeout=1.0)
    for index, test in enumerate(tests):
        tests[index] = type(test)(**{**test.__dict__, "weak": test.name in weak[exercise.id]})
    return ExerciseGrade(exercise.id, exercise.points, ExerciseResult(exercise.id, SEED, tests))


@pytest.mark.parametrize("kind", list(TRIVIAL_IMPLEMENTATIONS))
def test_trivial_implementations_earn_nothing_anywhere(weak, kind):
    function = TRIVIAL_IMPLEMENTATIONS[kind]
    for exercise in CATALOG.exercises:
        learner = SimpleNamespace(**{name: function for name in exercise.functions})
        graded = grade(exercise, learner, weak)
        assert graded.points == 0.0, (exercise.id, kind)
        assert not graded.result.passed


def test_some_exercises_really_have_weak_tests(weak):
    """The rule is not vacuous: identity passes logit's round trips, zeros pass relu at 0."""
    assert {"test_sigmoid_inverts_logit", "test_odds_round_trip"} <= weak["20_logit"]
    assert any("relu" in name for name in weak["16_activations"])


def test_honest_partial_work_keeps_the_weak_tests_credit(weak):
    exercise = CATALOG.resolve("20")
    reference = load_reference(exercise)
    functions = {name: getattr(reference, name) for name in exercise.functions}
    functions["odds"] = lambda p: p  # one function wrong
    graded = grade(exercise, SimpleNamespace(**functions), weak)
    passed, total = graded.result.counts
    assert 0 < passed < total
    assert graded.points == round(exercise.points * passed / total, 2)
