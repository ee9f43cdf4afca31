"""`learn watch`: re-check the current exercise whenever its file is saved.

`WatchSession` is the use case: it polls the file's modification time (a few stat calls a
second cost nothing and need no OS-specific watcher), re-checks in this process (numpy and
pytest are already imported after the first check, so a re-check costs only the check) and
knows the learner's commands: next hint, next exercise, reset, re-check. It never prints;
`watch_events` turns it into a stream of events for plain output (stdout not a terminal), and
`watch_screen.py` draws it as one screen with single-key commands.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Union

from grader.course.catalog import Exercise, load_catalog
from grader.engine.results import ExerciseResult
from grader.learner.next_steps import next_unpassed
from grader.learner.progress import ProgressStore
from grader.learner.session import check_and_record, reset_exercise, reveal_next_hint
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
    untouched: bool = False  # the file is still the shipped stub: "not started", not a failure


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
    return next_unpassed(store.read(), after)


class WatchSession:
    """The state of one `learn watch`: the exercise on screen, its file, the latest result."""

    def __init__(self, workspace: Workspace, store: ProgressStore, start: Exercise | None) -> None:
        self.workspace = workspace
        self.store = store
        self.catalog = load_catalog()
        self.exercise: Exercise | None = start or first_unpassed(store, None)
        self.last: Checked | None = None
        self._seen: tuple[int, int] | None | bool = False  # False: never looked yet

    @property
    def path(self) -> Path:
        assert self.exercise is not None
        return self.workspace.learner_file(self.exercise.filename)

    @property
    def display_path(self) -> str:
        return self.workspace.display(self.path)

    def poll(self) -> Checked | None:
        """Check the file when it changed since the last look (or was never checked)."""
        if self.exercise is None:
            return None
        signature = _signature(self.path)
        if signature == self._seen:
            return None
        self._seen = signature
        return self.check()

    def check(self) -> Checked:
        assert self.exercise is not None
        graded = next(check_and_record(self.workspace, self.store, [self.exercise]))
        self.last = Checked(graded.exercise, graded.result, graded.untouched)
        return self.last

    def go_to(self, exercise: Exercise | None) -> None:
        self.exercise = exercise
        self.last = None
        self._seen = False

    def next_exercise(self) -> Exercise | None:
        """Move on to the next exercise not passed yet (after the current one, wrapping around).
        When every exercise has passed, the next one in course order."""
        current = self.exercise
        following = first_unpassed(self.store, current)
        if following is None and current is not None:
            following = self.catalog.after(current)[0] if len(self.catalog.exercises) > 1 else current
        self.go_to(following)
        return following

    def hint(self) -> int:
        assert self.exercise is not None
        return reveal_next_hint(self.store, self.exercise)

    def hint_level(self) -> int:
        if self.exercise is None:
            return 0
        return int(self.store.read()["exercises"].get(self.exercise.id, {}).get("hint_level", 0))

    def reset(self) -> Path | None:
        """Restore the stub (the learner's file is kept in `.learn/backups/`)."""
        assert self.exercise is not None
        backup = reset_exercise(self.workspace, self.store, self.exercise)
        self.last = None
        self._seen = False
        return backup

    def passed_count(self) -> tuple[int, int]:
        records = self.store.read()["exercises"]
        passed = sum(1 for e in self.catalog.exercises if records.get(e.id, {}).get("status") == "passed")
        return passed, len(self.catalog.exercises)


def watch_events(workspace: Workspace, store: ProgressStore, start: Exercise | None,
                 *, interval: float = 0.02, max_checks: int = 0) -> Iterator[WatchEvent]:
    """Plain mode: run until the consumer stops iterating (or `max_checks` checks, for tests);
    after a pass, move on to the next exercise that has not passed yet."""
    session = WatchSession(workspace, store, start)
    checks = 0
    while session.exercise is not None:
        yield Watching(session.exercise, session.display_path)
        while True:
            checked = session.poll()
            if checked is not None:
                yield checked
                checks += 1
                if max_checks and checks >= max_checks:
                    return
                if checked.result.passed:
                    break
            time.sleep(interval)
        following = first_unpassed(store, session.exercise)
        session.go_to(following)
    yield AllPassed()
