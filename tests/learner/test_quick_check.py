"""The fast path of `learn check` agrees with the engine: same tests, names, titles and verdicts.

For every exercise: the reference passes both ways with identical test names and titles (names
seed `rng`, so equal names mean equal random inputs); the stub and every plausible wrong
solution of the corpus are never passed by the fast path (the engine then grades them).
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

from grader.course.catalog import load_catalog
from grader.course.content import CONTENT_ROOT, solution_path, stub_path
from grader.engine.runner import check_file
from grader.learner import quick_check

EXERCISES = load_catalog().exercises
CORPUS = CONTENT_ROOT / "tests" / "corpus"
SEED = 20260


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_the_reference_passes_both_ways_with_the_same_tests(exercise):
    path = solution_path(exercise.filename)
    quick = quick_check.quick_pass(exercise, path, f"exercises/{exercise.filename}", SEED, 3.0)
    full = check_file(exercise, path, f"exercises/{exercise.filename}", seed=SEED)
    assert full.passed
    assert quick is not None and quick.passed
    assert [(t.name, t.title, t.status) for t in quick.tests] == [(t.name, t.title, t.status) for t in full.tests]
    assert quick.seed == full.seed == SEED


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_the_stub_is_never_passed_and_the_engine_reports_it(exercise):
    path = stub_path(exercise.filename)
    assert quick_check.quick_pass(exercise, path, exercise.filename, SEED, 3.0) is None
    result = quick_check.check_learner_file(exercise, path, exercise.filename, seed=SEED)
    assert not result.passed
    engine = check_file(exercise, path, exercise.filename, seed=SEED)
    assert [t.to_json() for t in result.tests] == [t.to_json() for t in engine.tests]


def _wrong_solutions(exercise) -> list[tuple[str, str]]:
    spec = CORPUS / exercise.id / "wrong.toml"
    if not spec.exists():
        return []
    reference = solution_path(exercise.filename).read_text(encoding="utf-8")
    out = []
    for wrong in tomllib.loads(spec.read_text(encoding="utf-8")).get("wrong", []):
        text = reference
        for change in wrong.get("change", []):
            text = text.replace(change["old"].strip("\n"), change["new"].strip("\n"))
        out.append((wrong["name"], text))
    return out


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_no_wrong_solution_of_the_corpus_passes_the_fast_path(exercise, tmp_path: Path):
    for name, text in _wrong_solutions(exercise):
        path = tmp_path / exercise.filename
        path.write_text(text, encoding="utf-8")
        sys.modules.pop(path.stem, None)
        assert quick_check.quick_pass(exercise, path, exercise.filename, SEED, 3.0) is None, name


def test_the_stand_in_leaves_no_trace():
    already = "pytest" in sys.modules
    quick_check._import_check(EXERCISES[0])
    assert ("pytest" in sys.modules) == already
    assert sys.modules.get("pytest") is None or hasattr(sys.modules["pytest"], "main")


def test_a_check_using_more_of_pytest_goes_to_the_engine():
    module = type(sys)("fake_check")
    exec("def test_x(student, tmp_path):\n    pass\n", module.__dict__)
    tests = list(quick_check.collect(module))
    assert [name for name, *_ in tests] == ["test_x"]  # collected, but tmp_path makes quick_pass give up
    mark = quick_check._Mark("parametrize", ("a", [1, 1]), {})
    with pytest.raises(quick_check.Unsupported):
        quick_check._parametrizations(mark)  # pytest would rename duplicate ids
