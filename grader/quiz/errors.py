"""Exceptions of the quiz engine.

Every message is Korean and names the place of the problem (file, question id), because it is
shown as-is to an instructor editing the bank or a learner handing in an answer sheet; callers
print `str(error)` and never a traceback.
"""

from __future__ import annotations

from grader.errors import LearnError


class QuizError(LearnError):
    """Base class, so a front end can catch every quiz problem with one clause."""


class QuizBankError(QuizError):
    """The question bank is invalid. `problems` lists every problem found, one message each."""

    def __init__(self, problems: list[str] | str) -> None:
        self.problems: list[str] = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.problems))


class AnswerError(QuizError):
    """A learner's answer cannot be read for the question's type (says what was expected)."""


class AnswerSheetError(QuizError):
    """An answer sheet file cannot be used at all (unreadable, malformed, wrong shape)."""
