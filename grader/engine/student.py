"""The `student` a check talks to, and how a learner's file becomes one in learner mode.

Checks call `student.call(function, args, kwargs)` and nothing else, so the same check runs
against a module imported in this process (`ModuleStudent`, for `learn check`) or against a proxy
to a sandboxed worker process (for `learn grade`). Every way the learner's code can go wrong
(missing function, exception, time-out, `sys.exit`) becomes a `StudentError` whose message is the
Korean sentence the learner reads.
"""

from __future__ import annotations

import importlib.util
import sys
import traceback
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol

from grader.engine.deadline import DeadlineExceeded, deadline

DEFAULT_CALL_TIMEOUT = 3.0


class StudentError(AssertionError):
    """The learner's code could not produce a value; the message says why, in Korean."""


class LoadError(Exception):
    """The learner's file could not be imported at all; the message says where and why."""


class Student(Protocol):
    def call(self, function: str, args: tuple[Any, ...] = (), kwargs: dict[str, Any] | None = None) -> Any:
        ...


def _learner_line(error: BaseException, filename: str) -> str:
    """' (파일 X, N번째 줄: code)' for the innermost frame inside the learner's file, if any."""
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if Path(frame.filename).name == filename:
            code = f": {frame.line.strip()}" if frame.line else ""
            return f" ({filename} {frame.lineno}번째 줄{code})"
    return ""


def describe_exception(error: BaseException, filename: str) -> str:
    text = str(error).strip()
    detail = f": {text}" if text else ""
    return f"{type(error).__name__}{detail}{_learner_line(error, filename)}"


def load_learner_module(path: Path, display_name: str, timeout: float = DEFAULT_CALL_TIMEOUT) -> ModuleType:
    """Import the learner's file under a private module name, turning every failure into LoadError."""
    if not path.is_file():
        raise LoadError(f"{display_name} 파일이 없습니다. 'learn reset'으로 처음 상태의 파일을 되살릴 수 있습니다.")
    module_name = f"learner_{path.stem}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.pop(module_name, None)
    try:
        with deadline(timeout):
            spec.loader.exec_module(module)
    except SyntaxError as error:
        where = f"{error.lineno}번째 줄" if error.lineno else "어딘가"
        code = f": {error.text.strip()}" if error.text else ""
        raise LoadError(f"{display_name} {where}에 문법 오류가 있습니다 ({error.msg}){code}") from None
    except DeadlineExceeded:
        raise LoadError(
            f"{display_name}을(를) 불러오는 데 {timeout:g}초가 넘게 걸렸습니다. "
            "함수 밖(모듈 최상위)에 무한 루프나 오래 걸리는 코드가 있는지 확인하세요."
        ) from None
    except SystemExit:
        raise LoadError(f"{display_name}이(가) 불러오는 중에 sys.exit()/exit()를 호출했습니다. 지워 주세요.") from None
    except Exception as error:
        raise LoadError(
            f"{display_name}을(를) 불러오는 중 예외가 났습니다: {describe_exception(error, path.name)}"
        ) from None
    return module


class ModuleStudent:
    """Learner mode: the learner's module lives in this process; each call has a deadline."""

    def __init__(self, module: ModuleType, filename: str, timeout: float = DEFAULT_CALL_TIMEOUT) -> None:
        self.module = module
        self.filename = filename
        self.timeout = timeout
        self._hung: set[str] = set()

    def call(self, function: str, args: tuple[Any, ...] = (), kwargs: dict[str, Any] | None = None) -> Any:
        target = getattr(self.module, function, None)
        if target is None:
            raise StudentError(
                f"{self.filename}에 함수 {function}이(가) 없습니다. 함수 이름을 바꾸거나 지우지 않았는지 확인하세요."
            )
        if not callable(target):
            raise StudentError(f"{self.filename}의 {function}은(는) 함수가 아닙니다 ({type(target).__name__}).")
        if function in self._hung:
            raise StudentError(f"{function}은(는) 앞선 호출에서 {self.timeout:g}초 제한을 넘겨 더 호출하지 않습니다.")
        try:
            with deadline(self.timeout):
                return target(*args, **(kwargs or {}))
        except DeadlineExceeded:
            self._hung.add(function)
            raise StudentError(
                f"{function}이(가) {self.timeout:g}초 안에 끝나지 않았습니다 (시간 초과). 무한 루프가 있는지 확인하세요."
            ) from None
        except NotImplementedError:
            raise StudentError(f"{function}을(를) 아직 구현하지 않았습니다 (NotImplementedError). # TODO를 채우세요.") from None
        except SystemExit:
            raise StudentError(f"{function}이(가) sys.exit()/exit()를 호출했습니다. 값을 return 하세요.") from None
        except Exception as error:
            raise StudentError(f"{function}을(를) 호출하자 예외가 났습니다: {describe_exception(error, self.filename)}") from None
