"""Trusted-side handle on the fork server process (start, spawn a worker, kill a worker)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

from .errors import setup_error

RUNTIME_DIR = Path(__file__).resolve().parent / "runtime"
CONTROL_TIMEOUT = 30.0

# Loads `runtime/` as a stand-alone package named `sandbox_runtime`, so the fork server (and
# every worker forked from it) never imports `grader` itself and never sees solutions or checks.
BOOTSTRAP = (
    "import importlib.util, os, sys\n"
    "spec = importlib.util.spec_from_file_location('sandbox_runtime', os.path.join(sys.argv[1], '__init__.py'),"
    " submodule_search_locations=[sys.argv[1]])\n"
    "module = importlib.util.module_from_spec(spec)\n"
    "sys.modules['sandbox_runtime'] = module\n"
    "spec.loader.exec_module(module)\n"
    "from sandbox_runtime.forkserver import main\n"
    "main()\n"
)

SERVER_ENV = {
    "PATH": "/usr/bin:/bin",
    "LANG": "C.UTF-8",
    # One BLAS thread: workers have a tight RLIMIT_NPROC and must fork from a single-threaded server.
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
}


class ForkServerClient:
    """Owns the fork server subprocess and its SOCK_SEQPACKET control socket."""

    def __init__(self) -> None:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-I", "-B", "-c", BOOTSTRAP, str(RUNTIME_DIR), str(theirs.fileno()), str(os.getpid())],
                pass_fds=[theirs.fileno()], env=SERVER_ENV, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                start_new_session=True, close_fds=True)
        finally:
            theirs.close()
        self.control = ours
        self.lock = threading.Lock()  # one request/reply at a time on the control socket
        self.control.settimeout(CONTROL_TIMEOUT)
        self.ready = self._receive()
        if not self.ready.get("ready"):
            raise setup_error("포크 서버가 시작되지 않았습니다")

    def _receive(self) -> dict:
        try:
            data = self.control.recv(1 << 16)
        except OSError as exc:
            raise setup_error(f"포크 서버 응답 없음 ({type(exc).__name__})") from None
        if not data:
            raise setup_error("포크 서버가 종료되었습니다")
        reply = json.loads(data)
        if "error" in reply:
            raise setup_error(f"포크 서버 오류: {reply['error']}")
        return reply

    def spawn(self, config: dict, fds: list[int]) -> int:
        """Fork a worker; `fds` are the worker's ends of its request, response and output pipes."""
        with self.lock:
            try:
                socket.send_fds(self.control, [json.dumps(dict(config, op="spawn")).encode()], fds)
            except OSError as exc:
                raise setup_error(f"포크 서버에 요청하지 못했습니다 ({type(exc).__name__})") from None
            return int(self._receive()["pid"])

    def kill(self, pid: int, grace: float = 0.0) -> dict | None:
        """Kill a worker's whole PID namespace; returns how the worker ended."""
        with self.lock:
            try:
                self.control.send(json.dumps({"op": "kill", "pid": pid, "grace": grace}).encode())
                return self._receive().get("status")
            except Exception:
                return None

    def close(self) -> None:
        try:
            self.control.close()
        finally:
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
