"""The interactive quiz as a pure loop over `ask`/`say` callables.

No `input()`/`print()` here: the CLI passes those in, tests pass a script, so every branch
(invalid input, quitting early, scoring) is testable without a terminal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Sequence

from .answers import parse_answer
from .errors import AnswerError
from .scoring import QuestionResult, grade_answer
from .model import Question
from .render import render_question
from .review import order_for_review

__all__ = ["run_quiz", "QuizRunResult", "order_for_review", "QUIT_WORDS"]

#: Typing one of these (or an empty line) ends the quiz early.
QUIT_WORDS = {"q", "quit", "종료"}


@dataclass
class QuizRunResult:
    """What happened in one run; `history()` feeds the progress store and `order_for_review`."""

    total: int
    results: list[QuestionResult] = field(default_factory=list)
    quit_early: bool = False

    @property
    def answered(self) -> int:
        return len(self.results)

    @property
    def score(self) -> int:
        return sum(result.correct for result in self.results)

    @property
    def percent(self) -> float:
        """Percent of the questions answered (quitting early does not count the rest as wrong)."""
        return round(100.0 * self.score / self.answered, 1) if self.answered else 0.0

    def history(self) -> dict[str, bool]:
        """question id → answered right, for the questions answered in this run."""
        return {result.question_id: result.correct for result in self.results}


def run_quiz(
    questions: Sequence[Question],
    ask: Callable[[str], str],
    say: Callable[[str], None],
) -> QuizRunResult:
    """Ask each question in turn, re-asking on unreadable input, with feedback after each answer."""
    run = QuizRunResult(total=len(questions))
    if not questions:
        say("풀 문항이 없습니다.")
        return run
    say(f"문항 {len(questions)}개를 풉니다. 빈 줄이나 q를 입력하면 언제든 끝낼 수 있습니다.")
    for number, question in enumerate(questions, start=1):
        say("")
        say(render_question(question, number, len(questions)))
        raw = _ask_until_valid(question, ask, say)
        if raw is None:
            run.quit_early = True
            break
        result = grade_answer(question, raw)
        run.results.append(result)
        say(_feedback_text(result))
    say("")
    say(_summary_text(run))
    return run


def _ask_until_valid(question: Question, ask: Callable[[str], str], say: Callable[[str], None]) -> str | None:
    """The first readable answer, or None when the learner quits (empty line, q, or end of input)."""
    while True:
        try:
            text = ask("답> ")
        except EOFError:
            return None
        if text is None or not text.strip() or text.strip().lower() in QUIT_WORDS:
            return None
        try:
            parse_answer(question, text)
        except AnswerError as error:
            say(f"다시 입력하세요: {error}")
            continue
        return text


def _feedback_text(result: QuestionResult) -> str:
    if result.correct:
        lines = ["정답!"]
    else:
        lines = [f"오답. 정답: {result.expected} (입력: {result.given})"]
        if result.feedback:
            lines.append(result.feedback)
    lines.append(f"해설: {result.explanation}")
    return "\n".join(lines)


def _summary_text(run: QuizRunResult) -> str:
    lines = []
    if run.quit_early:
        lines.append(f"중간에 끝냈습니다: {run.total}문항 중 {run.answered}문항에 답했습니다.")
    lines.append(f"점수: {run.score}/{run.answered} ({run.percent:g}%)")
    missed = [r.question_id for r in run.results if not r.correct]
    if missed:
        lines.append("틀린 문항은 다음 복습 때 먼저 나옵니다: " + ", ".join(missed))
    return "\n".join(lines)
