"""The pytest plugin behind every check: it hands checks their fixtures and collects verdicts.

Fixtures: `student` (the learner's code, in-process or sandboxed: the check cannot tell),
`reference` (the trusted solution module), `seed` and `rng` (seeded random inputs; a failing
test that used them tells the learner the seed to reproduce it). Instead of pytest's report it
keeps one typed `TestResult` per test with the Korean verdict, for the terminal, JSON and gradebooks.
"""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import Any, Mapping

import numpy as np
import pytest

from grader.engine.results import Status, TestResult
from grader.engine.student import Student, StudentError
from grader.engine.verdict import CheckFailure, Verdict


def _title(item: pytest.Item) -> str:
    """The Korean first docstring line of the test, plus its case id when parametrized."""
    doc = (getattr(item, "obj", None).__doc__ or "").strip().splitlines()
    title = doc[0].strip() if doc else item.name
    callspec = getattr(item, "callspec", None)
    return f"{title} [{callspec.id}]" if callspec else title


def exercise_of(node: pytest.Item | pytest.Collector) -> str:
    """The exercise a test belongs to, from its module's file name `check_<id>.py`."""
    return Path(str(node.path)).stem.removeprefix("check_")


class LearnPlugin:
    """One pytest session may run the checks of several exercises; each gets its own student."""

    def __init__(self, students: Mapping[str, Student], references: Mapping[str, Any], seed: int) -> None:
        self._students = students
        self._references = references
        self._seed = seed
        self.outcomes: dict[str, list[TestResult]] = {exercise_id: [] for exercise_id in students}

    @pytest.fixture
    def student(self, request: pytest.FixtureRequest) -> Student:
        return self._students[exercise_of(request.node)]

    def pytest_runtest_setup(self, item: pytest.Item) -> None:
        """Tell a student that replays recorded outputs which test is about to run."""
        begin_test = getattr(self._students.get(exercise_of(item)), "begin_test", None)
        if begin_test is not None:
            begin_test(item.nodeid)

    @pytest.fixture
    def reference(self, request: pytest.FixtureRequest) -> Any:
        return self._references[exercise_of(request.node)]

    @pytest.fixture
    def seed(self) -> int:
        return self._seed

    @pytest.fixture
    def rng(self, request: pytest.FixtureRequest) -> np.random.Generator:
        """Independent of test order: the stream depends on the run's seed and the test's name."""
        return np.random.default_rng([self._seed, zlib.crc32(request.node.name.encode())])

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo[None]) -> pytest.TestReport:
        """Record our verdict and build the report ourselves: pytest's own traceback formatting
        is never shown to the learner and is the slowest part of a failing test."""
        passed = call.excinfo is None
        outcome = None
        if call.when == "call" or not passed:
            outcome = self._outcome(item, call, passed)
            self.outcomes[exercise_of(item)].append(outcome)
        return pytest.TestReport(
            item.nodeid, item.location, {}, "passed" if passed else "failed",
            None if outcome is None or passed else (outcome.message or "failed"), call.when,
            duration=call.duration, start=call.start, stop=call.stop,
        )

    def _outcome(self, item: pytest.Item, call: pytest.CallInfo[None], passed: bool) -> TestResult:
        exercise_id = exercise_of(item)
        if passed:
            return TestResult(item.name, _title(item), Status.PASSED, exercise_id)
        error = call.excinfo.value if call.excinfo else None
        random = {"rng", "seed"} & set(getattr(item, "fixturenames", ()))
        seed = self._seed if random else None
        if isinstance(error, CheckFailure):
            return TestResult(item.name, _title(item), Status.FAILED, exercise_id, verdict=error.verdict, seed=seed)
        if isinstance(error, StudentError):
            return TestResult(item.name, _title(item), Status.FAILED, exercise_id, failure=error.failure, seed=seed)
        if isinstance(error, AssertionError) and str(error):  # a bare assert in a check
            verdict = Verdict("", "", tuple(str(error).splitlines()))
            return TestResult(item.name, _title(item), Status.FAILED, exercise_id, verdict=verdict, seed=seed)
        return TestResult(item.name, _title(item), Status.ERROR, exercise_id,
                          internal_error=f"{type(error).__name__}: {error}", seed=seed)
