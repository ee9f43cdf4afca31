"""10 에포크, 배치 크기, 이터레이션

전체 데이터가 n_samples개이고 배치 크기가 batch_size일 때

    한 에포크의 이터레이션(스텝) 수 = ⌈n_samples / batch_size⌉  (올림)
    전체 이터레이션 수 = 에포크 수 × 한 에포크의 이터레이션 수

나누어떨어지지 않으면 마지막 배치는 batch_size보다 작지만, 그것도 한 번의 매개변수
업데이트이므로 이터레이션 하나로 셉니다. 극단적인 두 경우:
배치 경사 하강법(batch_size ≥ n_samples)은 에포크당 1번, SGD(batch_size = 1)는 n_samples번입니다.

모든 입력은 1 이상의 정수이고, 결과는 정확한 파이썬 int입니다. n_samples가 아주 커도
(예: 10^17개) 틀리지 않아야 합니다: 2^53보다 큰 정수는 float로 정확히 나타낼 수 없으므로
float 나눗셈(/)을 거치지 말고 정수 연산(//, %)만으로 계산하세요.
"""


def iterations_per_epoch(n_samples: int, batch_size: int) -> int:
    """한 에포크에 필요한 배치(이터레이션) 수. 예: (2000, 200) → 10, (2050, 200) → 11."""
    # BEGIN SOLUTION
    return -(-n_samples // batch_size)  # 정수만으로 올림: ⌈n / b⌉ = −⌊−n / b⌋
    # END SOLUTION


def total_iterations(n_samples: int, batch_size: int, epochs: int) -> int:
    """epochs번 학습하는 동안의 전체 매개변수 업데이트 횟수. 예: (2000, 200, 50) → 500."""
    # BEGIN SOLUTION
    return epochs * iterations_per_epoch(n_samples, batch_size)
    # END SOLUTION


def last_batch_size(n_samples: int, batch_size: int) -> int:
    """한 에포크의 마지막 배치에 들어가는 샘플 수. 예: (2050, 200) → 50, (2000, 200) → 200."""
    # BEGIN SOLUTION
    _, remainder = divmod(n_samples, batch_size)
    return remainder if remainder else batch_size
    # END SOLUTION
