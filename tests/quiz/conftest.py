"""Shared fixtures for the quiz engine tests: the real bank and helpers for throw-away banks."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

from grader.quiz import QuizBank, expected_answer, load_bank
from grader.quiz.model import Question, letter

REPO_ROOT = Path(__file__).resolve().parents[2]
BANK_DIR = REPO_ROOT / "quizzes"

#: Sections given explicitly to throw-away banks, so they do not depend on the catalog.
TEST_SECTIONS = [("threshold", "분류 결정 임계값"), ("odds-logit", "오즈와 로짓")]


@pytest.fixture(scope="session")
def bank() -> QuizBank:
    return load_bank(BANK_DIR)


@pytest.fixture
def make_bank(tmp_path: Path) -> Callable[[dict[str, str]], Path]:
    """Write {file name: YAML text} into a fresh `quizzes` directory and return it."""

    def write(files: dict[str, str]) -> Path:
        directory = tmp_path / "quizzes"
        directory.mkdir(exist_ok=True)
        for name, text in files.items():
            (directory / name).write_text(text, encoding="utf-8")
        return directory

    return write


def correct_answer(question: Question) -> object:
    """The right answer as a learner would write it in a sheet (a numeric one as the bare number:
    `expected_answer` adds the tolerance for display)."""
    return question.answer if question.type == "numeric" else expected_answer(question)


def wrong_answer(question: Question) -> object:
    """A readable but wrong answer (a wrong option, the opposite, an off number, a reversed order)."""
    if question.type in ("single", "multiple"):
        wrong = next(i for i, option in enumerate(question.options) if not option.correct)
        return letter(wrong)
    if question.type == "truefalse":
        return "X" if question.answer else "O"
    if question.type == "numeric":
        return question.answer + question.tolerance + 1
    return ",".join(reversed(question.correct_letters()))
