"""Check for 07_one_hot: labels to a one-hot matrix (n, k) with k given or max + 1, ValueError for
labels outside 0 … k − 1, and back with argmax along each row.

Tolerances: none. One-hot matrices hold only 0 and 1 and are compared exactly (any real or
integer dtype is accepted, a bool matrix is not); recovered labels are integers, compared exactly.
"""

import numpy as np
import pytest

from grader.engine.results import FailureKind
from grader.engine.student import StudentError
from grader.engine.verdict import Array, Mistake, compare, expect

ONE_HOT = Array(rtol=0.0, atol=0.0)
LABELS = Array(kind="int")


def _one_hot(labels, k):
    out = np.zeros((len(labels), k))
    out[np.arange(len(labels)), labels] = 1.0
    return out


def _k(labels, num_classes):
    return int(np.max(labels)) + 1 if num_classes is None else num_classes


TO_MISTAKES = (
    Mistake("등장한 클래스만 열로 만들었습니다 (np.unique로 번호를 다시 매김). 클래스 번호가 곧 열 번호이고, "
            "등장하지 않은 클래스도 열이 있어야 합니다.",
            lambda labels, num_classes=None: _one_hot(np.unique(labels, return_inverse=True)[1], len(np.unique(labels))), id="relabel-with-unique"),
    Mistake("num_classes 인자를 무시하고 항상 최댓값 + 1을 썼습니다.",
            lambda labels, num_classes=None: _one_hot(np.asarray(labels), int(np.max(labels)) + 1), id="num-classes-ignored"),
    Mistake("결과의 모양이 (num_classes, n)입니다 (전치됨). 한 행이 한 샘플인 (n, num_classes)이어야 합니다.",
            lambda labels, num_classes=None: _one_hot(np.asarray(labels), _k(labels, num_classes)).T, id="transposed-result"),
    Mistake("레이블을 1부터 센다고 보고 1을 뺐습니다. 이 과정의 클래스 번호는 0부터 시작합니다.",
            lambda labels, num_classes=None: _one_hot(np.asarray(labels) - 1, _k(labels, num_classes)), id="labels-from-one"),
)

FROM_MISTAKES = (
    Mistake("argmax를 열 방향(axis=0)으로 했습니다. 샘플마다(행마다) 고르려면 axis=1입니다.",
            lambda one_hot: np.argmax(np.asarray(one_hot), axis=0), id="argmax-axis-0"),
    Mistake("argmax 대신 max를 썼습니다: 1이 있는 '자리'(열 번호)가 아니라 값 1을 반환합니다.",
            lambda one_hot: np.max(np.asarray(one_hot), axis=1).astype(int), id="max-instead-of-argmax"),
)

TO_CASES = {
    "기본 예: 3개 클래스, num_classes 줌": (np.array([2, 0, 1]), 3),
    "num_classes 생략 (최댓값 + 1)": (np.array([0, 2, 1, 2]), None),
    "등장하지 않는 클래스가 있음": (np.array([0, 3, 3, 1]), None),
    "num_classes가 최댓값 + 1보다 큼": (np.array([1, 0, 1]), 5),
    "샘플 하나": (np.array([4]), None),
    "모두 같은 클래스": (np.array([1, 1, 1]), 2),
    "열이 행보다 많음": (np.array([5, 2]), 7),
    "행과 열의 수가 같음": (np.array([1, 2, 0]), 3),
    "레이블 없음 (n = 0), num_classes = 4 → 모양 (0, 4)": (np.array([], dtype=np.int64), 4),
    "uint8 레이블": (np.array([3, 0, 2, 3], dtype=np.uint8), None),
    "uint8 레이블 255 (255 + 1이 uint8에서 0으로 넘침)": (np.array([255, 0, 7], dtype=np.uint8), None),
}


@pytest.mark.parametrize("case", list(TO_CASES))
def test_to_one_hot_edge_cases(student, reference, case):
    """to_one_hot: 정해진 경우들"""
    labels, num_classes = TO_CASES[case]
    kwargs = {} if num_classes is None else {"num_classes": num_classes}
    compare(student, reference, "to_one_hot", (labels,), kwargs, case=case, spec=ONE_HOT, mistakes=TO_MISTAKES)


def test_to_one_hot_random(student, reference, rng):
    """to_one_hot: 무작위 레이블"""
    for trial in range(20):
        n, k = int(rng.integers(1, 40)), int(rng.integers(2, 12))
        labels = rng.integers(0, k, n)
        num_classes = None if trial % 2 else k
        kwargs = {} if num_classes is None else {"num_classes": num_classes}
        compare(student, reference, "to_one_hot", (labels,), kwargs,
                case=f"무작위 입력 {trial + 1}번째 (n={n}, num_classes={num_classes})", spec=ONE_HOT, mistakes=TO_MISTAKES)


@pytest.mark.parametrize("labels, num_classes", [([0, 3, 1], 3), ([0, 5], 2), ([-1, 0, 1], 3), ([2, -2], None),
                                                     ([0, 1], 0)])
def test_to_one_hot_rejects_bad_labels(student, labels, num_classes):
    """to_one_hot: 범위 밖 레이블은 ValueError"""
    labels = np.array(labels)
    case = f"labels = {labels.tolist()}, num_classes = {num_classes}"
    try:
        result = student.call("to_one_hot", (labels,), {"num_classes": num_classes})
    except StudentError as error:
        if error.failure.exception == "ValueError":
            return
        if error.failure.kind is not FailureKind.EXCEPTION:
            raise
        expect(False, "to_one_hot", case, error.failure.message,
               "범위 밖 레이블이면 직접 검사해서 raise ValueError(...)를 내야 합니다 (다른 예외가 아니라).")
        return
    negative = " 음수 레이블은 numpy 인덱싱에서 뒤에서부터 세는 번호가 되어 조용히 틀린 열에 1이 찍힙니다." if labels.min() < 0 else ""
    expect(False, "to_one_hot", case,
           f"ValueError를 내야 하는데 {type(result).__name__} 값을 반환했습니다.{negative}",
           "레이블이 0 이상 num_classes 미만인지 검사하고 아니면 raise ValueError(...)를 하세요.")


FROM_CASES = {
    "기본 예": np.array([[0.0, 0.0, 1.0], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]),
    "행이 열보다 많음": np.array([[0.0, 1.0], [1.0, 0.0], [0.0, 1.0], [0.0, 1.0]]),
    "열이 행보다 많음": np.array([[0, 0, 0, 1, 0], [0, 1, 0, 0, 0]]),
    "샘플 하나": np.array([[0.0, 0.0, 0.0, 1.0]]),
}


@pytest.mark.parametrize("case", list(FROM_CASES))
def test_from_one_hot_edge_cases(student, reference, case):
    """from_one_hot: 정해진 경우들"""
    compare(student, reference, "from_one_hot", (FROM_CASES[case],), case=case, spec=LABELS, mistakes=FROM_MISTAKES)


def test_round_trip(student, reference, rng):
    """왕복: from_one_hot(to_one_hot(labels))는 labels와 같음"""
    for trial in range(10):
        n, k = int(rng.integers(1, 50)), int(rng.integers(2, 10))
        labels = rng.integers(0, k, n)
        one_hot = student.call("to_one_hot", (labels.copy(),), {"num_classes": k})
        problems = ONE_HOT.problems(one_hot, reference.to_one_hot(labels, k))
        expect(not problems, "to_one_hot", f"왕복 {trial + 1}번째 (n={n}, k={k})", *problems)
        compare(student, reference, "from_one_hot", (reference.to_one_hot(labels, k),),
                case=f"왕복 {trial + 1}번째 (n={n}, k={k})", spec=LABELS, mistakes=FROM_MISTAKES)
