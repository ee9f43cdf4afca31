"""What `learn quiz` does, apart from printing: choose the questions, order them for review,
grade answer sheets, and keep results in the progress store.

A quiz is named by a section slug (`threshold`), by an exercise id (`03`, which quizzes its
section plus questions linked to the exercise), or `all`. Missed questions come first next time.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from grader.course.catalog import UnknownExerciseError, load_catalog
from grader.errors import LearnError
from grader.learner.progress import Progress, ProgressStore, now_iso
from grader.quiz import (Question, QuestionResult, QuizBank, QuizRunResult, SheetResult, grade_answer, grade_answers,
                         load_bank, read_sheet)
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


# ------------------------------------------------------------------------------------------
# Counts shared by `learn list` and the notes site, and answers given on the site


@dataclasses.dataclass(frozen=True)
class SectionCount:
    """A section's questions, how many the learner answered (anywhere) and how many right."""

    total: int
    answered: int
    correct: int


def quiz_counts(bank: QuizBank, progress: Progress) -> dict[str, SectionCount]:
    """Per section, from the last answer to each question in the terminal or on the site."""
    history = review_history(progress, ALL)
    counts = {}
    for section in bank.sections:
        answers = [history[q.id] for q in section.questions if q.id in history]
        counts[section.slug] = SectionCount(len(section.questions), len(answers), sum(answers))
    return counts


class SiteAnswerError(LearnError):
    """An answer posted by the notes site that cannot be recorded; `status` is the HTTP status."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


SITE_ANSWER_TYPES = (str, bool, int, float)
MAX_ANSWER_CHARS = 200


def record_site_answer(store: ProgressStore, bank: QuizBank, question_id: Any, raw: Any,
                       revision: str = "") -> QuestionResult | None:
    """Grade an answer given on the notes site against the bank (the browser's own verdict is
    never used) and record it like a terminal answer: the question's last result in its
    section's history, plus the answer itself so the site can show it again.
    `raw` None clears the site's answer (the history, used for review order, stays)."""
    if not isinstance(question_id, str) or bank.question(question_id) is None:
        raise SiteAnswerError("문제 은행에 없는 문항입니다.", 404)
    question = bank.question(question_id)
    assert question is not None
    if raw is None:
        def clear(progress: Progress) -> None:
            progress["quizzes"].get(question.section, {}).get("site_answers", {}).pop(question.id, None)

        store.update(clear)
        return None
    if isinstance(raw, bool) and question.type != "truefalse":
        raise SiteAnswerError("답의 형식이 문항과 맞지 않습니다.")
    if not isinstance(raw, SITE_ANSWER_TYPES) or (isinstance(raw, str) and len(raw) > MAX_ANSWER_CHARS):
        raise SiteAnswerError("답은 짧은 글자나 숫자여야 합니다.")
    result = grade_answer(question, raw)
    if result.status != "correct" and result.status != "wrong":
        raise SiteAnswerError(f"답을 읽을 수 없습니다: {result.feedback}")

    def change(progress: Progress) -> None:
        record = progress["quizzes"].setdefault(question.section, {"attempts": 0, "best_percent": 0.0, "history": {}})
        record.setdefault("history", {})[question.id] = result.correct
        record.setdefault("site_answers", {})[question.id] = {
            "answer": result.given, "correct": result.correct, "revision": str(revision)[:32], "at": now_iso(),
        }

    store.update(change)
    return result


def site_answers(progress: Progress) -> dict[str, dict[str, Any]]:
    """question id -> the answer last given on the site ({answer, correct, revision, at})."""
    answers: dict[str, dict[str, Any]] = {}
    for record in progress["quizzes"].values():
        stored = record.get("site_answers", {})
        if isinstance(stored, dict):
            answers.update({k: v for k, v in stored.items() if isinstance(v, dict)})
    return answers
