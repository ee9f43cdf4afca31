"""Export the whole bank, answers and explanations included, as JSON-ready data.

For instructors and LMS import. `format_version` lets importers refuse a shape they do not know;
bump it whenever a field changes meaning or disappears (adding fields keeps the version).
"""

from __future__ import annotations

from typing import Any

from .scoring import expected_answer
from .model import Question, QuizBank, letter

FORMAT_NAME = "learn-quiz-bank"
FORMAT_VERSION = 1


def export_bank(bank: QuizBank) -> dict[str, Any]:
    """Every section and question in catalog order, with correct answers as learners type them."""
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "question_count": len(bank),
        "sections": [
            {
                "slug": section.slug,
                "title": section.title,
                "questions": [export_question(q) for q in section.questions],
            }
            for section in bank.sections
        ],
    }


def export_question(question: Question) -> dict[str, Any]:
    """One question; type-specific fields only for its type."""
    data: dict[str, Any] = {
        "id": question.id,
        "type": question.type,
        "section": question.section,
        "prompt": question.prompt,
        "explanation": question.explanation,
        "exercises": list(question.exercises),
        "expected_answer": expected_answer(question),
    }
    if question.type in ("single", "multiple"):
        data["options"] = [
            {"label": letter(i), "text": o.text, "correct": o.correct, "feedback": o.feedback}
            for i, o in enumerate(question.options)
        ]
    elif question.type == "truefalse":
        data["answer"] = question.answer
    elif question.type == "numeric":
        data["answer"] = question.answer
        data["tolerance"] = question.tolerance
        data["unit"] = question.unit
        data["mistakes"] = [{"value": m.value, "feedback": m.feedback} for m in question.mistakes]
    else:
        data["items"] = list(question.items)
        data["display_items"] = [
            {"label": letter(pos), "text": question.items[item]} for pos, item in enumerate(question.display_order())
        ]
        data["answer_letters"] = list(question.correct_letters())
    if question.feedback:
        data["feedback"] = question.feedback
    return data
