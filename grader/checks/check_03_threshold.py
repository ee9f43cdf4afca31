"""Check for 03_threshold: probabilities to labels with `p >= threshold`, and positive counts.

Tolerances: none. Labels and counts are integers and compared exactly.
"""

import numpy as np
import pytest

from grader.engine.verdict import Array, Mistake, compare

LABELS = Array(kind="int")

THRESHOLD_MISTAKES = (
    Mistake("임계값과 같은 확률을 음성으로 처리했습니다 (>= 대신 > 를 씀). 이 과정에서는 p ≥ threshold이면 양성입니다.",
            lambda p, t=0.5: (np.asarray(p) > t).astype(int), id="gt-instead-of-ge"),
    Mistake("비교 방향이 반대입니다: 임계값보다 '낮은' 확률을 양성으로 예측했습니다.",
            lambda p, t=0.5: (np.asarray(p) < t).astype(int), id="lt-instead-of-ge"),
    Mistake("임계값 인자를 무시하고 항상 0.5를 썼습니다.",
            lambda p, t=0.5: (np.asarray(p) >= 0.5).astype(int), id="threshold-ignored"),
)

COUNT_MISTAKES = (
    Mistake("임계값과 같은 확률을 세지 않았습니다 (>= 대신 > 를 씀).",
            lambda p, ts: np.array([np.sum(np.asarray(p) > t) for t in ts]), id="count-gt-instead-of-ge"),
    Mistake("양성이 아니라 음성으로 예측되는 샘플 수를 셌습니다.",
            lambda p, ts: np.array([np.sum(np.asarray(p) < t) for t in ts]), id="count-negatives"),
)

EDGE_CASES = {
    "기본 임계값 0.5": (np.array([0.1, 0.4, 0.6, 0.95]), 0.5),
    "확률이 임계값과 정확히 같음": (np.array([0.3, 0.5, 0.7, 0.5]), 0.5),
    "임계값 0.3으로 낮춤": (np.array([0.1, 0.25, 0.3, 0.45, 0.8]), 0.3),
    "임계값 0.9로 높임": (np.array([0.1, 0.5, 0.89, 0.9, 0.99]), 0.9),
    "원소 하나": (np.array([0.75]), 0.8),
    "모두 0 또는 1": (np.array([0.0, 1.0, 0.0, 1.0]), 0.5),
    "임계값 0 (확률 0도 양성)": (np.array([0.0, 0.3, 1.0, 0.0]), 0.0),
    "임계값 1 (확률 1만 양성)": (np.array([0.2, 0.99, 1.0, 0.999999]), 1.0),
    "임계값보다 아주 조금 작은 확률 (0.5 − 10⁻¹², float32로는 0.5)": (np.array([0.5 - 1e-12, 0.5, 0.5 + 1e-12]), 0.5),
}


@pytest.mark.parametrize("case", list(EDGE_CASES))
def test_apply_threshold_edge_cases(student, reference, case):
    """apply_threshold: 경계값과 임계값 변화"""
    probabilities, threshold = EDGE_CASES[case]
    compare(student, reference, "apply_threshold", (probabilities, threshold),
            case=case, spec=LABELS, mistakes=THRESHOLD_MISTAKES)


def test_apply_threshold_default_argument(student, reference):
    """apply_threshold: threshold를 생략하면 0.5"""
    compare(student, reference, "apply_threshold", (np.array([0.2, 0.5, 0.51, 0.49]),),
            case="threshold 인자 생략", spec=LABELS, mistakes=THRESHOLD_MISTAKES)


def test_apply_threshold_random(student, reference, rng):
    """apply_threshold: 무작위 확률과 임계값"""
    for trial in range(25):
        n = int(rng.integers(1, 60))
        probabilities = np.round(rng.random(n), 2)
        threshold = float(np.round(rng.random(), 2))
        compare(student, reference, "apply_threshold", (probabilities, threshold),
                case=f"무작위 입력 {trial + 1}번째 (n={n}, threshold={threshold})",
                spec=LABELS, mistakes=THRESHOLD_MISTAKES)


def test_count_positive_predictions(student, reference):
    """count_positive_predictions: 임계값을 낮추면 양성 예측이 늘어남"""
    probabilities = np.array([0.05, 0.2, 0.35, 0.5, 0.5, 0.65, 0.8, 0.95])
    thresholds = np.array([0.9, 0.7, 0.5, 0.3, 0.1])
    compare(student, reference, "count_positive_predictions", (probabilities, thresholds),
            case="임계값 0.9 → 0.1", spec=LABELS, mistakes=COUNT_MISTAKES)


def test_count_positive_predictions_many(student, reference):
    """count_positive_predictions: 확률 300개 (개수가 255를 넘음)"""
    probabilities = np.linspace(0.0, 1.0, 300)
    thresholds = np.array([0.0, 0.1, 0.5, 0.95])
    compare(student, reference, "count_positive_predictions", (probabilities, thresholds),
            case="확률 300개: 개수가 uint8의 범위(255)를 넘음", spec=LABELS, mistakes=COUNT_MISTAKES)


def test_count_positive_predictions_random(student, reference, rng):
    """count_positive_predictions: 무작위 확률과 임계값 목록"""
    for trial in range(10):
        probabilities = np.round(rng.random(int(rng.integers(1, 80))), 2)
        thresholds = np.round(np.sort(rng.random(int(rng.integers(1, 8)))), 2)
        compare(student, reference, "count_positive_predictions", (probabilities, thresholds),
                case=f"무작위 입력 {trial + 1}번째", spec=LABELS, mistakes=COUNT_MISTAKES)
