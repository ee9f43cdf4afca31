"""Quiz engine: load the Korean question bank, parse and grade answers, run an interactive quiz.

A library only (no CLI, no progress files): the `learn` CLI and the progress store call into it.
Importing it pulls in yaml but not numpy, so `learn` start-up stays fast.
"""

from __future__ import annotations

from .answers import expected_form, format_answer, parse_answer
from .bank import load_bank
from .errors import AnswerError, AnswerSheetError, QuizBankError, QuizError
from .export import FORMAT_VERSION, export_bank
from .scoring import QuestionResult, SheetResult, expected_answer, grade_answer, grade_answers, grade_sheet
from .model import QUESTION_TYPES, Option, Question, QuizBank, Section
from .render import render_question
from .review import order_for_review
from .session import QuizRunResult, run_quiz
from .sheet import AnswerSheet, read_sheet, sheet_from_data

__all__ = [
    "AnswerError",
    "AnswerSheet",
    "AnswerSheetError",
    "FORMAT_VERSION",
    "Option",
    "QUESTION_TYPES",
    "Question",
    "QuestionResult",
    "QuizBank",
    "QuizBankError",
    "QuizError",
    "QuizRunResult",
    "Section",
    "SheetResult",
    "expected_answer",
    "expected_form",
    "export_bank",
    "format_answer",
    "grade_answer",
    "grade_answers",
    "grade_sheet",
    "load_bank",
    "order_for_review",
    "parse_answer",
    "read_sheet",
    "render_question",
    "run_quiz",
    "sheet_from_data",
]
