"""03 분류 결정 임계값(threshold)

로지스틱 회귀처럼 양성일 확률 p를 내는 모델의 출력을 0/1 레이블로 바꿉니다.
이 과정에서는 p가 임계값 이상(p ≥ threshold)이면 양성(1), 아니면 음성(0)으로 정합니다
(scikit-learn의 roc_curve와 같은 규칙). 임계값을 낮추면 양성으로 예측되는 샘플은
줄어들지 않고 늘어나거나 그대로입니다.

입력 probabilities는 0~1 사이 실수의 1차원 배열(모양 (n,))입니다.
"""

import numpy as np


def apply_threshold(probabilities: np.ndarray, threshold: float = 0.5) -> np.ndarray:
    """p ≥ threshold이면 1, 아니면 0인 정수 배열(모양 (n,), 정수 dtype)을 반환합니다.

    예: apply_threshold(np.array([0.2, 0.5, 0.9]), 0.5) → array([0, 1, 1])
    """
    # BEGIN SOLUTION
    return (np.asarray(probabilities) >= threshold).astype(np.int64)
    # END SOLUTION


def count_positive_predictions(probabilities: np.ndarray, thresholds: np.ndarray) -> np.ndarray:
    """임계값마다 양성(1)으로 예측되는 샘플 수를 세어 정수 배열(모양 (k,))로 반환합니다.

    thresholds는 모양 (k,)의 배열이고, 결과의 i번째 값은 thresholds[i]를 쓸 때의 양성 예측 수입니다.
    예: count_positive_predictions(np.array([0.2, 0.5, 0.9]), np.array([0.1, 0.5, 0.95])) → array([3, 2, 0])
    """
    # BEGIN SOLUTION
    p = np.asarray(probabilities)
    return np.array([int(np.sum(p >= t)) for t in np.asarray(thresholds)], dtype=np.int64)
    # END SOLUTION
