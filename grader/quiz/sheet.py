"""Read an answer sheet file: `{answers: {question_id: answer}}`, optional `student`, `section`.

YAML and JSON are both accepted (JSON by the `.json` suffix, for LMS exports). Every problem that
makes the file unusable becomes an `AnswerSheetError` naming the file, never a traceback.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import AnswerSheetError

SHEET_KEYS = {"answers", "student", "section"}


@dataclass(frozen=True)
class AnswerSheet:
    """A sheet as read: raw answers (text, numbers, lists, booleans, None) keyed by question id."""

    answers: dict[str, Any]
    student: str | None = None
    sections: tuple[str, ...] = ()
    source: str = "답안지"
    extra_keys: tuple[str, ...] = field(default=())


def read_sheet(path: Path) -> AnswerSheet:
    """Parse the file at `path`; raises `AnswerSheetError` (Korean, names the file)."""
    path = Path(path)
    where = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AnswerSheetError(f"{where}: 답안지 파일이 없습니다") from None
    except (OSError, UnicodeDecodeError):
        raise AnswerSheetError(f"{where}: 답안지 파일을 읽을 수 없습니다 (UTF-8 텍스트여야 합니다)") from None
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise AnswerSheetError(
                f"{where}: {error.lineno}번째 줄 {error.colno}번째 칸: JSON 형식이 잘못되었습니다 ({error.msg})"
            ) from None
    else:
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = f"{mark.line + 1}번째 줄: " if mark is not None else ""
            raise AnswerSheetError(f"{where}: {line}YAML 형식이 잘못되었습니다") from None
    return sheet_from_data(data, where)


def sheet_from_data(data: Any, where: str = "답안지") -> AnswerSheet:
    """Validate the shape of already-parsed sheet data (also used for sheets built in memory)."""
    if not isinstance(data, dict) or "answers" not in data:
        raise AnswerSheetError(f"{where}: 'answers' 항목이 있는 매핑이어야 합니다 (answers: {{문항id: 답}})")
    answers = data["answers"]
    if answers is None:
        answers = {}
    if not isinstance(answers, dict):
        raise AnswerSheetError(f"{where}: 'answers'는 문항 id와 답의 매핑이어야 합니다")
    student = data.get("student")
    if student is not None and not isinstance(student, (str, int)):
        raise AnswerSheetError(f"{where}: 'student'는 이름(문자열)이어야 합니다")
    section = data.get("section")
    if section is None:
        sections: tuple[str, ...] = ()
    elif isinstance(section, str):
        sections = (section,)
    elif isinstance(section, list) and all(isinstance(s, str) for s in section):
        sections = tuple(section)
    else:
        raise AnswerSheetError(f"{where}: 'section'은 섹션 slug 또는 slug 목록이어야 합니다")
    return AnswerSheet(
        answers={str(key): value for key, value in answers.items()},
        student=None if student is None else str(student),
        sections=sections,
        source=where,
        extra_keys=tuple(sorted(str(k) for k in set(data) - SHEET_KEYS)),
    )
