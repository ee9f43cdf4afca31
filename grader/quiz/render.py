"""Turn a question into the text a learner sees in the terminal (or on a printed sheet).

Separate from the session loop so the CLI can print a blank answer sheet with exactly the same
letters the grader will expect.
"""

from __future__ import annotations

from .answers import expected_form
from .model import TYPE_LABELS, Question, letter


def render_question(question: Question, number: int | None = None, total: int | None = None) -> str:
    """Header, prompt, and the choices/items with their letters, plus how to answer."""
    header = f"[{number}/{total}] " if number is not None and total is not None else ""
    lines = [f"{header}({TYPE_LABELS[question.type]}) {question.prompt}"]
    if question.type in ("single", "multiple"):
        lines += [f"  {letter(i)}) {option.text}" for i, option in enumerate(question.options)]
    elif question.type == "order":
        lines += [f"  {letter(pos)}) {question.items[item]}" for pos, item in enumerate(question.display_order())]
    if question.type == "numeric" and question.unit:
        lines.append(f"  (단위: {question.unit})")
    lines.append(expected_form(question))
    return "\n".join(lines)
