"""What `learn quiz` does, apart from printing: choose the questions, order them for review,
grade answer sheets, and keep results in the progress store.

A quiz is named by a section slug (`threshold`), by an exercise id (`03`, which quizzes its
section plus questions linked to the exercise), or `all`. Missed questions come first next time.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from grader.course.catalog import UnknownExerciseError, load_catalog
from grader.errors import LearnError
from grader.learner.progress import Progress, ProgressStore, now_iso
from grader.quiz import Question, QuizBank, QuizRunResult, SheetResult, grade_answers, load_bank, read_sheet
from grader.course.content import QUIZ_DIR
ALL = "all"


@dataclasses.dataclass(frozen=True)
class QuizTarget:
    key: str  # progress key: a section slug, or "all"
    title: str
    questions: tuple[Question, ...]


def load_quiz_bank() -> QuizBank:
    return load_bank(QUIZ_DIR)


def resolve_target(bank: QuizBank, name: str) -> QuizTarget:
    catalog = load_catalog()
    key = name.strip().lower()
    if key == ALL:
        return QuizTarget(ALL, "전체", tuple(bank))
    section = bank.section(key)
    if section is not None:
        return QuizTarget(section.slug, section.title, tuple(section.questions))
    try:
        exercise = catalog.resolve(key)
    except UnknownExerciseError:
        slugs = ", ".join(s.slug for s in catalog.sections)
        raise LearnError(f"'{name}'라는 퀴즈는 없습니다. 섹션 이름({slugs}), 연습 문제 ID 또는 all을 주세요.") from None
    linked = [q for q in bank.for_exercise(exercise.id) if q.section != exercise.section]
    questions = tuple(bank.for_section(exercise.section)) + tuple(linked)
    return QuizTarget(exercise.section, catalog.section(exercise.section).title, questions)


def review_history(progress: Progress, key: str) -> dict[str, bool]:
    """question id -> answered right last time, across every quiz the learner took."""
    history: dict[str, bool] = {}
    for record in progress["quizzes"].values():
        history.update(record.get("history", {}))
    return history


def record_quiz(store: ProgressStore, key: str, history: dict[str, bool], score: int, answered: int) -> None:
    """Keep the latest and best score of a quiz and the last result of every question answered."""

    def change(progress: Progress) -> None:
        record = progress["quizzes"].setdefault(key, {"attempts": 0, "best_percent": 0.0, "history": {}})
        percent = round(100.0 * score / answered, 1) if answered else 0.0
        record["attempts"] += 1
        record["last_percent"] = percent
        record["best_percent"] = max(record.get("best_percent", 0.0), percent)
        record["last_taken_at"] = now_iso()
        record.setdefault("history", {}).update(history)

    store.update(change)


def record_run(store: ProgressStore, target: QuizTarget, run: QuizRunResult) -> None:
    if run.answered:
        record_quiz(store, target.key, run.history(), run.score, run.answered)


def record_sheet(store: ProgressStore, target: QuizTarget, result: SheetResult) -> None:
    """A learner's own answer sheet counts like an interactive run of the questions answered."""
    answered = [r for r in result.results if r.status != "unanswered"]
    if answered:
        record_quiz(store, target.key, {r.question_id: r.correct for r in answered},
                    sum(r.correct for r in answered), len(answered))


def grade_sheet_for(bank: QuizBank, target: QuizTarget, path: Path) -> SheetResult:
    """Grade one answer sheet; a sheet that names no section is graded on the target's questions."""
    sheet = read_sheet(path)
    if not sheet.sections and target.key != ALL:
        sheet = dataclasses.replace(sheet, sections=(target.key,))
    return grade_answers(bank, sheet)


def sheet_paths(paths: tuple[Path, ...]) -> list[Path]:
    """Answer sheets named directly or found in named folders (*.yaml, *.yml, *.json)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.suffix.lower() in {".yaml", ".yml", ".json"})
        else:
            found.append(path)
    return found
