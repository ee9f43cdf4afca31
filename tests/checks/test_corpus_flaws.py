"""The corpus entries of `wrong_inplace.toml` (the learner changes the caller's input array) and
`wrong_warnings.toml` (right values, but a RuntimeWarning the contract rules out). The verdicts
are tested elsewhere (tests/course/test_corpus.py in learner mode, tests/grading/
test_corpus_sandboxed.py in grading mode); this module makes sure, independently of the engine,
that each entry really is what its file says, by running the exercise's check with a student that
watches every call: an in-place entry must change an input of at least one call, a warnings entry
must warn in at least one, and the reference must do neither.

It also holds the corpus to its size and reach: at least 8 wrong implementations per exercise,
an in-place entry for every exercise that takes arrays, and a warnings entry for every exercise
whose check forbids warnings (`no_warnings=True`).
"""

from __future__ import annotations

import copy
import inspect
import tomllib
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from grader.course.authoring import CORPUS, wrong_implementations
from grader.course.catalog import load_catalog
from grader.course.content import CHECKS_DIR, CONTENT_ROOT
from grader.engine.runner import load_reference, run_pytest
from grader.engine import failures
from grader.engine.student import StudentError, load_learner_module

CATALOG = load_catalog()
FLAWS = {"wrong_inplace.toml": "mutated", "wrong_warnings.toml": "warned"}


def flawed_entries(filename: str) -> list[tuple[str, str, str]]:
    """(exercise id, entry name, learner source) for every entry of `filename` in the corpus."""
    found = []
    for manifest in sorted(CORPUS.glob(f"*/{filename}")):
        exercise_id = manifest.parent.name
        source = (CONTENT_ROOT / "solutions" / f"{exercise_id}.py").read_text(encoding="utf-8")
        for entry in tomllib.loads(manifest.read_text(encoding="utf-8"))["wrong"]:
            text = source
            for change in entry["change"]:
                assert text.count(change["old"]) == 1, f"{manifest}: {entry['name']}: 'old' must occur exactly once"
                text = text.replace(change["old"], change["new"])
            found.append((exercise_id, entry["name"], text))
    return found


def _same(before: Any, after: Any) -> bool:
    if isinstance(before, np.ndarray):
        return isinstance(after, np.ndarray) and before.shape == after.shape and np.array_equal(
            before, after, equal_nan=before.dtype.kind in "fc")
    if isinstance(before, (tuple, list)):
        return len(before) == len(after) and all(_same(b, a) for b, a in zip(before, after))
    if isinstance(before, dict):
        return before.keys() == after.keys() and all(_same(before[k], after[k]) for k in before)
    return True  # scalars cannot be changed in place; generators are checked by the checks themselves


class WatchingStudent:
    """Calls the learner's function directly (not through the engine's ModuleStudent, which records
    warnings itself) and records which calls changed an input or warned."""

    def __init__(self, module: Any) -> None:
        self.module = module
        self.mutated: list[str] = []
        self.warned: list[str] = []

    def call(self, function: str, args: tuple[Any, ...] = (), kwargs: dict[str, Any] | None = None) -> Any:
        before = copy.deepcopy((args, kwargs or {}))
        with warnings.catch_warnings(record=True) as caught:  # numpy's default errstate: underflow is silent
            warnings.simplefilter("always")
            try:
                return getattr(self.module, function)(*args, **(kwargs or {}))
            except Exception as error:  # the check judges it as it would any learner exception
                raise StudentError(failures.exception(function, type(error).__name__, str(error), "")) from None
            finally:
                if any(issubclass(w.category, RuntimeWarning) for w in caught):
                    self.warned.append(function)
                if not _same(before, (args, kwargs or {})):
                    self.mutated.append(function)


def watch(exercise_id: str, path: Path) -> WatchingStudent:
    exercise = CATALOG.resolve(exercise_id)
    student = WatchingStudent(load_learner_module(path, path.name, 10.0))
    run_pytest([exercise], {exercise.id: student}, {exercise.id: load_reference(exercise)}, seed=2024)
    return student


ENTRIES = [(filename, *entry) for filename in FLAWS for entry in flawed_entries(filename)]


@pytest.mark.parametrize("filename, exercise_id, name, source", ENTRIES,
                         ids=[f"{f.removesuffix('.toml')}/{e}/{n}" for f, e, n, _ in ENTRIES])
def test_entry_really_has_its_flaw(filename, exercise_id, name, source, tmp_path):
    path = tmp_path / f"{exercise_id}.py"
    path.write_text(source, encoding="utf-8")
    student = watch(exercise_id, path)
    assert getattr(student, FLAWS[filename]), f"{exercise_id}/{name}: no call {FLAWS[filename]} during the check"


@pytest.mark.parametrize("exercise_id", sorted({e for _, e, _, _ in ENTRIES}))
def test_reference_neither_changes_inputs_nor_warns(exercise_id):
    student = watch(exercise_id, CONTENT_ROOT / "solutions" / f"{exercise_id}.py")
    assert not student.mutated and not student.warned, (student.mutated, student.warned)


def test_there_are_entries_of_both_kinds():
    assert {f for f, *_ in ENTRIES} == set(FLAWS)


def _takes_arrays(exercise) -> bool:
    reference = load_reference(exercise)
    return any("ndarray" in str(parameter.annotation)
               for name in exercise.functions
               for parameter in inspect.signature(getattr(reference, name)).parameters.values())


@pytest.mark.parametrize("exercise", [e for e in CATALOG.exercises if _takes_arrays(e)], ids=lambda e: e.id)
def test_every_exercise_taking_arrays_has_an_in_place_entry(exercise):
    assert any(e == exercise.id for f, e, _, _ in ENTRIES if f == "wrong_inplace.toml")


FORBIDS_WARNINGS = [e for e in CATALOG.exercises
                    if "no_warnings=" in (CHECKS_DIR / f"{e.check_module}.py").read_text(encoding="utf-8")]


def test_some_checks_forbid_warnings():
    assert {"08_softmax", "13_backprop", "16_activations", "20_logit", "22_precision_recall"} <= {e.id for e in FORBIDS_WARNINGS}


@pytest.mark.parametrize("exercise", FORBIDS_WARNINGS, ids=lambda e: e.id)
def test_every_check_that_forbids_warnings_has_a_warnings_entry(exercise):
    assert any(e == exercise.id for f, e, _, _ in ENTRIES if f == "wrong_warnings.toml")


@pytest.mark.parametrize("exercise", CATALOG.exercises, ids=lambda e: e.id)
def test_every_exercise_has_at_least_eight_wrong_implementations(exercise):
    assert len(wrong_implementations(exercise.id)) >= 8
