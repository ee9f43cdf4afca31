"""Which questions to ask first: the simplest spaced-repetition rule that works.

Missed last time first (they need it most), then never seen, then answered right. Python's sort
is stable, so the bank order is kept inside each group and a session is predictable.
"""

from __future__ import annotations

from typing import Mapping, Sequence

from .model import Question


def review_priority(question: Question, history: Mapping[str, bool]) -> int:
    """0 = missed last time, 1 = never answered, 2 = answered right last time."""
    if question.id not in history:
        return 1
    return 2 if history[question.id] else 0


def order_for_review(questions: Sequence[Question], history: Mapping[str, bool]) -> list[Question]:
    """`questions` reordered by `review_priority`; `history` maps id → last answer was right."""
    return sorted(questions, key=lambda question: review_priority(question, history))
