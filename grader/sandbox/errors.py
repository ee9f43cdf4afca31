"""The one error type of the sandbox, with Korean messages a student reads.

`kind` tells the grader what happened; `message` is shown to the student. `detail` keeps the
raw (untrusted, sanitized, truncated) text from the worker, e.g. "ValueError: bad shape".
"""

from __future__ import annotations

import signal

KINDS = frozenset({"timeout", "crash", "exception", "bad_output", "missing_function", "import_error", "setup",
                   "output_flood"})
DETAIL_CHARS = 500


class SandboxError(Exception):
    """Student code could not produce a value; `kind` is one of `KINDS`."""

    def __init__(self, kind: str, message: str, *, detail: str | None = None, lineno: int | None = None) -> None:
        if kind not in KINDS:
            raise ValueError(f"unknown sandbox error kind: {kind}")
        super().__init__(f"[{kind}] {message}")
        self.kind = kind
        self.message = message
        self.detail = detail
        self.lineno = lineno


def clean_detail(text: object) -> str:
    """Untrusted text from a worker: a bounded single string without control characters."""
    raw = text if isinstance(text, str) else ""
    cleaned = "".join(ch if ch.isprintable() or ch in "\n\t" else "?" for ch in raw[:DETAIL_CHARS])
    return cleaned + ("…" if len(raw) > DETAIL_CHARS else "")


def timeout_error(seconds: float) -> SandboxError:
    return SandboxError(
        "timeout",
        f"제한 시간({seconds:g}초) 안에 끝나지 않아 실행을 중단했습니다. 무한 루프나 너무 오래 걸리는 계산이 없는지 확인하세요.")


def output_flood_error(limit_bytes: int) -> SandboxError:
    return SandboxError("output_flood", f"출력이 {limit_bytes // 1024} KiB를 넘어 실행을 중단했습니다 (출력 과다).",
                        detail=str(limit_bytes))


def crash_error(status: dict | None, cpu_seconds: int) -> SandboxError:
    """Describe how the worker process ended, from the fork server's status report."""
    status = status or {}
    code = status.get("exit")
    if type(code) is int and code >= 128:
        sig = code - 128
        name = _signal_name(sig)
        if sig in (signal.SIGXCPU, signal.SIGKILL):
            text = f"실행 프로세스가 강제 종료되었습니다({name}). CPU 시간 제한({cpu_seconds}초)이나 메모리 제한을 넘었을 수 있습니다."
        else:
            text = f"실행 프로세스가 비정상 종료되었습니다({name})."
        return SandboxError("crash", text, detail=name)
    if type(code) is int:
        return SandboxError(
            "crash",
            f"실행 프로세스가 종료되었습니다(종료 코드 {code}). 코드에 sys.exit()나 os._exit() 호출이 없는지 확인하세요.",
            detail=f"exit {code}")
    return SandboxError("crash", "실행 프로세스가 예기치 않게 종료되었습니다.", detail="killed")


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def exception_error(detail: str, lineno: int | None) -> SandboxError:
    where = f" ({lineno}번째 줄)" if lineno else ""
    return SandboxError("exception", f"코드 실행 중 예외가 발생했습니다{where}: {detail}", detail=detail, lineno=lineno)


def import_error(module: str, detail: str, lineno: int | None) -> SandboxError:
    where = f" {lineno}번째 줄" if lineno else ""
    return SandboxError("import_error", f"'{module}.py' 파일을 불러오지 못했습니다{where}: {detail}",
                        detail=detail, lineno=lineno)


def missing_function_error(module: str, function: str) -> SandboxError:
    return SandboxError("missing_function", f"'{module}.py'에 호출할 수 있는 함수 '{function}'이(가) 없습니다.",
                        detail=function)


BAD_OUTPUT_REASONS = {
    "too_large": "값이 너무 큽니다",
    "too_many_items": "원소가 너무 많습니다",
    "too_deep": "중첩이 너무 깊습니다",
    "str_too_long": "문자열이 너무 깁니다",
    "int_too_large": "정수가 너무 큽니다",
}


def bad_output_error(reason: str, type_name: str) -> SandboxError:
    """`reason` is a codec refusal code, `type_name` the refused value's type (both sanitized)."""
    known = BAD_OUTPUT_REASONS.get(reason)
    detail = f"{reason}: {type_name}" if type_name else reason
    if known:
        text = f"반환값을 채점기로 보낼 수 없습니다: {known} ({type_name or '값'})."
    else:
        text = (f"반환값을 채점기로 보낼 수 없습니다: 허용되지 않는 타입 {type_name or '(알 수 없음)'}. "
                "None, bool, int, float, str, list, tuple, dict(문자열 키), numpy 배열(bool/정수/실수/복소수)과 "
                "numpy 스칼라만 돌려줄 수 있습니다.")
    return SandboxError("bad_output", text, detail=detail)


def protocol_error() -> SandboxError:
    return SandboxError("bad_output", "실행 프로세스가 형식에 맞지 않는 응답을 보냈습니다. 반환값이나 출력 방식을 확인하세요.",
                        detail="protocol")


def setup_error(detail: str) -> SandboxError:
    return SandboxError("setup", f"실행 환경을 준비하지 못했습니다: {detail}", detail=detail)
