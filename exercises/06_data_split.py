"""06 훈련·검증·테스트 데이터 분리

n개의 샘플을 섞은 뒤 훈련(train), 검증(validation), 테스트(test) 세트로 나눕니다 (예: 6:2:2).
데이터 자체가 아니라 샘플 번호(인덱스)의 배열 세 개를 반환하므로, x[train_idx], y[train_idx]처럼 씁니다.

크기 규칙: 비율 ratios = (r_train, r_val, r_test)는 합으로 나눠 씁니다 ((6, 2, 2)와 (0.6, 0.2, 0.2)는 같음).

    n_val  = ⌊n · r_val  / (r_train + r_val + r_test)⌋      (내림)
    n_test = ⌊n · r_test / (r_train + r_val + r_test)⌋      (내림)
    n_train = n − n_val − n_test                            (나머지는 모두 훈련 세트로)

부동소수점 오차 때문에 100 · 0.29 = 28.999999999999996처럼 정수보다 아주 조금 작게 나오는 값이 있으므로,
내림하기 전에 1e-9를 더합니다: ⌊x + 1e-9⌋.

섞는 규칙 (재현할 수 있도록 인자로 받은 rng만 씁니다):

    perm = rng.permutation(n)
    train_idx = perm[:n_train],  val_idx = perm[n_train:n_train + n_val],  test_idx = perm[n_train + n_val:]

세 배열은 서로 겹치지 않고(disjoint), 합치면 0 … n − 1을 정확히 한 번씩 포함합니다(covering).

예: n = 10, ratios = (0.6, 0.2, 0.2) → 크기 (6, 2, 2)
    n = 7 → n_val = ⌊1.4⌋ = 1, n_test = 1, n_train = 5
"""

import math

import numpy as np


def split_sizes(n: int, ratios: tuple[float, float, float] = (0.6, 0.2, 0.2)) -> tuple[int, int, int]:
    """(n_train, n_val, n_test)를 위의 크기 규칙으로 구해 세 int의 튜플로 반환합니다."""
    # TODO: 위 설명대로 구현하세요. 막히면 'learn hint' 로 힌트를 볼 수 있습니다.
    raise NotImplementedError


def train_val_test_split(
    n: int, rng: np.random.Generator, ratios: tuple[float, float, float] = (0.6, 0.2, 0.2)
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """rng.permutation(n)으로 섞은 번호를 split_sizes의 크기대로 앞에서부터 잘라
    (train_idx, val_idx, test_idx) 세 정수 배열을 반환합니다.
    """
    # TODO: 위 설명대로 구현하세요. 막히면 'learn hint' 로 힌트를 볼 수 있습니다.
    raise NotImplementedError
