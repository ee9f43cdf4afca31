"""The grader's idea of "correct" is trustworthy: plausible wrong implementations fail, and
differently written right ones pass.

`tests/corpus/<exercise id>/wrong.toml` (with `wrong_inplace.toml` for writes into the caller's
arrays and `wrong_warnings.toml` for RuntimeWarnings the contract rules out) lists wrong
implementations as changes to the reference; each must fail, and its verdict must contain the
entry's `expect` text (the named misconception, or the precise problem); an in-place or warnings
entry must also carry that named mistake's id. No verdict may name a mistake other than the one
`expect` names or those listed in the entry's `also` (the same misconception reached through
another function), and no message may show a numpy scalar repr such as `np.int64(1)`.
`right_*.py` are complete, differently written learner files that must pass.
tests/grading/test_corpus_sandboxed.py grades the in-place and warnings entries in grading mode too.
"""

import re

import pytest

from grader.course.authoring import CORPUS, wrong_implementations
from grader.course.catalog import load_catalog
from grader.engine.messages import MISTAKE_PREFIX
from grader.engine.runner import check_file
from grader.engine.verdict import INPUT_MUTATED, RUNTIME_WARNING

CATALOG = load_catalog()
# The named mistake every entry of these manifests must produce (None: the entry's own `expect`).
MANIFESTS = {"wrong.toml": None, "wrong_inplace.toml": INPUT_MUTATED.id, "wrong_warnings.toml": RUNTIME_WARNING.id}
WRONG = [(wrong, mistake) for exercise in CATALOG.exercises for manifest, mistake in MANIFESTS.items()
         for wrong in wrong_implementations(exercise.id, manifest_name=manifest)]
RIGHT = sorted(CORPUS.glob("*/right_*.py"))
# a numpy scalar's repr (np.int64(1), np.float64(0.5), np.True_) leaking into a message; messages show plain values
NUMPY_REPR = re.compile(r"np\.(True_|False_)|np\.(u?int\d+|float\d+|bool_?|str_|complex\d+)\((-?[\d.]+(e[-+]?\d+)?|-?nan|-?inf|'[^']*')\)")


@pytest.mark.parametrize("wrong, mistake", WRONG, ids=[f"{w.exercise_id}/{w.name}" for w, _ in WRONG])
def test_wrong_implementation_fails_with_its_reason(wrong, mistake, tmp_path):
    exercise = CATALOG.resolve(wrong.exercise_id)
    path = tmp_path / exercise.filename
    path.write_text(wrong.source, encoding="utf-8")
    result = check_file(exercise, path, exercise.filename, seed=2024)
    assert not result.passed
    messages = "\n".join([(result.load_failure and result.load_failure.message) or ""] + [t.message for t in result.tests])
    assert wrong.expect in messages, messages[:3000]
    assert not NUMPY_REPR.search(messages), NUMPY_REPR.search(messages).group(0)
    named = {m.id: m.text for t in result.tests for m in t.mistakes}
    wrongly_named = {i: text for i, text in named.items() if i not in wrong.also and wrong.expect not in MISTAKE_PREFIX + text}
    assert not wrongly_named, f"names a mistake the code does not make: {wrongly_named}"
    if mistake:
        assert mistake in {m.id for t in result.failed_tests if t.verdict for m in t.verdict.mistakes}


@pytest.mark.parametrize("path", RIGHT, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_alternative_correct_implementation_passes(path):
    exercise = CATALOG.resolve(path.parent.name)
    result = check_file(exercise, path, path.name, seed=2024)
    assert result.passed, [t.message for t in result.failed_tests] or (result.load_failure and result.load_failure.message)


@pytest.mark.parametrize("exercise", CATALOG.exercises, ids=lambda e: e.id)
def test_every_exercise_has_a_corpus(exercise):
    wrong = wrong_implementations(exercise.id)
    assert len(wrong) >= 3
    assert len(list((CORPUS / exercise.id).glob("right_*.py"))) >= 2
    named = {w.expect for w in wrong if w.expect.startswith("흔한 실수")}
    assert len(named) >= 2, "at least two named misconceptions must be detected"


def test_a_stale_change_is_reported(tmp_path):
    (tmp_path / "01_mse").mkdir()
    (tmp_path / "01_mse" / "wrong.toml").write_text(
        "[[wrong]]\nname = 'x'\nexpect = 'y'\n[[wrong.change]]\nold = 'no such line'\nnew = 'z'\n", encoding="utf-8")
    with pytest.raises(ValueError, match="정확히 한 번"):
        wrong_implementations("01_mse", corpus=tmp_path)
