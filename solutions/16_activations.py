"""16 활성화 함수와 기울기 소실

은닉층에서 자주 쓰는 세 활성화 함수와 그 도함수를 구현하고, 시그모이드를 여러 층 쌓으면
역전파되는 기울기가 얼마나 빨리 작아지는지(기울기 소실) 계산합니다.

    시그모이드   σ(x) = 1 / (1 + e^(−x))          σ'(x) = σ(x) · (1 − σ(x))      (최댓값 σ'(0) = 0.25)
    ReLU         relu(x) = max(0, x)              relu'(x) = 1 (x > 0), 0 (x ≤ 0)
    Leaky ReLU   x (x > 0), α·x (x ≤ 0)           도함수 = 1 (x > 0), α (x ≤ 0)

x = 0에서의 도함수는 위와 같이 정합니다 (PyTorch의 자동 미분과 같은 약속). Leaky ReLU의 α 기본값은
PyTorch와 같은 0.01입니다 (Keras의 LeakyReLU 기본값은 0.3이니 주의).

수치 안정성: 시그모이드는 x = −1000이나 1000에서도 NaN이나 경고 없이 0과 1에 가까운 값을 내야 합니다.
e^(−x)를 그대로 계산하면 x = −1000에서 넘칩니다(overflow). x ≥ 0과 x < 0을 나누어 계산하거나
σ(x) = ½(1 + tanh(x/2))를 쓰세요.

기울기 소실: 가중치 1, 편향 0인 시그모이드 층을 n개 쌓은 a_0 = x, a_k = σ(a_(k−1))에서
연쇄 법칙으로
    d a_n / d x = σ'(a_0) · σ'(a_1) · … · σ'(a_(n−1))
각 인수가 0.25 이하이므로 이 값은 0.25ⁿ 이하입니다 (n = 10이면 약 9.5 × 10⁻⁷).

입력은 임의 모양의 실수 배열이고, 결과는 같은 모양의 float 배열입니다 (마지막 함수만 float).
"""

import numpy as np


def sigmoid(x: np.ndarray) -> np.ndarray:
    """시그모이드 σ(x) = 1 / (1 + e^(−x)). 큰 |x|에서도 넘치지 않게 계산합니다."""
    # BEGIN SOLUTION
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(-np.abs(x))  # 항상 0 < e ≤ 1: 넘치지 않음
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    # END SOLUTION


def sigmoid_derivative(x: np.ndarray) -> np.ndarray:
    """시그모이드의 도함수 σ'(x) = σ(x)(1 − σ(x)). 입력 x에서의 값입니다 (σ(x)를 받는 것이 아님)."""
    # BEGIN SOLUTION
    e = np.exp(-np.abs(np.asarray(x, dtype=np.float64)))
    return e / (1.0 + e) ** 2  # = σ(x)(1 − σ(x)), 큰 |x|에서도 상대 오차가 작은 형태
    # END SOLUTION


def relu(x: np.ndarray) -> np.ndarray:
    """ReLU max(0, x)."""
    # BEGIN SOLUTION
    return np.maximum(np.asarray(x, dtype=np.float64), 0.0)
    # END SOLUTION


def relu_derivative(x: np.ndarray) -> np.ndarray:
    """ReLU의 도함수: x > 0이면 1.0, x ≤ 0이면 0.0 (x = 0에서 0)."""
    # BEGIN SOLUTION
    return (np.asarray(x) > 0).astype(np.float64)
    # END SOLUTION


def leaky_relu(x: np.ndarray, alpha: float = 0.01) -> np.ndarray:
    """Leaky ReLU: x > 0이면 x, 아니면 alpha · x."""
    # BEGIN SOLUTION
    x = np.asarray(x, dtype=np.float64)
    return np.where(x > 0, x, alpha * x)
    # END SOLUTION


def leaky_relu_derivative(x: np.ndarray, alpha: float = 0.01) -> np.ndarray:
    """Leaky ReLU의 도함수: x > 0이면 1.0, x ≤ 0이면 alpha (x = 0에서 alpha)."""
    # BEGIN SOLUTION
    return np.where(np.asarray(x) > 0, 1.0, float(alpha))
    # END SOLUTION


def sigmoid_chain_gradient(x: np.ndarray, n_layers: int) -> np.ndarray:
    """시그모이드 n_layers개를 쌓은 a_n = σ(σ(…σ(x)))의 도함수 d a_n / d x (x와 같은 모양).

    a_0 = x에서 시작해 층마다 σ'(a_(k−1))를 곱합니다. n_layers = 0이면 모두 1.0입니다.
    """
    # BEGIN SOLUTION
    a = np.asarray(x, dtype=np.float64)
    grad = np.ones_like(a)
    for _ in range(n_layers):
        grad = grad * sigmoid_derivative(a)
        a = sigmoid(a)
    return grad
    # END SOLUTION


def max_sigmoid_chain_gradient(n_layers: int) -> float:
    """n_layers개의 시그모이드 층을 지난 기울기의 상한 0.25 ** n_layers (float)."""
    # BEGIN SOLUTION
    return 0.25 ** n_layers
    # END SOLUTION
