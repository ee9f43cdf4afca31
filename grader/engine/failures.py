"""Every way a learner's code can fail to produce a value, worded in Korean in one place.

Learner mode (`student.py`, the code runs in this process) and grading mode (`sandboxed.py`,
the code runs in a sandbox worker) both build their `StudentFailure`s here, so a learner and an
instructor read the same sentence for the same failure, and reports group failures by kind.
"""

from __future__ import annotations

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


def exception(function: str, name: str, text: str, where: str = "") -> StudentFailure:
    """`where` is the learner's line, e.g. ' (03_threshold.py 12번째 줄: return p > t)'."""
    detail = f": {text}" if text else ""
    return StudentFailure(FailureKind.EXCEPTION,
                          f"{function}을(를) 호출하자 예외가 났습니다: {name}{detail}{where}", function, name)


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
