"""Trivial implementations, and the tests they pass without knowing the concept.

A fixed case whose answer happens to equal the input (identity), all zeros, all ones or a
constant, and round-trip or consistency tests (logit∘sigmoid, shape agreement), can be passed by
a function that computes nothing. Such "weak" tests still teach in `learn check`, but in a
gradebook they earn credit only alongside a test that such a function cannot pass (see
`ExerciseGrade.points`), so identity, zeros, ones and a constant score zero on every exercise.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, Callable, Mapping, Sequence

import numpy as np

from grader.course.catalog import Exercise


def _first(args: tuple[Any, ...]) -> np.ndarray:
    return np.asarray(args[0]) if args else np.zeros(1)


TRIVIAL_IMPLEMENTATIONS: dict[str, Callable[..., Any]] = {
    "identity": lambda *args, **kwargs: args[0] if args else None,
    "zeros": lambda *args, **kwargs: np.zeros_like(_first(args), dtype=np.float64),
    "ones": lambda *args, **kwargs: np.ones_like(_first(args), dtype=np.float64),
    "constant": lambda *args, **kwargs: 0.5,
}


def weak_tests(exercises: Sequence[Exercise], references: Mapping[str, Any], seed: int) -> dict[str, set[str]]:
    """Per exercise, the names of the tests some trivial implementation passes (one pytest
    session per trivial implementation, over all exercises at once)."""
    from grader.engine.runner import run_pytest
    from grader.engine.student import ModuleStudent

    weak: dict[str, set[str]] = {exercise.id: set() for exercise in exercises}
    for function in TRIVIAL_IMPLEMENTATIONS.values():
        students = {e.id: ModuleStudent(SimpleNamespace(**{name: function for name in e.functions}), e.filename, 1.0)
                    for e in exercises}
        for exercise_id, tests in run_pytest(list(exercises), students, references, seed).items():
            weak[exercise_id] |= {test.name for test in tests if test.passed}
    return weak
