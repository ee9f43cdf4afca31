"""15 드롭아웃(inverted dropout) 순전파

학습할 때는 각 뉴런의 출력을 확률 rate로 0으로 만들고(버리고), 남은 출력은 1/(1 − rate)배로
키웁니다. 이렇게 하면 출력의 기댓값이 드롭아웃 전과 같아서, 예측(추론) 때는 아무것도 하지 않고
입력을 그대로 내보내면 됩니다.

재현할 수 있도록 난수는 반드시 인자로 받은 rng(np.random.Generator)에서 다음 규칙으로 한 번만 뽑습니다.

    keep = rng.random(x.shape) >= rate        # True인 자리만 남김 (남을 확률 1 − rate)
    out  = x * keep / (1 − rate)

입력 x는 임의 모양의 실수 배열, rate는 0 ≤ rate < 1인 실수입니다.
"""

import numpy as np


def dropout_forward(
    x: np.ndarray, rate: float, rng: np.random.Generator, training: bool = True
) -> tuple[np.ndarray, np.ndarray]:
    """(out, mask)를 반환합니다. mask는 x와 같은 모양의 bool 배열로, 남긴 자리가 True입니다.

    training=False(추론)이면 rng를 쓰지 않고 out = x (복사본), mask는 모두 True입니다.
    """
    # BEGIN SOLUTION
    x = np.asarray(x, dtype=np.float64)
    if not training:
        return x.copy(), np.ones(x.shape, dtype=bool)
    keep = rng.random(x.shape) >= rate
    return x * keep / (1.0 - rate), keep
    # END SOLUTION
