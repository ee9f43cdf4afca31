"""Grade one answer, or a whole answer sheet, against the bank.

Grading never raises for a learner's mistake: an unreadable answer is a wrong answer with the
reason as feedback, so a sheet always produces a complete report. Only a sheet file that cannot
be read at all raises `AnswerSheetError` (see `sheet.py`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .answers import format_answer, format_number, parse_answer
from .errors import AnswerError, AnswerSheetError
from .model import Question, QuizBank, letter
from .sheet import AnswerSheet, read_sheet

#: Status values of a `QuestionResult` (English codes; Korean labels for people).
STATUS_LABELS = {"correct": "정답", "wrong": "오답", "invalid": "형식 오류", "unanswered": "미응답"}


@dataclass(frozen=True)
class QuestionResult:
    """The outcome of one question: what was given, what was expected, and what to learn from it."""

    question_id: str
    correct: bool
    given: str | None
    expected: str
    feedback: str
    explanation: str
    status: str = "wrong"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["status_label"] = STATUS_LABELS[self.status]
        return data


def expected_answer(question: Question) -> str:
    """The correct answer written as a learner would type it (`b`, `a,c`, `O`, `4`, `c,a,b`)."""
    if question.type == "single":
        return letter(question.correct_indices[0])
    if question.type == "multiple":
        return ",".join(letter(i) for i in question.correct_indices)
    if question.type == "truefalse":
        return "O" if question.answer else "X"
    if question.type == "numeric":
        text = format_number(float(question.answer))  # type: ignore[arg-type]
        if question.tolerance:
            text += f" (±{format_number(question.tolerance)})"
        return text
    return ",".join(question.correct_letters())


def grade_answer(question: Question, raw: Any) -> QuestionResult:
    """Grade a raw answer (text or YAML value). None means the learner did not answer."""
    expected = expected_answer(question)
    if raw is None:
        return QuestionResult(question.id, False, None, expected, "답하지 않았습니다.", question.explanation, "unanswered")
    try:
        value = parse_answer(question, raw)
    except AnswerError as error:
        given = raw if isinstance(raw, str) else str(raw)
        return QuestionResult(question.id, False, given, expected, str(error), question.explanation, "invalid")
    correct = is_correct(question, value)
    feedback = "" if correct else wrong_feedback(question, value)
    return QuestionResult(
        question.id,
        correct,
        format_answer(question, value),
        expected,
        feedback,
        question.explanation,
        "correct" if correct else "wrong",
    )


def is_correct(question: Question, value: Any) -> bool:
    """Whether a parsed answer is right. Multiple choice needs exactly the correct set."""
    if question.type == "single":
        return question.options[value].correct
    if question.type == "multiple":
        return set(value) == set(question.correct_indices)
    if question.type == "truefalse":
        return value is question.answer
    if question.type == "numeric":
        # A tiny slack so 0.1 + 0.2 style float noise never marks an exact answer wrong.
        return abs(value - question.answer) <= question.tolerance + 1e-9 * max(1.0, abs(question.answer))
    return tuple(value) == tuple(range(len(question.items)))


def wrong_feedback(question: Question, value: Any) -> str:
    """The misconception-specific message for a wrong answer, or '' when there is none."""
    if question.type == "single":
        return question.options[value].feedback
    if question.type == "multiple":
        parts = [
            f"{letter(i)}) {question.options[i].feedback}"
            for i in sorted(value)
            if not question.options[i].correct and question.options[i].feedback
        ]
        missed = [letter(i) for i in question.correct_indices if i not in value]
        if missed:
            parts.append(f"고르지 않은 정답 보기가 있습니다: {', '.join(missed)}")
        return "\n".join(parts)
    if question.type == "numeric":
        for mistake in question.mistakes:
            if abs(value - mistake.value) <= max(question.tolerance, 1e-9 * max(1.0, abs(mistake.value))):
                return mistake.feedback
    return question.feedback


@dataclass
class SheetResult:
    """A graded answer sheet: per-question results in bank order plus the problems found."""

    student: str | None
    sections: list[str]
    results: list[QuestionResult]
    unknown_ids: list[str] = field(default_factory=list)
    out_of_scope_ids: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def score(self) -> int:
        return sum(result.correct for result in self.results)

    @property
    def max_score(self) -> int:
        return len(self.results)

    @property
    def percent(self) -> float:
        return round(100.0 * self.score / self.max_score, 1) if self.max_score else 0.0

    @property
    def unanswered_ids(self) -> list[str]:
        return [r.question_id for r in self.results if r.status == "unanswered"]

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable summary, for `--json` output and LMS upload."""
        return {
            "student": self.student,
            "sections": list(self.sections),
            "score": self.score,
            "max_score": self.max_score,
            "percent": self.percent,
            "results": [result.to_dict() for result in self.results],
            "unanswered_ids": self.unanswered_ids,
            "unknown_ids": list(self.unknown_ids),
            "out_of_scope_ids": list(self.out_of_scope_ids),
            "warnings": list(self.warnings),
        }


def grade_sheet(bank: QuizBank, path: Path) -> SheetResult:
    """Read and grade an answer sheet file (YAML or JSON); see `sheet.py` for its shape."""
    return grade_answers(bank, read_sheet(path))


def grade_answers(bank: QuizBank, sheet: AnswerSheet) -> SheetResult:
    """Grade an already-read sheet.

    The questions graded are those of the sheet's `section` (one slug or a list) or, without it,
    the whole bank: every one of them is scored, unanswered ones as wrong ('미응답'). Answers to
    ids the bank does not know, or outside the sheet's sections, are reported, not fatal.
    """
    where = sheet.source
    if sheet.sections:
        unknown_sections = [slug for slug in sheet.sections if bank.section(slug) is None]
        if unknown_sections:
            raise AnswerSheetError(f"{where}: 알 수 없는 section: {', '.join(unknown_sections)}")
        questions = [q for slug in sheet.sections for q in bank.for_section(slug)]
    else:
        questions = bank.questions
    in_scope = {q.id for q in questions}
    result = SheetResult(sheet.student, list(sheet.sections), [])
    for key in sheet.extra_keys:
        result.warnings.append(f"{where}: 알 수 없는 항목 '{key}'은(는) 무시합니다")
    for question_id in sheet.answers:
        if question_id in in_scope:
            continue
        if bank.question(question_id) is None:
            result.unknown_ids.append(question_id)
            result.warnings.append(f"{where}: 문항 '{question_id}'은(는) 문제 은행에 없는 id입니다 (채점하지 않음)")
        else:
            result.out_of_scope_ids.append(question_id)
            result.warnings.append(
                f"{where}: 문항 '{question_id}'은(는) 이 답안지의 section 범위 밖입니다 (채점하지 않음)"
            )
    for question in questions:
        result.results.append(grade_answer(question, sheet.answers.get(question.id)))
    return result
