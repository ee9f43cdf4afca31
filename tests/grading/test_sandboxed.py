"""Grading mode words every sandbox failure exactly as learner mode does."""

from __future__ import annotations

import pytest

from grader.engine import failures
from grader.engine.results import FailureKind
from grader.grading.sandboxed import failure_from_sandbox
from grader.sandbox import SandboxError
from grader.sandbox import errors as sandbox_errors


def test_timeout_is_worded_as_in_learner_mode():
    failure = failure_from_sandbox("softmax", sandbox_errors.timeout_error(3.0), 3.0, "08_softmax.py")
    assert failure == failures.timeout("softmax", 3.0)


def test_not_implemented_in_the_worker_is_the_stub_message():
    error = sandbox_errors.exception_error("NotImplementedError", 12)
    assert failure_from_sandbox("softmax", error, 3.0, "08_softmax.py") == failures.not_implemented("softmax")


def test_an_exception_keeps_its_type_and_the_learners_line():
    error = sandbox_errors.exception_error("ValueError: bad shape", 7)
    failure = failure_from_sandbox("softmax", error, 3.0, "08_softmax.py")
    assert failure.kind is FailureKind.EXCEPTION and failure.exception == "ValueError"
    assert failure.message == "softmax을(를) 호출하자 예외가 났습니다: ValueError: bad shape (08_softmax.py 7번째 줄)"


def test_syntax_error_at_import_is_a_load_failure_with_the_line():
    error = sandbox_errors.import_error("08_softmax", "SyntaxError: invalid syntax", 3)
    failure = failure_from_sandbox("softmax", error, 3.0, "08_softmax.py")
    assert failure.kind is FailureKind.LOAD_ERROR
    assert "3번째 줄에 문법 오류" in failure.message


@pytest.mark.parametrize("error, kind", [
    (sandbox_errors.crash_error({"exit": 128 + 9}, 10), FailureKind.CRASH),
    (sandbox_errors.crash_error({"exit": 3}, 10), FailureKind.EXIT),
    (sandbox_errors.missing_function_error("08_softmax", "softmax"), FailureKind.MISSING_FUNCTION),
    (sandbox_errors.bad_output_error("too_large", "ndarray"), FailureKind.BAD_OUTPUT),
    (SandboxError("setup", "실행 환경을 준비하지 못했습니다: x"), FailureKind.SETUP),
])
def test_every_sandbox_kind_maps_to_one_failure_kind(error, kind):
    assert failure_from_sandbox("softmax", error, 3.0, "08_softmax.py").kind is kind


def test_a_workers_notes_keep_only_labels_of_arguments_really_sent():
    from types import SimpleNamespace

    import numpy as np

    from grader.engine.student import CallNotes
    from grader.grading.ledger import Ledger
    from grader.grading.sandboxed import SandboxStudent
    from grader.sandbox import Observed

    plan = SimpleNamespace(exercise=SimpleNamespace(id="08_softmax", filename="08_softmax.py"), calls={})
    student = SandboxStudent(None, plan, 3.0, Ledger(10.0))
    observed = Observed(np.zeros(2), mutated=("1번째 인자", "3번째 인자", "<script>"), shared=("axis", "z"),
                        warnings=(("RuntimeWarning: overflow encountered in exp", 7), ("RuntimeWarning: x", None)))
    notes = student._notes(observed, (np.ones(2),), {"axis": np.ones(2)})
    assert notes == CallNotes(mutated=("1번째 인자",), shared=("axis",),
                              warnings=("RuntimeWarning: overflow encountered in exp (08_softmax.py 7번째 줄)",
                                        "RuntimeWarning: x"))
