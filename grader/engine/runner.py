"""Run one exercise's check against a learner's file and return an `ExerciseResult`.

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
from pathlib import Path
from typing import Any, Mapping, Sequence

from grader.course.catalog import Exercise
from grader.engine.plugin import LearnPlugin
from grader.engine.results import ExerciseResult, TestResult
from grader.engine.student import DEFAULT_CALL_TIMEOUT, LoadError, ModuleStudent, Student, load_learner_module
from grader.course.content import CHECKS_DIR, solution_path


# Built-in pytest plugins a check never needs; not loading them is a large share of start-up.
UNUSED_PYTEST_PLUGINS = (
    "cacheprovider", "terminal", "doctest", "junitxml", "pastebin", "stepwise", "logging",
    "faulthandler", "warnings", "python_path", "unraisableexception", "threadexception",
    "legacypath", "tmpdir", "monkeypatch", "recwarn", "setuponly", "setupplan", "debugging",
)
PYTEST_ARGS = ("--assert=plain", "--capture=sys", *(arg for name in UNUSED_PYTEST_PLUGINS for arg in ("-p", f"no:{name}")))


def new_seed() -> int:
    return secrets.randbelow(2**31)


def load_reference(exercise: Exercise) -> Any:
    """The trusted reference solution, imported from `solutions/`."""
    return load_learner_module(solution_path(exercise.filename), f"solutions/{exercise.filename}", timeout=0)


def run_pytest(
    exercises: Sequence[Exercise], students: Mapping[str, Student], references: Mapping[str, Any], seed: int,
    only: set[str] | None = None,
) -> dict[str, list[TestResult]]:
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


def check_module(exercise: Exercise, module: Any, filename: str, seed: int,
                 timeout: float = DEFAULT_CALL_TIMEOUT) -> list[TestResult]:
    """Run the exercise's check against an object holding the learner's functions (an imported
    module, or a notebook's namespace) in this process."""
    student = ModuleStudent(module, filename, timeout)
    return run_pytest([exercise], {exercise.id: student}, {exercise.id: load_reference(exercise)}, seed)[exercise.id]


def check_file(
    exercise: Exercise,
    learner_path: Path,
    display_name: str,
    *,
    seed: int | None = None,
    timeout: float = DEFAULT_CALL_TIMEOUT,
) -> ExerciseResult:
    """Grade the learner's file for `exercise` in this process."""
    started = time.perf_counter()
    result = ExerciseResult(exercise.id, new_seed() if seed is None else seed)
    try:
        module = load_learner_module(learner_path, display_name, timeout)
    except LoadError as error:
        result.load_failure = error.failure
    else:
        result.tests = check_module(exercise, module, learner_path.name, result.seed, timeout)
    result.seconds = time.perf_counter() - started
    return result
