"""11 배치 크기에 따른 경사 하강법: 미니 배치 나누기

한 에포크 동안 n개의 샘플을 batch_size개씩 나눠, 배치 하나마다 매개변수를 한 번 갱신합니다.
여기서는 배치에 들어갈 샘플 번호(인덱스)의 배열들을 만듭니다.

규칙 (재현할 수 있도록 인자로 받은 rng만 씁니다):
- 에포크마다 한 번 perm = rng.permutation(n)으로 섞고 (shuffle=False이면 np.arange(n)),
  앞에서부터 batch_size개씩 자릅니다: [perm[0:b], perm[b:2b], …].
- n이 batch_size로 나누어떨어지지 않으면 마지막 배치는 작지만 버리지 않습니다
  (그래서 배치 수 = ⌈n / batch_size⌉, 10_iteration_count의 이터레이션 수).
- 극단적인 두 경우: batch_size ≥ n이면 배치 하나(배치 경사 하강법), batch_size = 1이면
  샘플 하나짜리 배치 n개(확률적 경사 하강법, SGD).
- 여러 에포크면 에포크마다 새로 섞습니다 (에포크 순서대로 rng.permutation(n)을 한 번씩 호출).

결과는 정수 배열들의 리스트(list)입니다. 예: n = 5, batch_size = 2 → [array([3, 0]), array([4, 1]), array([2])] (섞인 순서는 rng에 따라 다름)
"""

import numpy as np


def minibatch_indices(n: int, batch_size: int, rng: np.random.Generator, shuffle: bool = True) -> list[np.ndarray]:
    """한 에포크의 배치들: rng.permutation(n)(shuffle=False이면 np.arange(n))을 batch_size개씩 자른 정수 배열의 리스트."""
    # BEGIN SOLUTION
    order = rng.permutation(n) if shuffle else np.arange(n)
    return [order[start:start + batch_size] for start in range(0, n, batch_size)]
    # END SOLUTION


def epoch_batches(n: int, batch_size: int, epochs: int, rng: np.random.Generator) -> list[np.ndarray]:
    """epochs번의 에포크 동안의 모든 배치를 순서대로 이은 리스트 (길이 epochs · ⌈n / batch_size⌉).

    에포크마다 같은 rng로 minibatch_indices(n, batch_size, rng)를 한 번씩 부릅니다 (에포크마다 새로 섞임).
    """
    # BEGIN SOLUTION
    batches: list[np.ndarray] = []
    for _ in range(epochs):
        batches.extend(minibatch_indices(n, batch_size, rng))
    return batches
    # END SOLUTION


def minibatch_gd_epoch(
    x: np.ndarray, y: np.ndarray, w: float, b: float, lr: float, batch_size: int, rng: np.random.Generator
) -> tuple[float, float]:
    """선형 회귀 H(x) = w·x + b를 미니 배치 경사 하강법으로 한 에포크 학습하고 (w, b)를 반환합니다.

    minibatch_indices(len(x), batch_size, rng)의 배치마다, 그 배치의 샘플만으로 구한 MSE의 기울기
    ∂L/∂w = (2/m)·Σ e·x, ∂L/∂b = (2/m)·Σ e (m = 그 배치의 크기, e = H(x) − y)로 한 번씩 갱신합니다.
    """
    # BEGIN SOLUTION
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w, b = float(w), float(b)
    for batch in minibatch_indices(len(x), batch_size, rng):
        errors = w * x[batch] + b - y[batch]
        dw, db = 2.0 * np.mean(errors * x[batch]), 2.0 * np.mean(errors)
        w, b = w - lr * float(dw), b - lr * float(db)
    return w, b
    # END SOLUTION
