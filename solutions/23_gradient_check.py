"""23 기울기 검사(gradient check): 수치 미분으로 역전파 확인하기

13에서 연쇄 법칙으로 구한 기울기(해석적 기울기)는 식 하나만 틀려도 학습이 조용히 망가집니다.
기울기 검사는 미분의 정의로 돌아가, 손실 함수 값만으로 기울기를 어림한 뒤(수치 미분) 둘을 비교합니다.

중앙 차분(central difference): 매개변수 배열 w의 원소 하나 w_i만 h만큼 올리고 내려서

    ∂L/∂w_i ≈ ( L(w + h·e_i) − L(w − h·e_i) ) / (2h)         (e_i: i번째 원소만 1인 배열)

를 w의 모든 원소에 대해 구합니다. 한쪽으로만 움직이는 전진 차분 (L(w + h·e_i) − L(w)) / h는 오차가
h에 비례하지만, 중앙 차분의 오차는 h²에 비례합니다 (손실이 이차식이면 반올림 오차를 빼면 정확합니다).
원소 하나를 바꿔 손실을 잰 뒤에는 반드시 원래 값으로 되돌려야 다음 원소의 계산이 맞습니다.
입력 배열 w 자체를 바꾸지 말고 복사본을 쓰세요.

상대 오차: 두 기울기 a(해석적), b(수치)를 원소마다

    rel = |a − b| / max(|a|, |b|, tiny)

로 비교합니다. 기울기의 크기와 상관없이 '몇 자리까지 같은가'를 보는 값입니다. a와 b가 모두 0이면 0으로
나누지 않도록 tiny(기본 1e-12)를 분모의 하한으로 씁니다 (그때 rel = 0). float64, h = 1e-5에서
올바른 역전파의 rel은 보통 1e-7보다 작고, 식이 틀리면 1e-2 이상이 나옵니다.

함수를 인자로 받지 않는 이유: 채점할 때 학습자의 코드는 따로 떨어진 프로세스에서 실행되고, 그 경계를
넘는 것은 배열과 숫자 같은 데이터뿐입니다. 그래서 손실 함수는 이 파일에 미리 구현된 두 함수
linear_loss와 network_loss 중에서 고르고, 학습자는 그것을 불러 수치 미분을 구합니다. (내부에서는
f(w) -> float를 받는 도우미 함수를 스스로 만들어 여러 곳에서 써도 좋습니다.)

모양: 기울기는 매개변수와 같은 모양의 float64 배열입니다. 13의 신경망은
x (n, d), W1 (d, h), b1 (h,), W2 (h, k), b2 (k,), y (n, k)이고, 손실은 mean((ŷ − y)²)입니다.

예: linear_loss('mse', w, x, y)에서 x = [[1, 2], [3, 4]], y = [1, 2], w = [0.5, −0.5]이면
    ŷ = [−0.5, −0.5], 기울기 = 2/n · xᵀ(ŷ − y) = [−9, −13]이고, numeric_gradient도 (반올림 오차 안에서) 같습니다.
    relative_error([1, 2, 0], [1, 1, 0]) = [0, 0.5, 0]
"""

import numpy as np


def linear_loss(loss: str, w: np.ndarray, x: np.ndarray, y: np.ndarray) -> float:
    """(미리 구현됨) 선형 모델 z = x · w의 손실을 float로 반환합니다.

    loss = 'mse': mean((z − y)²)
    loss = 'bce': 로지스틱 회귀의 이진 크로스 엔트로피 mean(log(1 + e^z) − y · z)
                  (= −mean(y log σ(z) + (1 − y) log(1 − σ(z))), y는 0 또는 1)
    w는 모양 (d,) 또는 (d, k), x는 (n, d), y는 x · w와 같은 모양입니다.
    """
    z = np.asarray(x, dtype=np.float64) @ np.asarray(w, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if loss == "mse":
        return float(np.mean((z - y) ** 2))
    if loss == "bce":
        return float(np.mean(np.logaddexp(0.0, z) - y * z))
    raise ValueError(f"loss는 'mse' 또는 'bce'여야 합니다: {loss!r}")


def network_loss(
    x: np.ndarray, y: np.ndarray, W1: np.ndarray, b1: np.ndarray, W2: np.ndarray, b2: np.ndarray,
    activation: str = "sigmoid",
) -> float:
    """(미리 구현됨) 13의 2층 신경망 손실 mean((ŷ − y)²)를 float로 반환합니다.

    z1 = x · W1 + b1, a1 = sigmoid(z1) 또는 relu(z1), ŷ = a1 · W2 + b2.
    """
    x, y, W1, b1, W2, b2 = (np.asarray(a, dtype=np.float64) for a in (x, y, W1, b1, W2, b2))
    z1 = x @ W1 + b1
    if activation == "sigmoid":
        e = np.exp(-np.abs(z1))
        a1 = np.where(z1 >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    elif activation == "relu":
        a1 = np.maximum(z1, 0.0)
    else:
        raise ValueError(f"activation은 'sigmoid' 또는 'relu'여야 합니다: {activation!r}")
    return float(np.mean((a1 @ W2 + b2 - y) ** 2))


# BEGIN SOLUTION
def _central_differences(f, w: np.ndarray, h: float) -> np.ndarray:
    """∂f/∂w by central differences, one element at a time, on a float64 copy of w."""
    w = np.array(w, dtype=np.float64)
    grad = np.zeros_like(w)
    for index in np.ndindex(w.shape):
        original = w[index]
        w[index] = original + h
        plus = f(w)
        w[index] = original - h
        minus = f(w)
        w[index] = original
        grad[index] = (plus - minus) / (2 * h)
    return grad
# END SOLUTION


def relative_error(a: np.ndarray, b: np.ndarray, tiny: float = 1e-12) -> np.ndarray:
    """원소마다 |a − b| / max(|a|, |b|, tiny)를 구해 a와 같은 모양의 float64 배열로 반환합니다.

    a와 b는 같은 모양입니다. 예: relative_error([1, 2, 0], [1, 1, 0]) → [0, 0.5, 0]
    """
    # BEGIN SOLUTION
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    return np.abs(a - b) / np.maximum(np.maximum(np.abs(a), np.abs(b)), tiny)
    # END SOLUTION


def numeric_gradient(loss: str, w: np.ndarray, x: np.ndarray, y: np.ndarray, h: float = 1e-5) -> np.ndarray:
    """linear_loss(loss, w, x, y)의 w에 대한 기울기를 중앙 차분으로 구합니다.

    w의 원소마다 (linear_loss(loss, w + h·e_i, x, y) − linear_loss(loss, w − h·e_i, x, y)) / (2h).
    반환값은 w와 같은 모양의 float64 배열이고, 인자 w는 바뀌지 않아야 합니다.
    """
    # BEGIN SOLUTION
    return _central_differences(lambda v: linear_loss(loss, v, x, y), w, h)
    # END SOLUTION


def network_numeric_gradients(
    x: np.ndarray, y: np.ndarray, W1: np.ndarray, b1: np.ndarray, W2: np.ndarray, b2: np.ndarray,
    activation: str = "sigmoid", h: float = 1e-5,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """network_loss의 네 매개변수에 대한 수치 기울기 (dW1, db1, dW2, db2)를 중앙 차분으로 구합니다.

    매개변수 하나를 미분할 때 나머지 셋은 그대로 둡니다. 각 기울기는 해당 매개변수와 같은 모양입니다.
    """
    # BEGIN SOLUTION
    params = [W1, b1, W2, b2]
    grads = []
    for position, value in enumerate(params):
        def loss(v, position=position):
            changed = list(params)
            changed[position] = v
            return network_loss(x, y, *changed, activation=activation)
        grads.append(_central_differences(loss, value, h))
    return tuple(grads)
    # END SOLUTION


def gradient_check(
    analytic: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
    x: np.ndarray, y: np.ndarray, W1: np.ndarray, b1: np.ndarray, W2: np.ndarray, b2: np.ndarray,
    activation: str = "sigmoid", h: float = 1e-5,
) -> np.ndarray:
    """해석적 기울기 analytic = (dW1, db1, dW2, db2)(예: 13의 backward가 돌려준 값)를 수치 기울기와 비교합니다.

    매개변수마다 원소별 상대 오차 relative_error(해석적, 수치)의 최댓값을 구해, 모양 (4,)의 float64 배열
    [W1의 최대 상대 오차, b1의 …, W2의 …, b2의 …]로 반환합니다. 어느 값이 1e-5를 넘으면 그 매개변수의
    역전파를 의심하세요.
    """
    # BEGIN SOLUTION
    numeric = network_numeric_gradients(x, y, W1, b1, W2, b2, activation, h)
    return np.array([float(np.max(relative_error(a, b))) for a, b in zip(analytic, numeric)])
    # END SOLUTION
