"""`learn watch`: re-check the current exercise whenever its file is saved.

Polls the file's modification time (a few stat calls a second cost nothing and need no extra
dependency or OS-specific watcher). Checks run in this process, which already has numpy and
pytest imported, so a re-check costs only the check itself. After a pass it moves on to the
next exercise that has not passed yet.
"""

from __future__ import annotations

import time
from pathlib import Path

import click

from grader.course.catalog import Exercise, load_catalog
from grader.learner.session import record_check
from grader.learner.progress import ProgressStore
from grader.learner.terminal import render_check
from grader.engine.runner import check_file
from grader.learner.workspace import Workspace


def _signature(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return stat.st_mtime_ns, stat.st_size


def _first_unpassed(store: ProgressStore, after: Exercise | None) -> Exercise | None:
    catalog = load_catalog()
    records = store.read()["exercises"]
    order = catalog.after(after) if after else catalog.exercises
    for exercise in order:
        if records.get(exercise.id, {}).get("status") != "passed":
            return exercise
    return None


def watch_exercises(workspace: Workspace, store: ProgressStore, start: Exercise | None,
                    *, interval: float = 0.02, max_checks: int = 0) -> None:
    """Run until interrupted (or `max_checks` checks, for tests), one exercise at a time."""
    exercise = start or _first_unpassed(store, None)
    checks = 0
    try:
        while exercise is not None:
            path = workspace.learner_file(exercise.filename)
            click.echo(click.style(f"\n지켜보는 중: {workspace.display(path)} (저장하면 채점, Ctrl+C로 끝)", fg="cyan"))
            seen = None
            while True:
                signature = _signature(path)
                if signature != seen:
                    seen = signature
                    result = check_file(exercise, path, workspace.display(path))
                    record_check(store, result)
                    click.echo(render_check(exercise, result))
                    checks += 1
                    if max_checks and checks >= max_checks:
                        return
                    if result.passed:
                        break
                time.sleep(interval)
            exercise = _first_unpassed(store, exercise)
        click.echo(click.style("모든 연습 문제를 통과했습니다!", fg="green", bold=True))
    except KeyboardInterrupt:
        click.echo("\n지켜보기를 끝냈습니다.")
