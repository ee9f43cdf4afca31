"""Check for 10_iteration_count: iterations per epoch (ceil), total iterations, last batch size.

Tolerance: none; counts are whole numbers and must be Python/numpy integers, not floats.
"""

import math

import pytest

from grader.engine.verdict import Integer, Mistake, compare

COUNT = Integer()

PER_EPOCH_MISTAKES = (
    Mistake("내림(//)을 썼습니다: 나누어떨어지지 않을 때 마지막 작은 배치를 빠뜨립니다. 올림(math.ceil)이 맞습니다.",
            lambda n, b: n // b, id="floor-instead-of-ceil"),
    Mistake("반올림했습니다: 남은 샘플이 배치의 절반보다 적으면 마지막 배치를 빠뜨립니다. 올림이 맞습니다.",
            lambda n, b: int(round(n / b)), id="round-instead-of-ceil"),
    Mistake("배치 크기와 배치 수를 혼동했습니다 (batch_size를 그대로 반환).", lambda n, b: b, id="batch-size-instead-of-count"),
)

TOTAL_MISTAKES = (
    Mistake("한 에포크의 이터레이션을 내림(//)으로 계산했습니다.", lambda n, b, e: e * (n // b), id="total-floor-instead-of-ceil"),
    Mistake("에포크 수를 곱하지 않았습니다: 한 에포크의 이터레이션 수만 반환했습니다.", lambda n, b, e: math.ceil(n / b), id="total-missing-epochs"),
    Mistake("샘플 수 × 에포크를 배치 크기로 한 번에 나눴습니다: 에포크마다 생기는 마지막 작은 배치를 한 번만 셉니다.",
            lambda n, b, e: math.ceil(n * e / b), id="total-ceil-of-all-samples"),
)

LAST_BATCH_MISTAKES = (
    Mistake("나머지(n % batch_size)를 그대로 썼습니다: 나누어떨어지면 마지막 배치는 0개가 아니라 batch_size개입니다.",
            lambda n, b: n % b, id="last-remainder-zero-when-divisible"),
    Mistake("마지막 배치도 항상 batch_size개라고 가정했습니다.", lambda n, b: b, id="last-always-batch-size"),
)

FUNCTIONS = {
    "iterations_per_epoch": PER_EPOCH_MISTAKES,
    "last_batch_size": LAST_BATCH_MISTAKES,
}

EDGE_CASES = {
    "노트의 예 (2,000개, 배치 200)": (2000, 200),
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
