"""How results look in the terminal: check verdicts, the exercise list and the progress bar."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

import click

from grader.course.catalog import Catalog, Exercise
from grader.engine.messages import same_failure_key, teaching_order
from grader.learner.progress import Progress

if TYPE_CHECKING:
    from grader.engine.results import ExerciseResult, TestResult

FULL_MESSAGES_SHOWN = 3
STATUS_LABELS = {"passed": ("✓ 통과", "green"), "failed": ("✗ 실패", "red"), "not_started": ("· 시작 전", None)}


def progress_bar(done: int, total: int, width: int = 30) -> str:
    filled = round(width * done / total) if total else 0
    percent = round(100 * done / total) if total else 0
    return f"[{'#' * filled}{'-' * (width - filled)}] {done}/{total} ({percent}%)"


def render_check(exercise: Exercise, result: "ExerciseResult") -> str:
    passed, total = result.counts
    lines = [click.style(f"{exercise.id} {exercise.title}", bold=True)]
    if result.load_failure:
        lines.append(click.style(f"  ✗ 파일을 불러오지 못했습니다: {result.load_failure.message}", fg="red"))
    lines += [click.style(f"  ✓ {test.title}", fg="green") for test in result.tests if test.passed]
    shown: dict = {}  # same_failure_key -> how many tests failed with it
    detailed = 0
    for test in teaching_order(result.failed_tests):
        key = same_failure_key(test)
        lines.append(click.style(f"  ✗ {test.title}", fg="red"))
        if key in shown:
            shown[key] += 1
            lines.append("      (위와 같은 실수)" if test.mistakes else "      (위와 같은 오류)")
        elif detailed < FULL_MESSAGES_SHOWN:
            shown[key] = 1
            detailed += 1
            lines += [f"      {line}" for line in test.message.splitlines()]
    if result.passed:
        lines.append(click.style(f"통과! {passed}/{total}개 검사를 모두 통과했습니다.", fg="green", bold=True))
    else:
        hidden = len(result.failed_tests) - sum(shown.values())
        if hidden > 0:
            lines.append(f"  (실패 {hidden}개의 자세한 내용은 생략했습니다: 위의 것부터 고쳐 보세요)")
        lines.append(click.style(f"아직 통과하지 못했습니다: {passed}/{total}개 통과.", fg="red", bold=True)
                     + f" 막히면 'learn hint {exercise.id}'")
    return "\n".join(lines)


def render_next(workspace, exercise: Exercise, progress: Progress) -> str:
    """After a pass: the next exercise to work on and the concept note to read for it."""
    from grader.learner.next_steps import next_unpassed, note_line

    following = next_unpassed(progress, exercise)
    if following is None:
        return "\n".join([
            click.style("모든 연습 문제를 통과했습니다!", fg="green", bold=True),
            f"  {note_line(workspace, exercise)}",
            f"  복습 퀴즈: learn quiz {exercise.section}",
        ])
    return "\n".join([
        click.style(f"다음 연습 문제: {following.id} {following.title}", bold=True)
        + f" (exercises/{following.filename}, learn check {following.id})",
        f"  {note_line(workspace, following)}",
    ])


def render_untouched(exercise: Exercise, result: "ExerciseResult") -> str:
    """One line for a stub nobody has edited yet: it is not a failure."""
    passed, total = result.counts
    return (f"  {click.style('· 시작 전', dim=True)} {exercise.id:20} {exercise.title} "
            f"(exercises/{exercise.filename}의 TODO를 채우세요)")


def render_list(catalog: Catalog, progress: Progress, workspace=None) -> str:
    from grader.learner.next_steps import note_address

    records = progress["exercises"]
    lines = [click.style("연습 문제", bold=True)]
    for exercise in catalog.exercises:
        record = records.get(exercise.id, {})
        label, color = STATUS_LABELS.get(record.get("status", "not_started"), STATUS_LABELS["not_started"])
        extra = []
        if record.get("attempts"):
            extra.append(f"시도 {record['attempts']}회")
        if record.get("hint_level"):
            extra.append(f"힌트 {record['hint_level']}/{len(exercise.hints)}")
        detail = f"  ({', '.join(extra)})" if extra else ""
        lines.append(f"  {click.style(f'{label:6}', fg=color)}  {exercise.id:20} {exercise.title}{detail}")
        lines.append(click.style(f"            노트 {note_address(workspace, exercise)}", dim=True))
    done = sum(1 for e in catalog.exercises if records.get(e.id, {}).get("status") == "passed")
    lines.append(f"진행률 {progress_bar(done, len(catalog.exercises))}")
    return "\n".join(lines)


def render_hints(exercise: Exercise, level: int) -> str:
    lines = [click.style(f"{exercise.id} 힌트 ({level}/{len(exercise.hints)})", bold=True)]
    lines += [f"  {number}. {hint}" for number, hint in enumerate(exercise.hints[:level], start=1)]
    if level < len(exercise.hints):
        lines.append(f"  다음 힌트는 'learn hint {exercise.id}'를 한 번 더 실행하면 볼 수 있습니다.")
    else:
        lines.append("  마지막 힌트입니다.")
    return "\n".join(lines)


def render_summary(results: Iterable[tuple[Exercise, "ExerciseResult"]]) -> str:
    lines = []
    for exercise, result in results:
        passed, total = result.counts
        mark = click.style("✓", fg="green") if result.passed else click.style("✗", fg="red")
        lines.append(f"  {mark} {exercise.id:20} {passed}/{total}")
    return "\n".join(lines)


def render_quiz_progress(catalog: Catalog, progress: Progress, counts) -> str:
    """Per section: questions answered (in the terminal or on the notes site) and answered right.
    `counts` is `grader.quiz.service.quiz_counts(...)`, the same numbers the site shows."""
    records = progress.get("quizzes", {})
    lines = [click.style("퀴즈 (터미널과 개념 노트 사이트의 답을 함께 셉니다)", bold=True)]
    for section in catalog.sections:
        count = counts.get(section.slug)
        if count is None or not count.total:
            continue
        record = records.get(section.slug, {})
        best = f", 터미널 최고 {record.get('best_percent', 0):g}%" if record.get("attempts") else ""
        if count.answered:
            mark = click.style("✓" if count.answered == count.total else "…", fg="green")
            lines.append(f"  {mark} {section.slug:26} 답한 문항 {count.answered}/{count.total}, 정답 {count.correct}{best}")
        else:
            lines.append(f"  · {section.slug:26} 답한 문항 0/{count.total}  (learn quiz {section.slug})")
    total = sum(c.total for c in counts.values())
    answered = sum(c.answered for c in counts.values())
    correct = sum(c.correct for c in counts.values())
    lines.append(f"퀴즈 진행률 {progress_bar(answered, total)} 정답 {correct}개")
    return "\n".join(lines)


def render_sheet(label: str, result) -> str:  # result: grader.quiz.SheetResult
    lines = [click.style(f"{label}: {result.score}/{result.max_score} ({result.percent:g}%)", bold=True)]
    for item in result.results:
        if item.correct:
            lines.append(click.style(f"  ✓ {item.question_id}", fg="green"))
            continue
        given = "미응답" if item.status == "unanswered" else item.given
        lines.append(click.style(f"  ✗ {item.question_id}", fg="red") + f" — 정답: {item.expected} (입력: {given})")
        if item.feedback:
            lines.append(f"      {item.feedback}")
    lines += [f"  주의: {warning}" for warning in result.warnings]
    return "\n".join(lines)
