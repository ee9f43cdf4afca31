"""The grader's idea of "correct" is trustworthy: plausible wrong implementations fail, and
differently written right ones pass.

`tests/corpus/<exercise id>/wrong_*.py` must fail, and the verdict must contain the text given on
the file's `expect:` line (the named misconception, or the precise problem). `right_*.py` must
pass. Each file is a complete learner file for that exercise.
"""

from pathlib import Path

import pytest

from grader.catalog import load_catalog
from grader.runner import check_file

CORPUS = Path(__file__).with_name("corpus")
CATALOG = load_catalog()


def _files(prefix: str) -> list[Path]:
    return sorted(CORPUS.glob(f"*/{prefix}_*.py"))


def _expected_text(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.lstrip('"')
        if line.startswith("expect:"):
            return line.removeprefix("expect:").strip()
    raise AssertionError(f"{path} has no 'expect:' line")


def _check(path: Path):
    exercise = CATALOG.resolve(path.parent.name)
    return check_file(exercise, path, path.name, seed=2024)


@pytest.mark.parametrize("path", _files("wrong"), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_wrong_implementation_fails_with_its_reason(path):
    result = _check(path)
    assert not result.passed
    messages = "\n".join([result.load_error or ""] + [o.message for o in result.outcomes])
    assert _expected_text(path) in messages, messages[:3000]


@pytest.mark.parametrize("path", _files("right"), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_alternative_correct_implementation_passes(path):
    result = _check(path)
    assert result.passed, [o.message for o in result.outcomes if o.status != "passed"] or result.load_error


@pytest.mark.parametrize("exercise", CATALOG.exercises, ids=lambda e: e.id)
def test_every_exercise_has_a_corpus(exercise):
    folder = CORPUS / exercise.id
    assert len(list(folder.glob("wrong_*.py"))) >= 3
    assert len(list(folder.glob("right_*.py"))) >= 2
    named = {_expected_text(p) for p in folder.glob("wrong_*.py") if "흔한 실수" in _expected_text(p)}
    assert len(named) >= 2, "at least two named misconceptions must be detected"
