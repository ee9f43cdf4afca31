"""Hostile students who break every exercise cost at most their budget, score zero, and are
reported honestly; honest students in the same run are graded in full."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
import time

import pytest

from grader.course.catalog import load_catalog
from grader.course.content import SOLUTIONS_DIR

EXERCISES = load_catalog().exercises
BUDGET = 6
TIMEOUT = 1

# Every graded function of every exercise does the same hostile thing.
BEHAVIOURS = {
    "hangs": "    while True:\n        pass\n",
    "prints_without_end": "    import sys\n    while True:\n        sys.stdout.write('x' * 65536)\n",
    "crashes": "    import os\n    os._exit(3)\n",
    "allocates_without_end": "    blocks = []\n    while True:\n        blocks.append(bytearray(2**24))\n",
    "kills_its_parent": "    import os, signal\n    os.kill(os.getppid(), signal.SIGKILL)\n    while True:\n        pass\n",
    "hangs_at_import": None,  # the loop is at module level instead
}


def hostile_source(exercise, behaviour: str) -> str:
    if BEHAVIOURS[behaviour] is None:
        return "while True:\n    pass\n"
    return "".join(f"def {name}(*args, **kwargs):\n{BEHAVIOURS[behaviour]}\n\n" for name in exercise.functions)


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = tmp_path_factory.mktemp("bounded")
    submissions, out = root / "submissions", root / "out"
    for name in ("honest_1", "honest_2"):
        (submissions / name).mkdir(parents=True)
        for exercise in EXERCISES:
            shutil.copyfile(SOLUTIONS_DIR / exercise.filename, submissions / name / exercise.filename)
    for behaviour in BEHAVIOURS:
        folder = submissions / behaviour
        folder.mkdir(parents=True)
        for exercise in EXERCISES:
            (folder / exercise.filename).write_text(hostile_source(exercise, behaviour), encoding="utf-8")
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "grader", "grade", str(submissions), "--out", str(out),
                             "--timeout", str(TIMEOUT), "--budget", str(BUDGET), "--jobs", "2", "--seed", "3"],
                            capture_output=True, text=True, timeout=900)
    seconds = time.monotonic() - started
    table = {row["student"]: row for row in csv.DictReader(io.StringIO((out / "grades.csv").read_text(encoding="utf-8")))}
    return result, table, seconds


def test_one_row_each_and_exit_0(graded):
    result, table, _ = graded
    assert result.returncode == 0, result.stderr[-2000:]
    assert sorted(table) == sorted(["honest_1", "honest_2", *BEHAVIOURS])


def test_honest_students_get_full_marks_and_a_clean_status(graded):
    _, table, _ = graded
    for name in ("honest_1", "honest_2"):
        assert table[name]["total"] == table[name]["max_total"]
        assert table[name]["status"] == "정상"


@pytest.mark.parametrize("behaviour", list(BEHAVIOURS))
def test_hostile_students_score_zero_and_are_not_called_normal(graded, behaviour):
    _, table, _ = graded
    row = table[behaviour]
    assert row["total"] == "0.00"
    assert row["status"] != "정상" and "미제출" not in row["status"]


@pytest.mark.parametrize("behaviour, words", [
    ("hangs", "시간 초과"), ("prints_without_end", "출력 과다"), ("crashes", "종료 호출"),
    ("hangs_at_import", "시간 초과"), ("kills_its_parent", "비정상 종료"),
])
def test_status_says_what_went_wrong(graded, behaviour, words):
    _, table, _ = graded
    assert words in table[behaviour]["status"]


def test_each_hostile_student_costs_at_most_about_its_budget(graded):
    _, _, seconds = graded
    # Six hostile students on two grading processes, each bounded by its budget (plus one call
    # deadline of overshoot and worker start-up), and two honest students: well under the
    # unbounded cost (21 exercises x several calls x the call deadline each).
    assert seconds < 3 * (BUDGET + 2 * TIMEOUT) + 60, seconds
