"""A test result as the Korean text a learner reads, built from the typed result alone.

The terminal, `--json`'s `message`, feedback pages and Gradescope all show this text; nothing
downstream parses it back (reports read the typed fields).
"""

from __future__ import annotations

from typing import Hashable

from grader.engine.results import Status, TestResult, Verdict

MISTAKE_PREFIX = "흔한 실수: "


def verdict_lines(verdict: Verdict) -> list[str]:
    lines = [f"{verdict.function} — {verdict.case}" if verdict.case else verdict.function]
    lines += [f"  {MISTAKE_PREFIX}{mistake.text}" for mistake in verdict.mistakes]
    if verdict.input:
        lines.append(f"  입력: {verdict.input}")
    lines += [f"  {line}" for line in verdict.problems]
    return lines


def test_message(test: TestResult) -> str:
    if test.status is Status.PASSED:
        return ""
    if test.verdict is not None:
        lines = verdict_lines(test.verdict)
    elif test.failure is not None:
        lines = [test.failure.message]
    else:
        lines = [f"검사 코드 내부 오류 (학습자 잘못이 아닐 수 있습니다): {test.internal_error}"]
    if test.seed is not None:
        lines.append(f"  (무작위 입력의 시드 {test.seed}: "
                     f"'learn check {test.exercise_id} --seed {test.seed}'로 같은 입력을 다시 만들 수 있습니다)")
    elif test.exercise_id:
        lines.append(f"  (고친 뒤 'learn check {test.exercise_id}'로 다시 확인하세요)")
    return "\n".join(lines)


def teaching_order(failed: list[TestResult]) -> list[TestResult]:
    """Failed tests, most instructive first: a named mistake, then a wrong value, then a failure
    to produce a value (often the same NotImplementedError many times). Stable otherwise, so a
    cap on the failures shown in detail never hides the most specific diagnosis."""
    def rank(test: TestResult) -> int:
        if test.mistakes:
            return 0
        return 1 if test.verdict is not None else 2
    return sorted(failed, key=rank)


def same_failure_key(test: TestResult) -> Hashable:
    """Failures that teach the same thing: the same named mistakes in the same function (whatever
    the case), otherwise exactly the same message."""
    if test.verdict is not None and test.verdict.mistakes:
        return ("mistake", test.verdict.function, tuple(m.id or m.text for m in test.verdict.mistakes))
    return ("message", test.message)
