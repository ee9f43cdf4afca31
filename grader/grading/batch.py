"""Grade a whole class: every student in a sandbox, in parallel, resumable, deterministic.

Each student's result is written to `OUT/students/<id>.json` as soon as it is known, so an
interrupted run resumes where it stopped (students whose files and seed are unchanged are not
graded again). The reports are then built from those files alone.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from grader.course.catalog import Exercise, load_catalog
from grader.grading.intake import Submission, collect
from grader.grading.recording import ExercisePlan, record_plans
from grader.grading.sandboxed import SandboxStudent
from grader.engine.plugin import TestOutcome
from grader.engine.runner import run_pytest

STATE_VERSION = 1


@dataclass(frozen=True)
class GradeOptions:
    seed: int = 0
    jobs: int = 1
    timeout: float = 3.0
    fresh: bool = False


def student_state_path(out: Path, student: str) -> Path:
    return out / "students" / f"{student}.json"


def exercise_entry(exercise: Exercise, outcomes: list[TestOutcome] | None) -> dict[str, Any]:
    """Points earned are proportional to the tests passed, rounded to hundredths."""
    if outcomes is None:
        return {"submitted": False, "points": 0.0, "max_points": exercise.points, "passed": 0, "total": 0, "tests": []}
    passed = sum(o.status == "passed" for o in outcomes)
    points = round(exercise.points * passed / len(outcomes), 2) if outcomes else 0.0
    return {"submitted": True, "points": points, "max_points": exercise.points, "passed": passed,
            "total": len(outcomes), "tests": [o.to_dict() for o in outcomes]}


def grade_student(sandbox: Any, submission: Submission, plans: dict[str, ExercisePlan], seed: int) -> dict[str, Any]:
    exercises = [plan.exercise for plan in plans.values()]
    outcomes: dict[str, list[TestOutcome] | None] = {e.id: None for e in exercises}
    problems = list(submission.problems)
    if submission.refused is None and submission.files:
        with sandbox.open_student(submission.files) as worker:
            to_check: dict[str, SandboxStudent] = {}
            rerun: set[str] = set()
            for exercise in exercises:
                if exercise.filename not in submission.files:
                    continue
                student = SandboxStudent(worker, plans[exercise.id])
                differing = student.prefetch()
                if student.load_error:
                    problems.append(f"{exercise.id}: {student.load_error}")
                outcomes[exercise.id] = list(plans[exercise.id].reference_outcomes)
                if differing:
                    to_check[exercise.id] = student
                    rerun |= differing
            if to_check:
                checked = run_pytest([plans[i].exercise for i in to_check], to_check,
                                     {i: plans[i].reference for i in to_check}, seed, only=rerun)
                for exercise_id, replayed in checked.items():
                    by_name = {outcome.name: outcome for outcome in replayed}
                    outcomes[exercise_id] = [by_name.get(o.name, o) for o in outcomes[exercise_id] or []]
    entries = {e.id: exercise_entry(e, outcomes[e.id]) for e in exercises}
    return {
        "version": STATE_VERSION,
        "student": submission.student,
        "digest": submission.digest,
        "seed": seed,
        "status": _status(submission, entries, problems),
        "exercises": entries,
        "total": round(sum(entry["points"] for entry in entries.values()), 2),
        "max_total": sum(e.points for e in exercises),
    }


def _status(submission: Submission, entries: dict[str, dict[str, Any]], problems: list[str]) -> str:
    """What went wrong for this student, in one Korean line ('정상' when nothing did)."""
    if submission.refused:
        return f"거부: {submission.refused}"
    notes = list(problems)
    missing = [i for i, entry in entries.items() if not entry["submitted"]]
    if not submission.files:
        return "제출 파일 없음"
    if missing:
        notes.append(f"미제출 {len(missing)}개")
    return "; ".join(notes) if notes else "정상"


def _write_json(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=1, sort_keys=True)
    os.replace(tmp, path)


def _is_done(out: Path, submission: Submission, seed: int) -> bool:
    try:
        state = json.loads(student_state_path(out, submission.student).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return state.get("version") == STATE_VERSION and state.get("digest") == submission.digest and state.get("seed") == seed


def _grade_chunk(submissions: list[Submission], plans: dict[str, ExercisePlan], out: Path, options: GradeOptions) -> None:
    from grader.sandbox import Limits, Sandbox

    with Sandbox(Limits(), call_timeout=options.timeout) as sandbox:
        _write_json(out / "isolation.json", dict(sandbox.isolation_report))
        for submission in submissions:
            _write_json(student_state_path(out, submission.student), grade_student(sandbox, submission, plans, options.seed))


def grade_class(root: Path, out: Path, options: GradeOptions,
                on_progress: Callable[[int, int], None] = lambda done, total: None) -> list[Path]:
    """Grade every submission under `root` into `out`; return the state files, one per student."""
    exercises = list(load_catalog().exercises)
    submissions = collect(root, {e.filename for e in exercises})
    out.mkdir(parents=True, exist_ok=True)
    pending = [s for s in submissions if options.fresh or not _is_done(out, s, options.seed)]
    on_progress(len(submissions) - len(pending), len(submissions))
    if pending:
        plans = record_plans(exercises, options.seed)
        chunks = [pending[i::options.jobs] for i in range(max(1, options.jobs))]
        chunks = [chunk for chunk in chunks if chunk]
        if len(chunks) == 1:
            _grade_chunk(chunks[0], plans, out, options)
        else:
            _grade_in_processes(chunks, plans, out, options, submissions, on_progress)
    on_progress(len(submissions), len(submissions))
    return [student_state_path(out, s.student) for s in submissions]


def _grade_in_processes(chunks: list[list[Submission]], plans: dict[str, ExercisePlan], out: Path,
                        options: GradeOptions, submissions: list[Submission],
                        on_progress: Callable[[int, int], None]) -> None:
    """Forked children inherit the recorded plans (nothing is pickled) and write state files."""
    context = multiprocessing.get_context("fork")
    processes = [context.Process(target=_grade_chunk, args=(chunk, plans, out, options)) for chunk in chunks]
    for process in processes:
        process.start()
    started = time.time()
    pending = [student_state_path(out, s.student) for chunk in chunks for s in chunk]
    already = len(submissions) - len(pending)
    while any(process.is_alive() for process in processes):
        time.sleep(0.2)
        written = sum(1 for path in pending if path.exists() and path.stat().st_mtime >= started)
        on_progress(already + written, len(submissions))
    failed = [process.exitcode for process in processes if process.exitcode != 0]
    if failed:
        print(f"채점 프로세스가 비정상 종료했습니다 (종료 코드 {failed}).", file=sys.stderr)
