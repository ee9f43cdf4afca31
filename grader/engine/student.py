"""The `student` a check talks to, and how a learner's file becomes one in learner mode.

Checks call `student.call(function, args, kwargs)` and nothing else, so the same check runs
against a module imported in this process (`ModuleStudent`, for `learn check`) or against a proxy
to a sandboxed worker process (for `learn grade`). Every way the learner's code can go wrong
(missing function, exception, time-out, `sys.exit`) becomes a `StudentError` carrying a typed
`StudentFailure` (worded in `failures.py`).
"""

from __future__ import annotations

import importlib.util
import sys
import traceback
import warnings
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol

from grader.engine import failures
from grader.engine.deadline import DeadlineExceeded, deadline
from grader.engine.results import StudentFailure

DEFAULT_CALL_TIMEOUT = 3.0


class StudentError(AssertionError):
    """The learner's code could not produce a value; `failure` says how."""

    def __init__(self, failure: StudentFailure) -> None:
        super().__init__(failure.message)
        self.failure = failure


class LoadError(Exception):
    """The learner's file could not be imported at all; `failure` says where and why."""

    def __init__(self, failure: StudentFailure) -> None:
        super().__init__(failure.message)
        self.failure = failure


WARNINGS_KEPT = 3  # distinct warnings kept per call: enough to show what happened, never a flood


@dataclass(frozen=True)
class CallNotes:
    """What the learner's last call did besides returning its value, for checks whose contract
    rules it out. `mutated` names the array arguments the call changed in place, labelled as in
    verdicts ("1번째 인자", or the keyword's name); learner mode never fills it, because `compare`
    keeps the caller's originals and sees the change itself, but a sandboxed call changes the
    worker's copies, which only the worker can compare. `warnings` are the RuntimeWarnings the call
    raised (numpy's overflow, divide by zero, invalid value), one readable line each. `shared`
    names the array arguments a returned array shares memory with; like `mutated`, only a
    sandboxed call fills it (its returned value is a copy, so `compare` cannot see it)."""

    mutated: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    shared: tuple[str, ...] = ()


NO_NOTES = CallNotes()


class Student(Protocol):
    """What a check talks to. After each `call`, `last_notes` (optional: `compare` reads it with
    `getattr`, defaulting to `NO_NOTES`) says what that call did besides returning."""

    def call(self, function: str, args: tuple[Any, ...] = (), kwargs: dict[str, Any] | None = None) -> Any:
        ...


def warning_line(text: str, lineno: int | None, filename: str) -> str:
    """'RuntimeWarning: overflow encountered in exp (16_activations.py 31번째 줄)': the same
    wording in learner mode and for a sandboxed call."""
    return f"{text} ({filename} {lineno}번째 줄)" if lineno else text


def runtime_warnings(caught: list[warnings.WarningMessage], filename: str) -> tuple[str, ...]:
    """The distinct RuntimeWarnings among `caught`, with the learner's line when the warning was
    raised in the learner's file (numpy attributes it to the line that called the ufunc)."""
    lines: list[str] = []
    for warning in caught:
        if not issubclass(warning.category, RuntimeWarning):
            continue
        lineno = warning.lineno if Path(str(warning.filename)).name == filename else None
        line = warning_line(f"{warning.category.__name__}: {warning.message}", lineno, filename)
        if line not in lines:
            lines.append(line)
        if len(lines) == WARNINGS_KEPT:
            break
    return tuple(lines)


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
        raise LoadError(failures.missing_file(display_name))
    module_name = f"learner_{path.stem}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.pop(module_name, None)
    try:
        with deadline(timeout):
            spec.loader.exec_module(module)
    except SyntaxError as error:
        raise LoadError(failures.syntax_error(display_name, error.lineno, error.msg,
                                              error.text.strip() if error.text else "")) from None
    except DeadlineExceeded:
        raise LoadError(failures.import_timeout(display_name, timeout)) from None
    except SystemExit:
        raise LoadError(failures.import_exit(display_name)) from None
    except Exception as error:
        raise LoadError(failures.import_exception(display_name, describe_exception(error, path.name))) from None
    return module


class ModuleStudent:
    """Learner mode: the learner's module lives in this process; each call has a deadline."""

    def __init__(self, module: Any, filename: str, timeout: float = DEFAULT_CALL_TIMEOUT) -> None:
        self.module = module
        self.filename = filename
        self.timeout = timeout
        self._hung: set[str] = set()
        self.last_notes = NO_NOTES

    def call(self, function: str, args: tuple[Any, ...] = (), kwargs: dict[str, Any] | None = None) -> Any:
        target = getattr(self.module, function, None)
        if target is None:
            raise StudentError(failures.missing_function(function, self.filename))
        if not callable(target):
            raise StudentError(failures.not_callable(function, self.filename, type(target).__name__))
        if function in self._hung:
            raise StudentError(failures.still_hung(function, self.timeout))
        self.last_notes = NO_NOTES
        try:
            # Record RuntimeWarnings (every one, not once per line as by default) for checks whose
            # contract forbids them; recording also keeps them off the learner's terminal.
            with deadline(self.timeout), warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", RuntimeWarning)
                value = target(*args, **(kwargs or {}))
            if caught:
                self.last_notes = CallNotes(warnings=runtime_warnings(caught, self.filename))
            return value
        except DeadlineExceeded:
            self._hung.add(function)
            raise StudentError(failures.timeout(function, self.timeout)) from None
        except NotImplementedError:
            raise StudentError(failures.not_implemented(function)) from None
        except SystemExit:
            raise StudentError(failures.exited(function)) from None
        except Exception as error:
            text = str(error).strip()
            raise StudentError(failures.exception(function, type(error).__name__, text,
                                                  _learner_line(error, self.filename))) from None
