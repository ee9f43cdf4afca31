"""Check for 06_data_split: sizes by floor(n·r/Σr + 1e-9) for validation and test with the
remainder to training, and the split `perm = rng.permutation(n)` cut into train | val | test.

Tolerances: none; sizes and indices are integers and compared exactly.
Three kinds of test. Exact: with the same seeded rng the three index arrays equal the
reference's. Properties, independent of how the shuffle was drawn: the three arrays are
integer arrays of the documented sizes, pairwise disjoint and together exactly 0 … n − 1; the
same seed gives the same split; two different seeds give different splits; the order is not
the identity. Statistics: over 400 seeds with n = 20 and 6:2:2, every index must land in the
test set 80 ± 48 times (expected 400·0.2 = 80, sd = √(400·0.2·0.8) = 8, tolerance 6 sd;
a false alarm for any of the 20 indices has odds below 1e-7). An unshuffled split puts index 0
in the test set 0 times and index 19 all 400 times.
"""

import math

import numpy as np
import pytest

from grader.engine.verdict import Array, Draw, Integer, Mistake, Parts, compare, expect, global_random

SIZES = Parts((("n_train", Integer()), ("n_val", Integer()), ("n_test", Integer())))
INDICES = Array(kind="int")
SPLIT = Parts((("train_idx", INDICES), ("val_idx", INDICES), ("test_idx", INDICES)))


def _sizes(rule_val_test, remainder="train"):
    def run(n, ratios=(0.6, 0.2, 0.2)):
        total = float(sum(ratios))
        if remainder == "train":
            n_val, n_test = (rule_val_test(n * r / total) for r in ratios[1:])
            return n - n_val - n_test, n_val, n_test
        n_train, n_val = (rule_val_test(n * r / total) for r in ratios[:2])
        return n_train, n_val, n - n_train - n_val
    return run


def _unnormalized(n, ratios=(0.6, 0.2, 0.2)):
    n_val, n_test = (math.floor(n * r + 1e-9) for r in ratios[1:])
    return n - n_val - n_test, n_val, n_test


SIZE_MISTAKES = (
    Mistake("검증·테스트 크기를 반올림(round)했습니다. 이 연습은 내림(floor)하고 나머지를 훈련 세트에 줍니다.",
            _sizes(lambda v: int(round(v))), id="sizes-round-instead-of-floor"),
    Mistake("검증·테스트 크기를 올림(ceil)했습니다 (scikit-learn의 test_size 방식). 이 연습은 내림(floor)합니다.",
            _sizes(lambda v: math.ceil(v - 1e-9)), id="sizes-ceil-instead-of-floor"),
    Mistake("훈련·검증을 내림하고 나머지를 테스트 세트에 줬습니다. 나머지는 훈련 세트로 갑니다.",
            _sizes(lambda v: math.floor(v + 1e-9), remainder="test"), id="sizes-remainder-to-test"),
    Mistake("부동소수점 오차를 무시하고 바로 내림했습니다: 100 × 0.29 = 28.999999999999996을 내림하면 28이 됩니다. "
            "⌊x + 1e-9⌋처럼 아주 작은 값을 더한 뒤 내림하세요.", _sizes(math.floor), id="sizes-floor-without-tolerance"),
    Mistake("비율을 합으로 나누지 않았습니다: (6, 2, 2)처럼 합이 1이 아닌 비율도 합으로 나눠 씁니다.", _unnormalized, id="sizes-ratios-not-normalized"),
)


def _split(sizes_rule, shuffle=True):
    def run(n, rng, ratios=(0.6, 0.2, 0.2)):
        n_train, n_val, _ = sizes_rule(n, ratios)
        perm = rng.permutation(n) if shuffle else np.arange(n)
        return perm[:n_train], perm[n_train:n_train + n_val], perm[n_train + n_val:]
    return run


_RIGHT_SIZES = _sizes(lambda v: math.floor(v + 1e-9))

SPLIT_MISTAKES = (
    Mistake("섞지 않고 앞에서부터 잘랐습니다: 데이터가 정렬되어 있으면(예: 레이블 순) 세 세트의 분포가 달라집니다. "
            "rng.permutation(n)으로 섞으세요.", _split(_RIGHT_SIZES, shuffle=False), id="split-not-shuffled"),
    *(Mistake(m.description, _split(m.compute), id=f"split-{m.id}") for m in SIZE_MISTAKES),
)

def _sorted_parts(n, rng, ratios=(0.6, 0.2, 0.2)):
    return tuple(np.sort(part) for part in _split(_RIGHT_SIZES)(n, rng, ratios))


SPLIT_MISTAKES += (
    Mistake("세 세트를 각각 정렬했습니다: 같은 번호들이지만 rng.permutation(n)이 준 순서를 그대로 두어야 같은 rng로 "
            "같은 결과가 나옵니다 (np.sort를 지우세요).", _sorted_parts, id="split-parts-sorted"),
)

PERMUTATION = "rng.permutation(n)"


def _is_a_split(student, actual, args, kwargs) -> bool:
    """Three integer arrays of the documented sizes that together hold 0 … n − 1 once each: a valid
    shuffle, only not the documented one."""
    n, _, ratios = args
    sizes = _RIGHT_SIZES(n, ratios)
    if not isinstance(actual, (tuple, list)) or len(actual) != 3:
        return False
    if any(INDICES.structure_problems(part, (size,)) for part, size in zip(actual, sizes)):
        return False
    return bool(np.array_equal(np.sort(np.concatenate(actual)), np.arange(n)))


SPLIT_DRAW = Draw(PERMUTATION, _is_a_split)

SIZE_CASES = {
    "기본 예: n = 10, 6:2:2": (10, (0.6, 0.2, 0.2)),
    "나누어떨어지지 않음: n = 7": (7, (0.6, 0.2, 0.2)),
    "n = 13, 6:2:2": (13, (0.6, 0.2, 0.2)),
    "샘플 하나": (1, (0.6, 0.2, 0.2)),
    "샘플 없음 (n = 0)": (0, (0.6, 0.2, 0.2)),
    "정수 비율 (6, 2, 2)": (25, (6, 2, 2)),
    "8:1:1": (95, (0.8, 0.1, 0.1)),
    "1:1:1": (5, (1, 1, 1)),
    "테스트 세트 없음 (8:2:0)": (11, (0.8, 0.2, 0.0)),
    "부동소수점 함정: n = 100, (0.42, 0.29, 0.29)": (100, (0.42, 0.29, 0.29)),
    "내림·반올림·올림이 모두 다름: n = 10, (0.61, 0.26, 0.13)": (10, (0.61, 0.26, 0.13)),
    "큰 n": (2050, (0.7, 0.15, 0.15)),
}


@pytest.mark.parametrize("case", list(SIZE_CASES))
def test_split_sizes(student, reference, case):
    """split_sizes: 내림, 나머지는 훈련 세트"""
    n, ratios = SIZE_CASES[case]
    compare(student, reference, "split_sizes", (n, ratios), case=case, spec=SIZES, mistakes=SIZE_MISTAKES)


def test_split_sizes_default_ratios(student, reference):
    """split_sizes: ratios를 생략하면 6:2:2"""
    compare(student, reference, "split_sizes", (17,), case="n = 17, ratios 생략", spec=SIZES, mistakes=SIZE_MISTAKES)


def test_split_sizes_random(student, reference, rng):
    """split_sizes: 무작위 n과 비율"""
    for trial in range(30):
        n = int(rng.integers(0, 500))
        ratios = tuple(float(r) for r in np.round(rng.uniform(0.05, 1.0, 3), 2))
        compare(student, reference, "split_sizes", (n, ratios), case=f"무작위 입력 {trial + 1}번째 (n={n}, ratios={ratios})",
                spec=SIZES, mistakes=SIZE_MISTAKES)


@pytest.mark.parametrize("case", ["기본 예: n = 10, 6:2:2", "나누어떨어지지 않음: n = 7", "정수 비율 (6, 2, 2)", "큰 n", "샘플 하나"])
def test_split_matches_reference_with_same_rng(student, reference, seed, case):
    """train_val_test_split: 같은 rng로 참조와 똑같은 결과"""
    n, ratios = SIZE_CASES[case]
    compare(student, reference, "train_val_test_split", (n, np.random.default_rng(seed), ratios),
            case=f"{case} — 규칙 perm = rng.permutation(n)을 train | val | test로 자름", spec=SPLIT, mistakes=SPLIT_MISTAKES,
            draw=SPLIT_DRAW)


def _valid_split(student, reference, n, ratios, rng, case):
    """Call the learner and check the structure and the properties; return the three arrays."""
    result = student.call("train_val_test_split", (n, rng, ratios))
    sizes = reference.split_sizes(n, ratios)
    expect(isinstance(result, (tuple, list)) and len(result) == 3, "train_val_test_split", case,
           f"(train_idx, val_idx, test_idx) 세 배열의 튜플을 반환해야 하는데 {type(result).__name__}을(를) 반환했습니다.")
    problems = []
    for name, part, size in zip(("train_idx", "val_idx", "test_idx"), result, sizes):
        problems += [f"[{name}] {line}" for line in INDICES.structure_problems(part, (size,))]
    expect(not problems, "train_val_test_split", case, f"기대 크기 (train, val, test) = {sizes}", *problems)
    everything = np.concatenate(result)
    counts = np.bincount(everything[(everything >= 0) & (everything < n)], minlength=n) if n else np.zeros(0, int)
    outside = everything[(everything < 0) | (everything >= n)]
    expect(outside.size == 0, "train_val_test_split", case, f"0 … {n - 1} 밖의 번호가 있습니다: {outside[:5].tolist()}")
    twice = np.flatnonzero(counts > 1)
    expect(twice.size == 0, "train_val_test_split", case,
           f"번호 {twice[:5].tolist()}이(가) 두 번 이상 나옵니다: 세 세트는 서로 겹치면 안 됩니다 (중복 없이 섞으세요).")
    missing = np.flatnonzero(counts == 0)
    expect(missing.size == 0, "train_val_test_split", case, f"번호 {missing[:5].tolist()}이(가) 어느 세트에도 없습니다.")
    return result


@pytest.mark.parametrize("n, ratios", [(10, (0.6, 0.2, 0.2)), (101, (0.7, 0.15, 0.15)), (3, (1, 1, 1)), (50, (0.5, 0.5, 0.0))])
def test_split_properties(student, reference, seed, n, ratios):
    """train_val_test_split: 크기, 겹치지 않음, 모두 포함"""
    _valid_split(student, reference, n, ratios, np.random.default_rng(seed), f"n = {n}, ratios = {ratios}")


def test_split_reproducible_and_shuffled(student, reference, seed):
    """train_val_test_split: 같은 시드는 같은 분리, 다른 시드는 다른 분리, 섞여 있음"""
    n, ratios = 200, (0.6, 0.2, 0.2)
    first = _valid_split(student, reference, n, ratios, np.random.default_rng(seed), "n = 200, 첫 호출")
    again = _valid_split(student, reference, n, ratios, np.random.default_rng(seed), "n = 200, 같은 시드로 다시")
    other = _valid_split(student, reference, n, ratios, np.random.default_rng(seed + 1), "n = 200, 다른 시드")
    expect(all(np.array_equal(a, b) for a, b in zip(first, again)), "train_val_test_split", "같은 시드로 두 번 호출",
           "같은 시드의 rng를 줬는데 결과가 다릅니다. 전역 np.random이 아니라 인자로 받은 rng를 쓰세요.",
           mistakes=(global_random(PERMUTATION),))
    expect(not np.array_equal(np.concatenate(first), np.arange(n)), "train_val_test_split", "n = 200",
           "번호가 0, 1, 2, … 순서 그대로입니다: 섞지 않고 잘랐습니다. rng.permutation(n)으로 섞으세요.")
    expect(not all(np.array_equal(a, b) for a, b in zip(first, other)), "train_val_test_split", "다른 시드로 호출",
           "시드가 달라도 결과가 같습니다. 인자로 받은 rng로 섞으세요.")


def test_every_index_equally_likely_in_test_set(student, reference, seed):
    """통계: 400개의 시드에서 모든 번호가 테스트 세트에 고르게 들어감"""
    n, ratios, trials = 20, (0.6, 0.2, 0.2), 400
    hits = np.zeros(n, dtype=int)
    for trial in range(trials):
        _, _, test_idx = _valid_split(student, reference, n, ratios, np.random.default_rng([seed, trial]),
                                      f"n = {n}, 시드 [{seed}, {trial}]")
        hits[test_idx] += 1
    expected = trials * 0.2
    tolerance = 6 * math.sqrt(trials * 0.2 * 0.8)
    worst = int(np.argmax(np.abs(hits - expected)))
    expect(bool(np.all(np.abs(hits - expected) <= tolerance)), "train_val_test_split", f"n = {n}, 시드 {trials}개",
           f"번호 {worst}이(가) 테스트 세트에 {hits[worst]}번 들어갔습니다. 기대 {expected:.0f} ± {tolerance:.0f} (표준편차의 6배).",
           "모든 샘플이 같은 확률로 각 세트에 들어가도록 전체를 골고루 섞으세요.")
