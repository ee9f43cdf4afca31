"""What one submission has cost so far: its wall-clock budget and the failures to remember.

A student whose function hangs, crashes its worker or prints without end would cost a full
deadline (and a worker restart) on every call. The ledger makes each such failure cost once:
later calls into the same function fail at once with the same reason, and after a few hard
failures (or once the budget is spent) every remaining call of the student does. It also counts
what went wrong, for the honest one-line status in the gradebook.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field

from grader.engine import failures
from grader.engine.results import FailureKind, StudentFailure

DEFAULT_BUDGET_SECONDS = 30.0
HARD_KINDS = frozenset({FailureKind.TIMEOUT, FailureKind.CRASH, FailureKind.OUTPUT_FLOOD, FailureKind.EXIT})
GIVE_UP_AFTER = 2  # hard failures in distinct functions before the whole submission stops
STATUS_ORDER = (FailureKind.TIMEOUT, FailureKind.CRASH, FailureKind.OUTPUT_FLOOD, FailureKind.EXIT,
                FailureKind.BAD_OUTPUT, FailureKind.EXCEPTION, FailureKind.MISSING_FUNCTION, FailureKind.SETUP)


@dataclass
class Ledger:
    budget_seconds: float = DEFAULT_BUDGET_SECONDS
    started: float = field(default_factory=time.monotonic)
    counts: Counter[FailureKind] = field(default_factory=Counter)
    broken: dict[tuple[str, str], StudentFailure] = field(default_factory=dict)
    budget_spent: bool = False
    not_implemented: set[tuple[str, str]] = field(default_factory=set)

    def remaining(self) -> float:
        return self.budget_seconds - (time.monotonic() - self.started)

    def refusal(self, module: str, function: str) -> StudentFailure | None:
        """Why this call must not run, or None when it may."""
        if self.remaining() <= 0:
            self.budget_spent = True
            return failures.budget_exhausted(function, self.budget_seconds)
        earlier = self.broken.get((module, function))
        if earlier is not None:
            return failures.skipped_after(function, earlier)
        if len(self.broken) >= GIVE_UP_AFTER:
            return failures.skipped_after(function, next(iter(self.broken.values())))
        return None

    def record(self, module: str, function: str, failure: StudentFailure) -> None:
        if failure.kind is FailureKind.NOT_IMPLEMENTED:
            self.not_implemented.add((module, function))
            return
        if failure.kind in (FailureKind.BUDGET, FailureKind.SKIPPED, FailureKind.LOAD_ERROR):
            return
        self.counts[failure.kind] += 1
        if failure.kind in HARD_KINDS or failure.exception == "MemoryError":  # the memory limit: no cheaper next time
            self.broken.setdefault((module, function), failure)

    def status_notes(self) -> list[str]:
        """'시간 초과 3회', '비정상 종료 1회', ... in a fixed order; empty when every call returned."""
        notes = [f"{failures.KIND_LABELS[kind]} {self.counts[kind]}회" for kind in STATUS_ORDER if self.counts[kind]]
        if self.not_implemented:
            notes.append(f"미구현 함수 {len(self.not_implemented)}개")
        if self.budget_spent:
            notes.append(f"시간 예산 {self.budget_seconds:g}초 초과")
        return notes
