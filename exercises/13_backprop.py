"""13 순전파와 역전파: 2층 신경망의 기울기

입력 x에서 은닉층 하나를 거쳐 출력 ŷ를 만드는 2층 신경망과 평균 제곱 오차(MSE) 손실입니다.

    순전파   z1 = x · W1 + b1          모양 (n, h)
             a1 = f(z1)                 f는 'sigmoid' 또는 'relu'
             ŷ  = a1 · W2 + b2          모양 (n, k)   (출력층은 활성화 함수 없음)
             L  = mean((ŷ − y)²)        n·k개 원소 전체의 평균 (Keras의 'mse'와 같음)

    역전파 (연쇄 법칙, 출력층에서 입력층 방향으로)
             dŷ  = 2 (ŷ − y) / (n·k)
             dW2 = a1ᵀ · dŷ             db2 = dŷ를 배치 축(axis 0)으로 더한 것
             da1 = dŷ · W2ᵀ
             dz1 = da1 ⊙ f'(z1)         sigmoid: f'(z1) = a1 (1 − a1),  relu: f'(z1) = 1 (z1 > 0), 0 (그 밖)
             dW1 = xᵀ · dz1             db1 = dz1을 배치 축으로 더한 것

시그모이드는 가중합 z1이 아주 커도(예: ±800, e^800은 넘침) NaN이나 경고(RuntimeWarning) 없이 계산해야 합니다.

모양: x (n, d), W1 (d, h), b1 (h,), W2 (h, k), b2 (k,), y (n, k).
각 기울기는 해당 매개변수와 같은 모양입니다. 모든 결과는 float64 배열(손실은 float)입니다.

예: n = 1, d = h = k = 1, x = [[1]], W1 = [[0]], b1 = [0], W2 = [[1]], b2 = [0], y = [[0]], sigmoid이면
    a1 = σ(0) = 0.5, ŷ = 0.5, L = 0.25, dŷ = 1, dW2 = [[0.5]], db2 = [1], dz1 = 1 · 1 · 0.25, dW1 = [[0.25]].
"""

import numpy as np


def forward(
    x: np.ndarray, W1: np.ndarray, b1: np.ndarray, W2: np.ndarray, b2: np.ndarray, activation: str = "sigmoid"
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """순전파. (z1, a1, y_hat)을 반환합니다: 은닉층의 가중합, 은닉층의 활성값, 출력.

    activation은 은닉층의 활성화 함수 'sigmoid' 또는 'relu'입니다.
    """
    # TODO: 위 설명대로 구현하세요. 막히면 'learn hint' 로 힌트를 볼 수 있습니다.
    raise NotImplementedError


def mse_loss(y_hat: np.ndarray, y: np.ndarray) -> float:
    """평균 제곱 오차 L = mean((ŷ − y)²). 모든 원소(n·k개)의 평균인 float."""
    # TODO: 위 설명대로 구현하세요. 막히면 'learn hint' 로 힌트를 볼 수 있습니다.
    raise NotImplementedError


def backward(
    x: np.ndarray, y: np.ndarray, W1: np.ndarray, b1: np.ndarray, W2: np.ndarray, b2: np.ndarray,
    activation: str = "sigmoid",
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """손실 L = mean((ŷ − y)²)의 기울기 (dW1, db1, dW2, db2)를 반환합니다.

    각 기울기는 W1, b1, W2, b2와 같은 모양입니다. 순전파를 먼저 하고 위의 역전파 식을 따르세요.
    """
    # TODO: 위 설명대로 구현하세요. 막히면 'learn hint' 로 힌트를 볼 수 있습니다.
    raise NotImplementedError
