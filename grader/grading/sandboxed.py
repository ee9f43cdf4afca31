"""`SandboxStudent`: the `student` a check talks to in grading mode.

The learner's function runs only in that student's sandbox worker; what comes back is plain,
already-decoded data. Calls the plan foresaw are fetched up front (`prefetch`); a call it did not
foresee goes to the worker live. Every failure becomes a `StudentError` with a typed
`StudentFailure` worded by `grader.engine.failures`, exactly as in learner mode, so checks (and
learners) cannot tell the two apart.
"""

from __future__ import annotations

from typing import Any

from grader.engine import failures
from grader.engine.results import StudentFailure
from grader.engine.student import StudentError
from grader.grading.recording import ExercisePlan, RaisedError, call_digest, same_value
from grader.sandbox import SandboxError, StudentWorker


def failure_from_sandbox(function: str, error: SandboxError, timeout: float, filename: str) -> StudentFailure:
    """The sandbox's error kinds, in the learner-mode wording. `detail` is the worker's raw,
    sanitized "Name: text" for exceptions and import errors."""
    detail = error.detail or ""
    if error.kind == "timeout":
        return failures.timeout(function, timeout)
    if error.kind == "exception":
        name, _, text = detail.partition(":")
        if name.strip() == "NotImplementedError":
            return failures.not_implemented(function)
        where = f" ({filename} {error.lineno}번째 줄)" if error.lineno else ""
        return failures.exception(function, name.strip() or "Exception", text.strip(), where)
    if error.kind == "missing_function":
        return failures.missing_function(function, filename)
    if error.kind == "import_error":
        name, _, text = detail.partition(":")
        if name.strip() in ("SyntaxError", "IndentationError", "TabError"):
            return failures.syntax_error(filename, error.lineno, text.strip())
        where = f" ({filename} {error.lineno}번째 줄)" if error.lineno else ""
        return failures.import_exception(filename, f"{detail}{where}")
    if error.kind == "crash":
        if detail.startswith("exit"):
            return failures.exited(function)
        return failures.crash(function, error.message.removeprefix("실행 프로세스가 "))
    if error.kind == "bad_output":
        return failures.bad_output(function, error.message)
    return failures.setup(function, error.message)


class SandboxStudent:
    def __init__(self, worker: StudentWorker, plan: ExercisePlan, timeout: float) -> None:
        self.worker = worker
        self.plan = plan
        self.module = plan.exercise.id
        self.filename = plan.exercise.filename
        self.timeout = timeout
        self._fetched: dict[tuple[str, int], Any] = {}
        self._hung: set[str] = set()
        self._nodeid = ""
        self._index = 0
        self.load_failure: StudentFailure | None = None  # the student's file could not be imported

    def prefetch(self) -> set[str]:
        """Run every planned call in the worker; return the tests (node ids) in which some output
        differs from the reference's. Every other test would see exactly what the reference
        produced, so its verdict is already known: the reference's."""
        planned = [(nodeid, index, call) for nodeid, calls in self.plan.calls.items() for index, call in enumerate(calls)]
        try:
            batch = self.worker.call_many(self.module, [(c.function, c.args, c.kwargs) for _, _, c in planned])
            results = [self._error(c.function, r) if isinstance(r, SandboxError) else r
                       for (_, _, c), r in zip(planned, batch)]
        except SandboxError:  # hung, crashed or too large: one by one, each with its own deadline
            results = [self._live(c.function, c.args, c.kwargs) for _, _, c in planned]
        differing: set[str] = set()
        for (nodeid, index, call), result in zip(planned, results):
            self._fetched[(nodeid, index)] = result
            if isinstance(result, StudentError) or isinstance(call.output, RaisedError) or not same_value(result, call.output):
                differing.add(nodeid)
        return differing

    def begin_test(self, nodeid: str) -> None:
        self._nodeid, self._index = nodeid, 0

    def call(self, function: str, args: tuple[Any, ...] = (), kwargs: dict[str, Any] | None = None) -> Any:
        kwargs = kwargs or {}
        key = (self._nodeid, self._index)
        self._index += 1
        planned = self.plan.calls.get(self._nodeid, [])
        if key in self._fetched and key[1] < len(planned) and planned[key[1]].digest == call_digest(function, args, kwargs):
            result = self._fetched[key]
        else:
            result = self._live(function, args, kwargs)
        if isinstance(result, StudentError):
            raise result
        return result

    def _error(self, function: str, error: SandboxError) -> StudentError:
        failure = failure_from_sandbox(function, error, self.timeout, self.filename)
        if error.kind == "import_error" and self.load_failure is None:
            self.load_failure = failure
        return StudentError(failure)

    def _live(self, function: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        """The worker's answer, or the StudentError to raise for it."""
        if function in self._hung:
            return StudentError(failures.still_hung(function, self.timeout))
        try:
            return self.worker.call(self.module, function, args, kwargs)
        except SandboxError as error:
            if error.kind == "timeout":
                self._hung.add(function)
            return self._error(function, error)
