"""click's own words (help headings, `--help`, usage errors) in Korean.

click marks every message it prints for translation with gettext (`_()` / `ngettext()` bound in
each of its modules). `install()` binds those names to a translation object holding the Korean
text below, so `learn --help` and a mistyped option read in one language. A message missing here
falls back to click's English; `tests/test_cli.py` checks what learners see most.
"""

from __future__ import annotations

import gettext
import importlib

MESSAGES: dict[str, str] = {
    "Usage:": "사용법:",
    "Options": "옵션",
    "Commands": "명령",
    "Positional arguments": "인자",
    "Show this message and exit.": "이 도움말을 보여 주고 끝냅니다.",
    "Show the version and exit.": "버전을 보여 주고 끝냅니다.",
    "%(prog)s, version %(version)s": "%(prog)s, 버전 %(version)s",
    "Try '{command} {option}' for help.": "'{command} {option}'로 도움말을 볼 수 있습니다.",
    "Error: {message}": "오류: {message}",
    "Missing command.": "명령이 없습니다.",
    "No such command {name!r}.": "{name!r}라는 명령은 없습니다.",
    "No such option {name!r}.": "{name!r}라는 옵션은 없습니다.",
    "No such option: {name}": "{name}라는 옵션은 없습니다.",
    "Option {name!r} does not take a value.": "{name!r} 옵션은 값을 받지 않습니다.",
    "Missing argument": "인자가 빠졌습니다",
    "Missing option": "옵션이 빠졌습니다",
    "Missing parameter": "값이 빠졌습니다",
    "Missing parameter: {param_name}": "값이 빠졌습니다: {param_name}",
    "Missing {param_type}": "{param_type}이(가) 빠졌습니다",
    "Invalid value: {message}": "잘못된 값: {message}",
    "Invalid value for {param_hint}: {message}": "{param_hint}의 값이 잘못되었습니다: {message}",
    "Argument {name!r} takes {nargs} values.": "인자 {name!r}는 값 {nargs}개를 받습니다.",
    "{value!r} is not a valid {number_type}.": "{value!r}는 올바른 {number_type}가 아닙니다.",
    "{value} is not in the range {range}.": "{value}는 범위 {range} 밖입니다.",
    "{value!r} is not a valid UUID.": "{value!r}는 올바른 UUID가 아닙니다.",
    "{name} {filename!r} does not exist.": "{name} {filename!r}이(가) 없습니다.",
    "{name} {filename!r} is a file.": "{name} {filename!r}은(는) 파일입니다.",
    "{name} {filename!r} is a directory.": "{name} {filename!r}은(는) 폴더입니다.",
    "{name} {filename!r} is not readable.": "{name} {filename!r}을(를) 읽을 수 없습니다.",
    "{name} {filename!r} is not writable.": "{name} {filename!r}에 쓸 수 없습니다.",
    "{name} {filename!r} is not executable.": "{name} {filename!r}은(는) 실행할 수 없습니다.",
    "Could not open file {filename!r}: {message}": "파일 {filename!r}을(를) 열 수 없습니다: {message}",
    "file": "파일",
    "directory": "폴더",
    "path": "경로",
    "default: {default}": "기본값: {default}",
    "env var: {var}": "환경 변수: {var}",
    "required": "필수",
    "deprecated": "더 이상 쓰지 않음",
    "Aborted!": "중단했습니다.",
    "Press any key to continue...": "계속하려면 아무 키나 누르세요...",
    "Do you want to continue?": "계속할까요?",
    "Error: invalid input": "오류: 잘못된 입력",
    "Choose from:\n\t{choices}": "다음 중에서 고르세요:\n\t{choices}",
    "integer": "정수",
    "float": "실수",
}

PLURALS: dict[str, str] = {
    "Got unexpected extra argument ({args})": "필요 없는 인자가 더 있습니다 ({args})",
    "Did you mean {possibility}?": "{possibility}를 말한 건가요?",
    "Option {name!r} requires an argument.": "{name!r} 옵션에는 값이 필요합니다.",
    "Takes {nargs} values but 1 was given.": "값 {nargs}개가 필요한데 1개가 주어졌습니다.",
    "{value!r} is not {choice}.": "{value!r}는 {choice}가 아닙니다.",
    "{value!r} does not match the format {format}.": "{value!r}는 형식 {format}과(와) 맞지 않습니다.",
    "{len_type} values are required, but {len_value} was given.": "값 {len_type}개가 필요한데 {len_value}개가 주어졌습니다.",
}
PLURAL_OTHER: dict[str, str] = {
    "Got unexpected extra arguments ({args})": "필요 없는 인자가 더 있습니다 ({args})",
    "(Did you mean one of: {possibilities}?)": "({possibilities} 중 하나를 말한 건가요?)",
    "Option {name!r} requires {nargs} arguments.": "{name!r} 옵션에는 값 {nargs}개가 필요합니다.",
    "Takes {nargs} values but {len} were given.": "값 {nargs}개가 필요한데 {len}개가 주어졌습니다.",
    "{value!r} is not one of {choices}.": "{value!r}는 {choices} 중 하나가 아닙니다.",
    "{value!r} does not match the formats {formats}.": "{value!r}는 형식 {formats} 중 어느 것과도 맞지 않습니다.",
    "{len_type} values are required, but {len_value} were given.": "값 {len_type}개가 필요한데 {len_value}개가 주어졌습니다.",
}

CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types", "utils")


class KoreanTranslations(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return MESSAGES.get(message, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        if n == 1:
            return PLURALS.get(singular, singular)
        return PLURAL_OTHER.get(plural, plural)


_INSTALLED = False


def install() -> None:
    """Rebind click's `_` and `ngettext` to the Korean translation (idempotent)."""
    global _INSTALLED
    if _INSTALLED:
        return
    translations = KoreanTranslations()
    for name in CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = translations.gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = translations.ngettext  # type: ignore[attr-defined]
    _INSTALLED = True
