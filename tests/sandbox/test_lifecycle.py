"""Process lifecycle: nothing a Sandbox started outlives it, even if the grader is SIGKILLed."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from grader.sandbox import Sandbox

from .conftest import IS_ROOT
from .test_hostile import _processes_of


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_until(predicate, seconds: float = 3.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


def test_close_stops_fork_server_and_removes_files() -> None:
    box = Sandbox()
    worker = box.open_student({"m.py": b"import time\ndef f():\n    return 1\n"})
    assert worker.call("m", "f") == 1
    server_pid = box._server.process.pid
    root = box._root
    box.close()
    assert not _alive(server_pid)
    assert not os.path.exists(root)


def test_workers_die_when_the_grader_is_killed() -> None:
    script = textwrap.dedent("""
        import sys
        from grader.sandbox import Sandbox
        box = Sandbox(call_timeout=60)
        worker = box.open_student({"m.py": b"import os, time\\ndef uid():\\n    return os.getuid()\\ndef hang():\\n    time.sleep(600)\\n"})
        print(worker.call("m", "uid"), box._server.process.pid, box._root, flush=True)
        worker.call("m", "hang")
    """)
    grader_process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        uid_text, pid_text, root = grader_process.stdout.readline().split()
        uid, server_pid = int(uid_text), int(pid_text)
        time.sleep(0.2)  # let the second call reach the worker
        grader_process.send_signal(signal.SIGKILL)
        grader_process.wait()
        assert _wait_until(lambda: not _alive(server_pid))
        if IS_ROOT:
            assert _wait_until(lambda: not [pid for pid in _processes_of(uid) if _alive(pid)])
    finally:
        grader_process.kill()
        grader_process.wait()
        if "root" in locals():
            shutil.rmtree(root, ignore_errors=True)  # a SIGKILLed grader cannot clean its folder
