"""07 원-핫 인코딩(one-hot encoding)

정수로 인코딩된 클래스 레이블(0, 1, …, k − 1)을, 클래스 수 k 길이의 벡터에서 그 클래스 자리만 1이고
나머지는 0인 원-핫 벡터로 바꿉니다. 클래스 번호가 곧 열 번호입니다.

    labels = [2, 0, 1], num_classes = 3  →  [[0, 0, 1],
                                               [1, 0, 0],
                                               [0, 1, 0]]

num_classes를 주지 않으면(None) 레이블의 최댓값 + 1을 클래스 수로 씁니다 (0부터 세므로).
레이블에 등장하지 않는 클래스도 열은 있습니다: [0, 2]이면 클래스 수는 3이고 가운데 열은 모두 0입니다.
주어진 num_classes 이상이거나 음수인 레이블이 있으면 ValueError를 냅니다 (조용히 틀린 결과를 내지 않도록).

거꾸로 원-핫 행렬에서 레이블을 되찾으려면 각 행에서 1이 있는 열 번호(argmax)를 고릅니다.

labels는 0 이상의 정수로 된 1차원 배열(모양 (n,))입니다.
"""

import numpy as np


def to_one_hot(labels: np.ndarray, num_classes: int | None = None) -> np.ndarray:
    """모양 (n, num_classes)의 원-핫 행렬을 float64 배열(값은 0.0과 1.0)로 반환합니다.

    num_classes가 None이면 labels.max() + 1을 씁니다. 레이블이 음수이거나 num_classes 이상이면
    ValueError를 냅니다.
    예: to_one_hot(np.array([1, 0]), 3) → array([[0., 1., 0.], [1., 0., 0.]])
    """
    # BEGIN SOLUTION
    labels = np.asarray(labels)
    if num_classes is None:
        num_classes = int(labels.max()) + 1 if labels.size else 0
    if labels.size and (labels.min() < 0 or labels.max() >= num_classes):
        raise ValueError(f"레이블은 0 이상 {num_classes} 미만이어야 합니다 (받은 범위: {labels.min()} … {labels.max()}).")
    one_hot = np.zeros((labels.size, num_classes), dtype=np.float64)
    one_hot[np.arange(labels.size), labels] = 1.0
    return one_hot
    # END SOLUTION


def from_one_hot(one_hot: np.ndarray) -> np.ndarray:
    """원-핫 행렬(모양 (n, k))의 각 행에서 1이 있는 열 번호를 골라 정수 배열(모양 (n,))로 반환합니다.

    예: from_one_hot(np.array([[0., 1., 0.], [1., 0., 0.]])) → array([1, 0])
    """
    # BEGIN SOLUTION
    return np.argmax(np.asarray(one_hot), axis=1)
    # END SOLUTION
