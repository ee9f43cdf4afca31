"""What each learner command does, as plain functions over a workspace and its progress store.

The CLI only parses arguments, calls one of these and prints; tests call them directly.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, NamedTuple

from grader.course.catalog import Exercise
from grader.errors import LearnError
from grader.learner.progress import Progress, ProgressStore, exercise_record, now_iso
from grader.course.stubs import MarkerError, make_stub, without_markers
from grader.course.content import solution_path, stub_path
from grader.learner.workspace import Workspace, WorkspaceError

if TYPE_CHECKING:
    from grader.engine.results import ExerciseResult


class Graded(NamedTuple):
    """One graded exercise: the result, and whether the learner's file was still the untouched stub."""

    exercise: Exercise
    result: "ExerciseResult"
    untouched: bool


def check_and_record(workspace: Workspace, store: ProgressStore, exercises: Iterable[Exercise], *,
                     seed: int | None = None, timeout: float | None = None) -> Iterator[Graded]:
    """The use case behind `learn check`, `learn watch` and notebooks: grade each exercise's
    learner file in this process and record the attempt, yielding results as they come.

    A file that is still the shipped stub is graded like any other but recorded as not started:
    only a file the learner edited can fail."""
    from grader.learner.quick_check import check_learner_file

    for exercise in exercises:
        path = workspace.learner_file(exercise.filename)
        untouched = is_untouched_stub(path, exercise)
        result = check_learner_file(exercise, path, workspace.display(path), seed=seed, timeout=timeout)
        record_check(store, result, untouched=untouched)
        yield Graded(exercise, result, untouched)


def _normalized(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").splitlines()).strip()


def is_untouched_stub(path: Path, exercise: Exercise) -> bool:
    """Whether the learner's file is still the stub as shipped (whitespace and line endings aside).
    The stub is made from the reference solution, so this also holds in a clone of the repository."""
    try:
        text = path.read_text(encoding="utf-8")
        stub = make_stub(solution_path(exercise.filename).read_text(encoding="utf-8"), exercise.filename)
    except (OSError, UnicodeDecodeError, MarkerError):
        return False
    return _normalized(text) == _normalized(stub)


def record_check(store: ProgressStore, result: "ExerciseResult", *, untouched: bool = False) -> Progress:
    """Count the attempt and keep the latest verdict; the first pass time is never overwritten.
    An untouched stub is no attempt: the exercise is (again) not started."""

    def change(progress: Progress) -> None:
        record = exercise_record(progress, result.exercise_id)
        record["last_checked_at"] = now_iso()
        if untouched and not result.passed:
            record["status"] = "not_started"
            return
        record["attempts"] += 1
        record["status"] = "passed" if result.passed else "failed"
        record["last_tests"] = list(result.counts)
        if result.passed and not record.get("first_passed_at"):
            record["first_passed_at"] = record["last_checked_at"]

    return store.update(change)


def reveal_next_hint(store: ProgressStore, exercise: Exercise) -> int:
    """Unlock one more hint level (up to the last) and return how many levels are now shown."""
    level = 0

    def change(progress: Progress) -> None:
        nonlocal level
        record = exercise_record(progress, exercise.id)
        record["hint_level"] = level = min(record["hint_level"] + 1, len(exercise.hints))

    store.update(change)
    return level


def has_passed(store: ProgressStore, exercise: Exercise) -> bool:
    record = store.read()["exercises"].get(exercise.id, {})
    return bool(record.get("first_passed_at"))


class SolutionLocked(LearnError):
    exit_code = 1


def solution_text(store: ProgressStore, exercise: Exercise, force: bool) -> str:
    """The reference, once the exercise has passed (or when asked with --force, which is recorded)."""
    if not force and not has_passed(store, exercise):
        raise SolutionLocked(
            f"{exercise.id}을(를) 아직 통과하지 않아 참조 풀이를 보여 주지 않습니다. "
            f"먼저 'learn hint {exercise.id}'를 써 보고, 그래도 보려면 --force를 붙이세요."
        )
    if force:
        store.update(lambda progress: exercise_record(progress, exercise.id).__setitem__("solution_viewed", True))
    return without_markers(solution_path(exercise.filename).read_text(encoding="utf-8"))


def pristine_stub(workspace: Workspace, exercise: Exercise) -> str:
    """The stub as shipped: from the installed package, or, in a clone of the repository used as
    the workspace, from git's last commit (in the clone the learner edits the shipped copy)."""
    if workspace.is_repository_clone:
        import subprocess

        try:
            shown = subprocess.run(
                ["git", "show", f"HEAD:exercises/{exercise.filename}"],
                cwd=workspace.root, capture_output=True, text=True, encoding="utf-8", check=True,
            )
            return shown.stdout
        except (OSError, subprocess.CalledProcessError):
            if workspace.is_content_root:  # the packaged stub is the learner's own file here
                raise WorkspaceError(
                    "저장소 자체를 작업 공간으로 쓰고 있어 원래 스텁을 git에서 가져와야 하는데 실패했습니다. "
                    "'learn init 새폴더'로 따로 작업 공간을 만들어 쓰는 것을 권합니다."
                ) from None
    return stub_path(exercise.filename).read_text(encoding="utf-8")


def reset_exercise(workspace: Workspace, store: ProgressStore, exercise: Exercise) -> Path | None:
    """Restore the stub. The learner's file is first copied to `.learn/backups/` (returned)."""
    from datetime import datetime

    stub = pristine_stub(workspace, exercise)
    target = workspace.learner_file(exercise.filename)
    backup = None
    if target.exists() and target.read_text(encoding="utf-8") != stub:
        workspace.backups_dir.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = workspace.backups_dir / f"{exercise.id}-{stamp}.py"
        counter = 1
        while backup.exists():
            backup = workspace.backups_dir / f"{exercise.id}-{stamp}-{counter}.py"
            counter += 1
        backup.write_bytes(target.read_bytes())
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(stub, encoding="utf-8")
    store.update(lambda progress: exercise_record(progress, exercise.id).__setitem__("status", "not_started"))
    return backup
