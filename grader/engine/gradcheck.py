"""Gradient checking: compare a learner's analytic gradient with central differences.

The numerical gradient is computed in float64 by the trusted side from a function it trusts
(usually the reference's forward pass or loss), so the same test works when the learner's code
runs in a sandboxed worker. Bands for the relative error
    rel = max|analytic − numeric| / max(max|analytic| + max|numeric|, 1e-12)
with step h = 1e-6: below 1e-7 the gradient is right; between 1e-7 and 1e-5 it is accepted
(float64 rounding, points near a kink); above 1e-5 it is wrong (a wrong formula typically gives
1e-2 or more). Checks avoid points within 1e-3 of a kink (ReLU at 0).
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from grader.engine.results import Verdict
from grader.engine.verdict import CheckFailure, fmt, type_name

STEP = 1e-6
ACCEPT_BELOW = 1e-5
EXACT_BELOW = 1e-7


def numerical_gradient(f: Callable[[np.ndarray], float], x: np.ndarray, h: float = STEP) -> np.ndarray:
    """d f / d x by central differences, one coordinate at a time, in float64."""
    x = np.array(x, dtype=np.float64)
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        original = x[index]
        x[index] = original + h
        plus = float(f(x))
        x[index] = original - h
        minus = float(f(x))
        x[index] = original
        grad[index] = (plus - minus) / (2 * h)
    return grad


def relative_error(analytic: np.ndarray, numeric: np.ndarray) -> float:
    scale = max(float(np.max(np.abs(analytic), initial=0.0)) + float(np.max(np.abs(numeric), initial=0.0)), 1e-12)
    return float(np.max(np.abs(analytic - numeric), initial=0.0)) / scale


def expect_gradient(analytic: Any, numeric: np.ndarray, *, function: str, case: str, name: str) -> None:
    """Raise CheckFailure unless `analytic` (the learner's) matches the numerical gradient."""
    if not isinstance(analytic, np.ndarray):
        raise CheckFailure(Verdict(function, case, (f"기울기 {name}는 numpy 배열이어야 하는데 {type_name(analytic)}을(를) 반환했습니다.",)))
    if analytic.shape != numeric.shape:
        raise CheckFailure(Verdict(function, case, (f"기울기 {name}의 모양이 {analytic.shape}입니다. 기대 {numeric.shape} (매개변수와 같은 모양).",)))
    analytic = analytic.astype(np.float64)
    if not np.all(np.isfinite(analytic)):
        raise CheckFailure(Verdict(function, case, (f"기울기 {name}에 NaN 또는 inf가 있습니다.",)))
    error = relative_error(analytic, numeric)
    if error >= ACCEPT_BELOW:
        worst = np.unravel_index(int(np.argmax(np.abs(analytic - numeric))), numeric.shape)
        raise CheckFailure(Verdict(function, case, (
            f"기울기 {name}가 수치 미분(중앙 차분, h = {STEP:g})과 다릅니다: 상대 오차 {error:.3g} (허용 {ACCEPT_BELOW:g} 미만).",
            f"가장 크게 다른 위치 {list(map(int, worst))}: 수치 미분 {fmt(numeric[worst])}, 반환 {fmt(analytic[worst])}",
            f"수치 미분 {fmt(numeric)}",
            f"반환값 {fmt(analytic)}",
        )))
