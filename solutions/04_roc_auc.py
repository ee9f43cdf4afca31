"""04 ROC 곡선과 AUC

이진 분류 모델의 점수(양성일 확률) scores와 실제 레이블 y_true(0 또는 1)가 있을 때, 임계값 t를
높은 값에서 낮은 값으로 내리며 03과 같은 규칙(score ≥ t이면 양성)으로 예측하고, 임계값마다

    x축: 거짓 양성 비율 FPR = FP / (FP + TN) = 1 − 특이도
    y축: 참 양성 비율   TPR = TP / (TP + FN) = 민감도

를 점으로 찍은 것이 ROC 곡선입니다. ('TPR과 TNR의 그래프'라는 설명을 흔히 보지만, ROC의 x축은
특이도(TNR)가 아니라 1 − 특이도(FPR)입니다.)

임계값의 목록은 [np.inf, 서로 다른 점수들을 큰 것부터]입니다. 첫 임계값 np.inf에서는 아무것도 양성이
아니므로 (0, 0)에서 시작하고, 마지막 임계값(가장 작은 점수)에서는 모두 양성이므로 (1, 1)에서 끝납니다.
점수가 같은 샘플들은 한 임계값에서 함께 양성이 되므로 점 하나로 함께 움직입니다
(서로 다른 점수가 m개면 점은 m + 1개). 이것은 scikit-learn의 roc_curve(drop_intermediate=False)와 같습니다.

AUC는 ROC 곡선 아래의 넓이로, 이웃한 두 점 사이를 사다리꼴로 보고 더합니다.

    AUC = Σ_i (x_{i+1} − x_i) · (y_i + y_{i+1}) / 2

y_true는 0과 1로 된 1차원 정수 배열(모양 (n,))로 양성과 음성이 모두 있고, scores는 같은 모양의 실수 배열입니다.

예: y_true = [0, 0, 1, 1], scores = [0.1, 0.4, 0.35, 0.8]
    → thresholds = [inf, 0.8, 0.4, 0.35, 0.1], fpr = [0, 0, 0.5, 0.5, 1], tpr = [0, 0.5, 0.5, 1, 1], AUC = 0.75
"""

import numpy as np


def roc_curve(y_true: np.ndarray, scores: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(fpr, tpr, thresholds)를 반환합니다. 세 배열 모두 모양 (m + 1,)의 실수 배열입니다 (m = 서로 다른 점수의 수).

    thresholds[0] = np.inf이고 나머지는 서로 다른 점수를 큰 것부터 나열한 것입니다.
    fpr[i], tpr[i]는 'score ≥ thresholds[i]이면 양성'으로 예측했을 때의 FPR과 TPR입니다.
    """
    # BEGIN SOLUTION
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=np.float64)
    thresholds = np.concatenate(([np.inf], np.unique(s)[::-1]))
    positives = max(int(np.sum(y == 1)), 1)
    negatives = max(int(np.sum(y == 0)), 1)
    tp = np.array([np.sum((s >= t) & (y == 1)) for t in thresholds], dtype=np.float64)
    fp = np.array([np.sum((s >= t) & (y == 0)) for t in thresholds], dtype=np.float64)
    return fp / negatives, tp / positives, thresholds
    # END SOLUTION


def auc(x: np.ndarray, y: np.ndarray) -> float:
    """점 (x_i, y_i)를 이은 꺾은선 아래의 넓이를 사다리꼴 공식으로 구해 float로 반환합니다.

    x는 오름차순(같은 값 허용)입니다. 예: auc(np.array([0, 0.5, 1]), np.array([0, 1, 1])) → 0.75
    """
    # BEGIN SOLUTION
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    return float(np.sum((x[1:] - x[:-1]) * (y[1:] + y[:-1]) / 2.0))
    # END SOLUTION


def roc_auc(y_true: np.ndarray, scores: np.ndarray) -> float:
    """ROC 곡선(roc_curve)의 점들로 AUC(auc)를 구해 float로 반환합니다.

    완벽히 가르는 점수는 1.0, 거꾸로 가르는 점수는 0.0, 모든 점수가 같으면 0.5입니다.
    """
    # BEGIN SOLUTION
    fpr, tpr, _ = roc_curve(y_true, scores)
    return auc(fpr, tpr)
    # END SOLUTION
