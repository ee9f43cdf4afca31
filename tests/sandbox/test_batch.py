"""Encoded batches: a reply is reported as SAME only when it is byte for byte the foreseen one."""

from __future__ import annotations

import numpy as np
import pytest

from grader.sandbox import SAME, BatchInterrupted, Sandbox, SandboxError, encode_batch

SOURCE = b"""import numpy as np
def echo(x):
    return x.copy() if isinstance(x, np.ndarray) else x  # returning the argument itself is reported (never SAME)
def as_int(x):
    return int(x)
def negative_zero(x):
    return -0.0
def fortran(x):
    return np.asfortranarray(x)
def boom(x):
    raise ValueError("no")
"""


def test_only_identical_replies_are_same(sandbox: Sandbox) -> None:
    matrix = np.arange(6.0).reshape(2, 3)
    calls = [("echo", (matrix,), {}), ("echo", (1.0,), {}), ("as_int", (1.0,), {}), ("negative_zero", (0.0,), {}),
             ("fortran", (matrix,), {}), ("echo", (np.float32(2.5),), {}), ("boom", (1,), {}), ("echo", (3,), {})]
    foreseen = [(True, matrix.copy()), (True, 1.0), (True, 1.0), (True, 0.0), (True, matrix.copy()),
                (True, np.float64(2.5)), (True, 0), (False, None)]
    batch = encode_batch("student", calls, sandbox.limits.value_bytes, foreseen)
    with sandbox.open_student({"student.py": SOURCE}) as worker:
        results = worker.run_batch(batch)
    assert results[0] is SAME and results[1] is SAME
    assert results[2] == 1 and type(results[2]) is int  # 1 is not 1.0
    assert results[3] == 0.0 and str(results[3]) == "-0.0"  # -0.0 is not 0.0
    np.testing.assert_array_equal(results[4], matrix)  # equal values, other memory order: decoded
    assert results[5] == np.float32(2.5) and results[5].dtype == np.float32
    assert isinstance(results[6], SandboxError) and results[6].kind == "exception"
    assert results[7] == 3


def test_one_batch_serves_many_workers(sandbox: Sandbox) -> None:
    batch = encode_batch("student", [("echo", (np.arange(3),), {})], sandbox.limits.value_bytes,
                         [(True, np.arange(3))])
    for _ in range(3):
        with sandbox.open_student({"student.py": SOURCE}) as worker:
            assert worker.run_batch(batch) == [SAME]


def test_a_batch_stops_at_the_call_that_broke(sandbox: Sandbox) -> None:
    source = b"""def ok(x):
    return x
def hang(x):
    while True:
        pass
def hog(x):
    blocks = []
    while True:
        blocks.append(bytearray(2**24))
"""
    calls = [("ok", (1,), {}), ("hang", (1,), {}), ("ok", (2,), {}), ("hog", (1,), {}), ("ok", (3,), {})]
    batch = encode_batch("student", calls, sandbox.limits.value_bytes)
    with sandbox.open_student({"student.py": source}) as worker:
        with pytest.raises(BatchInterrupted) as first:
            worker.run_batch(batch)
        assert first.value.results == [1] and first.value.error.kind == "timeout"
        with pytest.raises(BatchInterrupted) as second:
            worker.run_batch(batch, only=[2, 3, 4])
        assert second.value.results == [2] and second.value.error.detail.startswith("MemoryError")
        assert worker.run_batch(batch, only=[4]) == [3]
