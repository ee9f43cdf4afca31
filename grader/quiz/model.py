"""The quiz bank as immutable data: questions, options, sections.

Kept free of I/O and validation (see `bank.py`) so that grading, the interactive session and the
export can share one trusted shape without re-checking it.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from typing import Iterator

QUESTION_TYPES: tuple[str, ...] = ("single", "multiple", "truefalse", "numeric", "order")

#: Korean names of the types, for headers and messages.
TYPE_LABELS: dict[str, str] = {
    "single": "단일 선택",
    "multiple": "복수 선택",
    "truefalse": "참/거짓",
    "numeric": "수치 입력",
    "order": "순서 배열",
}

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def letter(index: int) -> str:
    """The display label of the option or item at `index` (0 → 'a')."""
    return LETTERS[index]


@dataclass(frozen=True)
class Option:
    """One choice of a single/multiple question; `feedback` explains why picking it is a mistake."""

    text: str
    correct: bool = False
    feedback: str = ""


@dataclass(frozen=True)
class NumericMistake:
    """A typical wrong number (e.g. the probability given instead of the odds) and what it reveals."""

    value: float
    feedback: str


@dataclass(frozen=True)
class Question:
    """One quiz question. Only the fields of its `type` are meaningful; the rest keep defaults."""

    id: str
    type: str
    prompt: str
    explanation: str
    section: str
    source: str = ""
    options: tuple[Option, ...] = ()
    answer: bool | float | None = None
    tolerance: float = 0.0
    unit: str = ""
    items: tuple[str, ...] = ()
    feedback: str = ""
    mistakes: tuple[NumericMistake, ...] = ()
    exercises: tuple[str, ...] = ()

    @property
    def correct_indices(self) -> tuple[int, ...]:
        """Indices of the correct options (single/multiple)."""
        return tuple(i for i, option in enumerate(self.options) if option.correct)

    def display_order(self) -> tuple[int, ...]:
        """Item indices in the order an `order` question shows them, labelled a, b, c, ...

        The shuffle is seeded by the question id, so a terminal session, a printed answer sheet
        and the grader all agree on what 'c,a,b' means without storing the permutation. A
        shuffle that happens to equal the correct order is rejected, or the answer would be 'a,b,c'.
        """
        count = len(self.items)
        seed = int.from_bytes(hashlib.sha256(self.id.encode("utf-8")).digest()[:8], "big")
        rng = random.Random(seed)
        order = list(range(count))
        identity = list(range(count))
        for _ in range(100):
            rng.shuffle(order)
            if order != identity or count < 2:
                break
        return tuple(order)

    def correct_letters(self) -> tuple[str, ...]:
        """The answer of an `order` question as the letters a learner must type."""
        shown = self.display_order()
        position_of = {item: pos for pos, item in enumerate(shown)}
        return tuple(letter(position_of[item]) for item in range(len(self.items)))


@dataclass(frozen=True)
class Section:
    """The questions of one catalog section, in bank order."""

    slug: str
    title: str
    questions: tuple[Question, ...] = ()


@dataclass(frozen=True)
class QuizBank:
    """All sections in catalog order; the unit that is loaded, validated and exported as a whole."""

    sections: tuple[Section, ...] = field(default_factory=tuple)

    def __iter__(self) -> Iterator[Question]:
        for section in self.sections:
            yield from section.questions

    def __len__(self) -> int:
        return sum(len(section.questions) for section in self.sections)

    @property
    def questions(self) -> list[Question]:
        """Every question, sections in catalog order."""
        return list(self)

    def question(self, question_id: str) -> Question | None:
        """The question with this id, or None."""
        for question in self:
            if question.id == question_id:
                return question
        return None

    def section(self, slug: str) -> Section | None:
        """The section with this slug, or None (also for catalog sections without a file)."""
        for section in self.sections:
            if section.slug == slug:
                return section
        return None

    def for_section(self, slug: str) -> list[Question]:
        """Questions of one section (empty when the section has none)."""
        section = self.section(slug)
        return list(section.questions) if section else []

    def for_exercise(self, exercise_id: str) -> list[Question]:
        """Questions that declare they relate to the exercise, for a quiz after `learn check`."""
        return [q for q in self if exercise_id in q.exercises]
