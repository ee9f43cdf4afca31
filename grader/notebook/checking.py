"""`check("03_threshold")` in a notebook: the same checks and verdicts as `learn check`, run
against the functions defined in the notebook's namespace instead of a file."""

from __future__ import annotations

import html
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, Mapping

from grader.course.catalog import Exercise, load_catalog
from grader.errors import LearnError

if TYPE_CHECKING:
    from grader.engine.results import ExerciseResult

# What the learner's "file" is called in verdicts ("노트북에 함수 f이(가) 없습니다 ...").
NOTEBOOK_NAME = "노트북"
DEFAULT_TIMEOUT = 3.0


def run_check(exercise: Exercise, namespace: Mapping[str, Any], *, seed: int | None = None,
              timeout: float = DEFAULT_TIMEOUT) -> "ExerciseResult":
    """The one piece of glue to the engine: grade the exercise's functions found in `namespace`
    in learner mode and return the engine's result (`load_failure` says when none is defined)."""
    from grader.engine import failures
    from grader.engine.results import ExerciseResult
    from grader.engine.runner import check_module, new_seed

    started = time.perf_counter()
    result = ExerciseResult(exercise.id, new_seed() if seed is None else seed)
    defined = {name: namespace[name] for name in exercise.functions if name in namespace}
    if not defined:
        names = ", ".join(exercise.functions)
        result.load_failure = failures.load_error(
            NOTEBOOK_NAME, f"에 {exercise.id}의 함수({names})가 정의되어 있지 않습니다. "
                           "함수를 정의한 셀을 먼저 실행하세요 (Shift+Enter).")
    else:
        result.tests = check_module(exercise, SimpleNamespace(**defined), NOTEBOOK_NAME, result.seed, timeout)
    result.seconds = time.perf_counter() - started
    return result


@dataclass
class NotebookResult:
    """What `check()` returns: `.passed`, plus readable text (repr) and HTML (in Jupyter)."""

    name: str
    exercise: Exercise | None = None
    result: "ExerciseResult | None" = None
    problem: str | None = None
    recorded_in: Path | None = None
    note: str | None = None

    @property
    def passed(self) -> bool:
        return self.problem is None and self.result is not None and self.result.passed

    @property
    def counts(self) -> tuple[int, int]:
        return self.result.counts if self.result is not None else (0, 0)

    def to_dict(self) -> dict[str, Any]:
        data = self.result.to_json() if self.result is not None else {"exercise": self.name, "passed": False}
        return {**data, "problem": self.problem}

    def text(self) -> str:
        import click

        if self.problem is not None or self.exercise is None or self.result is None:
            return f"✗ {self.problem}"
        if self.result.load_failure:
            lines = [f"{self.exercise.id} {self.exercise.title}", f"  ✗ {self.result.load_failure.message}"]
        else:
            from grader.learner.terminal import render_check

            lines = [click.unstyle(render_check(self.exercise, self.result))]
        if self.note:
            lines.append(self.note)
        return "\n".join(lines)

    def __repr__(self) -> str:
        return self.text()

    __str__ = __repr__

    def _repr_html_(self) -> str:
        return render_html(self)


def render_html(outcome: NotebookResult) -> str:
    """The verdict as a small HTML block: a coloured headline, then each test, failures with
    their Korean message (as preformatted text, escaped)."""
    esc = html.escape
    green, red = "#1b7f3b", "#b3261e"
    box = "font-family: system-ui, sans-serif; line-height: 1.45; border-left: 4px solid {}; padding: 4px 12px;"
    if outcome.problem is not None or outcome.exercise is None or outcome.result is None:
        return f'<div class="learn-check" style="{box.format(red)}"><b style="color:{red}">✗ {esc(outcome.problem or "")}</b></div>'
    exercise, result = outcome.exercise, outcome.result
    passed, total = result.counts
    color = green if result.passed else red
    parts = [f'<div class="learn-check" style="{box.format(color)}">',
             f"<div><b>{esc(exercise.id)} {esc(exercise.title)}</b></div>"]
    if result.load_failure:
        parts.append(f'<div style="color:{red}">✗ {esc(result.load_failure.message)}</div>')
    items = []
    for test in result.tests:
        if test.passed:
            items.append(f'<li style="color:{green}">✓ {esc(test.title)}</li>')
        else:
            message = f'<pre style="white-space: pre-wrap; margin: 2px 0 6px 0">{esc(test.message)}</pre>' if test.message else ""
            items.append(f'<li><span style="color:{red}">✗ {esc(test.title)}</span>{message}</li>')
    if items:
        parts.append('<ul style="list-style: none; padding-left: 0.5em; margin: 4px 0">' + "".join(items) + "</ul>")
    if result.passed:
        parts.append(f'<div style="color:{green}"><b>통과! {passed}/{total}개 검사를 모두 통과했습니다.</b></div>')
    else:
        parts.append(f'<div style="color:{red}"><b>아직 통과하지 못했습니다: {passed}/{total}개 통과.</b> '
                     f"막히면 <code>learn hint {esc(exercise.id)}</code></div>")
    if outcome.note:
        parts.append(f'<div style="color:#555; font-size: 90%">{esc(outcome.note)}</div>')
    parts.append("</div>")
    return "".join(parts)


def check(exercise_id: str | int, namespace: Mapping[str, Any] | None = None, *, seed: int | None = None,
          timeout: float = DEFAULT_TIMEOUT, record: bool = True) -> NotebookResult:
    """Grade exercise `exercise_id` (03_threshold, 03, 3 or threshold) against the functions
    defined in `namespace` (default: the caller's globals, i.e. the notebook). Never raises for a
    learner's mistake: a bad id or a missing function comes back as a failed result saying why.
    When the notebook sits inside a `learn` workspace, the attempt is recorded in its progress."""
    if namespace is None:
        namespace = sys._getframe(1).f_globals
    name = str(exercise_id)
    try:
        exercise = load_catalog().resolve(name)
    except LearnError as error:
        return NotebookResult(name, problem=str(error))
    try:
        result = run_check(exercise, namespace, seed=seed, timeout=timeout)
    except RuntimeError as error:  # the check module itself could not run
        return NotebookResult(exercise.id, exercise, problem=f"검사를 실행하지 못했습니다: {error}")
    outcome = NotebookResult(exercise.id, exercise, result)
    if record:
        outcome.recorded_in, outcome.note = _record(result)
    return outcome


def _record(result: "ExerciseResult") -> tuple[Path | None, str | None]:
    """Record the attempt in the workspace around the current folder, if there is one."""
    from grader.learner.progress import ProgressStore
    from grader.learner.session import record_check
    from grader.learner.workspace import WorkspaceError, find_workspace

    try:
        workspace = find_workspace()
    except WorkspaceError:
        return None, None  # Colab or a loose notebook: nothing to record, nothing to say
    try:
        record_check(ProgressStore(workspace.progress_path), result)
    except (LearnError, OSError) as error:
        return None, f"진행 상황을 기록하지 못했습니다: {error}"
    return workspace.progress_path, None
