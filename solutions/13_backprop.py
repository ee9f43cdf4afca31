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


# BEGIN SOLUTION
def _activate(z: np.ndarray, activation: str) -> np.ndarray:
    if activation == "sigmoid":
        e = np.exp(-np.abs(z))  # σ(z)를 큰 |z|에서도 넘치지 않게 계산
        return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    if activation == "relu":
        return np.maximum(z, 0.0)
    raise ValueError(f"알 수 없는 활성화 함수: {activation!r} ('sigmoid' 또는 'relu')")
# END SOLUTION


def forward(
    x: np.ndarray, W1: np.ndarray, b1: np.ndarray, W2: np.ndarray, b2: np.ndarray, activation: str = "sigmoid"
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """순전파. (z1, a1, y_hat)을 반환합니다: 은닉층의 가중합, 은닉층의 활성값, 출력.

    activation은 은닉층의 활성화 함수 'sigmoid' 또는 'relu'입니다.
    """
    # BEGIN SOLUTION
    x, W1, b1, W2, b2 = (np.asarray(a, dtype=np.float64) for a in (x, W1, b1, W2, b2))
    z1 = x @ W1 + b1
    a1 = _activate(z1, activation)
    return z1, a1, a1 @ W2 + b2
    # END SOLUTION


def mse_loss(y_hat: np.ndarray, y: np.ndarray) -> float:
    """평균 제곱 오차 L = mean((ŷ − y)²). 모든 원소(n·k개)의 평균인 float."""
    # BEGIN SOLUTION
    diff = np.asarray(y_hat, dtype=np.float64) - np.asarray(y, dtype=np.float64)
    return float(np.mean(diff**2))
    # END SOLUTION


def backward(
    x: np.ndarray, y: np.ndarray, W1: np.ndarray, b1: np.ndarray, W2: np.ndarray, b2: np.ndarray,
    activation: str = "sigmoid",
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """손실 L = mean((ŷ − y)²)의 기울기 (dW1, db1, dW2, db2)를 반환합니다.

    각 기울기는 W1, b1, W2, b2와 같은 모양입니다. 순전파를 먼저 하고 위의 역전파 식을 따르세요.
    """
    # BEGIN SOLUTION
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    W2 = np.asarray(W2, dtype=np.float64)
    z1, a1, y_hat = forward(x, W1, b1, W2, b2, activation)
    d_yhat = 2.0 * (y_hat - y) / y_hat.size
    dW2 = a1.T @ d_yhat
    db2 = d_yhat.sum(axis=0)
    d_a1 = d_yhat @ W2.T
    if activation == "sigmoid":
        d_z1 = d_a1 * a1 * (1.0 - a1)
    else:
        d_z1 = d_a1 * (z1 > 0)
    dW1 = x.T @ d_z1
    db1 = d_z1.sum(axis=0)
    return dW1, db1, dW2, db2
    # END SOLUTION
