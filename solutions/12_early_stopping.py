"""12 조기 종료(early stopping)

에포크마다 검증 손실(validation loss)을 기록하다가, 검증 손실이 patience번 연속으로 '개선'되지
않으면 학습을 멈추고, 그때까지 검증 손실이 가장 좋았던 에포크의 가중치를 되살립니다
(Keras의 EarlyStopping(monitor='val_loss', patience=..., min_delta=..., restore_best_weights=True)와 같은 규칙).

에포크 번호는 0부터 셉니다(0-based): val_losses[0]이 첫 번째 에포크(에포크 0)의 검증 손실입니다.

규칙 (best = +∞, wait = 0에서 시작해 에포크 0, 1, 2, ... 순서로):

    val_losses[i] < best − min_delta 이면 '개선':  best = val_losses[i], best_epoch = i, wait = 0
    아니면:                                    wait = wait + 1
                                               wait ≥ patience 이면 에포크 i에서 멈춤 (stop_epoch = i)

주의할 점
- 비교 대상은 '직전 에포크'가 아니라 '지금까지의 최솟값(best)'입니다.
- 값이 같으면(또는 min_delta보다 적게 줄면) 개선이 아닙니다.
- 끝까지 멈추지 않으면 stop_epoch는 마지막 에포크 len(val_losses) − 1입니다.
- 흔히 말하는 "검증 오차가 증가하면 종료"는 patience = 1인 경우에 해당합니다.

예: val_losses = [1.0, 0.8, 0.7, 0.75, 0.72, 0.9], patience = 2
    에포크 2에서 최솟값 0.7 → 에포크 3, 4에서 개선 없음(wait 1, 2) → 에포크 4에서 멈춤.
    early_stopping(...) == (4, 2), epochs_trained(...) == 5

val_losses는 1차원 실수 배열(또는 리스트), patience는 1 이상의 정수, min_delta ≥ 0입니다.
결과는 파이썬 int입니다.
"""

import numpy as np


def early_stopping(val_losses: np.ndarray, patience: int, min_delta: float = 0.0) -> tuple[int, int]:
    """(stop_epoch, best_epoch)를 반환합니다. 둘 다 0부터 센 에포크 번호(int)입니다.

    stop_epoch: 학습을 멈춘 에포크 (멈추지 않았으면 마지막 에포크)
    best_epoch: 되살릴 가중치의 에포크 (검증 손실이 마지막으로 '개선'된 에포크)
    예: early_stopping([1.0, 0.8, 0.7, 0.75, 0.72, 0.9], 2) == (4, 2)
    """
    # BEGIN SOLUTION
    losses = np.asarray(val_losses, dtype=np.float64)
    best, best_epoch, wait = np.inf, 0, 0
    for epoch, loss in enumerate(losses):
        if loss < best - min_delta:
            best, best_epoch, wait = loss, epoch, 0
        else:
            wait += 1
            if wait >= patience:
                return epoch, best_epoch
    return len(losses) - 1, best_epoch
    # END SOLUTION


def epochs_trained(val_losses: np.ndarray, patience: int, min_delta: float = 0.0) -> int:
    """실제로 학습한 에포크의 수(int). 에포크 번호가 0부터이므로 stop_epoch + 1입니다.

    예: epochs_trained([1.0, 0.8, 0.7, 0.75, 0.72, 0.9], 2) == 5
    """
    # BEGIN SOLUTION
    stop_epoch, _ = early_stopping(val_losses, patience, min_delta)
    return stop_epoch + 1
    # END SOLUTION
