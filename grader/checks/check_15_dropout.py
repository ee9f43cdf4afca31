"""Check for 15_dropout: inverted dropout with `keep = rng.random(x.shape) >= rate`.

Three kinds of test. Exact: with the same seeded rng the learner's (out, mask) must equal the
reference (relative 1e-12: one multiply and one divide). Statistical, independent of how the
mask was drawn: over 10^6 units the kept fraction must be within 6 standard deviations of
1 − rate (sd = sqrt(p(1−p)/n) ≈ 0.00046, so ±0.0028; a false alarm has odds below 1e-8),
kept values must be exactly x/(1 − rate) and dropped ones 0. Reproducibility: the same seed
twice gives the same output (the given rng, not the global np.random, is used).
In inference mode the contract promises a copy: `compare(returns_copy=True)` fails an `out` that
shares memory with x (np.shares_memory here, the worker's report in grading mode).
"""

import numpy as np
import pytest

from grader.engine.verdict import Array, Draw, Mistake, Parts, compare, expect, global_random

OUTPUT = Parts((("out", Array(rtol=1e-12, atol=1e-15)), ("mask", Array(kind="bool"))))
MASK = Array(kind="bool")


def _dropout(rule):
    def run(x, rate, rng, training=True):
        x = np.asarray(x, dtype=np.float64)
        if not training:
            return x.copy(), np.ones(x.shape, dtype=bool)
        return rule(x, rate, rng.random(x.shape))
    return run


TRAINING_MISTAKES = (
    Mistake("남은 값을 1/(1 − rate)배로 키우지 않았습니다: 학습 때 출력의 기댓값이 (1 − rate)배로 줄어듭니다.",
            _dropout(lambda x, rate, u: (x * (u >= rate), u >= rate)), id="dropout-without-rescale"),
    Mistake("1/(1 − rate)로 나누지 않고 (1 − rate)를 곱했습니다.",
            _dropout(lambda x, rate, u: (x * (u >= rate) * (1 - rate), u >= rate)), id="dropout-multiply-by-keep"),
    Mistake("rate를 '남길 확률'로 썼습니다. rate는 '버릴 확률'입니다.",
            _dropout(lambda x, rate, u: (x * (u < rate) / rate, u < rate)), id="rate-as-keep-probability"),
    Mistake("마스크의 부등호가 반대입니다 (u < rate인 자리를 남김): 남길 확률이 rate가 됩니다.",
            _dropout(lambda x, rate, u: (x * (u < rate) / (1 - rate), u < rate)), id="mask-inequality-reversed"),
)


def _train_rule(x, rate, u):
    """The training-mode output for one draw u: the same draw gives both out and mask."""
    keep = u >= rate
    return x * keep / (1 - rate), keep


def _inference_mistake(rule):
    def run(x, rate, rng, training=True):
        x = np.asarray(x, dtype=np.float64)
        return rule(x, rate, rng)
    return run


INFERENCE_MISTAKES = (
    Mistake("추론(training=False)에서도 1/(1 − rate)배로 키웠습니다. inverted dropout은 추론 때 아무것도 하지 않습니다.",
            _inference_mistake(lambda x, rate, rng: (x / (1 - rate), np.ones(x.shape, dtype=bool))), id="inference-rescaled"),
    Mistake("추론(training=False)에서도 (1 − rate)를 곱했습니다. 그것은 학습 때 키우지 않는 옛 방식의 보정입니다.",
            _inference_mistake(lambda x, rate, rng: (x * (1 - rate), np.ones(x.shape, dtype=bool))), id="inference-multiply-by-keep"),
    Mistake("추론(training=False)에서도 뉴런을 버렸습니다. 드롭아웃은 학습 때만 씁니다.",
            _inference_mistake(lambda x, rate, rng: _train_rule(x, rate, rng.random(x.shape))), id="inference-drops-units"),
)

KEEP = "keep = rng.random(x.shape) >= rate"


def _right_law(student, actual, args, kwargs) -> bool:
    """out = x · mask / (1 − rate) for the returned mask, and on 40,000 fresh units the kept
    fraction is within 6 standard deviations of 1 − rate: a valid dropout, only drawn differently."""
    x, rate, _ = args
    out, mask = actual
    if OUTPUT.problems(actual, (x * mask / (1 - rate), mask)):
        return False
    units = np.ones((200, 200))
    big_out, big_mask = student.call("dropout_forward", (units, rate, np.random.default_rng(7)))
    if MASK.structure_problems(big_mask, units.shape) or not np.allclose(big_out, units * big_mask / (1 - rate)):
        return False
    return abs(float(big_mask.mean()) - (1 - rate)) <= 6 * np.sqrt(rate * (1 - rate) / units.size)


TRAINING_DRAW = Draw(KEEP, _right_law)

CASES = {
    "벡터, rate 0.5": ((8,), 0.5),
    "행렬, rate 0.2": ((4, 6), 0.2),
    "3차원 배열, rate 0.8": ((2, 3, 5), 0.8),
    "rate 0 (아무것도 버리지 않음)": ((10,), 0.0),
}


@pytest.mark.parametrize("case", list(CASES))
def test_training_matches_reference(student, reference, seed, case):
    """학습 모드: 같은 rng로 참조와 똑같은 결과"""
    shape, rate = CASES[case]
    data_rng = np.random.default_rng([seed, len(shape)])
    x = data_rng.normal(size=shape)
    compare(student, reference, "dropout_forward", (x, rate, np.random.default_rng(seed)),
            case=f"{case} — 규칙 keep = rng.random(x.shape) >= rate", spec=OUTPUT, mistakes=TRAINING_MISTAKES,
            draw=TRAINING_DRAW)


@pytest.mark.parametrize("rate", [0.1, 0.5, 0.9])
def test_inference_is_identity(student, reference, seed, rate):
    """추론 모드: 입력을 그대로 반환"""
    x = np.random.default_rng(seed).normal(size=(3, 4))
    compare(student, reference, "dropout_forward", (x, rate, np.random.default_rng(seed)), {"training": False},
            case=f"training=False, rate {rate}", spec=OUTPUT, mistakes=INFERENCE_MISTAKES,
            returns_copy=True)  # "out = x (복사본)": out must not share memory with x


def test_inference_leaves_rng_alone(student, seed):
    """추론 모드: rng를 쓰지 않음"""
    x = np.random.default_rng(seed).normal(size=(4, 5))
    rng = np.random.default_rng(seed)
    before = rng.bit_generator.state
    result = student.call("dropout_forward", (x, 0.5, rng), {"training": False})
    case = "training=False, rate 0.5"
    expect(isinstance(result, (tuple, list)) and len(result) == 2, "dropout_forward", case,
           f"(out, mask) 두 값을 반환해야 하는데 {type(result).__name__}을(를) 반환했습니다.")
    expect(rng.bit_generator.state == before, "dropout_forward", case,
           "training=False인데 rng에서 난수를 뽑았습니다. 추론 때는 rng를 쓰지 않습니다 (다음 학습 스텝의 마스크가 달라짐).")


@pytest.mark.parametrize("rate", [0.25, 0.6])
def test_keep_rate_and_scaling(student, seed, rate):
    """통계: 남기는 비율은 1 − rate, 남은 값은 x / (1 − rate)"""
    shape = (200, 200)  # 40,000 units: 6 standard deviations are under 0.015, rate and 1 − rate differ by 0.2 or more
    x = np.random.default_rng([seed, 1]).uniform(0.5, 1.5, size=shape)
    result = student.call("dropout_forward", (x, rate, np.random.default_rng(seed)))
    case = f"x 모양 {shape}, rate {rate}"
    expect(isinstance(result, (tuple, list)) and len(result) == 2, "dropout_forward", case,
           f"(out, mask) 두 값을 반환해야 하는데 {type(result).__name__}을(를) 반환했습니다.")
    out, mask = result
    problems = Array().structure_problems(out, shape) + MASK.structure_problems(mask, shape)
    expect(not problems, "dropout_forward", case, *problems)
    kept = float(mask.mean())
    n = mask.size
    tolerance = 6 * np.sqrt((1 - rate) * rate / n)
    hint = " rate를 남길 확률로 쓴 것 같습니다: rate는 버릴 확률입니다." if abs(kept - rate) <= tolerance else ""
    expect(abs(kept - (1 - rate)) <= tolerance, "dropout_forward", case,
           f"남긴 비율이 {kept:.4f}입니다. 기대 {1 - rate:.4f} ± {tolerance:.4f} (표준편차의 6배).{hint}")
    expect(np.all(out[~mask] == 0), "dropout_forward", case,
           f"mask가 False인 자리 {int(np.sum(out[~mask] != 0))}곳의 out이 0이 아닙니다. 버린 뉴런의 출력은 0입니다.")
    scaled = np.allclose(out[mask], x[mask] / (1 - rate), rtol=1e-12, atol=0)
    unscaled = np.allclose(out[mask], x[mask], rtol=1e-12, atol=0)
    expect(scaled, "dropout_forward", case,
           "남은 자리의 out이 x / (1 − rate)와 다릅니다."
           + (" 1/(1 − rate)배로 키우지 않았습니다: 학습 때 출력의 기댓값이 줄어듭니다." if unscaled else ""))


def test_reproducible_with_given_rng(student, seed):
    """재현성: 같은 시드의 rng를 주면 같은 결과"""
    x = np.ones((50, 40))
    first = student.call("dropout_forward", (x, 0.5, np.random.default_rng(seed)))
    second = student.call("dropout_forward", (x, 0.5, np.random.default_rng(seed)))
    problems = Parts((("out", Array()), ("mask", MASK))).problems(second, first)
    expect(not problems, "dropout_forward", "같은 시드로 두 번 호출",
           "같은 시드의 rng를 줬는데 결과가 다릅니다. 전역 np.random이 아니라 인자로 받은 rng를 쓰세요.", *problems,
           mistakes=(global_random(KEEP),))
