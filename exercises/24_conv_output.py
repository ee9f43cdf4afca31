"""24 합성곱의 출력 길이(padding, stride, dilation)와 1차원 풀링

21에서는 stride 1인 Conv1D만 다뤘습니다. 실제 층에는 세 가지 설정이 더 있습니다.

- padding p: 입력의 양 끝에 0을 p개씩 붙입니다 (앞에 p개, 뒤에 p개, 모두 2p개).
- stride s: 필터를 한 번에 s칸씩 옮깁니다. s = 2이면 출력이 대략 절반으로 줄어듭니다.
- dilation d: 필터의 원소 사이를 d − 1칸씩 띄웁니다. 크기 k인 필터가 덮는 폭은 d · (k − 1) + 1이 됩니다
  (k = 3, d = 2이면 [x0, _, x2, _, x4]처럼 폭 5를 덮음).

길이 n인 입력에 대한 출력 길이는 (PyTorch의 Conv1d와 같은 식)

    L_out = floor( (n + 2p − d · (k − 1) − 1) / s ) + 1

입니다. 필터의 첫 위치에서 시작해 폭 d(k − 1) + 1이 덮개 안에 완전히 들어가는 위치만 셉니다. 끝에 남는
자투리(필터가 다 들어가지 않는 부분)는 버리므로 올림이 아니라 내림입니다. float 나눗셈 대신 정수
연산(//)을 쓰면 큰 수에서도 정확합니다.

잘못된 설정은 ValueError로 막습니다: kernel_size, stride, dilation이 1보다 작을 때, padding이 음수일
때, 그리고 필터가 덮는 폭이 패딩한 입력보다 길어서 출력 길이가 1보다 작아질 때
(n + 2p − d(k − 1) − 1 < 0). 메시지는 어떤 설정이 왜 잘못인지 알려 주는 한 줄이면 됩니다.

풀링(pooling)은 가중치 없이 창(window) 안의 값을 하나로 줄입니다. 최대 풀링은 최댓값, 평균 풀링은
평균을 씁니다. 여기서는 padding 없이, dilation 없이, 입력 x의 마지막 축을 따라 크기 kernel_size인 창을
stride칸씩 옮깁니다 (x는 (n,)이나 PyTorch의 배치 (batch, channels, n) 같은 모양). stride를 주지 않으면
(None) kernel_size와 같습니다 (PyTorch와 Keras의 기본값). 출력 길이는 위 식에서 p = 0, d = 1인 경우이고,
끝에 남는 자투리 창은 버립니다.

예: conv_output_length(10, 3, padding=1, stride=2) = floor((10 + 2 − 2 − 1) / 2) + 1 = 5
    conv_output_length(10, 3, dilation=2) = floor((10 − 4 − 1) / 1) + 1 = 6
    x = [1, 3, 2, 5, 4, 0, 7], kernel_size = 2 (stride 2): 창 [1, 3], [2, 5], [4, 0] (7은 버림)
    → max_pool1d = [3, 5, 4], avg_pool1d = [2, 3.5, 2]
"""

import numpy as np


def conv_output_length(n: int, kernel_size: int, padding: int = 0, stride: int = 1, dilation: int = 1) -> int:
    """길이 n인 입력에 대한 1차원 합성곱의 출력 길이(int)를 반환합니다.

    L_out = floor((n + 2·padding − dilation·(kernel_size − 1) − 1) / stride) + 1.
    설정이 잘못되었거나 결과가 1보다 작으면 ValueError를 냅니다 (위 설명 참고).
    """
    # TODO: 위 설명대로 구현하세요. 막히면 'learn hint' 로 힌트를 볼 수 있습니다.
    raise NotImplementedError


def max_pool1d(x: np.ndarray, kernel_size: int, stride: int | None = None) -> np.ndarray:
    """마지막 축을 따라 최대 풀링한 float 배열을 반환합니다. 모양은 x의 마지막 축 길이만 L_out으로 바뀝니다.

    stride가 None이면 kernel_size를 씁니다. 끝의 자투리 창은 버립니다. 창이 입력보다 크면 ValueError.
    """
    # TODO: 위 설명대로 구현하세요. 막히면 'learn hint' 로 힌트를 볼 수 있습니다.
    raise NotImplementedError


def avg_pool1d(x: np.ndarray, kernel_size: int, stride: int | None = None) -> np.ndarray:
    """마지막 축을 따라 평균 풀링한 float 배열을 반환합니다. 창마다 kernel_size개 값의 평균입니다.

    stride가 None이면 kernel_size를 씁니다. 끝의 자투리 창은 버립니다. 창이 입력보다 크면 ValueError.
    """
    # TODO: 위 설명대로 구현하세요. 막히면 'learn hint' 로 힌트를 볼 수 있습니다.
    raise NotImplementedError
