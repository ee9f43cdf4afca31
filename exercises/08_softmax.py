"""08 소프트맥스(softmax)와 예측 클래스

k개 클래스의 점수(로짓) z = (z_1, …, z_k)를 합이 1인 확률로 바꿉니다.

    softmax(z)_i = exp(z_i) / Σ_j exp(z_j)

그대로 계산하면 z가 크면(예: 1000) exp가 넘쳐(inf) inf/inf = NaN이 됩니다. 모든 z에서 같은 수를 빼도
결과는 같으므로, 계산할 축마다 최댓값 m = max_j z_j를 빼고 계산합니다 (가장 큰 지수가 exp(0) = 1이 되어
넘치지 않음):

    softmax(z)_i = exp(z_i − m) / Σ_j exp(z_j − m)

로그 확률은 softmax 뒤에 log를 취하면 아주 작은 확률이 0으로 언더플로되어 log(0) = −inf가 되므로
직접 계산합니다:

    log_softmax(z)_i = (z_i − m) − log Σ_j exp(z_j − m)

softmax와 log_softmax는 어떤 z에서도 NaN이나 경고(RuntimeWarning) 없이 계산해야 합니다.

예측 클래스는 확률이 가장 큰 클래스, 곧 argmax입니다 (softmax는 순서를 바꾸지 않으므로 로짓의 argmax와 같음).

입력 z는 실수 배열(1차원 (k,) 또는 2차원 (n, k) 등)이고, axis(기본 −1, 마지막 축)를 따라 계산합니다.
결과 확률과 로그 확률은 입력과 같은 모양의 float64 배열입니다.

예: softmax(np.array([1.0, 2.0, 3.0])) ≈ [0.0900, 0.2447, 0.6652]
    softmax(np.array([1000.0, 0.0])) = [1.0, 0.0]   (NaN이 아님)
"""

import numpy as np


def softmax(z: np.ndarray, axis: int = -1) -> np.ndarray:
    """axis를 따라 수치적으로 안정한 소프트맥스를 계산합니다. 입력과 같은 모양, axis 방향의 합은 1입니다."""
    # TODO: 위 설명대로 구현하세요. 막히면 'learn hint' 로 힌트를 볼 수 있습니다.
    raise NotImplementedError


def log_softmax(z: np.ndarray, axis: int = -1) -> np.ndarray:
    """axis를 따라 log(softmax(z))를 log(0) 없이 계산합니다: (z − m) − log Σ exp(z − m). 입력과 같은 모양."""
    # TODO: 위 설명대로 구현하세요. 막히면 'learn hint' 로 힌트를 볼 수 있습니다.
    raise NotImplementedError


def predict_class(z: np.ndarray, axis: int = -1) -> np.ndarray:
    """axis를 따라 가장 큰 값의 위치(예측 클래스)를 정수 배열로 반환합니다.

    z는 2차원 이상(예: 샘플 n개의 점수 (n, k))이고, 결과의 모양은 입력에서 axis를 뺀 것입니다: (n, k) → (n,).
    예: predict_class(np.array([[0.1, 2.0, -1.0], [3.0, 0.0, 0.5]])) → array([1, 0])
    """
    # TODO: 위 설명대로 구현하세요. 막히면 'learn hint' 로 힌트를 볼 수 있습니다.
    raise NotImplementedError
