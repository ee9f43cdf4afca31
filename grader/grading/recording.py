"""The grading plan: which calls every test makes, with which inputs, and what the reference returns.

Before any student runs, each check is run once with `RecordingStudent`, which answers every call
with the reference's output and writes the call down. Inputs never depend on the student's
answers (they come from the seed and fixed cases), so the same calls can then be sent to each
student's worker up front. A student whose every output is identical to the reference's gets the
reference's verdict without running the check again; any other student is re-checked by pytest
with the outputs already fetched (see `sandboxed.py`). This keeps one check, written once, as the
only judge while grading a class costs little more than the worker calls themselves.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from grader.course.catalog import Exercise
from grader.engine import failures
from grader.engine.results import TestResult
from grader.engine.trivial import weak_tests
from grader.engine.runner import load_reference, run_pytest
from grader.engine.student import StudentError


@dataclass(frozen=True)
class RaisedError:
    """The reference raised for this input (the check expects the student to raise too).
    Checks judge a raised exception by its type alone (`StudentFailure.exception`), so a
    student who raises the same type gets the reference's verdict without a re-check."""

    message: str
    exception: str


@dataclass(frozen=True)
class RecordedCall:
    function: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    digest: str
    output: Any


@dataclass
class ExercisePlan:
    exercise: Exercise
    reference: Any
    calls: dict[str, list[RecordedCall]] = field(default_factory=dict)  # test node id -> calls
    reference_outcomes: list[TestResult] = field(default_factory=list)
    weak_tests: set[str] = field(default_factory=set)  # tests a trivial implementation passes too
    batch: Any = None  # the calls encoded once for every worker (see `sandboxed.planned_batch`)


def call_digest(function: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
    """A fingerprint of a call's inputs, to tell whether a check asks for what was recorded."""
    h = hashlib.blake2b(function.encode(), digest_size=16)
    feed_digest(h, args)
    feed_digest(h, kwargs)
    return h.hexdigest()


def feed_digest(h: "hashlib._Hash", value: Any) -> None:
    """Feed `value` into `h` so that equal values (type, dtype, shape, bits) feed equal bytes."""
    if isinstance(value, np.ndarray):
        h.update(f"a{value.dtype.str}{value.shape}".encode())
        h.update(np.ascontiguousarray(value).tobytes())
    elif isinstance(value, np.random.Generator):
        h.update(b"g" + json.dumps(value.bit_generator.state, sort_keys=True, default=str).encode())
    elif isinstance(value, (tuple, list)):
        h.update(f"{type(value).__name__}{len(value)}".encode())
        for item in value:
            feed_digest(h, item)
    elif isinstance(value, dict):
        h.update(f"d{len(value)}".encode())
        for key in sorted(value):
            h.update(str(key).encode())
            feed_digest(h, value[key])
    else:
        h.update(f"{type(value).__name__}:{value!r}".encode())


def same_value(a: Any, b: Any) -> bool:
    """Identical in type, dtype, shape and every bit that matters (NaN equals NaN)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, np.ndarray):
        return a.dtype == b.dtype and a.shape == b.shape and bool(np.array_equal(a, b, equal_nan=a.dtype.kind in "fc"))
    if isinstance(a, np.generic):
        return a.dtype == b.dtype and bool(np.array_equal(np.asarray(a), np.asarray(b), equal_nan=a.dtype.kind in "fc"))
    if isinstance(a, (tuple, list)):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same_value(a[k], b[k]) for k in a)
    if isinstance(a, float):
        return a == b or (a != a and b != b)
    return bool(a == b)


class RecordingStudent:
    """Stands in for a student with the reference solution and writes down every call."""

    def __init__(self, plan: ExercisePlan) -> None:
        self.plan = plan
        self._current: list[RecordedCall] = []

    def begin_test(self, nodeid: str) -> None:
        self._current = self.plan.calls.setdefault(nodeid, [])

    def call(self, function: str, args: tuple[Any, ...] = (), kwargs: dict[str, Any] | None = None) -> Any:
        kwargs = kwargs or {}
        sent_args, sent_kwargs = copy.deepcopy(args), copy.deepcopy(kwargs)
        digest = call_digest(function, sent_args, sent_kwargs)
        try:
            output = getattr(self.plan.reference, function)(*args, **kwargs)
        except Exception as error:
            failure = failures.exception(function, type(error).__name__, str(error).strip())
            self._current.append(RecordedCall(function, sent_args, sent_kwargs, digest, RaisedError(failure.message, type(error).__name__)))
            raise StudentError(failure) from None
        self._current.append(RecordedCall(function, sent_args, sent_kwargs, digest, copy.deepcopy(output)))
        return output


def record_plans(exercises: list[Exercise], seed: int) -> dict[str, ExercisePlan]:
    """Run every check once against the reference and keep the calls it makes."""
    plans = {exercise.id: ExercisePlan(exercise, load_reference(exercise)) for exercise in exercises}
    students = {exercise_id: RecordingStudent(plan) for exercise_id, plan in plans.items()}
    outcomes = run_pytest(exercises, students, {i: p.reference for i, p in plans.items()}, seed)
    weak = weak_tests(exercises, {i: p.reference for i, p in plans.items()}, seed)
    for exercise_id, plan in plans.items():
        plan.weak_tests = weak[exercise_id]
        plan.reference_outcomes = [dataclasses.replace(test, weak=test.name in plan.weak_tests)
                                   for test in outcomes[exercise_id]]
        failed = [o.name for o in plan.reference_outcomes if o.status != "passed"]
        if failed:
            raise RuntimeError(f"참조 풀이가 {exercise_id}의 검사를 통과하지 못했습니다: {failed}")
    return plans
