"""22 정밀도, 재현율, F1 점수와 PR 곡선

양성이 드문 문제(스팸, 질병, 사기 거래)에서는 정확도보다 '양성'에 초점을 맞춘 두 지표를 봅니다.
레이블 1 = 양성, 0 = 음성이고, 02의 혼동 행렬 칸 TP, FP, FN을 씁니다.

    정밀도(precision) P = TP / (TP + FP)   양성이라고 예측한 것 중 실제로 양성인 비율
    재현율(recall)    R = TP / (TP + FN)   실제 양성 중 양성으로 잡아낸 비율 (= 민감도, TPR)
    F1 점수           F1 = 2 · P · R / (P + R)   P와 R의 조화 평균 (= 2TP / (2TP + FP + FN))

0으로 나누는 경우는 이렇게 정합니다 (scikit-learn의 zero_division=0과 같음):
- 양성이라고 예측한 것이 하나도 없으면(TP + FP = 0) 정밀도는 0.0
- 실제 양성이 하나도 없으면(TP + FN = 0) 재현율은 0.0
- P + R = 0이면(TP = 0) F1은 0.0
어떤 경우에도 NaN이나 경고를 내지 않습니다.

PR 곡선(정밀도-재현율 곡선)은 04의 ROC처럼 임계값 t를 높은 값에서 낮은 값으로 내리며 03의 규칙
(score ≥ t이면 양성)으로 예측하고, 임계값마다 (정밀도, 재현율)을 구한 것입니다. 임계값은 서로 다른
점수들을 큰 것부터 나열한 것이고(np.inf는 넣지 않음), 점수가 같은 샘플은 한 임계값에서 함께 양성이
됩니다. 각 임계값에서는 적어도 한 샘플이 양성으로 예측되므로 정밀도의 분모는 0이 아닙니다.
(scikit-learn의 precision_recall_curve는 같은 점들을 임계값이 작은 것부터 나열하고, 끝에 점
(정밀도 1, 재현율 0)을 하나 덧붙입니다.)

평균 정밀도(AP, average precision)는 PR 곡선을 하나의 숫자로 줄인 것으로, 재현율이 늘어난 만큼에
그 임계값의 정밀도를 곱해 더합니다 (보간하지 않음, scikit-learn의 average_precision_score와 같음):

    AP = Σ_n (R_n − R_{n−1}) · P_n      (임계값이 큰 것부터 n = 1, 2, …, R_0 = 0)

입력: y_true는 0과 1로 된 1차원 정수 배열, y_pred는 같은 모양의 0/1 예측, scores는 같은 모양의 실수 점수.
PR 곡선과 AP에서는 y_true에 양성이 적어도 하나 있습니다.

예: y_true = [1, 1, 0, 0, 1, 0], scores = [0.9, 0.8, 0.7, 0.6, 0.5, 0.1]
    → thresholds = [0.9, 0.8, 0.7, 0.6, 0.5, 0.1]
      precision  = [1, 1, 2/3, 0.5, 0.6, 0.5],  recall = [1/3, 2/3, 2/3, 2/3, 1, 1]
      AP = 1/3 · 1 + 1/3 · 1 + 1/3 · 0.6 = 0.8666…
    y_pred = [1, 0, 1, 0, 1, 0]이면 TP = 2, FP = 1, FN = 1 → 정밀도 2/3, 재현율 2/3, F1 2/3
"""

import numpy as np


def precision(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """정밀도 TP / (TP + FP)를 float로 반환합니다. 양성 예측이 하나도 없으면 0.0입니다."""
    # TODO: 위 설명대로 구현하세요. 막히면 'learn hint' 로 힌트를 볼 수 있습니다.
    raise NotImplementedError


def recall(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """재현율 TP / (TP + FN)를 float로 반환합니다. 실제 양성이 하나도 없으면 0.0입니다."""
    # TODO: 위 설명대로 구현하세요. 막히면 'learn hint' 로 힌트를 볼 수 있습니다.
    raise NotImplementedError


def f1_score(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """F1 = 2 · P · R / (P + R)를 float로 반환합니다. P + R = 0이면 0.0입니다.

    산술 평균 (P + R) / 2가 아니라 조화 평균입니다: P = 1, R = 0이면 F1은 0입니다.
    """
    # TODO: 위 설명대로 구현하세요. 막히면 'learn hint' 로 힌트를 볼 수 있습니다.
    raise NotImplementedError


def precision_recall_curve(y_true: np.ndarray, scores: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(precision, recall, thresholds)를 반환합니다. 세 배열 모두 모양 (m,)의 실수 배열입니다
    (m = 서로 다른 점수의 수).

    thresholds는 서로 다른 점수를 큰 것부터 나열한 것이고, precision[i]와 recall[i]는
    'score ≥ thresholds[i]이면 양성'으로 예측했을 때의 정밀도와 재현율입니다.
    """
    # TODO: 위 설명대로 구현하세요. 막히면 'learn hint' 로 힌트를 볼 수 있습니다.
    raise NotImplementedError


def average_precision(y_true: np.ndarray, scores: np.ndarray) -> float:
    """평균 정밀도 AP = Σ_n (R_n − R_{n−1}) · P_n (R_0 = 0)를 float로 반환합니다.

    PR 곡선의 점들을 임계값이 큰 것부터 쓰며, 점 사이를 보간하거나 사다리꼴로 넓이를 구하지 않습니다.
    """
    # TODO: 위 설명대로 구현하세요. 막히면 'learn hint' 로 힌트를 볼 수 있습니다.
    raise NotImplementedError
