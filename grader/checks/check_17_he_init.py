"""Check for 17_he_init: He and Xavier initialisation, normal and uniform.

Statistical tests, independent of how the numbers were drawn, on a 400 x 500 matrix
(n = 200,000 weights): the mean must be within 6 standard errors of 0 (sd/sqrt(n)); the sample
variance within 4% of the target (its relative standard error is sqrt(2/n) ≈ 0.32% for the
normal and ≈ 0.2% for the uniform, so 4% is over 12 standard errors, and every misconception
below moves the variance by 20% or more); a uniform draw must stay inside [−a, a] and reach
beyond 0.99a. Exact: with the same seeded rng the result must equal the reference's
`rng.normal(0.0, σ, size)` / `rng.uniform(−a, a, size)` to relative 1e-12.
"""

import numpy as np
import pytest

from grader.engine.results import NamedMistake
from grader.engine.verdict import Array, Draw, Mistake, compare, expect, global_random

FAN_IN, FAN_OUT = 400, 500
WEIGHTS = Array(rtol=1e-12, atol=1e-15)
VARIANCE_TOLERANCE = 0.04

# target variance for each function, and what a learner with a misconception would get instead
TARGETS = {
    "he_normal": ("normal", lambda i, o: 2 / i),
    "he_uniform": ("uniform", lambda i, o: 2 / i),
    "xavier_normal": ("normal", lambda i, o: 2 / (i + o)),
    "xavier_uniform": ("uniform", lambda i, o: 2 / (i + o)),
}

VARIANCE_MISCONCEPTIONS = {
    "he": (
        ("fan-out-instead-of-fan-in", "He를 fan_in이 아니라 fan_out으로 계산했습니다.", lambda i, o: 2 / o),
        ("lecun-variance", "분산 2/fan_in이 아니라 1/fan_in을 썼습니다 (LeCun 초기화).", lambda i, o: 1 / i),
        ("xavier-denominator-in-he", "He에 Xavier의 분모 fan_in + fan_out을 썼습니다.", lambda i, o: 2 / (i + o)),
        ("variance-as-std", "표준편차 자리에 분산을 넣었습니다 (σ = 2/fan_in).", lambda i, o: (2 / i) ** 2),
        ("uniform-limit-without-3", "균등분포의 경계로 √(2/fan_in)을 썼습니다. 균등분포의 경계는 √(6/fan_in)입니다.", lambda i, o: (2 / i) / 3),
    ),
    "xavier": (
        ("fan-in-only", "Xavier에 fan_in만 썼습니다. Xavier는 fan_in + fan_out을 씁니다.", lambda i, o: 2 / i),
        ("fan-out-only", "Xavier에 fan_out만 썼습니다. Xavier는 fan_in + fan_out을 씁니다.", lambda i, o: 2 / o),
        ("missing-factor-2", "분자 2를 빠뜨렸습니다 (분산 1/(fan_in + fan_out)).", lambda i, o: 1 / (i + o)),
        ("variance-as-std", "표준편차 자리에 분산을 넣었습니다.", lambda i, o: (2 / (i + o)) ** 2),
        ("uniform-limit-without-3", "균등분포의 경계로 √(2/(fan_in + fan_out))을 썼습니다. 경계는 √(6/(fan_in + fan_out))입니다.", lambda i, o: (2 / (i + o)) / 3),
    ),
}


def _exact_mistakes(function):
    """Misconceptions as implementations, for the exact comparison with the same rng."""
    family, (distribution, _) = function.split("_")[0], TARGETS[function]
    mistakes = []
    for mistake_id, description, variance in VARIANCE_MISCONCEPTIONS[family]:
        if distribution == "normal":
            draw = (lambda var: lambda i, o, rng: rng.normal(0.0, np.sqrt(var(i, o)), size=(i, o)))(variance)
        else:
            draw = (lambda var: lambda i, o, rng: rng.uniform(-np.sqrt(3 * var(i, o)), np.sqrt(3 * var(i, o)), size=(i, o)))(variance)
        mistakes.append(Mistake(description, draw, id=f"{family}-{mistake_id}"))
    mistakes.append(Mistake("결과의 모양이 (fan_out, fan_in)입니다. 이 과정은 (fan_in, fan_out) 모양을 씁니다.",
                            lambda i, o, rng: rng.normal(0.0, np.sqrt(TARGETS[function][1](i, o)), size=(o, i)), id="transposed-shape"))
    return tuple(mistakes)


EXACT_MISTAKES = {function: _exact_mistakes(function) for function in TARGETS}


def _statistics_pass(function):
    """A fresh 400 x 500 draw has mean 0, the target variance and (uniform) the bounds: the learner
    drew from the right distribution, only not with the documented single call."""
    distribution, target = TARGETS[function]

    def same_law(student, actual, args, kwargs) -> bool:
        fan_in, fan_out, _ = args
        if Array().structure_problems(actual, (fan_in, fan_out)):
            return False
        weights = np.asarray(student.call(function, (FAN_IN, FAN_OUT, np.random.default_rng(7))), dtype=np.float64)
        variance = target(FAN_IN, FAN_OUT)
        if weights.shape != (FAN_IN, FAN_OUT) or abs(weights.mean()) > 6 * np.sqrt(variance / weights.size):
            return False
        if abs(float(weights.var()) / variance - 1) > VARIANCE_TOLERANCE:
            return False
        limit = np.sqrt(3 * variance)
        return distribution == "normal" or limit * 0.99 <= float(np.abs(weights).max()) <= limit * (1 + 1e-12)
    return same_law


DRAW_CALLS = {
    "he_normal": "rng.normal(0.0, σ, size=(fan_in, fan_out))",
    "he_uniform": "rng.uniform(-a, a, size=(fan_in, fan_out))",
    "xavier_normal": "rng.normal(0.0, σ, size=(fan_in, fan_out))",
    "xavier_uniform": "rng.uniform(-a, a, size=(fan_in, fan_out))",
}
DRAWS = {function: Draw(DRAW_CALLS[function], _statistics_pass(function)) for function in TARGETS}


@pytest.mark.parametrize("function", list(TARGETS))
def test_statistics(student, seed, function):
    """통계: 평균 0, 목표 분산, (균등분포) 경계"""
    distribution, target = TARGETS[function]
    variance = target(FAN_IN, FAN_OUT)
    case = f"fan_in={FAN_IN}, fan_out={FAN_OUT}"
    weights = student.call(function, (FAN_IN, FAN_OUT, np.random.default_rng(seed)))
    problems = Array().structure_problems(weights, (FAN_IN, FAN_OUT))
    expect(not problems, function, case, *problems)
    weights = weights.astype(np.float64)
    n = weights.size
    mean_tolerance = 6 * np.sqrt(variance / n)
    expect(abs(weights.mean()) <= mean_tolerance, function, case,
           f"평균이 {weights.mean():.5f}입니다. 0 ± {mean_tolerance:.5f}이어야 합니다 (평균 0인 분포에서 뽑으세요).")
    got = float(weights.var())
    if abs(got / variance - 1) > VARIANCE_TOLERANCE:
        family = function.split("_")[0]
        named = [NamedMistake(f"{family}-{mistake_id}", description)
                 for mistake_id, description, wrong in VARIANCE_MISCONCEPTIONS[family]
                 if abs(got / wrong(FAN_IN, FAN_OUT) - 1) <= VARIANCE_TOLERANCE]
        expect(False, function, case,
               f"분산이 {got:.6g}입니다. 기대 {variance:.6g} (허용 오차 ±{VARIANCE_TOLERANCE:.0%}).",
               mistakes=named if len(named) == 1 else ())  # two candidates: a guess, so none is named
    if distribution == "uniform":
        limit = np.sqrt(3 * variance)
        biggest = float(np.abs(weights).max())
        expect(biggest <= limit * (1 + 1e-12), function, case,
               f"균등분포의 경계 ±{limit:.6g}를 벗어난 값이 있습니다 (가장 큰 |w| = {biggest:.6g}).")
        expect(biggest >= 0.99 * limit, function, case,
               f"가장 큰 |w|가 {biggest:.6g}로 경계 {limit:.6g}에 한참 못 미칩니다. 균등분포 U(−a, a)에서 뽑았나요?")


@pytest.mark.parametrize("function", list(TARGETS))
@pytest.mark.parametrize("fans", [(3, 2), (64, 32), (1, 10)])
def test_matches_reference_with_same_rng(student, reference, seed, function, fans):
    """같은 rng로 참조와 똑같은 결과"""
    fan_in, fan_out = fans
    compare(student, reference, function, (fan_in, fan_out, np.random.default_rng(seed)),
            case=f"fan_in={fan_in}, fan_out={fan_out} — 한 번의 rng.normal/rng.uniform 호출",
            spec=WEIGHTS, mistakes=EXACT_MISTAKES[function], draw=DRAWS[function])


@pytest.mark.parametrize("function", list(TARGETS))
def test_reproducible_with_given_rng(student, seed, function):
    """재현성: 같은 시드의 rng를 주면 같은 결과"""
    first = student.call(function, (20, 30, np.random.default_rng(seed)))
    second = student.call(function, (20, 30, np.random.default_rng(seed)))
    problems = Array(rtol=0, atol=0).problems(second, first) if isinstance(first, np.ndarray) else ["배열을 반환하지 않았습니다."]
    expect(not problems, function, "같은 시드로 두 번 호출",
           "같은 시드의 rng를 줬는데 결과가 다릅니다. 전역 np.random이 아니라 인자로 받은 rng를 쓰세요.", *problems,
           mistakes=(global_random(DRAW_CALLS[function]),))
