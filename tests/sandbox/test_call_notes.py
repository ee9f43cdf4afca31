"""What a worker reports besides the value: arguments changed in place, RuntimeWarnings, and
returned arrays that share memory with an argument (the trusted side only sees decoded copies,
so only the worker can tell). Reported only with `observe=True`, and only when there is
something to report: an honest call returns its plain value."""

from __future__ import annotations

import numpy as np
import pytest

from grader.sandbox import SAME, Observed, Sandbox, encode_batch
from grader.sandbox.sandbox import _notes

SOURCE = b"""import warnings
import numpy as np

def honest(x, y=None):
    return x * 2

def shift(x, y=None):
    x -= 1
    if y is not None:
        y[0] = 99
    return float(x.sum())

def naive_sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))

def quiet_sigmoid(x):
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-x))

def user_warning(x):
    warnings.warn("not numeric")
    return x + 0

def same(x):
    return x

def view_pair(x):
    return x[::2], np.ones(3)

def copied(x):
    return np.asarray(x).copy()

def nan_unchanged(x):
    x[:] = x
    return 0.0
"""


def call(sandbox: Sandbox, function: str, *args, observe: bool = True, **kwargs):
    with sandbox.open_student({"s.py": SOURCE}) as worker:
        return worker.call("s", function, args, kwargs, observe=observe)


def test_an_honest_call_returns_its_plain_value(sandbox: Sandbox) -> None:
    result = call(sandbox, "honest", np.arange(3.0), y=np.ones(2))
    assert isinstance(result, np.ndarray) and result.tolist() == [0.0, 2.0, 4.0]


def test_changed_arguments_are_labelled_as_in_verdicts(sandbox: Sandbox) -> None:
    result = call(sandbox, "shift", np.arange(3.0), y=np.zeros(2))
    assert isinstance(result, Observed)
    assert result.value == 0.0  # (0 + 1 + 2) - 3
    assert result.mutated == ("1번째 인자", "y")
    assert result.warnings == () and result.shared == ()


def test_writing_back_equal_values_with_nan_is_no_change(sandbox: Sandbox) -> None:
    assert call(sandbox, "nan_unchanged", np.array([np.nan, 1.0])) == 0.0


def test_without_observe_the_value_stays_plain(sandbox: Sandbox) -> None:
    assert call(sandbox, "shift", np.arange(3.0), observe=False) == 0.0


def test_runtime_warnings_are_reported_with_the_students_line(sandbox: Sandbox) -> None:
    result = call(sandbox, "naive_sigmoid", np.array([-1000.0, 0.0, 1000.0]))
    assert isinstance(result, Observed)
    assert result.value.tolist() == [0.0, 0.5, 1.0]
    line = SOURCE.decode().splitlines().index("    return 1.0 / (1.0 + np.exp(-x))") + 1
    assert result.warnings == (("RuntimeWarning: overflow encountered in exp", line),)
    assert result.mutated == ()


def test_silenced_and_non_runtime_warnings_are_not_reported(sandbox: Sandbox) -> None:
    assert isinstance(call(sandbox, "quiet_sigmoid", np.array([-1000.0])), np.ndarray)
    assert isinstance(call(sandbox, "user_warning", np.array([1.0])), np.ndarray)


def test_returned_arguments_and_views_are_reported(sandbox: Sandbox) -> None:
    assert call(sandbox, "same", np.arange(4.0)).shared == ("1번째 인자",)
    pair = call(sandbox, "view_pair", np.arange(4.0))
    assert pair.shared == ("1번째 인자",) and pair.value[0].tolist() == [0.0, 2.0]
    assert isinstance(call(sandbox, "copied", np.arange(4.0)), np.ndarray)


def test_a_batch_reports_each_call_and_a_reported_call_is_never_same(sandbox: Sandbox) -> None:
    calls = [("honest", (np.ones(2),), {}), ("shift", (np.ones(2),), {}), ("naive_sigmoid", (np.array([-800.0]),), {}),
             ("same", (np.ones(2),), {})]
    foreseen = [(True, np.ones(2) * 2), (True, 0.0), (True, np.array([0.0])), (True, np.ones(2))]
    batch = encode_batch("s", calls, sandbox.limits.value_bytes, foreseen)
    with sandbox.open_student({"s.py": SOURCE}) as worker:
        results = worker.run_batch(batch, observe=True)
        plain = worker.run_batch(batch)
    assert results[0] is SAME
    assert isinstance(results[1], Observed) and results[1].mutated == ("1번째 인자",) and results[1].value == 0.0
    assert isinstance(results[2], Observed) and results[2].warnings[0][0].startswith("RuntimeWarning: overflow")
    assert isinstance(results[3], Observed) and results[3].shared == ("1번째 인자",)
    assert plain[0] is SAME and plain[1] == 0.0 and isinstance(plain[3], np.ndarray)


@pytest.mark.parametrize("header", [
    {"mutated": "1번째 인자"}, {"mutated": [1]}, {"warnings": ["text"]}, {"warnings": [{"lineno": 3}]},
    {"shared": {"x": 1}},
])
def test_malformed_notes_are_refused(header: dict) -> None:
    assert _notes(header) is None


def test_notes_are_bounded_and_sanitised() -> None:
    mutated, warned, shared = _notes({"mutated": ["a\x1b[31m"] * 50, "warnings": [{"text": "w", "lineno": -4}],
                                      "shared": []})
    assert len(mutated) == 8 and mutated[0] == "a?[31m"
    assert warned == (("w", None),) and shared == ()
