"""The one result model: what a check found, as data, from a single test up to a whole class.

Checks produce it (through the pytest plugin), and everything downstream consumes it without
re-reading text: `learn check --json`, progress, `learn watch`, `learn dev check`, the
gradebook, feedback pages, the class summary and the Gradescope export. A named mistake is an
id plus its Korean text, so a report counts mistakes by id; a failure of the learner's code is
a `StudentFailure` of one `FailureKind`, worded in Korean in one place (`failures.py`).

Every class serialises with `to_json()` / `from_json()`; `SCHEMA_VERSION` changes whenever a
key changes meaning. The README's instructor section documents the schema.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

SCHEMA_VERSION = 2


class Status(StrEnum):
    PASSED = "passed"
    FAILED = "failed"  # the learner's code gave a wrong answer or could not give one
    ERROR = "error"  # the check itself broke: not the learner's fault


class FailureKind(StrEnum):
    """How the learner's code failed to produce a value (as opposed to producing a wrong one)."""

    LOAD_ERROR = "load_error"  # the file is missing or does not import (syntax error, exception)
    MISSING_FUNCTION = "missing_function"
    NOT_IMPLEMENTED = "not_implemented"  # still the stub's NotImplementedError
    EXCEPTION = "exception"
    TIMEOUT = "timeout"
    EXIT = "exit"  # sys.exit() / exit()
    CRASH = "crash"  # the sandboxed worker died (signal, resource limit)
    OUTPUT_FLOOD = "output_flood"
    BAD_OUTPUT = "bad_output"  # a value that cannot cross the sandbox boundary
    SETUP = "setup"  # the grader could not run the call at all
    BUDGET = "budget"  # the student's grading time ran out before this call
    SKIPPED = "skipped"  # not run: the same function (or too many) already hung, crashed or flooded


@dataclass(frozen=True)
class StudentFailure:
    kind: FailureKind
    message: str  # Korean, complete: what happened and what to do
    function: str | None = None
    exception: str | None = None  # the exception's type name, for EXCEPTION

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "message": self.message, "function": self.function,
                "exception": self.exception}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "StudentFailure":
        return cls(FailureKind(data["kind"]), data["message"], data.get("function"), data.get("exception"))


@dataclass(frozen=True)
class NamedMistake:
    """A known misconception the learner's output matches; `id` is stable within an exercise."""

    id: str
    text: str

    def to_json(self) -> dict[str, str]:
        return {"id": self.id, "text": self.text}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "NamedMistake":
        return cls(data["id"], data["text"])


@dataclass(frozen=True)
class Verdict:
    """Why a returned value is wrong: which function and case, the input shown to the learner,
    and Korean lines on how the value differs (shape, dtype, NaN, largest errors, tolerance)."""

    function: str
    case: str
    problems: tuple[str, ...]
    mistakes: tuple[NamedMistake, ...] = ()
    input: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"function": self.function, "case": self.case, "input": self.input,
                "problems": list(self.problems), "mistakes": [m.to_json() for m in self.mistakes]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Verdict":
        return cls(data["function"], data["case"], tuple(data["problems"]),
                   tuple(NamedMistake.from_json(m) for m in data.get("mistakes", ())), data.get("input", ""))


@dataclass(frozen=True)
class TestResult:
    """One test of a check. A failed test has a verdict (wrong value) or a failure (no value)."""

    __test__ = False  # not a pytest test class, despite the name

    name: str
    title: str
    status: Status
    exercise_id: str = ""
    verdict: Verdict | None = None
    failure: StudentFailure | None = None
    internal_error: str | None = None  # Status.ERROR: what broke inside the check
    seed: int | None = None  # the random seed, when the test drew random inputs
    weak: bool = False  # a trivial implementation passes it too (see engine/trivial.py)

    @property
    def passed(self) -> bool:
        return self.status is Status.PASSED

    @property
    def mistakes(self) -> tuple[NamedMistake, ...]:
        return self.verdict.mistakes if self.verdict else ()

    @property
    def message(self) -> str:
        from grader.engine.messages import test_message

        return test_message(self)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "status": self.status.value, "message": self.message,
                "exercise": self.exercise_id,
                "verdict": self.verdict.to_json() if self.verdict else None,
                "failure": self.failure.to_json() if self.failure else None,
                "internal_error": self.internal_error, "seed": self.seed, "weak": self.weak}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "TestResult":
        return cls(data["name"], data["title"], Status(data["status"]), data.get("exercise", ""),
                   Verdict.from_json(data["verdict"]) if data.get("verdict") else None,
                   StudentFailure.from_json(data["failure"]) if data.get("failure") else None,
                   data.get("internal_error"), data.get("seed"), data.get("weak", False))


@dataclass
class ExerciseResult:
    """Every test of one exercise's check against one learner's file."""

    exercise_id: str
    seed: int
    tests: list[TestResult] = field(default_factory=list)
    load_failure: StudentFailure | None = None
    seconds: float = 0.0

    @property
    def passed(self) -> bool:
        return self.load_failure is None and bool(self.tests) and all(t.passed for t in self.tests)

    @property
    def counts(self) -> tuple[int, int]:
        """(tests passed, tests run); a file that does not load counts as 0 of 1."""
        if self.load_failure is not None:
            return 0, 1
        return sum(t.passed for t in self.tests), len(self.tests)

    @property
    def credited(self) -> int:
        """Tests that earn points: weak tests count only beside a passed test that is not weak."""
        if self.load_failure is not None:
            return 0
        strong = sum(t.passed and not t.weak for t in self.tests)
        return sum(t.passed for t in self.tests) if strong else 0

    @property
    def failed_tests(self) -> list[TestResult]:
        return [t for t in self.tests if not t.passed]

    def to_json(self) -> dict[str, Any]:
        passed, total = self.counts
        return {"version": SCHEMA_VERSION, "exercise": self.exercise_id, "passed": self.passed, "seed": self.seed,
                "tests_passed": passed, "tests_total": total,
                "load_error": self.load_failure.to_json() if self.load_failure else None,
                "tests": [t.to_json() for t in self.tests]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "ExerciseResult":
        return cls(data["exercise"], data["seed"], [TestResult.from_json(t) for t in data["tests"]],
                   StudentFailure.from_json(data["load_error"]) if data.get("load_error") else None)


@dataclass
class ExerciseGrade:
    """One exercise in a gradebook: points are proportional to the tests credited."""

    exercise_id: str
    max_points: int
    result: ExerciseResult | None = None  # None: the student did not submit this exercise

    @property
    def submitted(self) -> bool:
        return self.result is not None

    @property
    def points(self) -> float:
        if self.result is None:
            return 0.0
        _, total = self.result.counts
        return round(self.max_points * self.result.credited / total, 2) if total else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"exercise": self.exercise_id, "submitted": self.submitted, "points": self.points,
                "max_points": self.max_points, "result": self.result.to_json() if self.result else None}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "ExerciseGrade":
        result = ExerciseResult.from_json(data["result"]) if data.get("result") else None
        return cls(data["exercise"], data["max_points"], result)


@dataclass
class StudentResult:
    """One submission of a class: its identity, an honest one-line status and every exercise."""

    student: str
    digest: str
    seed: int
    status: str  # Korean, one line; "정상" only when nothing went wrong
    exercises: dict[str, ExerciseGrade]
    lms_id: str | None = None  # the student's id in the LMS export (Moodle participant, Canvas user, sid)

    @property
    def total(self) -> float:
        return round(sum(grade.points for grade in self.exercises.values()), 2)

    @property
    def max_total(self) -> int:
        return sum(grade.max_points for grade in self.exercises.values())

    def to_json(self) -> dict[str, Any]:
        return {"version": SCHEMA_VERSION, "student": self.student, "lms_id": self.lms_id, "digest": self.digest,
                "seed": self.seed,
                "status": self.status, "total": self.total, "max_total": self.max_total,
                "exercises": {i: grade.to_json() for i, grade in self.exercises.items()}}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "StudentResult":
        if data.get("version") != SCHEMA_VERSION:
            raise ValueError(f"results schema {data.get('version')!r}, expected {SCHEMA_VERSION}")
        return cls(data["student"], data["digest"], data["seed"], data["status"],
                   {i: ExerciseGrade.from_json(g) for i, g in data["exercises"].items()}, data.get("lms_id"))
