import re

import pytest

from grader.course.catalog import UnknownExerciseError, load_catalog
from grader.course.content import CHECKS_DIR
from grader.course.content import CONTENT_ROOT

CATALOG = load_catalog()


@pytest.mark.parametrize("name", ["03_threshold", "03", "3", "threshold", "THRESHOLD", "03_threshold.py"])
def test_an_exercise_can_be_named_four_ways(name):
    assert CATALOG.resolve(name).id == "03_threshold"


def test_unknown_id_names_the_known_ones():
    with pytest.raises(UnknownExerciseError) as error:
        CATALOG.resolve("nosuch")
    assert "'nosuch'라는 연습 문제는 없습니다" in str(error.value)
    assert "03_threshold" in str(error.value)


def test_ids_follow_the_design_numbering():
    for exercise in CATALOG.exercises:
        assert re.fullmatch(r"\d\d_[a-z0-9_]+", exercise.id)
    numbers = [e.number for e in CATALOG.exercises]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)


@pytest.mark.parametrize("exercise", CATALOG.exercises, ids=lambda e: e.id)
def test_every_exercise_has_stub_reference_check_hints_and_section(exercise):
    stub = CONTENT_ROOT / "exercises" / exercise.filename
    assert stub.is_file() and (CONTENT_ROOT / "solutions" / exercise.filename).is_file()
    assert "# TODO" in stub.read_text(encoding="utf-8")
    assert (CHECKS_DIR / f"{exercise.check_module}.py").is_file()
    assert len(exercise.hints) >= 3
    assert exercise.section in {s.slug for s in CATALOG.sections}
    for function in exercise.functions:
        assert f"def {function}(" in stub.read_text(encoding="utf-8")


def test_files_on_disk_are_all_in_the_catalog():
    ids = {e.id for e in CATALOG.exercises}
    for folder in ("exercises", "solutions"):
        assert {p.stem for p in (CONTENT_ROOT / folder).glob("[0-9][0-9]_*.py")} == ids
    assert {p.stem.removeprefix("check_") for p in CHECKS_DIR.glob("check_*.py")} == ids
