"""A per-call time limit for learner code running in this process (learner mode).

SIGALRM interrupts a pure-Python infinite loop or a `time.sleep`. The exception derives from
BaseException so that a learner's `except Exception:` cannot swallow it. Code stuck inside C
without returning to the interpreter cannot be interrupted by a signal, so a watchdog thread
ends the process with a clear message if the call overruns the limit by a wide margin.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from contextlib import contextmanager
from typing import Iterator

WATCHDOG_GRACE_SECONDS = 3.0


class DeadlineExceeded(BaseException):
    """The learner's code ran past its time limit."""


def _on_alarm(signum: int, frame: object) -> None:
    raise DeadlineExceeded()


def _hard_stop(seconds: float) -> None:
    sys.stderr.write(
        f"\n[learn] 학습자 코드가 {seconds:g}초 제한을 크게 넘겨도 멈추지 않아 검사를 중단합니다 "
        "(무한 루프나 아주 큰 계산이 있는지 확인하세요).\n"
    )
    sys.stderr.flush()
    os._exit(1)


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise DeadlineExceeded inside the block once `seconds` have passed."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    watchdog = threading.Timer(seconds + WATCHDOG_GRACE_SECONDS, _hard_stop, args=(seconds,))
    watchdog.daemon = True
    watchdog.start()
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        watchdog.cancel()
        signal.signal(signal.SIGALRM, previous)
