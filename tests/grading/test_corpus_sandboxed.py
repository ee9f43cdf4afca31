"""Grading mode rejects what learner mode rejects: every entry of `wrong_inplace.toml` and
`wrong_warnings.toml`, and the dropout that returns its input where a copy is promised, graded
through `grade_student` in a real sandbox, loses points with the same named mistake as in
`learn check` (the worker reports in-place writes, warnings and shared memory; the trusted side
turns them into the verdict and never reuses the reference's verdict for such a call). The
reference solution, graded the same way, keeps every point: nothing here fails an honest call.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from grader.course.authoring import wrong_implementations
from grader.course.catalog import load_catalog
from grader.course.content import solution_path
from grader.engine.verdict import INPUT_MUTATED, RETURNED_INPUT, RUNTIME_WARNING
from grader.grading.batch import GradeOptions, grade_student
from grader.grading.intake import Submission
from grader.grading.recording import ExercisePlan, record_plans
from grader.sandbox import Limits, Sandbox

CATALOG = load_catalog()
SEED = 2024
MANIFESTS = {"wrong_inplace.toml": INPUT_MUTATED.id, "wrong_warnings.toml": RUNTIME_WARNING.id}
ENTRIES = [(wrong, mistake) for exercise in CATALOG.exercises for manifest, mistake in MANIFESTS.items()
           for wrong in wrong_implementations(exercise.id, manifest_name=manifest)]
ENTRIES += [(wrong, RETURNED_INPUT.id) for wrong in wrong_implementations("15_dropout")
            if wrong.name == "inference_returns_input_itself"]
EXERCISES = sorted({wrong.exercise_id for wrong, _ in ENTRIES})


@pytest.fixture(scope="module")
def plans() -> dict[str, ExercisePlan]:
    return record_plans([CATALOG.resolve(exercise_id) for exercise_id in EXERCISES], SEED)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(Limits(), call_timeout=5.0) as box:
        yield box


def grade(sandbox: Sandbox, plans: dict[str, ExercisePlan], exercise_id: str, source: str):
    exercise = CATALOG.resolve(exercise_id)
    state = grade_student(sandbox, Submission("학생", {exercise.filename: source.encode()}),
                          {exercise_id: plans[exercise_id]}, GradeOptions(seed=SEED, timeout=5.0))
    return exercise, state.exercises[exercise_id]


def test_the_dropout_copy_entry_is_included():
    assert any(mistake == RETURNED_INPUT.id for _, mistake in ENTRIES)


@pytest.mark.parametrize("wrong, mistake", ENTRIES, ids=[f"{w.exercise_id}/{w.name}" for w, _ in ENTRIES])
def test_entry_is_rejected_with_its_named_mistake(sandbox, plans, wrong, mistake):
    exercise, grade_ = grade(sandbox, plans, wrong.exercise_id, wrong.source)
    assert grade_.result is not None and grade_.result.load_failure is None
    assert grade_.points < exercise.points
    failed = [test for test in grade_.result.failed_tests if test.verdict]
    assert mistake in {m.id for test in failed for m in test.verdict.mistakes}
    assert wrong.expect in "\n".join(test.message for test in failed)


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_the_reference_keeps_every_point(sandbox, plans, exercise_id):
    source = solution_path(CATALOG.resolve(exercise_id).filename).read_text(encoding="utf-8")
    exercise, grade_ = grade(sandbox, plans, exercise_id, source)
    assert grade_.points == exercise.points, [t.message for t in grade_.result.failed_tests]


def test_a_warning_the_contract_allows_keeps_every_point(sandbox, plans):
    reference = solution_path("16_activations.py").read_text(encoding="utf-8")
    old = "    return np.maximum(np.asarray(x, dtype=np.float64), 0.0)\n"
    warns = reference.replace(old, "    np.exp(np.full(1, 1000.0))  # overflows: a RuntimeWarning, harmless here\n" + old)
    assert warns != reference
    exercise, grade_ = grade(sandbox, plans, "16_activations", warns)
    assert grade_.points == exercise.points, [t.message for t in grade_.result.failed_tests]
