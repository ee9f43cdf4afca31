"""Check for 10_iteration_count: iterations per epoch (ceil), total iterations, last batch size.

Tolerance: none; counts are whole numbers and must be Python/numpy integers, not floats.
The contract asks for exact integers at any size, so fixed cases go beyond 2^53, where
`math.ceil(n / b)` is off because n / b is a float (e.g. last_batch_size(10^17 + 1, 10^9) comes
out larger than the batch). Every misconception below is computed with exact integers, so it
names one idea only; the float one is the separate `float-division-ceil`.
On the huge cases several misconceptions can give the same wrong number (floor and float ceil
both return 10^8 for 10^17 + 1 samples in batches of 10^9); there only the misconceptions whose
answer no other one shares are offered for naming (`_distinguishable`).
"""

import math

import pytest

from grader.engine.verdict import Integer, Mistake, compare

COUNT = Integer()


def _ceil(n, b):
    return -(-n // b)


def _round_half_even(n, b):
    """What Python's round(n / b) gives, computed exactly (ties go to the even quotient)."""
    q, r = divmod(n, b)
    return q + 1 if 2 * r > b or (2 * r == b and q % 2) else q

FLOAT_CEIL = ("math.ceil(n_samples / batch_size)처럼 float 나눗셈을 거쳤습니다: 2^53보다 큰 정수는 float로 정확히 "
              "나타낼 수 없어 올림 결과가 틀립니다. 정수만으로 올림하세요: -(-n_samples // batch_size).")

PER_EPOCH_MISTAKES = (
    Mistake("내림(//)을 썼습니다: 나누어떨어지지 않을 때 마지막 작은 배치를 빠뜨립니다. 올림이 맞습니다.",
            lambda n, b: n // b, id="floor-instead-of-ceil"),
    Mistake("반올림했습니다: 남은 샘플이 배치의 절반보다 적으면 마지막 배치를 빠뜨립니다. 올림이 맞습니다.",
            _round_half_even, id="round-instead-of-ceil"),
    Mistake("배치 크기와 배치 수를 혼동했습니다 (batch_size를 그대로 반환).", lambda n, b: b, id="batch-size-instead-of-count"),
    Mistake(FLOAT_CEIL, lambda n, b: math.ceil(n / b), id="float-division-ceil"),
)

TOTAL_MISTAKES = (
    Mistake("한 에포크의 이터레이션을 내림(//)으로 계산했습니다.", lambda n, b, e: e * (n // b), id="total-floor-instead-of-ceil"),
    Mistake("에포크 수를 곱하지 않았습니다: 한 에포크의 이터레이션 수만 반환했습니다.", lambda n, b, e: _ceil(n, b), id="total-missing-epochs"),
    Mistake("샘플 수 × 에포크를 배치 크기로 한 번에 나눴습니다: 에포크마다 생기는 마지막 작은 배치를 한 번만 셉니다.",
            lambda n, b, e: _ceil(n * e, b), id="total-ceil-of-all-samples"),
    Mistake(FLOAT_CEIL, lambda n, b, e: e * math.ceil(n / b), id="float-division-ceil"),
    # rounding per epoch equals flooring whenever the remainder is under half a batch: a look-alike
    Mistake(PER_EPOCH_MISTAKES[1].description, lambda n, b, e: e * _round_half_even(n, b), id="round-instead-of-ceil"),
)

LAST_BATCH_MISTAKES = (
    Mistake("나머지(n % batch_size)를 그대로 썼습니다: 나누어떨어지면 마지막 배치는 0개가 아니라 batch_size개입니다.",
            lambda n, b: n % b, id="last-remainder-zero-when-divisible"),
    Mistake("마지막 배치도 항상 batch_size개라고 가정했습니다.", lambda n, b: b, id="last-always-batch-size"),
    Mistake(FLOAT_CEIL + " 그러면 마지막 배치가 batch_size보다 크거나 0 이하로 나옵니다.",
            lambda n, b: n - (math.ceil(n / b) - 1) * b, id="last-float-division-ceil"),
)

FUNCTIONS = {
    "iterations_per_epoch": PER_EPOCH_MISTAKES,
    "last_batch_size": LAST_BATCH_MISTAKES,
}

EDGE_CASES = {
    "기본 예 (2,000개, 배치 200)": (2000, 200),
    "마지막 배치가 작음 (2,050개, 배치 200)": (2050, 200),
    "남는 샘플이 1개 (2,001개, 배치 200)": (2001, 200),
    "남는 샘플이 배치의 절반 미만 (1,030개, 배치 100)": (1030, 100),
    "SGD: 배치 크기 1": (37, 1),
    "배치 경사 하강법: 배치 = 전체": (500, 500),
    "배치가 전체보다 큼": (50, 64),
    "Keras 기본 배치 32": (1000, 32),
}


@pytest.mark.parametrize("function", list(FUNCTIONS))
@pytest.mark.parametrize("case", list(EDGE_CASES))
def test_edge_cases(student, reference, function, case):
    """정해진 경우들"""
    compare(student, reference, function, EDGE_CASES[case], case=case, spec=COUNT, mistakes=FUNCTIONS[function])


@pytest.mark.parametrize("case", list(EDGE_CASES))
def test_total_iterations(student, reference, case):
    """total_iterations: 에포크 50번"""
    n_samples, batch_size = EDGE_CASES[case]
    compare(student, reference, "total_iterations", (n_samples, batch_size, 50),
            case=f"{case}, 에포크 50", spec=COUNT, mistakes=TOTAL_MISTAKES)


def test_random_sizes(student, reference, rng):
    """무작위 크기"""
    for trial in range(30):
        n_samples = int(rng.integers(1, 100_000))
        batch_size = int(rng.integers(1, 2_000))
        epochs = int(rng.integers(1, 100))
        case = f"무작위 입력 {trial + 1}번째 (n={n_samples}, batch={batch_size}, epochs={epochs})"
        for function, mistakes in FUNCTIONS.items():
            compare(student, reference, function, (n_samples, batch_size), case=case, spec=COUNT, mistakes=mistakes)
        compare(student, reference, "total_iterations", (n_samples, batch_size, epochs),
                case=case, spec=COUNT, mistakes=TOTAL_MISTAKES)


def _distinguishable(mistakes, args):
    """The mistakes whose answer on `args` no other mistake in the list shares: when two
    misconceptions give the same wrong number, naming either would be a guess."""
    answers = [m.compute(*args) for m in mistakes]
    return tuple(m for m, a in zip(mistakes, answers) if sum(int(a) == int(other) for other in answers) == 1)


# Beyond 2^53 = 9,007,199,254,740,992, where a float no longer holds every integer.
HUGE_CASES = {
    "아주 큰 n: 10^17 + 1개, 배치 10^9 (남는 샘플 1개)": (10**17 + 1, 10**9),
    "2^53 + 1개, 배치 2": (2**53 + 1, 2),
    "3 · (2^53 + 1)개, 배치 3 (나누어떨어짐)": (3 * (2**53 + 1), 3),
    "10^18개, 배치 10^9 + 7": (10**18, 10**9 + 7),
    "남는 샘플이 배치보다 훨씬 적음: 10^12 + 3개, 배치 10^6": (10**12 + 3, 10**6),
}


@pytest.mark.parametrize("function", list(FUNCTIONS))
@pytest.mark.parametrize("case", list(HUGE_CASES))
def test_huge_sizes(student, reference, function, case):
    """아주 큰 정수에서도 정확히 (float 나눗셈 없이)"""
    args = HUGE_CASES[case]
    compare(student, reference, function, args, case=case, spec=COUNT,
            mistakes=_distinguishable(FUNCTIONS[function], args))


@pytest.mark.parametrize("case", list(HUGE_CASES))
def test_total_iterations_huge(student, reference, case):
    """total_iterations: 아주 큰 정수, 에포크 50번"""
    args = (*HUGE_CASES[case], 50)
    compare(student, reference, "total_iterations", args, case=f"{case}, 에포크 50", spec=COUNT,
            mistakes=_distinguishable(TOTAL_MISTAKES, args))
