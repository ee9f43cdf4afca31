"""Every way a learner's code can fail to produce a value, worded in Korean in one place.

Learner mode (`student.py`, the code runs in this process) and grading mode (`sandboxed.py`,
the code runs in a sandbox worker) both build their `StudentFailure`s here, so a learner and an
instructor read the same sentence for the same failure, and reports group failures by kind.
"""

from __future__ import annotations

import re
from typing import Callable

from grader.engine.results import FailureKind, StudentFailure

KIND_LABELS = {
    FailureKind.LOAD_ERROR: "불러오기 실패",
    FailureKind.MISSING_FUNCTION: "함수 없음",
    FailureKind.NOT_IMPLEMENTED: "미구현",
    FailureKind.EXCEPTION: "예외",
    FailureKind.TIMEOUT: "시간 초과",
    FailureKind.EXIT: "종료 호출",
    FailureKind.CRASH: "비정상 종료",
    FailureKind.OUTPUT_FLOOD: "출력 과다",
    FailureKind.BAD_OUTPUT: "보낼 수 없는 반환값",
    FailureKind.SETUP: "채점 환경 오류",
    FailureKind.BUDGET: "시간 예산 초과",
    FailureKind.SKIPPED: "앞선 실패로 건너뜀",
}


def not_implemented(function: str) -> StudentFailure:
    return StudentFailure(FailureKind.NOT_IMPLEMENTED,
                          f"{function}을(를) 아직 구현하지 않았습니다 (NotImplementedError). # TODO를 채우세요.", function)


def missing_function(function: str, filename: str) -> StudentFailure:
    return StudentFailure(FailureKind.MISSING_FUNCTION,
                          f"{filename}에 함수 {function}이(가) 없습니다. 함수 이름을 바꾸거나 지우지 않았는지 확인하세요.",
                          function)


def not_callable(function: str, filename: str, type_name: str) -> StudentFailure:
    return StudentFailure(FailureKind.MISSING_FUNCTION,
                          f"{filename}의 {function}은(는) 함수가 아닙니다 ({type_name}).", function)


def timeout(function: str, seconds: float) -> StudentFailure:
    return StudentFailure(FailureKind.TIMEOUT,
                          f"{function}이(가) {seconds:g}초 안에 끝나지 않았습니다 (시간 초과). 무한 루프가 있는지 확인하세요.",
                          function)


def still_hung(function: str, seconds: float) -> StudentFailure:
    """A function that already timed out is not called again: each further call would cost as much."""
    return StudentFailure(FailureKind.TIMEOUT,
                          f"{function}은(는) 앞선 호출에서 {seconds:g}초 제한을 넘겨 더 호출하지 않습니다.", function)


def exited(function: str) -> StudentFailure:
    return StudentFailure(FailureKind.EXIT, f"{function}이(가) sys.exit()/exit()를 호출했습니다. 값을 return 하세요.",
                          function)


def _broadcast(match: re.Match[str]) -> str:
    shapes = ", ".join(match.group(1).split())
    return (f"모양 {shapes}인 배열끼리는 원소별로 계산(브로드캐스팅)할 수 없습니다. 흔한 원인은 합·평균·최댓값처럼 "
            "축을 줄인 결과를 원래 배열과 계산할 때 축이 사라진 것입니다: x.max(axis=1, keepdims=True)처럼 "
            "keepdims=True를 쓰거나, axis가 맞는지(행마다면 axis=1, 열마다면 axis=0) 확인하세요.")


def _axis(match: re.Match[str]) -> str:
    axis, ndim = int(match.group(1)), int(match.group(2))
    allowed = "0 (또는 -1)" if ndim == 1 else f"0 … {ndim - 1} (또는 -1 … -{ndim})" if ndim else "없음 (0차원 값)"
    return (f"{ndim}차원 배열에는 axis {axis}이(가) 없습니다 (쓸 수 있는 축: {allowed}). 입력이 예상보다 차원이 적습니다: "
            "1차원 입력도 받는다면 axis=-1을 쓰거나, 입력의 모양(x.shape)을 확인하세요.")


def _cast(match: re.Match[str]) -> str:
    ufunc, source, target = match.groups()
    return (f"{target} 배열에 제자리 연산(-=, +=, /=, *= 같은 복합 대입이나 out=)을 해서, {ufunc}의 결과 {source}를 "
            f"{target} 배열에 담을 수 없습니다. 정수 입력도 받는다면 x = x.astype(np.float64)로 실수 배열을 만든 뒤 "
            "계산하거나, x = x - y처럼 새 배열을 만드세요 (제자리 연산은 호출한 쪽의 배열도 바꿉니다).")


def _small_int(match: re.Match[str]) -> str:
    value, dtype = match.groups()
    return (f"{dtype} 배열에는 {value}을(를) 담을 수 없습니다: {dtype}처럼 작은 정수 dtype은 범위가 좁습니다 "
            "(uint8은 0 … 255, int8은 -128 … 127). 계산하기 전에 x = np.asarray(x, dtype=np.float64)로 바꾸세요.")


def _index(match: re.Match[str]) -> str:
    index, axis, size = (int(g) for g in match.groups())
    return (f"크기 {size}인 축 {axis}에서 인덱스 {index}은(는) 범위(0 … {size - 1}) 밖입니다. range의 끝, +1/-1, "
            "그리고 어느 축의 길이(x.shape[0]인지 x.shape[1]인지)를 썼는지 확인하세요.")


def _too_many(match: re.Match[str]) -> str:
    ndim, used = match.groups()
    return (f"{ndim}차원 배열에 인덱스를 {used}개 썼습니다. 입력의 모양(x.shape)이 생각한 것과 다릅니다: "
            "1차원이면 x[i], 2차원이면 x[i, j]처럼 차원 수만큼만 쓰세요.")


def _matmul(match: re.Match[str]) -> str:
    return ("행렬곱(@, np.dot)의 안쪽 차원이 맞지 않습니다: (a, k) @ (k, b)처럼 왼쪽의 열 수와 오른쪽의 행 수가 같아야 "
            "합니다. 전치(.T)를 빠뜨렸거나 곱하는 순서가 바뀌지 않았는지 각 배열의 shape로 확인하세요.")


def _shapes_not_aligned(match: re.Match[str]) -> str:
    left, right = match.group(1), match.group(2)
    return (f"np.dot/@의 모양 {left}와(과) {right}의 안쪽 차원이 맞지 않습니다: (a, k) @ (k, b)처럼 왼쪽의 열 수와 "
            "오른쪽의 행 수가 같아야 합니다. 전치(.T)를 빠뜨렸거나 곱하는 순서가 바뀌지 않았는지 확인하세요.")


def _negative_power(match: re.Match[str]) -> str:
    return ("정수 배열을 음의 정수로 거듭제곱(x ** -1)할 수 없습니다. x ** -1.0 또는 1.0 / x처럼 실수로 계산하거나, "
            "먼저 x.astype(np.float64)로 바꾸세요.")


def _ambiguous(match: re.Match[str]) -> str:
    return ("원소가 여러 개인 배열을 if/and/or/while의 조건으로 썼습니다: 배열 전체가 참인지 정할 수 없습니다. "
            "원소마다 고르려면 np.where(조건, a, b)나 불리언 마스크 x[x > 0]를, 하나로 줄이려면 .any()/.all()을 쓰세요.")


def _scalar(match: re.Match[str]) -> str:
    return ("배열을 숫자 하나가 필요한 곳(math.exp, math.log, float(), int() 등)에 넘겼습니다. 원소마다 계산하려면 "
            "np.exp, np.log처럼 numpy 함수를 쓰세요.")


def _index_dtype(match: re.Match[str]) -> str:
    return ("인덱스로 쓴 배열이 정수나 bool이 아닙니다 (예: 실수 배열, 또는 나눗셈 / 로 만든 값). 정수 나눗셈 // 을 쓰거나 "
            ".astype(int)로 바꾸세요.")


def _reshape(match: re.Match[str]) -> str:
    size, shape = match.groups()
    return (f"원소 {size}개인 배열을 모양 {shape}(으)로 바꿀 수 없습니다: 바꾸기 전후의 원소 수가 같아야 합니다. "
            "입력의 shape와 reshape에 준 크기를 확인하세요.")


def _empty_reduction(match: re.Match[str]) -> str:
    return (f"빈 배열(원소 0개)의 {match.group(1)}을(를) 구했습니다: 빈 배열에는 최댓값·최솟값이 없습니다. "
            "입력이 비어 있을 수 있다면 먼저 처리하세요 (예: if x.size == 0: …).")


def _assign(match: re.Match[str]) -> str:
    source, target = match.groups()
    return (f"모양 {source}인 값을 모양 {target}인 자리에 넣을 수 없습니다. 대입하는 양쪽 슬라이스의 길이를 확인하세요.")


# (exception type names, message pattern, explanation): the worker sends only "Name: text" across
# the sandbox, so the explanation is found from those two strings, the same in both modes.
NUMPY_EXPLANATIONS: tuple[tuple[frozenset[str], re.Pattern[str], Callable[[re.Match[str]], str]], ...] = tuple(
    (frozenset(names), re.compile(pattern), explain) for names, pattern, explain in (
        ({"ValueError"}, r"operands could not be broadcast together with (?:remapped )?shapes (?:\[original->remapped\]: )?"
                         r"((?:\S+ ?)+?)\s*$", _broadcast),
        ({"AxisError", "IndexError", "ValueError"}, r"axis (-?\d+) is out of bounds for array of dimension (\d+)", _axis),
        ({"UFuncTypeError", "_UFuncOutputCastingError", "TypeError"},
         r"Cannot cast ufunc '(\w+)' output from dtype\('(\w+)'\) to dtype\('(\w+)'\)", _cast),
        ({"OverflowError"}, r"Python integer (-?\d+) out of bounds for (u?int\d+)", _small_int),
        ({"IndexError"}, r"index (-?\d+) is out of bounds for axis (\d+) with size (\d+)", _index),
        ({"IndexError"}, r"too many indices for array: array is (\d+)-dimensional, but (\d+) were indexed", _too_many),
        ({"IndexError"}, r"arrays used as indices must be of integer \(or boolean\) type", _index_dtype),
        ({"ValueError"}, r"^matmul: Input operand \d has a mismatch in its core dimension", _matmul),
        ({"ValueError"}, r"shapes (\([^)]*\)) and (\([^)]*\)) not aligned", _shapes_not_aligned),
        ({"ValueError"}, r"Integers to negative integer powers are not allowed", _negative_power),
        ({"ValueError"}, r"truth value of an array with more than one element is ambiguous", _ambiguous),
        ({"TypeError"}, r"only (?:0-dimensional|length-1|size-1) arrays can be converted to Python scalars", _scalar),
        ({"ValueError"}, r"cannot reshape array of size (\d+) into shape (\([^)]*\))", _reshape),
        ({"ValueError"}, r"zero-size array to reduction operation (maximum|minimum|argmax|argmin)", _empty_reduction),
        ({"ValueError"}, r"could not broadcast input array from shape (\([^)]*\)) into shape (\([^)]*\))", _assign),
    ))


def numpy_explanation(name: str, text: str) -> str:
    """A Korean explanation and the usual fix for a common numpy error, from the exception's type
    name and message alone (all that crosses the sandbox); "" when the error is not a known one."""
    for names, pattern, explain in NUMPY_EXPLANATIONS:
        if name in names:
            match = pattern.search(text)
            if match:
                return explain(match)
    return ""


EXPLANATION_PREFIX = "설명: "


def exception(function: str, name: str, text: str, where: str = "") -> StudentFailure:
    """`where` is the learner's line, e.g. ' (03_threshold.py 12번째 줄: return p > t)'. A common
    numpy error gets a second line: what it means and the usual fix, in Korean."""
    detail = f": {text}" if text else ""
    explanation = numpy_explanation(name, text)
    extra = f"\n  {EXPLANATION_PREFIX}{explanation}" if explanation else ""
    return StudentFailure(FailureKind.EXCEPTION,
                          f"{function}을(를) 호출하자 예외가 났습니다: {name}{detail}{where}{extra}", function, name)


def crash(function: str, how: str) -> StudentFailure:
    return StudentFailure(FailureKind.CRASH, f"{function}을(를) 실행하던 프로세스가 {how}", function)


def output_flood(function: str, limit_bytes: int) -> StudentFailure:
    return StudentFailure(FailureKind.OUTPUT_FLOOD,
                          f"{function}이(가) 출력을 너무 많이 했습니다 ({limit_bytes // 1024} KiB 넘음, 출력 과다). "
                          "print를 지우거나 줄이세요.", function)


def bad_output(function: str, why: str) -> StudentFailure:
    return StudentFailure(FailureKind.BAD_OUTPUT, f"{function}의 {why}", function)


def setup(function: str | None, why: str) -> StudentFailure:
    return StudentFailure(FailureKind.SETUP, f"채점기가 {function or '코드'}을(를) 실행하지 못했습니다: {why}", function)


def load_error(display_name: str, why: str) -> StudentFailure:
    """The learner's file as a whole: `why` completes '<file>…' (missing, syntax error, hang...)."""
    return StudentFailure(FailureKind.LOAD_ERROR, f"{display_name}{why}")


def missing_file(display_name: str) -> StudentFailure:
    return load_error(display_name, " 파일이 없습니다. 'learn reset'으로 처음 상태의 파일을 되살릴 수 있습니다.")


def syntax_error(display_name: str, lineno: int | None, msg: str, code: str = "") -> StudentFailure:
    where = f"{lineno}번째 줄" if lineno else "어딘가"
    shown = f": {code}" if code else ""
    return load_error(display_name, f" {where}에 문법 오류가 있습니다 ({msg}){shown}")


def import_timeout(display_name: str, seconds: float) -> StudentFailure:
    return load_error(display_name, f"을(를) 불러오는 데 {seconds:g}초가 넘게 걸렸습니다. "
                                    "함수 밖(모듈 최상위)에 무한 루프나 오래 걸리는 코드가 있는지 확인하세요.")


def import_exit(display_name: str) -> StudentFailure:
    return load_error(display_name, "이(가) 불러오는 중에 sys.exit()/exit()를 호출했습니다. 지워 주세요.")


def import_exception(display_name: str, description: str) -> StudentFailure:
    return load_error(display_name, f"을(를) 불러오는 중 예외가 났습니다: {description}")


def budget_exhausted(function: str, budget_seconds: float) -> StudentFailure:
    return StudentFailure(FailureKind.BUDGET,
                          f"학생 한 명의 채점 시간 예산({budget_seconds:g}초)을 다 써서 {function}을(를) 실행하지 않았습니다 "
                          "(0점). 앞선 호출에서 시간 초과나 무한 루프가 없는지 확인하세요.", function)


def skipped_after(function: str, earlier: StudentFailure) -> StudentFailure:
    """A call not made because the same function (or the submission) already failed hard."""
    return StudentFailure(FailureKind.SKIPPED,
                          f"{function}은(는) 앞선 호출이 실패해 더 실행하지 않았습니다 ({KIND_LABELS[earlier.kind]}): "
                          f"{earlier.message}", function)
