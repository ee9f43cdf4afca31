"""Fork server: one process per Sandbox with numpy already imported, forking one worker per request.

Started by the trusted side as `python -I -B -c <bootstrap> <runtime dir> <control fd> <parent pid>`;
the bootstrap loads this package from its folder, so nothing else of `grader` is imported and no
reference solution or check is ever in this process's memory (workers are forked from it and
can read all of it). Forking a warm interpreter costs a few milliseconds instead of the ~100 ms
of starting Python and importing numpy again.

Control protocol (SOCK_SEQPACKET, one JSON object per packet):
    -> {"op": "spawn", "workdir", "uid", "gid", "limits"} with fds [request_r, response_w, output_w]
    <- {"pid": int} | {"error": str}
    -> {"op": "kill", "pid", "grace"}      SIGKILL the worker's PID namespace init (after `grace` s)
    <- {"status": {"exit": n} | {"killed": true} | null}
"""

from __future__ import annotations

import importlib
import json
import os
import signal
import socket
import sys
import time

from . import isolation, spawn

# Imported once here so that workers (chrooted, with no filesystem) can still use them.
PREIMPORTS = (
    "numpy", "numpy.random", "numpy.linalg", "numpy.fft", "numpy.testing", "numpy.ma", "numpy.polynomial",
    "numpy.exceptions", "numpy.dtypes", "numpy.rec", "numpy.char", "numpy.strings", "numpy.lib.stride_tricks",
    "numpy.lib.recfunctions", "numpy.lib.scimath",
    "math", "cmath", "itertools", "functools", "collections", "collections.abc", "typing", "random",
    "statistics", "dataclasses", "enum", "heapq", "bisect", "copy", "operator", "re", "json", "string",
    "decimal", "fractions", "numbers", "abc", "warnings", "traceback", "linecache", "textwrap", "time",
    "datetime", "io", "contextlib", "array", "struct", "types", "inspect", "pprint", "unicodedata",
    "importlib.util", "encodings.utf_8", "encodings.utf_8_sig", "encodings.latin_1", "encodings.ascii",
    "encodings.idna", "encodings.utf_16", "encodings.utf_32", "encodings.unicode_escape",
    "encodings.raw_unicode_escape", "encodings.euc_kr", "encodings.cp949",
)


class ForkServer:
    """Serves spawn/kill requests; owns (and reaps) every worker init it forked."""

    def __init__(self, control: socket.socket, flags: dict[str, bool | str], real_root: bool) -> None:
        self.control = control
        # Real root can point its children's PID namespace back at its own (setns) and unshare a
        # fresh one per worker; inside a user namespace setns is refused, so an intermediate
        # process does the unshare instead (one more fork per worker).
        self.direct_pid_namespace = real_root
        self.flags = flags
        self.children: set[int] = set()
        try:
            self.own_pid_namespace = os.open("/proc/self/ns/pid", os.O_RDONLY | os.O_CLOEXEC)
        except OSError:
            self.own_pid_namespace = -1

    def serve(self) -> None:
        while True:
            try:
                data, fds, _flags, _addr = socket.recv_fds(self.control, 1 << 16, 8)
            except OSError:
                break
            if not data:
                break
            try:
                request = json.loads(data)
                if request.get("op") == "spawn":
                    reply = self.spawn(request, fds)
                elif request.get("op") == "kill":
                    reply = {"status": self.kill(int(request["pid"]), float(request.get("grace", 0)))}
                else:
                    reply = {"error": "unknown op"}
            except Exception as exc:
                reply = {"error": f"{type(exc).__name__}: {exc}"}
            finally:
                for fd in fds:
                    os.close(fd)
            self.control.send(json.dumps(reply).encode())
        self.shutdown()

    def spawn(self, request: dict, fds: list[int]) -> dict:
        if len(fds) != 3:
            return {"error": "expected 3 fds"}
        request["server_flags"] = self.flags
        sys.stdout.flush()
        sys.stderr.flush()
        if self.direct_pid_namespace:
            # Each worker gets a fresh PID namespace; only our *children* enter it.
            pid_namespace = isolation.fresh_pid_namespace_for_children(self.own_pid_namespace)
            pid = os.fork()
            if pid == 0:
                spawn.run_init(request, fds, pid_namespace)
        else:
            pid = os.fork()
            if pid == 0:
                spawn.run_intermediate(request, fds)
        self.children.add(pid)
        return {"pid": pid}

    def kill(self, pid: int, grace: float) -> dict | None:
        """Kill one worker namespace and return how its worker ended (pid stays ours until reaped)."""
        if pid not in self.children:
            return None
        deadline = time.monotonic() + grace
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done or time.monotonic() >= deadline:
                break
            time.sleep(0.005)
        if not done:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            result: dict = {"killed": True}
        elif os.WIFSIGNALED(status):
            result = {"killed": True, "signal": os.WTERMSIG(status)}
        else:
            result = {"exit": os.WEXITSTATUS(status)}
        self.children.discard(pid)
        return result

    def shutdown(self) -> None:
        for pid in list(self.children):
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except OSError:
                pass
        self.children.clear()


def main() -> None:
    control_fd, parent_pid = int(sys.argv[2]), int(sys.argv[3])
    isolation.prctl(isolation.PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent_pid:  # the trusted process died before prctl took effect
        os._exit(0)
    started = time.perf_counter()
    for name in PREIMPORTS:
        importlib.import_module(name)
    report = isolation.Report()
    real_root = os.geteuid() == 0
    report.flags["running_as_root"] = real_root
    if not real_root:
        isolation.enter_user_namespace(report)
    else:
        report.flags["user_namespace"] = "not needed (root)"
    control = socket.socket(fileno=control_fd)
    ready = {"ready": True, "preimport_ms": round((time.perf_counter() - started) * 1000, 1)}
    control.send(json.dumps(ready).encode())
    ForkServer(control, report.as_dict(), real_root=real_root).serve()
    os._exit(0)
