"""Read a learner's answer for a question, as typed in a terminal or found in an answer sheet.

Accepted forms (decided once here so the terminal and the sheet agree):

- single:    one option letter, `b` or `B` (a trailing `)` or `.` is ignored: `b)`).
- multiple:  letters separated by commas and/or spaces, `a,c` / `a c` / `A, C`, or run together
             `ac`, or a YAML/JSON list `[a, c]`. Order and repetition do not matter.
- truefalse: `O`/`X` (also `o`/`x`, `○`/`×`), `true`/`false`, `참`/`거짓`, or a YAML boolean.
- numeric:   a plain number: `4`, `-0.5`, `.25`, `1e-3`, or a YAML number. A comma is accepted
             only as a thousands separator in exact groups of three (`1,000`, `12,345.5`);
             `0,8` is refused with a hint to use `.` because it would otherwise be read as 8.
             The question's unit may follow the number (`10회`). Fractions and `%` are refused.
- order:     every shown letter exactly once, in the chosen order: `c,a,b` / `c a b` / `cab`
             or a list `[c, a, b]`.

The parsed value is in terms of the bank, not of the letters: option indices for choices, item
indices (of the correct order) for `order`.
"""

from __future__ import annotations

import math
import re
from typing import Any

from .errors import AnswerError
from .model import Question, letter

Parsed = int | frozenset[int] | bool | float | tuple[int, ...]

TRUE_WORDS = {"o", "○", "true", "참", "t"}
FALSE_WORDS = {"x", "×", "✕", "false", "거짓", "f"}
_SEPARATORS = re.compile(r"[\s,、;]+")
_PLAIN_NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")


def parse_answer(question: Question, raw: Any) -> Parsed:
    """The learner's answer as a value of the question's type; raises `AnswerError` (Korean)."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        raise AnswerError("답이 비어 있습니다. " + expected_form(question))
    parser = _PARSERS[question.type]
    return parser(question, raw)


def expected_form(question: Question) -> str:
    """One Korean sentence telling what kind of answer the question takes."""
    if question.type == "single":
        return f"보기 글자 하나를 입력하세요 ({_letter_range(len(question.options))})."
    if question.type == "multiple":
        return f"해당하는 보기 글자를 모두 입력하세요 (예: a,c; {_letter_range(len(question.options))})."
    if question.type == "truefalse":
        return "O 또는 X로 답하세요."
    if question.type == "numeric":
        return "숫자 하나를 입력하세요 (예: 0.8, 10, 1,000)."
    return f"모든 글자를 올바른 순서대로 한 번씩 입력하세요 (예: c,a,b; {_letter_range(len(question.items))})."


def format_answer(question: Question, value: Parsed) -> str:
    """A parsed answer written the way a learner would type it (for feedback and reports)."""
    if question.type == "single":
        return letter(int(value))  # type: ignore[arg-type]
    if question.type == "multiple":
        return ",".join(letter(i) for i in sorted(value))  # type: ignore[arg-type]
    if question.type == "truefalse":
        return "O" if value else "X"
    if question.type == "numeric":
        return format_number(float(value))  # type: ignore[arg-type]
    position_of = {item: pos for pos, item in enumerate(question.display_order())}
    return ",".join(letter(position_of[item]) for item in value)  # type: ignore[union-attr]


def format_number(value: float) -> str:
    """`4.0` → `4`, `0.25` → `0.25`: numbers as a person writes them."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.10g}"


def _letter_range(count: int) -> str:
    return f"a~{letter(count - 1)}"


def _letters(raw: Any, count: int, question: Question) -> list[int]:
    """Indices from letters given as text or a list; rejects letters outside the shown range."""
    if isinstance(raw, (list, tuple)):
        tokens = [str(token).strip().lower() for token in raw]
    elif isinstance(raw, str):
        text = raw.strip().lower()
        tokens = [t for t in _SEPARATORS.split(text) if t]
        if len(tokens) == 1 and len(tokens[0]) > 1 and tokens[0].isalpha() and tokens[0].isascii():
            tokens = list(tokens[0])
    else:
        raise AnswerError(f"글자로 답해야 합니다. {expected_form(question)}")
    indices = []
    for token in tokens:
        token = token.strip("().")
        if len(token) != 1 or not "a" <= token <= letter(count - 1):
            raise AnswerError(f"'{token}'은(는) 보기에 없는 글자입니다. {expected_form(question)}")
        indices.append(ord(token) - ord("a"))
    if not indices:
        raise AnswerError("답이 비어 있습니다. " + expected_form(question))
    return indices


def _parse_single(question: Question, raw: Any) -> int:
    indices = _letters(raw, len(question.options), question)
    if len(indices) != 1:
        raise AnswerError(f"보기를 하나만 골라야 합니다. {expected_form(question)}")
    return indices[0]


def _parse_multiple(question: Question, raw: Any) -> frozenset[int]:
    return frozenset(_letters(raw, len(question.options), question))


def _parse_truefalse(question: Question, raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str):
        word = raw.strip().lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        if word == "0":
            raise AnswerError("숫자 0이 아니라 영문자 O를 입력하세요. " + expected_form(question))
    raise AnswerError(f"'{raw}'은(는) 참/거짓 답이 아닙니다. {expected_form(question)}")


def _parse_numeric(question: Question, raw: Any) -> float:
    if isinstance(raw, bool):
        raise AnswerError(f"참/거짓이 아니라 숫자로 답해야 합니다. {expected_form(question)}")
    if isinstance(raw, (int, float)):
        value = float(raw)
    elif isinstance(raw, str):
        value = _number_from_text(raw, question)
    else:
        raise AnswerError(f"숫자로 답해야 합니다. {expected_form(question)}")
    if not math.isfinite(value):
        raise AnswerError(f"유한한 숫자여야 합니다. {expected_form(question)}")
    return value


def _number_from_text(raw: str, question: Question) -> float:
    text = raw.strip().replace(" ", "")
    if question.unit and text.endswith(question.unit):
        text = text[: -len(question.unit)]
    if _PLAIN_NUMBER.match(text):
        return float(text)
    if _THOUSANDS.match(text):
        return float(text.replace(",", ""))
    if re.match(r"^[+-]?\d+,\d+$", text):
        raise AnswerError(
            f"'{raw.strip()}': 소수점은 ','가 아니라 '.'로 쓰세요 (','는 1,000처럼 세 자리 구분에만 씁니다)."
        )
    if text.endswith("%"):
        raise AnswerError(f"'{raw.strip()}': %를 빼고 숫자만 입력하세요 (비율은 0.8처럼 소수로).")
    if "/" in text:
        raise AnswerError(f"'{raw.strip()}': 분수 대신 소수로 계산해 입력하세요 (예: 0.75).")
    raise AnswerError(f"'{raw.strip()}'은(는) 숫자가 아닙니다. {expected_form(question)}")


def _parse_order(question: Question, raw: Any) -> tuple[int, ...]:
    positions = _letters(raw, len(question.items), question)
    count = len(question.items)
    if sorted(positions) != list(range(count)):
        raise AnswerError(f"글자 {count}개를 빠짐없이 한 번씩 써야 합니다. {expected_form(question)}")
    shown = question.display_order()
    return tuple(shown[position] for position in positions)


_PARSERS = {
    "single": _parse_single,
    "multiple": _parse_multiple,
    "truefalse": _parse_truefalse,
    "numeric": _parse_numeric,
    "order": _parse_order,
}
