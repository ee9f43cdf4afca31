"""18 배치 정규화(batch normalization)

한 층의 입력 x (모양 (N, D): 배치 N개, 특성 D개)를 특성마다 배치의 평균과 분산으로 정규화한 뒤,
학습되는 매개변수 γ(gamma, 스케일)와 β(beta, 시프트)로 다시 조정합니다.

학습 모드 (배치 통계 사용, 특성마다 = 배치 축 axis 0으로):
    μ  = (1/N) Σ_i x_i                   배치 평균
    σ² = (1/N) Σ_i (x_i − μ)²            배치 분산 (N으로 나눔: 편향 분산, np.var의 기본값)
    x̂  = (x − μ) / √(σ² + ε)            ε는 제곱근 '안'에 더합니다 (분산이 0이어도 나눌 수 있게)
    out = γ · x̂ + β

이동 평균 (추론 때 쓸 통계를 학습 중에 모아 둠, Keras의 약속 momentum = 0.99):
    running_mean ← momentum · running_mean + (1 − momentum) · μ
    running_var  ← momentum · running_var  + (1 − momentum) · σ²
(PyTorch는 momentum 자리에 1 − momentum(기본 0.1)을 쓰고, running_var에는 N/(N − 1)을 곱한
불편 분산을 모읍니다. 이 과정은 Keras처럼 편향 분산 σ²를 그대로 모읍니다.)

추론 모드 (배치 통계가 아니라 이동 평균 사용: 샘플 하나만 넣어도 같은 결과):
    out = γ · (x − running_mean) / √(running_var + ε) + β

역전파 (학습 모드, 위쪽 기울기 dout = ∂L/∂out, 모양 (N, D)):
    dβ = Σ_i dout_i       dγ = Σ_i dout_i · x̂_i
    dx = γ / (N · √(σ² + ε)) · (N · dout − Σ_i dout_i − x̂ · Σ_i (dout_i · x̂_i))
μ와 σ²도 x에 의존하므로 dx는 γ · dout / √(σ² + ε)가 아닙니다.

배치 크기가 1이면 σ² = 0이어서 x̂ = 0, out = β가 됩니다 (배치 정규화가 작은 배치에서 잘 동작하지 않는 까닭).
gamma, beta, running_mean, running_var는 모양 (D,)입니다.
"""

import numpy as np


def batchnorm_forward_train(
    x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float = 1e-5
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """학습 모드의 배치 정규화. (out, batch_mean, batch_var)를 반환합니다.

    out은 x와 같은 모양 (N, D), batch_mean과 batch_var는 모양 (D,)이고 batch_var는 N으로 나눈 분산입니다.
    """
    # TODO: 위 설명대로 구현하세요. 막히면 'learn hint' 로 힌트를 볼 수 있습니다.
    raise NotImplementedError


def update_running_stats(
    running_mean: np.ndarray, running_var: np.ndarray, batch_mean: np.ndarray, batch_var: np.ndarray,
    momentum: float = 0.99,
) -> tuple[np.ndarray, np.ndarray]:
    """이동 평균 갱신. (새 running_mean, 새 running_var)를 반환합니다 (Keras의 momentum 약속)."""
    # TODO: 위 설명대로 구현하세요. 막히면 'learn hint' 로 힌트를 볼 수 있습니다.
    raise NotImplementedError


def batchnorm_forward_inference(
    x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, running_mean: np.ndarray, running_var: np.ndarray,
    eps: float = 1e-5,
) -> np.ndarray:
    """추론 모드의 배치 정규화: 배치 통계 대신 running_mean, running_var로 정규화합니다."""
    # TODO: 위 설명대로 구현하세요. 막히면 'learn hint' 로 힌트를 볼 수 있습니다.
    raise NotImplementedError


def batchnorm_backward(
    dout: np.ndarray, x: np.ndarray, gamma: np.ndarray, eps: float = 1e-5
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """학습 모드 배치 정규화의 역전파. (dx, dgamma, dbeta)를 반환합니다.

    dout은 출력에 대한 손실의 기울기 (N, D)입니다. dx는 (N, D), dgamma와 dbeta는 (D,)입니다.
    """
    # TODO: 위 설명대로 구현하세요. 막히면 'learn hint' 로 힌트를 볼 수 있습니다.
    raise NotImplementedError
