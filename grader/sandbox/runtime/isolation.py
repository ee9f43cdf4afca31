"""Kernel isolation steps for a worker, each best-effort and recorded in a report.

Python 3.11 has no `os.unshare`/`mount`/`prctl`, so they are called through ctypes on libc.
Every step records `True`/`False` in the report and failures (with errno names) in
`report["failures"]`, so the grading report can say what could not be done instead of
pretending to be isolated.
"""

from __future__ import annotations

import ctypes
import errno
import os
import resource
import signal

CLONE_NEWNS = 0x00020000
CLONE_NEWUTS = 0x04000000
CLONE_NEWIPC = 0x08000000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000
MS_NOSUID = 0x2
MS_NODEV = 0x4
MS_NOEXEC = 0x8
MS_REC = 0x4000
MS_PRIVATE = 0x40000
PR_SET_PDEATHSIG = 1
PR_SET_DUMPABLE = 4
PR_SET_NO_NEW_PRIVS = 38

_libc = ctypes.CDLL(None, use_errno=True)
_libc.unshare.argtypes = [ctypes.c_int]
_libc.mount.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulong, ctypes.c_char_p]
_libc.setns.argtypes = [ctypes.c_int, ctypes.c_int]
_libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]


class Report:
    """Collects which isolation steps succeeded; failures keep the errno name."""

    def __init__(self) -> None:
        self.flags: dict[str, bool | str] = {}
        self.failures: list[str] = []

    def record(self, key: str, ok: bool, failure: str = "") -> bool:
        self.flags[key] = ok
        if not ok and failure:
            self.failures.append(f"{key}: {failure}")
        return ok

    def as_dict(self) -> dict[str, bool | str]:
        return dict(self.flags, failures="; ".join(self.failures))


def _errno_text() -> str:
    code = ctypes.get_errno()
    return errno.errorcode.get(code, str(code))


def unshare(flags: int) -> str:
    """Return "" on success, else the errno name."""
    return "" if _libc.unshare(flags) == 0 else _errno_text()


def fresh_pid_namespace_for_children(own_pid_namespace_fd: int) -> str:
    """Make the *next* fork land as pid 1 of a new PID namespace.

    unshare(CLONE_NEWPID) refuses a second call while the children's namespace differs from
    our own, so first point the children's namespace back at ours with setns().
    """
    if own_pid_namespace_fd < 0:
        return "no /proc/self/ns/pid"
    if _libc.setns(own_pid_namespace_fd, CLONE_NEWPID) != 0:
        return _errno_text()
    return unshare(CLONE_NEWPID)


def mount(source: str, target: str, fstype: str | None, flags: int, data: str | None) -> str:
    result = _libc.mount(source.encode(), target.encode(), fstype.encode() if fstype else None,
                         flags, data.encode() if data else None)
    return "" if result == 0 else _errno_text()


def prctl(option: int, value: int) -> str:
    return "" if _libc.prctl(option, value, 0, 0, 0) == 0 else _errno_text()


def enter_user_namespace(report: Report) -> bool:
    """Without root, map ourselves to uid 0 of a new user namespace to gain namespace rights."""
    uid, gid = os.getuid(), os.getgid()
    failure = unshare(CLONE_NEWUSER)
    if not failure:
        try:
            for path, text in (("/proc/self/setgroups", "deny"), ("/proc/self/uid_map", f"0 {uid} 1"),
                               ("/proc/self/gid_map", f"0 {gid} 1")):
                with open(path, "w") as handle:
                    handle.write(text)
        except OSError as exc:
            failure = errno.errorcode.get(exc.errno or 0, str(exc))
    return report.record("user_namespace", not failure, failure)


def unshare_worker_namespaces(report: Report) -> None:
    """Network, IPC and UTS namespaces: no sockets to anything, no shared SysV objects."""
    for key, flag in (("net_namespace", CLONE_NEWNET), ("ipc_namespace", CLONE_NEWIPC),
                      ("uts_namespace", CLONE_NEWUTS)):
        failure = unshare(flag)
        report.record(key, not failure, failure)


def _read_student_files(workdir: str) -> dict[str, bytes]:
    files = {}
    for name in os.listdir(workdir):
        path = os.path.join(workdir, name)
        if os.path.isfile(path) and not os.path.islink(path):
            with open(path, "rb") as handle:
                files[name] = handle.read()
    return files


def confine_filesystem(report: Report, workdir: str, uid: int | None, gid: int | None, tmpfs_bytes: int) -> None:
    """Private mount namespace, a size-bounded tmpfs holding the student's files, then chroot.

    numpy and the standard modules are already imported in memory, so the worker needs no
    other file: after chroot only the student's own files exist.
    """
    failure = unshare(CLONE_NEWNS)
    if report.record("mount_namespace", not failure, failure):
        failure = mount("none", "/", None, MS_REC | MS_PRIVATE, None)
        if report.record("mount_private", not failure, failure):
            files = _read_student_files(workdir)
            owner = f",uid={uid},gid={gid}" if uid is not None and gid is not None else ""
            options = f"size={max(tmpfs_bytes, 65536)},nr_inodes=1024,mode=0700{owner}"
            failure = mount("tmpfs", workdir, "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, options)
            if report.record("tmpfs_workdir", not failure, failure):
                for name, data in files.items():
                    path = os.path.join(workdir, name)
                    with open(path, "wb") as handle:
                        handle.write(data)
                    if uid is not None and gid is not None:
                        os.chown(path, uid, gid)
    else:
        report.record("tmpfs_workdir", False)
    try:
        os.chroot(workdir)
        os.chdir("/")
        report.record("chroot", True)
    except OSError as exc:
        os.chdir(workdir)
        report.record("chroot", False, errno.errorcode.get(exc.errno or 0, str(exc)))


def apply_rlimits(report: Report, limits: dict[str, int]) -> None:
    """Resource limits; the CPU hard limit is one second above the soft one (SIGXCPU, then SIGKILL)."""
    plan = [
        (resource.RLIMIT_CORE, 0, 0),
        (resource.RLIMIT_CPU, limits["cpu_seconds"], limits["cpu_seconds"] + 1),
        (resource.RLIMIT_AS, limits["memory_bytes"], limits["memory_bytes"]),
        (resource.RLIMIT_NPROC, limits["max_processes"], limits["max_processes"]),
        (resource.RLIMIT_FSIZE, limits["file_size_bytes"], limits["file_size_bytes"]),
        (resource.RLIMIT_NOFILE, limits["open_files"], limits["open_files"]),
    ]
    ok = True
    for which, soft, hard in plan:
        try:
            resource.setrlimit(which, (soft, hard))
        except (OSError, ValueError) as exc:
            ok = report.record("rlimits", False, f"{which}: {exc}")
    report.flags["rlimits"] = ok


def drop_privileges(report: Report, uid: int | None, gid: int | None) -> None:
    """Become an unprivileged uid of our own so RLIMIT_NPROC and file access are per worker."""
    if uid is None or gid is None or os.geteuid() != 0:
        report.record("uid_drop", False, "no per-worker uid (not root)")
        return
    try:
        os.setgroups([])
        os.setresgid(gid, gid, gid)
        os.setresuid(uid, uid, uid)
        report.record("uid_drop", True)
    except OSError as exc:
        report.record("uid_drop", False, errno.errorcode.get(exc.errno or 0, str(exc)))


def lock_process(report: Report) -> None:
    """No privilege regain through exec, die with the parent, no ptrace/core from peers."""
    failure = prctl(PR_SET_NO_NEW_PRIVS, 1)
    report.record("no_new_privs", not failure, failure)
    # PDEATHSIG is cleared by credential changes, so it is (re)set after the uid drop.
    failure = prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    report.record("pdeathsig", not failure, failure)
    prctl(PR_SET_DUMPABLE, 0)


def scrub_environment() -> None:
    """Nothing of the grader's environment reaches student code."""
    os.environ.clear()
    os.environ["PATH"] = "/usr/bin:/bin"
    os.environ["LANG"] = "C.UTF-8"
