"""Load and validate the question bank (`quizzes/<slug>.yaml`).

Validation is strict and complete: an instructor editing YAML gets every problem at once, each
in Korean and naming the file and question, instead of a learner meeting a broken question later.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any, Sequence

import yaml

from grader.course.catalog import load_catalog
from .errors import QuizBankError
from .model import QUESTION_TYPES, NumericMistake, Option, Question, QuizBank, Section

__all__ = ["load_bank", "QuizBank", "Question", "Option", "Section", "QuizBankError"]

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
EXERCISE_PATTERN = re.compile(r"^[A-Za-z0-9_-]+$")
MIN_OPTIONS, MAX_OPTIONS = 2, 6
MIN_ORDER_ITEMS, MAX_ORDER_ITEMS = 3, 10

COMMON_KEYS = {"id", "type", "prompt", "explanation", "exercises"}
TYPE_KEYS: dict[str, set[str]] = {
    "single": {"options"},
    "multiple": {"options"},
    "truefalse": {"answer", "feedback"},
    "numeric": {"answer", "tolerance", "unit", "feedback", "mistakes"},
    "order": {"items", "feedback"},
}
OPTION_KEYS = {"text", "correct", "feedback"}
FILE_KEYS = {"section", "questions"}


def load_bank(directory: Path, sections: Sequence[str | tuple[str, str]] | None = None) -> QuizBank:
    """Read every `*.yaml` in `directory` into a validated `QuizBank`.

    `sections` is the catalog's list of slugs (or (slug, title) pairs) in order; by default it is
    taken from the curriculum catalog (`grader.course.catalog`). Raises `QuizBankError` listing all problems found.
    """
    catalog_sections = [(s.slug, s.title) for s in load_catalog().sections]
    known = _normalise_sections(catalog_sections if sections is None else sections)
    problems: list[str] = []
    by_section: dict[str, list[Question]] = {slug: [] for slug in known}
    seen_ids: dict[str, str] = {}

    files = sorted(Path(directory).glob("*.yaml"))
    if not files:
        raise QuizBankError(f"{Path(directory).name}: 문항 파일(*.yaml)이 하나도 없습니다")
    for path in files:
        where = f"{Path(directory).name}/{path.name}"
        loaded = _load_file(path, where, known, problems)
        if loaded is None:
            continue
        slug, questions = loaded
        for question in questions:
            if question.id in seen_ids:
                problems.append(
                    f"{where}: 문항 '{question.id}': id가 중복됩니다 ({seen_ids[question.id]}에 이미 있습니다)"
                )
                continue
            seen_ids[question.id] = where
            by_section[slug].append(question)
    if problems:
        raise QuizBankError(problems)
    return QuizBank(
        tuple(Section(slug, title, tuple(by_section[slug])) for slug, title in known.items())
    )


def _normalise_sections(sections: Sequence[str | tuple[str, str]]) -> dict[str, str]:
    """slug → title, keeping catalog order; a bare slug is its own title."""
    result: dict[str, str] = {}
    for entry in sections:
        slug, title = (entry, entry) if isinstance(entry, str) else entry
        result[slug] = title
    return result


def _load_file(
    path: Path, where: str, known: dict[str, str], problems: list[str]
) -> tuple[str, list[Question]] | None:
    """Parse one file; record problems and return None when the file cannot be used at all."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        problems.append(f"{where}: {_describe_yaml_error(error)}")
        return None
    except UnicodeDecodeError:
        problems.append(f"{where}: UTF-8 텍스트 파일이 아닙니다")
        return None
    if not isinstance(data, dict):
        problems.append(f"{where}: 최상위는 'section'과 'questions'를 가진 매핑이어야 합니다")
        return None
    for key in sorted(set(data) - FILE_KEYS, key=str):
        problems.append(f"{where}: 알 수 없는 최상위 항목 '{key}'")
    slug = data.get("section")
    usable = True
    if not isinstance(slug, str) or not slug:
        problems.append(f"{where}: 'section'이 없습니다 (파일 이름과 같은 섹션 slug를 적으세요)")
        usable = False
    else:
        if slug != path.stem:
            problems.append(f"{where}: section '{slug}'이(가) 파일 이름 '{path.stem}'과(와) 다릅니다")
            usable = False
        if slug not in known:
            problems.append(f"{where}: section '{slug}'은(는) catalog.toml에 없는 섹션입니다")
            usable = False
    raw_questions = data.get("questions")
    if not isinstance(raw_questions, list) or not raw_questions:
        problems.append(f"{where}: 'questions'는 문항이 하나 이상 있는 목록이어야 합니다")
        return None
    questions = []
    for index, raw in enumerate(raw_questions, start=1):
        question = _parse_question(raw, index, where, slug if isinstance(slug, str) else "", problems)
        if question is not None:
            questions.append(question)
    return (slug, questions) if usable else None


def _describe_yaml_error(error: yaml.YAMLError) -> str:
    """Korean description with the (1-based) line of a YAML syntax error."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    detail = getattr(error, "problem", None) or str(error)
    if mark is not None:
        return f"{mark.line + 1}번째 줄 {mark.column + 1}번째 칸: YAML 문법 오류입니다 ({detail})"
    return f"YAML 문법 오류입니다 ({detail})"


class _Problems:
    """Collects the problems of one question, prefixed with file and question label."""

    def __init__(self, where: str, label: str, sink: list[str]) -> None:
        self.prefix = f"{where}: {label}: "
        self.sink = sink
        self.count = 0

    def add(self, message: str) -> None:
        self.sink.append(self.prefix + message)
        self.count += 1


def _parse_question(raw: Any, index: int, where: str, section: str, sink: list[str]) -> Question | None:
    """Validate one question mapping; return it, or None after recording its problems."""
    if not isinstance(raw, dict):
        sink.append(f"{where}: {index}번째 문항: 문항은 매핑(키: 값)이어야 합니다")
        return None
    raw_id = raw.get("id")
    if isinstance(raw_id, str) and raw_id:
        label = f"문항 '{raw_id}'"
    else:
        label = f"{index}번째 문항(id 없음)"
    report = _Problems(where, label, sink)
    if raw_id is None or raw_id == "":
        report.add("'id'가 없습니다")
    elif not isinstance(raw_id, str) or not ID_PATTERN.match(raw_id):
        report.add("id는 영문 소문자, 숫자, '-'만 쓸 수 있습니다")

    qtype = raw.get("type")
    if qtype not in QUESTION_TYPES:
        report.add(f"알 수 없는 type '{qtype}' (가능한 값: {', '.join(QUESTION_TYPES)})")
        return None
    for key in sorted(set(raw) - COMMON_KEYS - TYPE_KEYS[qtype], key=str):
        report.add(f"'{qtype}' 문항에는 쓸 수 없는 항목 '{key}'")

    prompt = _text(raw.get("prompt"))
    if not prompt:
        report.add("'prompt'(문제 본문)가 없습니다")
    explanation = _text(raw.get("explanation"))
    if not explanation:
        report.add("'explanation'(해설)이 없습니다")
    exercises = _parse_exercises(raw.get("exercises"), report)
    feedback = _text(raw.get("feedback")) if "feedback" in raw else ""
    if "feedback" in raw and not feedback:
        report.add("'feedback'은 비어 있지 않은 문자열이어야 합니다")

    fields: dict[str, Any] = {}
    if qtype in ("single", "multiple"):
        fields["options"] = _parse_options(raw.get("options"), qtype, report)
    elif qtype == "truefalse":
        answer = raw.get("answer")
        if not isinstance(answer, bool):
            report.add("참/거짓 문항의 'answer'는 true 또는 false여야 합니다")
        fields["answer"] = answer
    elif qtype == "numeric":
        fields.update(_parse_numeric(raw, report))
    else:
        fields["items"] = _parse_items(raw.get("items"), report)

    if report.count:
        return None
    return Question(
        id=raw_id,
        type=qtype,
        prompt=prompt,
        explanation=explanation,
        section=section,
        source=where,
        feedback=feedback,
        exercises=exercises,
        **fields,
    )


def _text(value: Any) -> str:
    """A stripped string; numbers become text (YAML reads `4` as an int), anything else ''."""
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, (int, float, str)):
        return str(value).strip()
    return ""


def _parse_exercises(value: Any, report: _Problems) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and EXERCISE_PATTERN.match(v) for v in value):
        report.add("'exercises'는 실습 id(영문, 숫자, '_', '-') 목록이어야 합니다")
        return ()
    return tuple(value)


def _parse_options(value: Any, qtype: str, report: _Problems) -> tuple[Option, ...]:
    if not isinstance(value, list) or not MIN_OPTIONS <= len(value) <= MAX_OPTIONS:
        report.add(f"'options'는 보기 {MIN_OPTIONS}~{MAX_OPTIONS}개의 목록이어야 합니다")
        return ()
    options: list[Option] = []
    for number, raw in enumerate(value, start=1):
        if not isinstance(raw, dict):
            report.add(f"{number}번째 보기는 'text'를 가진 매핑이어야 합니다")
            continue
        for key in sorted(set(raw) - OPTION_KEYS, key=str):
            report.add(f"{number}번째 보기: 알 수 없는 항목 '{key}'")
        text = _text(raw.get("text"))
        if not text:
            report.add(f"{number}번째 보기에 'text'가 없습니다")
        correct = raw.get("correct", False)
        if not isinstance(correct, bool):
            report.add(f"{number}번째 보기: 'correct'는 true 또는 false여야 합니다")
            correct = False
        feedback = _text(raw.get("feedback"))
        if "feedback" in raw and not feedback:
            report.add(f"{number}번째 보기: 'feedback'은 비어 있지 않은 문자열이어야 합니다")
        if correct and feedback:
            report.add(f"{number}번째 보기: 정답 보기에는 'feedback'을 쓰지 않습니다 (해설에 쓰세요)")
        options.append(Option(text=text, correct=correct, feedback=feedback))
    texts = [o.text for o in options]
    if len(set(texts)) != len(texts):
        report.add("같은 내용의 보기가 두 번 있습니다")
    correct_count = sum(o.correct for o in options)
    if correct_count == 0:
        report.add("정답 보기가 없습니다")
    elif qtype == "single" and correct_count > 1:
        report.add(f"단일 선택 문항인데 정답 보기가 {correct_count}개입니다 (정확히 1개여야 합니다)")
    return tuple(options)


def _number(value: Any) -> float | None:
    """A finite int/float from YAML, or None (booleans are not numbers here)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if math.isfinite(value) else None


def _parse_numeric(raw: dict[str, Any], report: _Problems) -> dict[str, Any]:
    answer = _number(raw.get("answer"))
    if answer is None:
        report.add("수치 문항의 'answer'는 숫자여야 합니다")
    tolerance = _number(raw.get("tolerance"))
    if tolerance is None or tolerance < 0:
        report.add("수치 문항에는 0 이상의 숫자 'tolerance'(허용 오차)가 필요합니다")
        tolerance = 0.0
    unit = raw.get("unit", "")
    if not isinstance(unit, str):
        report.add("'unit'은 문자열이어야 합니다")
        unit = ""
    mistakes: list[NumericMistake] = []
    raw_mistakes = raw.get("mistakes", [])
    if not isinstance(raw_mistakes, list):
        report.add("'mistakes'는 {value, feedback} 목록이어야 합니다")
        raw_mistakes = []
    for number, entry in enumerate(raw_mistakes, start=1):
        value = _number(entry.get("value")) if isinstance(entry, dict) else None
        feedback = _text(entry.get("feedback")) if isinstance(entry, dict) else ""
        if value is None or not feedback:
            report.add(f"{number}번째 mistakes 항목에는 숫자 'value'와 'feedback'이 필요합니다")
            continue
        if answer is not None and abs(value - answer) <= tolerance:
            report.add(f"{number}번째 mistakes 항목의 값 {value:g}은(는) 정답으로 채점되는 값입니다")
        mistakes.append(NumericMistake(value, feedback))
    return {"answer": answer, "tolerance": tolerance, "unit": unit.strip(), "mistakes": tuple(mistakes)}


def _parse_items(value: Any, report: _Problems) -> tuple[str, ...]:
    if not isinstance(value, list) or not MIN_ORDER_ITEMS <= len(value) <= MAX_ORDER_ITEMS:
        report.add(f"'items'는 {MIN_ORDER_ITEMS}~{MAX_ORDER_ITEMS}개 항목의 목록이어야 합니다 (올바른 순서로)")
        return ()
    items = tuple(_text(item) for item in value)
    if not all(items):
        report.add("'items'에 빈 항목이 있습니다")
    if len(set(items)) != len(items):
        report.add("'items'에 같은 항목이 두 번 있습니다")
    return items
