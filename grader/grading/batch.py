"""Grade a whole class: every student in a sandbox, in parallel, resumable, deterministic.

Each student's result is written to `OUT/students/<id>.json` as soon as it is known, so an
interrupted run resumes where it stopped (students whose files and seed are unchanged are not
graded again). The reports are then built from those files alone.
"""

from __future__ import annotations

import dataclasses
import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from grader.course.catalog import Exercise, load_catalog
from grader.grading.identity import file_key
from grader.grading.intake import Submission, collect_class
from grader.grading.ledger import DEFAULT_BUDGET_SECONDS, Ledger
from grader.grading.workers import Finished, run_queue
from grader.grading.plan_cache import load_or_record
from grader.grading.recording import ExercisePlan
from grader.grading.sandboxed import SandboxStudent, planned_batch
from grader.sandbox import Limits
from grader.engine.results import SCHEMA_VERSION, ExerciseGrade, ExerciseResult, StudentResult, TestResult
from grader.engine.runner import run_pytest


@dataclass(frozen=True)
class GradeOptions:
    seed: int = 0
    jobs: int = 1
    timeout: float = 3.0
    fresh: bool = False
    budget: float = DEFAULT_BUDGET_SECONDS  # wall-clock seconds per submission


def student_state_path(out: Path, student: str) -> Path:
    return out / "students" / f"{file_key(student)}.json"


def grade_student(sandbox: Any, submission: Submission, plans: dict[str, ExercisePlan],
                  options: GradeOptions, graded: list[Exercise] | None = None) -> StudentResult:
    """One submission, in named stages:
    1. prefetch: every planned call runs in the student's worker, batched per exercise;
    2. reuse: a test whose outputs are identical to the reference's gets the reference's verdict;
    3. re-check: the other tests run through the same pytest checks, with the fetched outputs;
    4. merge into one `ExerciseResult` per submitted exercise, and an honest status line.
    `graded` is every exercise the student gets a grade for (default: those with a plan); plans are
    needed only for exercises someone submitted."""
    exercises = [plan.exercise for plan in plans.values()]
    results: dict[str, ExerciseResult] = {}
    ledger = Ledger(options.budget)
    if submission.refused is None and submission.files:
        with sandbox.open_student(submission.files) as worker:
            students: dict[str, SandboxStudent] = {}
            differing: dict[str, set[str]] = {}
            for exercise in exercises:  # 1. prefetch
                if exercise.filename not in submission.files:
                    continue
                student = SandboxStudent(worker, plans[exercise.id], options.timeout, ledger)
                differing_here = student.prefetch()
                reused = list(plans[exercise.id].reference_outcomes) if student.load_failure is None else []
                results[exercise.id] = ExerciseResult(exercise.id, options.seed, reused, student.load_failure)  # 2. reuse
                if differing_here and student.load_failure is None:
                    students[exercise.id] = student
                    differing[exercise.id] = differing_here
            for exercise_id, tests in _recheck(students, differing, plans, options.seed).items():  # 3. re-check
                weak = plans[exercise_id].weak_tests  # 4. merge
                by_name = {test.name: dataclasses.replace(test, weak=test.name in weak) for test in tests}
                results[exercise_id].tests = [by_name.get(t.name, t) for t in results[exercise_id].tests]
    grades = {e.id: ExerciseGrade(e.id, e.points, results.get(e.id)) for e in (graded or exercises)}
    return StudentResult(submission.student, submission.digest, options.seed, _status(submission, grades, ledger),
                         grades, submission.lms_id)


RECHECK_MEMORY = 1024  # re-check verdicts remembered per grading process (a few MB at most)


_rechecked: dict[str, list[TestResult]] = {}


def _recheck(students: dict[str, SandboxStudent], differing: dict[str, set[str]], plans: dict[str, ExercisePlan],
             seed: int) -> dict[str, list[TestResult]]:
    """The tests whose outputs differ from the reference's, judged by the same pytest checks.
    Students whose workers gave exactly the same answers (a common mistake, an untouched stub)
    get the same verdicts, so those are remembered by `outcome_key` and the checks run once."""
    verdicts: dict[str, list[TestResult]] = {}
    keys = {exercise_id: student.outcome_key(differing[exercise_id]) for exercise_id, student in students.items()}
    for exercise_id, key in keys.items():
        if key in _rechecked:
            verdicts[exercise_id] = _rechecked[key]
    to_run = {exercise_id: student for exercise_id, student in students.items() if exercise_id not in verdicts}
    if to_run:
        only = set().union(*(differing[exercise_id] for exercise_id in to_run))
        fresh = run_pytest([plans[i].exercise for i in to_run], to_run, {i: plans[i].reference for i in to_run}, seed,
                           only=only)
        for exercise_id, tests in fresh.items():
            verdicts[exercise_id] = tests
            if to_run[exercise_id].live_calls == 0 and len(_rechecked) < RECHECK_MEMORY:
                _rechecked[keys[exercise_id]] = tests
    return verdicts


def _status(submission: Submission, grades: dict[str, ExerciseGrade], ledger: Ledger) -> str:
    """What went wrong for this student, in one Korean line: '정상' only when every call of
    every submitted exercise returned a value."""
    if submission.refused:
        return f"거부: {submission.refused}"
    if not submission.files:
        return "제출 파일 없음"
    notes = list(submission.problems)
    notes += [f"{grade.exercise_id}: {grade.result.load_failure.message}" for grade in grades.values()
              if grade.result is not None and grade.result.load_failure is not None]
    counts = ledger.status_notes()
    missing = [grade.exercise_id for grade in grades.values() if not grade.submitted]
    if missing:
        counts.append(f"미제출 {len(missing)}개")
    notes += [", ".join(counts)] if counts else []
    return "; ".join(notes) if notes else "정상"


def _write_json(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        # Compact: with `indent` the json module falls back to its pure-Python encoder (3x slower).
        handle.write(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True))
    os.replace(tmp, path)


def _is_done(out: Path, submission: Submission, seed: int) -> bool:
    try:
        state = json.loads(student_state_path(out, submission.student).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return state.get("version") == SCHEMA_VERSION and state.get("digest") == submission.digest and state.get("seed") == seed


def grade_class(root: Path, out: Path, options: GradeOptions,
                on_progress: Callable[[ProgressEvent], None] = lambda event: None,
                on_intake: Callable[[str], None] = lambda summary: None, report_options: Any = None) -> int:
    """Grade every submission under `root` into `out` and write the reports; return how many
    submissions there were. Stages: intake → skip what is already graded → record the plans
    against the reference → grade in sandboxes on a shared work queue (one state file per
    student) → reports. Every submission ends with exactly one state file, whatever happened."""
    from grader.grading.reports import write_reports

    exercises = list(load_catalog().exercises)
    intake = collect_class(root, {e.filename for e in exercises})
    submissions = intake.submissions
    on_intake(intake.summary)
    out.mkdir(parents=True, exist_ok=True)
    pending = [s for s in submissions if options.fresh or not _is_done(out, s, options.seed)]
    already = len(submissions) - len(pending)
    if pending:
        # A plan only for what someone handed in: a first assignment of 3 exercises records 3, not 24.
        submitted = {name for s in pending for name in s.files}
        needed = [e for e in exercises if e.filename in submitted]
        plans = load_or_record(needed, options.seed) if needed else {}
        for plan in plans.values():  # encoded once here, shared by every grading process
            planned_batch(plan, Limits().value_bytes)
        clock = time.monotonic()
        done = already

        def finished(event: Finished) -> None:
            nonlocal done
            submission = pending[event.index]
            if event.crashed:
                _write_json(student_state_path(out, submission.student), _failed_state(submission, exercises, options,
                                                                                        event.status).to_json())
            done += 1
            on_progress(ProgressEvent(done, len(submissions), submission.student,
                                      f"채점 실패: {event.status}" if event.crashed else event.status,
                                      event.seconds, time.monotonic() - clock, done - already))

        run_queue(len(pending), options.jobs, lambda: _open_sandbox(out, options),
                  lambda sandbox, index: _grade_and_save(sandbox, pending[index], plans, out, options, exercises),
                  finished)
    isolation_path = out / "isolation.json"
    isolation = json.loads(isolation_path.read_text(encoding="utf-8")) if isolation_path.exists() else {}
    write_reports(out, [student_state_path(out, s.student) for s in submissions], options.seed, isolation,
                  intake=intake.to_json(), options=report_options)
    return len(submissions)


@dataclass(frozen=True)
class ProgressEvent:
    """One submission finished; `elapsed` and `graded` (this run) give the rate and the ETA."""

    done: int
    total: int
    student: str
    status: str
    seconds: float
    elapsed: float
    graded: int


def _open_sandbox(out: Path, options: GradeOptions) -> Any:
    from grader.sandbox import Limits, Sandbox

    sandbox = Sandbox(Limits(), call_timeout=options.timeout)
    _write_json(out / "isolation.json", dict(sandbox.isolation_report))
    return sandbox


def _grade_and_save(sandbox: Any, submission: Submission, plans: dict[str, ExercisePlan], out: Path,
                    options: GradeOptions, exercises: list[Exercise]) -> str:
    result = grade_student(sandbox, submission, plans, options, exercises)
    _write_json(student_state_path(out, submission.student), result.to_json())
    return result.status


def _failed_state(submission: Submission, exercises: list[Exercise], options: GradeOptions, why: str) -> StudentResult:
    """Zero points and the reason, for a submission that killed its grading process twice."""
    grades = {e.id: ExerciseGrade(e.id, e.points, None) for e in exercises}
    return StudentResult(submission.student, submission.digest, options.seed, f"채점 실패: {why}", grades,
                         submission.lms_id)
