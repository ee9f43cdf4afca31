"""`learn watch`: re-check the current exercise whenever its file is saved.

`watch_events` is the use case: it polls the file's modification time (a few stat calls a
second cost nothing and need no OS-specific watcher), re-checks in this process (numpy and
pytest are already imported, so a re-check costs only the check) and, after a pass, moves on to
the next exercise that has not passed yet. It yields what happened; the CLI decides how to show it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Union

from grader.course.catalog import Exercise, load_catalog
from grader.engine.results import ExerciseResult
from grader.learner.progress import ProgressStore
from grader.learner.session import check_and_record
from grader.learner.workspace import Workspace


@dataclass(frozen=True)
class Watching:
    """Now waiting for saves of this exercise's file."""

    exercise: Exercise
    path: str  # as the learner reads it, relative to the workspace


@dataclass(frozen=True)
class Checked:
    exercise: Exercise
    result: ExerciseResult


@dataclass(frozen=True)
class AllPassed:
    """Every exercise of the course has passed."""


WatchEvent = Union[Watching, Checked, AllPassed]


def _signature(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return stat.st_mtime_ns, stat.st_size


def first_unpassed(store: ProgressStore, after: Exercise | None) -> Exercise | None:
    """The next exercise (after `after`, wrapping around) whose status is not passed."""
    catalog = load_catalog()
    records = store.read()["exercises"]
    order = catalog.after(after) if after else catalog.exercises
    for exercise in order:
        if records.get(exercise.id, {}).get("status") != "passed":
            return exercise
    return None


def watch_events(workspace: Workspace, store: ProgressStore, start: Exercise | None,
                 *, interval: float = 0.02, max_checks: int = 0) -> Iterator[WatchEvent]:
    """Run until the consumer stops iterating (or `max_checks` checks, for tests)."""
    exercise = start or first_unpassed(store, None)
    checks = 0
    while exercise is not None:
        path = workspace.learner_file(exercise.filename)
        yield Watching(exercise, workspace.display(path))
        seen = None
        while True:
            signature = _signature(path)
            if signature != seen:
                seen = signature
                _, result = next(check_and_record(workspace, store, [exercise]))
                yield Checked(exercise, result)
                checks += 1
                if max_checks and checks >= max_checks:
                    return
                if result.passed:
                    break
            time.sleep(interval)
        exercise = first_unpassed(store, exercise)
    yield AllPassed()
