"""`SandboxStudent`: the `student` a check talks to in grading mode.

The learner's function runs only in that student's sandbox worker; what comes back is plain,
already-decoded data. Calls the plan foresaw are fetched up front (`prefetch`); a call it did not
foresee goes to the worker live. Every failure becomes a `StudentError` with the sandbox's Korean
message, exactly as in learner mode, so checks cannot tell the two apart.
"""

from __future__ import annotations

from typing import Any

from grader.grading.recording import ExercisePlan, RaisedError, call_digest, same_value
from grader.sandbox import SandboxError, StudentWorker
from grader.engine.student import StudentError

_HUNG = "앞선 호출에서 제한 시간을 넘겨 더 호출하지 않습니다."


class SandboxStudent:
    def __init__(self, worker: StudentWorker, plan: ExercisePlan) -> None:
        self.worker = worker
        self.plan = plan
        self.module = plan.exercise.id
        self._fetched: dict[tuple[str, int], Any] = {}
        self._hung: set[str] = set()
        self._nodeid = ""
        self._index = 0
        self.load_error: str | None = None  # the student's file could not be imported

    def prefetch(self) -> set[str]:
        """Run every planned call in the worker; return the tests (node ids) in which some output
        differs from the reference's. Every other test would see exactly what the reference
        produced, so its verdict is already known: the reference's."""
        planned = [(nodeid, index, call) for nodeid, calls in self.plan.calls.items() for index, call in enumerate(calls)]
        try:
            batch = self.worker.call_many(self.module, [(c.function, c.args, c.kwargs) for _, _, c in planned])
            results = [StudentError(f"{c.function}: {r.message}") if isinstance(r, SandboxError) else r
                       for (_, _, c), r in zip(planned, batch)]
            self._note_load_error(batch)
        except SandboxError:  # hung, crashed or too large: one by one, each with its own deadline
            results = [self._live(c.function, c.args, c.kwargs) for _, _, c in planned]
        differing: set[str] = set()
        for (nodeid, index, call), result in zip(planned, results):
            self._fetched[(nodeid, index)] = result
            if isinstance(result, StudentError) or isinstance(call.output, RaisedError) or not same_value(result, call.output):
                differing.add(nodeid)
        return differing

    def _note_load_error(self, results: list[Any]) -> None:
        for result in results:
            if isinstance(result, SandboxError) and result.kind == "import_error":
                self.load_error = result.message
                return

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

    def _live(self, function: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        """The worker's answer, or the StudentError to raise for it."""
        if function in self._hung:
            return StudentError(f"{function}: {_HUNG}")
        try:
            return self.worker.call(self.module, function, args, kwargs)
        except SandboxError as error:
            if error.kind == "timeout":
                self._hung.add(function)
            if error.kind == "import_error":
                self.load_error = error.message
            return StudentError(f"{function}: {error.message}")
