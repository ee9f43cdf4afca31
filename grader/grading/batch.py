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
from grader.grading.identity import file_key
from grader.grading.intake import Submission, collect_class
from grader.grading.recording import ExercisePlan, record_plans
from grader.grading.sandboxed import SandboxStudent
from grader.engine.results import SCHEMA_VERSION, ExerciseGrade, ExerciseResult, StudentResult
from grader.engine.runner import run_pytest


@dataclass(frozen=True)
class GradeOptions:
    seed: int = 0
    jobs: int = 1
    timeout: float = 3.0
    fresh: bool = False


def student_state_path(out: Path, student: str) -> Path:
    return out / "students" / f"{file_key(student)}.json"


def grade_student(sandbox: Any, submission: Submission, plans: dict[str, ExercisePlan],
                  options: GradeOptions) -> StudentResult:
    """One submission, in named stages:
    1. prefetch: every planned call runs in the student's worker, batched per exercise;
    2. reuse: a test whose outputs are identical to the reference's gets the reference's verdict;
    3. re-check: the other tests run through the same pytest checks, with the fetched outputs;
    4. merge into one `ExerciseResult` per submitted exercise, and an honest status line."""
    exercises = [plan.exercise for plan in plans.values()]
    results: dict[str, ExerciseResult] = {}
    if submission.refused is None and submission.files:
        with sandbox.open_student(submission.files) as worker:
            students: dict[str, SandboxStudent] = {}
            differing: set[str] = set()
            for exercise in exercises:  # 1. prefetch
                if exercise.filename not in submission.files:
                    continue
                student = SandboxStudent(worker, plans[exercise.id], options.timeout)
                differing_here = student.prefetch()
                reused = list(plans[exercise.id].reference_outcomes) if student.load_failure is None else []
                results[exercise.id] = ExerciseResult(exercise.id, options.seed, reused, student.load_failure)  # 2. reuse
                if differing_here and student.load_failure is None:
                    students[exercise.id] = student
                    differing |= differing_here
            if students:  # 3. re-check
                rechecked = run_pytest([plans[i].exercise for i in students], students,
                                       {i: plans[i].reference for i in students}, options.seed, only=differing)
                for exercise_id, tests in rechecked.items():  # 4. merge
                    by_name = {test.name: test for test in tests}
                    results[exercise_id].tests = [by_name.get(t.name, t) for t in results[exercise_id].tests]
    grades = {e.id: ExerciseGrade(e.id, e.points, results.get(e.id)) for e in exercises}
    return StudentResult(submission.student, submission.digest, options.seed, _status(submission, grades), grades,
                         submission.lms_id)


def _status(submission: Submission, grades: dict[str, ExerciseGrade]) -> str:
    """What went wrong for this student, in one Korean line ('정상' when nothing did)."""
    if submission.refused:
        return f"거부: {submission.refused}"
    if not submission.files:
        return "제출 파일 없음"
    notes = list(submission.problems)
    notes += [f"{grade.exercise_id}: {grade.result.load_failure.message}" for grade in grades.values()
              if grade.result is not None and grade.result.load_failure is not None]
    missing = [grade.exercise_id for grade in grades.values() if not grade.submitted]
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
    return state.get("version") == SCHEMA_VERSION and state.get("digest") == submission.digest and state.get("seed") == seed


def _grade_chunk(submissions: list[Submission], plans: dict[str, ExercisePlan], out: Path, options: GradeOptions) -> None:
    from grader.sandbox import Limits, Sandbox

    with Sandbox(Limits(), call_timeout=options.timeout) as sandbox:
        _write_json(out / "isolation.json", dict(sandbox.isolation_report))
        for submission in submissions:
            result = grade_student(sandbox, submission, plans, options)
            _write_json(student_state_path(out, submission.student), result.to_json())


def grade_class(root: Path, out: Path, options: GradeOptions,
                on_progress: Callable[[int, int], None] = lambda done, total: None,
                on_intake: Callable[[str], None] = lambda summary: None, report_options: Any = None) -> int:
    """Grade every submission under `root` into `out` and write the reports; return how many
    submissions there were. Stages: intake → skip what is already graded → record the plans
    against the reference → grade in sandboxes (one state file per student) → reports."""
    from grader.grading.reports import write_reports

    exercises = list(load_catalog().exercises)
    intake = collect_class(root, {e.filename for e in exercises})
    submissions = intake.submissions
    on_intake(intake.summary)
    out.mkdir(parents=True, exist_ok=True)
    pending = [s for s in submissions if options.fresh or not _is_done(out, s, options.seed)]
    on_progress(len(submissions) - len(pending), len(submissions))
    if pending:
        plans = record_plans(exercises, options.seed)
        chunks = [chunk for chunk in (pending[i::options.jobs] for i in range(max(1, options.jobs))) if chunk]
        if len(chunks) == 1:
            _grade_chunk(chunks[0], plans, out, options)
        else:
            _grade_in_processes(chunks, plans, out, options, submissions, on_progress)
    on_progress(len(submissions), len(submissions))
    isolation_path = out / "isolation.json"
    isolation = json.loads(isolation_path.read_text(encoding="utf-8")) if isolation_path.exists() else {}
    write_reports(out, [student_state_path(out, s.student) for s in submissions], options.seed, isolation,
                  intake=intake.to_json(), options=report_options)
    return len(submissions)


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
