"""Grade a learner's file: the fast path for a passing file, the full engine for everything else.

(filled in below)
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from grader.course.catalog import Exercise

if TYPE_CHECKING:
    from grader.engine.results import ExerciseResult


def check_learner_file(exercise: Exercise, path: Path, display: str, *, seed: int | None = None,
                       timeout: float | None = None) -> "ExerciseResult":
    from grader.engine.runner import check_file
    from grader.engine.student import DEFAULT_CALL_TIMEOUT

    return check_file(exercise, path, display, seed=seed, timeout=DEFAULT_CALL_TIMEOUT if timeout is None else timeout)
