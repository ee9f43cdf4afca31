"""Run one exercise's check against a learner's file and return a `CheckResult`.

This is learner mode: the learner's module is imported into this process (fast), the reference
solution too, and pytest runs the exercise's check module in-process with `LearnPlugin`. pytest
is started lean (no plugin auto-loading, no cache, no terminal report, plain asserts) because
start-up time is what a learner feels on every `learn check`.
"""

from __future__ import annotations

import os
import secrets
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Sequence

from grader.course.catalog import Exercise
from grader.engine.plugin import LearnPlugin, TestOutcome
from grader.engine.student import DEFAULT_CALL_TIMEOUT, LoadError, ModuleStudent, Student, load_learner_module
from grader.course.content import CHECKS_DIR, solution_path


# Built-in pytest plugins a check never needs; not loading them is a large share of start-up.
UNUSED_PYTEST_PLUGINS = (
    "cacheprovider", "terminal", "doctest", "junitxml", "pastebin", "stepwise", "logging",
    "faulthandler", "warnings", "python_path", "unraisableexception", "threadexception",
    "legacypath", "tmpdir", "monkeypatch", "recwarn", "setuponly", "setupplan", "debugging",
)
PYTEST_ARGS = ("--assert=plain", "--capture=sys", *(arg for name in UNUSED_PYTEST_PLUGINS for arg in ("-p", f"no:{name}")))


@dataclass
class CheckResult:
    exercise_id: str
    seed: int
    outcomes: list[TestOutcome] = field(default_factory=list)
    load_error: str | None = None
    seconds: float = 0.0

    @property
    def passed(self) -> bool:
        return self.load_error is None and bool(self.outcomes) and all(o.status == "passed" for o in self.outcomes)

    @property
    def counts(self) -> tuple[int, int]:
        """(tests passed, tests run); a file that does not load counts as 0 of 1."""
        if self.load_error is not None:
            return 0, 1
        return sum(o.status == "passed" for o in self.outcomes), len(self.outcomes)

    def to_dict(self) -> dict[str, Any]:
        passed, total = self.counts
        return {
            "exercise": self.exercise_id,
            "passed": self.passed,
            "seed": self.seed,
            "tests_passed": passed,
            "tests_total": total,
            "load_error": self.load_error,
            "tests": [o.to_dict() for o in self.outcomes],
        }


def new_seed() -> int:
    return secrets.randbelow(2**31)


def load_reference(exercise: Exercise) -> Any:
    """The trusted reference solution, imported from `solutions/`."""
    return load_learner_module(solution_path(exercise.filename), f"solutions/{exercise.filename}", timeout=0)


def run_pytest(
    exercises: Sequence[Exercise], students: Mapping[str, Student], references: Mapping[str, Any], seed: int,
    only: set[str] | None = None,
) -> dict[str, list[TestOutcome]]:
    """Run the checks of `exercises` in one pytest session, each against its own student;
    return the outcomes per exercise id. `only` limits the run to those test node ids."""
    import pytest

    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    plugin = LearnPlugin(students, references, seed)
    files = ([str(CHECKS_DIR / nodeid) for nodeid in sorted(only)] if only is not None
             else [str(CHECKS_DIR / f"{exercise.check_module}.py") for exercise in exercises])
    args = [*files, "-c", str(CHECKS_DIR / "pytest.ini"), "--rootdir", str(CHECKS_DIR), *PYTEST_ARGS]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        exit_code = pytest.main(args, plugins=[plugin])
    empty = [exercise.id for exercise in exercises if not plugin.outcomes[exercise.id]]
    if exit_code not in (0, 1) or empty:
        raise RuntimeError(f"검사 모듈을 실행하지 못했습니다 ({', '.join(empty)}; pytest 종료 코드 {exit_code}).")
    return plugin.outcomes


def check_file(
    exercise: Exercise,
    learner_path: Path,
    display_name: str,
    *,
    seed: int | None = None,
    timeout: float = DEFAULT_CALL_TIMEOUT,
) -> CheckResult:
    """Grade the learner's file for `exercise` in this process."""
    started = time.perf_counter()
    result = CheckResult(exercise.id, new_seed() if seed is None else seed)
    try:
        module = load_learner_module(learner_path, display_name, timeout)
    except LoadError as error:
        result.load_error = str(error)
    else:
        student = ModuleStudent(module, learner_path.name, timeout)
        outcomes = run_pytest([exercise], {exercise.id: student}, {exercise.id: load_reference(exercise)}, result.seed)
        result.outcomes = outcomes[exercise.id]
    result.seconds = time.perf_counter() - started
    return result
