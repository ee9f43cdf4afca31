"""Shared fixtures: one Sandbox for the whole sandbox test session (its fork server is reused)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from grader.sandbox import Limits, Sandbox

IS_ROOT = os.geteuid() == 0


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(Limits(), call_timeout=2.0) as box:
        yield box


@pytest.fixture
def honest_check(sandbox: Sandbox):
    """After a hostile student, an honest one in the same Sandbox must still get correct results."""

    def check() -> None:
        import numpy as np

        source = b"import numpy as np\ndef honest(x):\n    return bool(np.allclose(x, x + 1)), x * 2\n"
        with sandbox.open_student({"honest.py": source}) as worker:
            close, doubled = worker.call("honest", "honest", (np.arange(4.0),))
        assert close is False
        np.testing.assert_array_equal(doubled, np.arange(4.0) * 2)

    return check
