"""`SandboxStudent`: the `student` a check talks to in grading mode.

The learner's function runs only in that student's sandbox worker; what comes back is plain,
already-decoded data. Calls the plan foresaw are fetched up front (`prefetch`); a call it did not
foresee goes to the worker live. Every failure becomes a `StudentError` with a typed
`StudentFailure` worded by `grader.engine.failures`, exactly as in learner mode, so checks (and
learners) cannot tell the two apart.
"""

from __future__ import annotations

import copy
import hashlib
from typing import Any

from grader.engine import failures
from grader.engine.results import FailureKind, StudentFailure
from grader.engine.student import NO_NOTES, CallNotes, StudentError, warning_line
from grader.engine.verdict import argument_label
from grader.grading.ledger import Ledger
from grader.grading.recording import ExercisePlan, RaisedError, RecordedCall, call_digest, feed_digest, same_value
from grader.sandbox import SAME, BatchInterrupted, EncodedBatch, Observed, SandboxError, StudentWorker, encode_batch


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
    if error.kind == "output_flood":
        return failures.output_flood(function, int(detail) if detail.isdigit() else 2**20)
    if error.kind == "crash":
        if detail.startswith("exit"):
            return failures.exited(function)
        return failures.crash(function, error.message.removeprefix("실행 프로세스가 "))
    if error.kind == "bad_output":
        return failures.bad_output(function, error.message)
    return failures.setup(function, error.message)


class SandboxStudent:
    """One exercise of one submission. The `ledger` is shared by all of the submission's
    exercises: it holds the time budget and the failures that must cost only once."""

    def __init__(self, worker: StudentWorker, plan: ExercisePlan, timeout: float, ledger: Ledger) -> None:
        self.worker = worker
        self.plan = plan
        self.module = plan.exercise.id
        self.filename = plan.exercise.filename
        self.timeout = timeout
        self.ledger = ledger
        self._fetched: dict[tuple[str, int], Any] = {}
        self._nodeid = ""
        self._index = 0
        self.load_failure: StudentFailure | None = None  # the student's file could not be imported
        self.live_calls = 0  # calls the plan did not foresee: their outcomes are not in `outcome_key`
        self.last_notes = NO_NOTES  # what the last call did besides returning (see engine.student.CallNotes)

    def prefetch(self) -> set[str]:
        """Run every planned call in the worker; return the tests (node ids) in which some output
        differs from the reference's. Every other test would see exactly what the reference
        produced, so its verdict is already known: the reference's.

        The calls go in one request; when one of them hangs, crashes or floods output, it alone
        is charged (the ledger then refuses its function, or the whole student) and the request
        goes on after it in a fresh worker, without the calls the ledger now refuses."""
        planned = [(nodeid, index, call) for nodeid, calls in self.plan.calls.items() for index, call in enumerate(calls)]
        batch = planned_batch(self.plan, self.worker.value_bytes)
        results: list[Any] = [None] * len(planned)
        pending = list(range(len(planned)))
        while pending:
            runnable = []
            for position in pending:
                refusal = self.ledger.refusal(self.module, planned[position][2].function)
                if refusal is None:
                    runnable.append(position)
                else:
                    results[position] = StudentError(refusal)
            if not runnable:
                break
            try:
                answers = self.worker.run_batch(batch, None if len(runnable) == len(planned) else runnable,
                                                budget=self.ledger.remaining(), observe=True)
                error, charged, pending = None, [], []
            except BatchInterrupted as stop:  # the call after the answered ones broke
                answers, error = stop.results, stop.error
                rest = runnable[len(answers):]
                charged = rest if error.kind == "setup" else rest[:1]  # no worker at all: every call fails
                pending = rest[len(charged):]
            except SandboxError as stop:  # not sent at all (e.g. the file is missing)
                answers, error, charged, pending = [], stop, runnable, []
            for position in charged:
                call = planned[position][2]
                results[position] = self._error(call.function, error, _raises(call))
            for position, answer in zip(runnable, answers):
                call = planned[position][2]
                results[position] = (answer if answer is SAME else
                                      self._error(call.function, answer, _raises(call)) if isinstance(answer, SandboxError)
                                      else answer)
        differing: set[str] = set()
        for (nodeid, index, call), result in zip(planned, results):
            self._fetched[(nodeid, index)] = result
            # A call that changed or returned its arguments, or warned, is judged by the check
            # itself: the reference's verdict does not hold for it even when the value is the same.
            if result is not SAME and (isinstance(result, Observed) or not _same_outcome(result, call.output)):
                differing.add(nodeid)
        return differing

    def outcome_key(self, nodeids: set[str]) -> str:
        """A digest of everything this student's worker answered in the tests `nodeids`. Two
        students with the same key get the same verdicts from the (deterministic) checks, as
        long as neither check run needed a call the plan did not foresee (`live_calls`)."""
        h = hashlib.blake2b(self.module.encode(), digest_size=20)
        for (nodeid, index), result in sorted(self._fetched.items(), key=lambda item: item[0]):
            if nodeid not in nodeids:
                continue
            h.update(f"|{nodeid}#{index}=".encode())
            if result is SAME:
                h.update(b"reference")
            elif isinstance(result, StudentError):
                failure = result.failure
                feed_digest(h, ("error", failure.kind.value, failure.message, failure.function, failure.exception))
            elif isinstance(result, Observed):
                feed_digest(h, ("observed", result.value, result.mutated, result.warnings, result.shared))
            else:
                feed_digest(h, result)
        return h.hexdigest()

    def begin_test(self, nodeid: str) -> None:
        self._nodeid, self._index = nodeid, 0

    def call(self, function: str, args: tuple[Any, ...] = (), kwargs: dict[str, Any] | None = None) -> Any:
        kwargs = kwargs or {}
        key = (self._nodeid, self._index)
        self._index += 1
        planned = self.plan.calls.get(self._nodeid, [])
        if key in self._fetched and key[1] < len(planned) and planned[key[1]].digest == call_digest(function, args, kwargs):
            result = self._fetched[key]
            if result is SAME:  # the check may keep or change it: its own copy
                result = copy.deepcopy(planned[key[1]].output)
        else:
            self.live_calls += 1
            result = self._live(function, args, kwargs, expected_raise=False)
        self.last_notes = NO_NOTES
        if isinstance(result, StudentError):
            raise result
        if isinstance(result, Observed):
            self.last_notes = self._notes(result, args, kwargs)
            return result.value
        return result

    def _notes(self, observed: Observed, args: tuple[Any, ...], kwargs: dict[str, Any]) -> CallNotes:
        """The worker's report in learner-mode terms. Only labels of arguments this call really
        sent are kept: the report comes from untrusted code and ends up in feedback."""
        labels = {argument_label(index) for index in range(len(args))} | {argument_label(str(name)) for name in kwargs}
        return CallNotes(tuple(label for label in observed.mutated if label in labels),
                         tuple(warning_line(text, lineno, self.filename) for text, lineno in observed.warnings),
                         tuple(label for label in observed.shared if label in labels))

    def _error(self, function: str, error: SandboxError, expected_raise: bool) -> StudentError:
        if error.kind == "timeout" and self.ledger.remaining() <= 0.05:  # cut short by the budget, not by itself
            self.ledger.budget_spent = True
            return StudentError(failures.budget_exhausted(function, self.ledger.budget_seconds))
        failure = failure_from_sandbox(function, error, self.timeout, self.filename)
        if error.kind == "import_error" and self.load_failure is None:
            self.load_failure = failure
        if not (expected_raise and failure.kind is FailureKind.EXCEPTION):  # raising was the right answer
            self.ledger.record(self.module, function, failure)
        return StudentError(failure)

    def _live(self, function: str, args: tuple[Any, ...], kwargs: dict[str, Any], expected_raise: bool) -> Any:
        """The worker's answer, or the StudentError to raise for it."""
        refusal = self.ledger.refusal(self.module, function)
        if refusal is not None:
            return StudentError(refusal)
        try:
            return self.worker.call(self.module, function, args, kwargs, timeout=self.ledger.remaining(), observe=True)
        except SandboxError as error:
            return self._error(function, error, expected_raise)


def _same_outcome(result: Any, recorded: Any) -> bool:
    """The student's outcome equals the reference's: the same value, bit for bit, or an exception
    of the same type where the reference raised."""
    if isinstance(recorded, RaisedError):
        return (isinstance(result, StudentError) and result.failure.kind is FailureKind.EXCEPTION
                and result.failure.exception == recorded.exception)
    return not isinstance(result, StudentError) and same_value(result, recorded)


def _raises(call: RecordedCall) -> bool:
    """The reference raised for this input: a student's exception may be the right answer."""
    return isinstance(call.output, RaisedError)


def planned_batch(plan: ExercisePlan, value_bytes: int) -> EncodedBatch:
    """The plan's calls as one encoded request, built once per grading process and sent to
    every student's worker, with the reference's outputs as the foreseen replies."""
    if plan.batch is None:
        calls = [call for calls in plan.calls.values() for call in calls]
        plan.batch = encode_batch(plan.exercise.id, [(c.function, c.args, c.kwargs) for c in calls], value_bytes,
                                  [(not isinstance(c.output, RaisedError), c.output) for c in calls])
    return plan.batch


