"""Common numpy errors raised in the learner's code get a Korean explanation with the usual fix,
in learner mode (the exception object is here) and in grading mode (only "Name: text" and the
line number cross the sandbox), with the same wording."""

from __future__ import annotations

import numpy as np
import pytest

from grader.engine import failures
from grader.engine.student import ModuleStudent, StudentError, load_learner_module
from grader.grading.sandboxed import failure_from_sandbox
from grader.sandbox import Limits, Sandbox
from grader.sandbox import errors as sandbox_errors

# learner source line -> a phrase of the explanation it must get
CASES = {
    "keepdims": ("return x - x.max(axis=1)", np.ones((4, 3)), "keepdims=True"),
    "axis": ("return x.sum(axis=1)", np.ones(3), "1차원 배열에는 axis 1이(가) 없습니다"),
    "int-inplace": ("x -= x.mean(); return x", np.arange(3), "int64 배열에 제자리 연산"),
    "uint8": ("return x + 300", np.arange(3, dtype=np.uint8), "uint8 배열에는 300을(를) 담을 수 없습니다"),
    "index": ("return x[len(x)]", np.ones(5), "크기 5인 축 0에서 인덱스 5은(는) 범위(0 … 4) 밖입니다"),
    "too-many": ("return x[0, 1]", np.ones(5), "1차원 배열에 인덱스를 2개 썼습니다"),
    "matmul": ("return x @ x", np.ones((3, 4)), "행렬곱(@, np.dot)의 안쪽 차원이 맞지 않습니다"),
    "dot": ("return np.dot(x, x)", np.ones((3, 4)), "(3,4)와(과) (3,4)의 안쪽 차원이 맞지 않습니다"),
    "negative-power": ("return x ** -1", np.arange(1, 4), "x ** -1.0 또는 1.0 / x"),
    "ambiguous": ("return 1 if x > 0 else 0", np.ones(3), "np.where(조건, a, b)"),
    "empty-max": ("return x.max()", np.ones(0), "빈 배열(원소 0개)의 maximum을(를) 구했습니다"),
}


def _source(line: str) -> str:
    return f"import numpy as np\n\n\ndef f(x):\n    {line}\n"


@pytest.mark.parametrize("name", list(CASES))
def test_learner_mode_explains_with_the_line(tmp_path, name):
    line, argument, phrase = CASES[name]
    path = tmp_path / "08_softmax.py"
    path.write_text(_source(line), encoding="utf-8")
    student = ModuleStudent(load_learner_module(path, "exercises/08_softmax.py"), "08_softmax.py")
    with pytest.raises(StudentError) as error:
        student.call("f", (argument,))
    message = error.value.failure.message
    assert f"(08_softmax.py 5번째 줄: {line})" in message
    assert f"\n  {failures.EXPLANATION_PREFIX}" in message and phrase in message


@pytest.fixture(scope="module")
def sandbox():
    with Sandbox(Limits(), call_timeout=2.0) as box:
        yield box


def test_grading_mode_gives_the_same_explanations(sandbox, tmp_path):
    for name, (line, argument, phrase) in CASES.items():
        with sandbox.open_student({"m.py": _source(line).encode()}) as worker:
            with pytest.raises(sandbox_errors.SandboxError) as info:
                worker.call("m", "f", (argument,))
        failure = failure_from_sandbox("f", info.value, 3.0, "08_softmax.py")
        assert "(08_softmax.py 5번째 줄)" in failure.message, name
        assert phrase in failure.message, (name, failure.message)
        explanation = failure.message.split(f"\n  {failures.EXPLANATION_PREFIX}")[1]
        path = tmp_path / f"{name}.py"  # learner mode words it the same way
        path.write_text(_source(line), encoding="utf-8")
        with pytest.raises(StudentError) as error:
            ModuleStudent(load_learner_module(path, path.name), path.name).call("f", (argument,))
        assert error.value.failure.message.endswith(explanation), name


def test_an_unknown_error_gets_no_explanation():
    failure = failures.exception("f", "ValueError", "bad value 5", " (m.py 4번째 줄)")
    assert failure.message == "f을(를) 호출하자 예외가 났습니다: ValueError: bad value 5 (m.py 4번째 줄)"
    assert failures.numpy_explanation("KeyError", "operands could not be broadcast together with shapes (2,) (3,)") == ""


def test_a_broadcast_error_names_the_shapes():
    text = "operands could not be broadcast together with shapes (4,3) (4,) "
    assert "모양 (4,3), (4,)인 배열끼리는" in failures.numpy_explanation("ValueError", text.strip())
