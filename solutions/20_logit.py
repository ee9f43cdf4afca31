"""20 오즈(odds)와 로짓(logit)

p를 어떤 사건(양성, y = 1)이 일어날 확률이라고 할 때

    오즈      odds(p)  = p / (1 − p)                 일어날 확률과 일어나지 않을 확률의 '비율'
    로짓      logit(p) = ln(p / (1 − p))             오즈에 자연로그를 씌운 값 (로그 오즈)
    시그모이드 σ(z)     = 1 / (1 + e^(−z))            로짓의 역함수: σ(logit(p)) = p, logit(σ(z)) = z
    오즈 → 확률        p = odds / (1 + odds)

주의: 오즈는 확률이 아닙니다 ("오즈는 사건이 일어날 확률"이라는 설명은 틀렸습니다).
p = 0.75이면 오즈는 3 (3 : 1)이고, 오즈는 0부터 +∞까지의 값을 가집니다. 로짓은 −∞부터 +∞까지이며,
로지스틱 회귀는 이 로짓을 선형식 w·x + b로 놓은 모델입니다. p = 0.5이면 오즈 1, 로짓 0입니다.

끝값의 약속 (경고나 NaN 없이):
- odds(1) = +∞, odds(0) = 0
- logit(p, eps)는 먼저 p를 [eps, 1 − eps]로 자릅니다(clip). eps = 0(기본값)이면 자르지 않아
  logit(0) = −∞, logit(1) = +∞입니다. eps > 0이면 항상 유한한 값입니다 (torch.logit(p, eps)와 같은 약속).
- sigmoid(−1000) = 0, sigmoid(1000) = 1 (e^(1000)을 계산하면 넘칩니다: x의 부호에 따라 나누어 계산)
- odds_to_probability(+∞) = 1

입력은 임의 모양의 실수 배열이고 (확률은 0 ≤ p ≤ 1, 오즈는 0 이상), 결과는 같은 모양의 float 배열입니다.
예: odds(0.75) = 3.0, logit(0.75) = ln 3 ≈ 1.0986, sigmoid(ln 3) = 0.75, odds_to_probability(3.0) = 0.75
"""

import numpy as np


def odds(p: np.ndarray) -> np.ndarray:
    """오즈 p / (1 − p). p = 1에서는 +∞."""
    # BEGIN SOLUTION
    p = np.asarray(p, dtype=np.float64)
    with np.errstate(divide="ignore"):
        return p / (1.0 - p)
    # END SOLUTION


def logit(p: np.ndarray, eps: float = 0.0) -> np.ndarray:
    """로짓(로그 오즈) ln(p / (1 − p)). eps > 0이면 p를 먼저 [eps, 1 − eps]로 자릅니다.

    eps = 0이면 logit(0) = −∞, logit(1) = +∞ (경고 없이).
    """
    # BEGIN SOLUTION
    p = np.asarray(p, dtype=np.float64)
    if eps > 0:
        p = np.clip(p, eps, 1.0 - eps)
    with np.errstate(divide="ignore"):
        return np.log(p) - np.log1p(-p)
    # END SOLUTION


def sigmoid(z: np.ndarray) -> np.ndarray:
    """시그모이드 1 / (1 + e^(−z)): 로짓의 역함수. 큰 |z|에서도 넘치지 않게 계산합니다."""
    # BEGIN SOLUTION
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    # END SOLUTION


def odds_to_probability(o: np.ndarray) -> np.ndarray:
    """오즈를 확률로: o / (1 + o). o = +∞이면 1.0."""
    # BEGIN SOLUTION
    o = np.asarray(o, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        return np.where(np.isinf(o), 1.0, o / (1.0 + o))
    # END SOLUTION
