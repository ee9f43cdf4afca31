"""21 합성곱 필터와 Conv1D (Keras의 배치)

Keras의 Conv1D는 입력의 '시간(steps) 축' 한 방향으로만 필터를 밀면서 계산합니다.

    입력   x:      (batch, steps, in_channels)
    커널   kernel: (kernel_size, in_channels, filters)     필터 하나의 모양은 (kernel_size, in_channels)
    편향   bias:   (filters,)
    출력   out:    (batch, new_steps, filters)

위치 t, 필터 f의 출력 (stride 1, 교차 상관: 커널을 뒤집지 않음. Keras와 PyTorch 모두 이렇게 계산):
    out[b, t, f] = activation( Σ_j Σ_c  x_pad[b, t + j, c] · kernel[j, c, f]  +  bias[f] )
                   (j = 0 … kernel_size − 1, c = 0 … in_channels − 1)

padding
- 'valid': 채우지 않음. new_steps = steps − kernel_size + 1
- 'same' : 양 끝에 0을 채워 new_steps = steps. 채우는 양은 모두 kernel_size − 1개이고
           앞(왼쪽)에 (kernel_size − 1) // 2개, 나머지를 뒤(오른쪽)에 채웁니다
           (kernel_size가 짝수이면 뒤쪽이 하나 더 많음: TensorFlow/Keras의 약속).
activation은 None(활성화 없음) 또는 'relu'이며, 편향을 더한 '뒤에' 적용합니다.

자주 보는 잘못을 바로잡기: 입력 (1, 28, 28)에 Conv1D(filters=10, kernel_size=3, padding='same')를 쓰면
- 커널(가중치)의 모양은 (3, 28, 10): 필터 10개가 각각 (3, 28) 모양입니다 ((1, 28, 3)이 아님).
  필터는 입력의 모든 채널(28개)을 한꺼번에 덮고 steps 축으로만 움직입니다.
- 출력의 모양은 (1, 28, 10)이고, padding='valid'이면 (1, 26, 10)입니다.
"""

import numpy as np


def conv1d(
    x: np.ndarray, kernel: np.ndarray, bias: np.ndarray, padding: str = "valid", activation: str | None = None
) -> np.ndarray:
    """Keras 배치의 1차원 합성곱. 모양 (batch, new_steps, filters)의 float 배열을 반환합니다.

    padding은 'valid' 또는 'same', activation은 None 또는 'relu'입니다. stride는 1입니다.
    """
    # BEGIN SOLUTION
    x = np.asarray(x, dtype=np.float64)
    kernel = np.asarray(kernel, dtype=np.float64)
    size = kernel.shape[0]
    if padding == "same":
        left = (size - 1) // 2
        x = np.pad(x, ((0, 0), (left, size - 1 - left), (0, 0)))
    elif padding != "valid":
        raise ValueError(f"padding은 'valid' 또는 'same'이어야 합니다: {padding!r}")
    new_steps = x.shape[1] - size + 1
    # windows[b, t, j, c] = x[b, t + j, c]
    windows = np.stack([x[:, j : j + new_steps, :] for j in range(size)], axis=2)
    out = np.einsum("btjc,jcf->btf", windows, kernel) + np.asarray(bias, dtype=np.float64)
    if activation == "relu":
        out = np.maximum(out, 0.0)
    elif activation is not None:
        raise ValueError(f"activation은 None 또는 'relu'이어야 합니다: {activation!r}")
    return out
    # END SOLUTION


def conv1d_output_length(steps: int, kernel_size: int, padding: str = "valid") -> int:
    """stride 1인 Conv1D의 출력 길이 new_steps (int). 'valid': steps − kernel_size + 1, 'same': steps."""
    # BEGIN SOLUTION
    return steps if padding == "same" else steps - kernel_size + 1
    # END SOLUTION


def conv1d_kernel_shape(input_shape: tuple[int, int, int], filters: int, kernel_size: int) -> tuple[int, int, int]:
    """입력 모양 (batch, steps, in_channels)에 대한 Keras Conv1D 커널의 모양 (kernel_size, in_channels, filters).

    예: conv1d_kernel_shape((1, 28, 28), 10, 3) == (3, 28, 10)
    """
    # BEGIN SOLUTION
    return (int(kernel_size), int(input_shape[2]), int(filters))
    # END SOLUTION


def conv1d_output_shape(
    input_shape: tuple[int, int, int], filters: int, kernel_size: int, padding: str = "valid"
) -> tuple[int, int, int]:
    """입력 모양 (batch, steps, in_channels)에 대한 Keras Conv1D 출력의 모양 (batch, new_steps, filters).

    예: conv1d_output_shape((1, 28, 28), 10, 3, 'same') == (1, 28, 10),
        conv1d_output_shape((1, 28, 28), 10, 3, 'valid') == (1, 26, 10)
    """
    # BEGIN SOLUTION
    batch, steps, _ = input_shape
    return (int(batch), conv1d_output_length(int(steps), int(kernel_size), padding), int(filters))
    # END SOLUTION
