"""17 가중치 초기화: He와 Xavier(Glorot)

층의 입력 뉴런 수를 fan_in, 출력 뉴런 수를 fan_out이라고 할 때, 가중치 행렬(모양 (fan_in, fan_out))을
다음 분포에서 뽑습니다.

    He 정규분포:       N(0, σ²),  σ = √(2 / fan_in)
    He 균등분포:       U(−a, a),  a = √(6 / fan_in)
    Xavier 정규분포:   N(0, σ²),  σ = √(2 / (fan_in + fan_out))
    Xavier 균등분포:   U(−a, a),  a = √(6 / (fan_in + fan_out))

He는 ReLU 계열에 맞춰 fan_in만 쓰고, Xavier는 fan_in과 fan_out을 함께 씁니다.
(균등분포 U(−a, a)의 분산은 a²/3이므로 같은 이름의 두 분포는 분산이 같습니다.)

재현할 수 있도록 인자로 받은 rng에서 한 번만 뽑습니다:
정규분포는 rng.normal(0.0, σ, size=(fan_in, fan_out)), 균등분포는 rng.uniform(−a, a, size=(fan_in, fan_out)).
"""

import numpy as np


def he_normal(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    """He 정규분포 초기화. 모양 (fan_in, fan_out)의 float64 배열."""
    # BEGIN SOLUTION
    return rng.normal(0.0, np.sqrt(2.0 / fan_in), size=(fan_in, fan_out))
    # END SOLUTION


def he_uniform(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    """He 균등분포 초기화. 모양 (fan_in, fan_out)의 float64 배열."""
    # BEGIN SOLUTION
    limit = np.sqrt(6.0 / fan_in)
    return rng.uniform(-limit, limit, size=(fan_in, fan_out))
    # END SOLUTION


def xavier_normal(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    """Xavier(Glorot) 정규분포 초기화. 모양 (fan_in, fan_out)의 float64 배열."""
    # BEGIN SOLUTION
    return rng.normal(0.0, np.sqrt(2.0 / (fan_in + fan_out)), size=(fan_in, fan_out))
    # END SOLUTION


def xavier_uniform(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    """Xavier(Glorot) 균등분포 초기화. 모양 (fan_in, fan_out)의 float64 배열."""
    # BEGIN SOLUTION
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, size=(fan_in, fan_out))
    # END SOLUTION
