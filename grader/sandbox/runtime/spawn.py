"""Turn a freshly forked child of the fork server into an isolated worker.

The fork server calls `unshare(CLONE_NEWPID)` before forking (or, without real root, an
intermediate child does), so the child is pid 1 ("init") of a new PID namespace. The init stays root, sets up the namespaces and the filesystem, then
forks the real worker and only reaps processes. Killing the init (SIGKILL from the fork server)
makes the kernel kill *every* process in the namespace: fork bombs, threads and processes that
called setsid cannot outlive their worker. Exit code of the init: the worker's exit code
(clamped to 0..127), or 128 + signal number if the worker was killed by a signal.
"""

from __future__ import annotations

import fcntl
import os
import signal
import sys

from . import isolation, worker

MAX_FD = 65536


def _place_fds(request_fd: int, response_fd: int, output_fd: int) -> None:
    """fd 0 = /dev/null, 1 and 2 = output capture, 3 = requests, 4 = responses; close the rest."""
    # Park every source above the targets first, so no dup2 clobbers a source still needed.
    fds = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (request_fd, response_fd, output_fd)]
    null = os.open(os.devnull, os.O_RDWR)
    devnull = fcntl.fcntl(null, fcntl.F_DUPFD, 10)
    for target, source in ((0, devnull), (1, fds[2]), (2, fds[2]), (3, fds[0]), (4, fds[1])):
        os.dup2(source, target, inheritable=False)
    os.closerange(5, MAX_FD)


def _exit_status(status: int) -> int:
    if os.WIFSIGNALED(status):
        return 128 + os.WTERMSIG(status)
    return min(os.WEXITSTATUS(status), 127)


def run_intermediate(config: dict, fds: list[int]) -> None:
    """Without real root: unshare a PID namespace here and fork its init; mirror its exit code.

    The fork server kills this process; the init has PDEATHSIG=SIGKILL towards it, so the
    whole namespace still dies with it.
    """
    try:
        isolation.prctl(isolation.PR_SET_PDEATHSIG, signal.SIGKILL)
        pid_namespace = isolation.unshare(isolation.CLONE_NEWPID)
        child = os.fork()
        if child == 0:
            run_init(config, fds, pid_namespace)
        for fd in fds:
            os.close(fd)
        _, status = os.waitpid(child, 0)
        os._exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 126)
    except BaseException:
        os._exit(126)


def run_init(config: dict, fds: list[int], pid_namespace: str) -> None:
    """Body of the forked child; never returns."""
    try:
        os.setsid()
        report = isolation.Report()
        server_flags = dict(config.get("server_flags", {}))
        if server_flags.pop("failures", ""):
            report.failures.append(str(config["server_flags"]["failures"]))
        report.flags.update(server_flags)
        report.record("pid_namespace", not pid_namespace, pid_namespace)
        isolation.prctl(isolation.PR_SET_PDEATHSIG, signal.SIGKILL)
        for sig in (signal.SIGCHLD, signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(sig, signal.SIG_DFL)
        _place_fds(*fds)
        uid, gid = config.get("uid"), config.get("gid")
        isolation.unshare_worker_namespaces(report)
        isolation.confine_filesystem(report, config["workdir"], uid, gid, config["limits"]["workdir_bytes"])
        root = "/" if report.flags.get("chroot") else config["workdir"]
        child = os.fork()
        if child == 0:
            _become_worker(report, config, uid, gid, root)
        for fd in range(0, 5):
            os.close(fd)
        while True:
            try:
                pid, status = os.waitpid(-1, 0)
            except ChildProcessError:
                os._exit(0)
            if pid == child:
                os._exit(_exit_status(status))
    except BaseException:
        os._exit(126)


def _become_worker(report: isolation.Report, config: dict, uid: int | None, gid: int | None, root: str) -> None:
    try:
        limits = config["limits"]
        isolation.scrub_environment()
        isolation.apply_rlimits(report, limits)
        isolation.drop_privileges(report, uid, gid)
        isolation.lock_process(report)
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # oversized writes raise OSError instead
        report.flags["env_scrubbed"] = True
        report.flags["fds_closed"] = True
        for stream in (sys.stdout, sys.stderr):
            try:  # print() output survives a later crash or timeout of the worker
                stream.reconfigure(line_buffering=True)
            except (AttributeError, ValueError):
                pass
        sys.dont_write_bytecode = True
        sys.argv = ["student"]
        sys.path[:] = [root]
        worker.serve(root, limits["value_bytes"], {"hello": True, "isolation": report.as_dict()})
    finally:
        os._exit(125)
