"""`watch_events`: what a learner sees, as events, when they save their file."""

from __future__ import annotations

import shutil
import threading
import time

from grader.course.catalog import load_catalog
from grader.course.content import solution_path
from grader.learner.progress import ProgressStore
from grader.learner.watch import Checked, Watching, first_unpassed, watch_events
from grader.learner.workspace import init_workspace

CATALOG = load_catalog()


def make_workspace(tmp_path):
    workspace = init_workspace(tmp_path / "ws", [e.filename for e in CATALOG.exercises])
    return workspace, ProgressStore(workspace.progress_path)


def test_first_check_of_an_untouched_stub_fails_and_names_the_file(tmp_path):
    workspace, store = make_workspace(tmp_path)
    events = list(watch_events(workspace, store, CATALOG.resolve("03"), max_checks=1))
    assert isinstance(events[0], Watching) and events[0].path == "exercises/03_threshold.py"
    assert isinstance(events[1], Checked) and not events[1].result.passed


def test_saving_a_correct_file_passes_and_moves_to_the_next_unpassed_exercise(tmp_path):
    workspace, store = make_workspace(tmp_path)
    first, second = CATALOG.exercises[0], CATALOG.exercises[1]
    target = workspace.learner_file(first.filename)

    def save_later() -> None:
        time.sleep(0.5)
        shutil.copyfile(solution_path(first.filename), target)

    saver = threading.Thread(target=save_later)
    saver.start()
    events = list(watch_events(workspace, store, None, interval=0.02, max_checks=3))
    saver.join()
    checked = [e for e in events if isinstance(e, Checked)]
    assert [e.result.passed for e in checked] == [False, True, False]
    watching = [e.exercise.id for e in events if isinstance(e, Watching)]
    assert watching == [first.id, second.id]
    assert first_unpassed(store, None) == second
    assert store.read()["exercises"][first.id]["status"] == "passed"
