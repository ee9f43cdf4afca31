"""What a learner reads first: the named mistake, never hidden by the cap on detailed failures;
failures of the same mistake grouped; the command to check again; random draws diagnosed."""

from __future__ import annotations

import click

from grader.course.catalog import load_catalog
from grader.course.content import CONTENT_ROOT
from grader.engine.messages import teaching_order
from grader.engine.results import ExerciseResult, NamedMistake, Status, TestResult, Verdict
from grader.engine.runner import check_file
from grader.learner.terminal import FULL_MESSAGES_SHOWN, render_check

CATALOG = load_catalog()
SOLUTIONS = CATALOG.resolve("01_mse")  # any exercise; only its id and title are shown


def _learner_file(tmp_path, exercise_id, old, new):
    exercise = CATALOG.resolve(exercise_id)
    source = (CONTENT_ROOT / "solutions" / exercise.filename).read_text(encoding="utf-8")
    assert source.count(old) == 1
    path = tmp_path / exercise.filename
    path.write_text(source.replace(old, new), encoding="utf-8")
    return exercise, path


def _plain(text: str) -> str:
    return click.unstyle(text)


def test_global_random_is_named_and_shown_in_detail(tmp_path):
    exercise, path = _learner_file(tmp_path, "15_dropout", "    keep = rng.random(x.shape) >= rate\n    return",
                                   "    keep = np.random.rand(*x.shape) >= rate\n    return")
    result = check_file(exercise, path, exercise.filename, seed=2024)
    first = teaching_order(result.failed_tests)[0]
    assert [m.id for m in first.mistakes] == ["global-random-instead-of-rng"]
    text = _plain(render_check(exercise, result))
    assert "흔한 실수: 인자로 받은 rng가 아니라 전역 난수" in text
    assert text.index("흔한 실수: 인자로 받은 rng가 아니라 전역 난수") < text.index("(위와 같은 실수)")
    assert len(text.splitlines()) < 45


def test_a_different_valid_draw_names_the_documented_call(tmp_path):
    exercise, path = _learner_file(tmp_path, "06_data_split", "perm = rng.permutation(n)\n    return",
                                   "perm = rng.choice(n, n, replace=False)\n    return")
    result = check_file(exercise, path, exercise.filename, seed=2024)
    named = {m.id for t in result.failed_tests for m in t.mistakes}
    assert named == {"random-draw-differs"}
    assert "난수를 뽑는 방법이 계약과 다릅니다: `rng.permutation(n)`을(를) 그대로 쓰세요" in result.failed_tests[0].message


def test_the_reference_draw_written_differently_passes(tmp_path):
    exercise, path = _learner_file(tmp_path, "15_dropout", "    keep = rng.random(x.shape) >= rate\n    return",
                                   "    keep = ~(rng.random(size=x.shape) < rate)\n    return")
    assert check_file(exercise, path, exercise.filename, seed=2024).passed


def _failed(name: str, mistakes=(), message_case="경우") -> TestResult:
    verdict = Verdict("f", f"{message_case} {name}", ("기대값 1, 반환값 2",), tuple(mistakes), "1, 2")
    return TestResult(name, name, Status.FAILED, "01_mse", verdict=verdict)


def test_a_named_mistake_after_many_bare_mismatches_is_shown_in_detail():
    bare = [_failed(f"t{i}") for i in range(FULL_MESSAGES_SHOWN + 3)]
    named = _failed("named", (NamedMistake("m", "틀린 공식"),))
    result = ExerciseResult("01_mse", 0, bare + [named])
    text = _plain(render_check(SOLUTIONS, result))
    assert text.index("흔한 실수: 틀린 공식") < text.index("✗ t0")


def test_failures_of_the_same_mistake_are_grouped_and_the_command_is_shown():
    mistake = NamedMistake("m", "틀린 공식")

    result = ExerciseResult("01_mse", 0, [_failed("a", (mistake,)), _failed("b", (mistake,))])
    text = _plain(render_check(SOLUTIONS, result))
    assert text.count("흔한 실수: 틀린 공식") == 1 and "(위와 같은 실수)" in text
    assert "'learn check 01_mse'로 다시 확인하세요" in text
