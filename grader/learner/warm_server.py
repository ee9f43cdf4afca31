"""A warm helper process that makes repeated `learn check` runs start instantly.

`learn check` spends most of its time importing numpy and pytest. The first run in a session
starts this server in the background (and checks in-process as usual); later runs connect to it
over a Unix socket in a private folder, hand over their argv, folder, environment and terminal
(the file descriptors themselves), and the server forks a child that already has everything
imported and runs the ordinary CLI there. Output goes straight to the learner's terminal, the
exit code comes back to the client. Nothing is shared between runs: each is a fresh fork.

The socket's name includes a fingerprint of the grader's own files, so after an update a new
server starts and the old one exits when idle. LEARN_NO_SERVER=1 turns all of this off.
"""

from __future__ import annotations

import hashlib
import json
import os
import select
import signal
import socket
import struct
import subprocess
import sys
import time
from pathlib import Path

from grader.course.content import SOLUTIONS_DIR

PACKAGE = Path(__file__).resolve().parent.parent
# Folders whose files decide what a check does; a change in any of them starts a new server.
WATCHED = ("", "checks", "engine", "course", "learner", "grading", "quiz")
IDLE_SECONDS = float(os.environ.get("LEARN_SERVER_IDLE", "900"))
MAX_REQUEST = 1 << 20


def fingerprint() -> str:
    """Changes whenever grader code, checks, references or the catalog change."""
    h = hashlib.blake2b(digest_size=8)
    for folder in (*(PACKAGE / name for name in WATCHED), SOLUTIONS_DIR):
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name.endswith((".py", ".toml", ".ini")):
                stat = entry.stat()
                h.update(f"{entry.path}:{stat.st_mtime_ns}:{stat.st_size};".encode())
    return h.hexdigest()


def socket_path() -> Path | None:
    """`/tmp/learn-<uid>/check-<fingerprint>.sock` in a folder only this user can enter."""
    folder = Path(os.environ.get("XDG_RUNTIME_DIR") or "/tmp") / f"learn-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        info = folder.stat()
    except OSError:
        return None
    if info.st_uid != os.getuid() or info.st_mode & 0o077:
        return None  # someone else's or too open: never use it
    return folder / f"check-{fingerprint()}.sock"


# ----------------------------------------------------------------------------------- client


def run_via_server(argv: list[str]) -> int | None:
    """The exit code of `learn *argv` run by the server, or None when there is no server."""
    path = socket_path()
    if path is None:
        return None
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        client.connect(str(path))
    except OSError:
        client.close()
        start_server(path)
        return None
    with client:
        request = json.dumps({"argv": argv, "cwd": os.getcwd(), "env": dict(os.environ)}).encode()
        socket.send_fds(client, [struct.pack(">I", len(request)) + request], [0, 1, 2])
        reply = b""
        while len(reply) < 4:
            chunk = client.recv(4 - len(reply))
            if not chunk:
                return None if not reply else 1
            reply += chunk
    return struct.unpack(">i", reply)[0]


def start_server(path: Path) -> None:
    """Start the server in the background, detached from this terminal."""
    try:
        subprocess.Popen([sys.executable, "-m", "grader.learner.warm_server", str(path)], stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        pass


# ----------------------------------------------------------------------------------- server


def _receive(connection: socket.socket) -> tuple[dict, list[int]]:
    message, fds, _, _ = socket.recv_fds(connection, MAX_REQUEST, 3)
    (size,) = struct.unpack(">I", message[:4])
    body = message[4:]
    while len(body) < size:
        chunk = connection.recv(size - len(body))
        if not chunk:
            break
        body += chunk
    return json.loads(body), fds


def _serve_one(connection: socket.socket) -> None:
    """In the forked child: become the client's `learn` process for one command."""
    request, fds = _receive(connection)
    if len(fds) != 3:
        os._exit(1)
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    sys.stdin = open(0, closefd=False)
    sys.stdout = open(1, "w", encoding="utf-8", errors="replace", closefd=False, buffering=1)
    sys.stderr = open(2, "w", encoding="utf-8", errors="replace", closefd=False, buffering=1)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    code = 1
    try:
        from grader.cli import main

        main(args=request["argv"], prog_name="learn")
        code = 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        try:
            connection.sendall(struct.pack(">i", code))
        finally:
            os._exit(0)


def serve(path: Path) -> None:
    # Everything a check needs, imported once; every request is served by a fork of this.
    import numpy  # noqa: F401
    import pytest  # noqa: F401

    import grader.cli  # noqa: F401
    import grader.learner.session  # noqa: F401
    import grader.learner.terminal  # noqa: F401
    import grader.engine.runner  # noqa: F401

    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        path.unlink(missing_ok=True)
        listener.bind(str(path))
    except OSError:
        return
    os.chmod(path, 0o600)
    listener.listen(16)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped automatically
    last = time.monotonic()
    try:
        while time.monotonic() - last < IDLE_SECONDS and path.exists():
            ready, _, _ = select.select([listener], [], [], 5.0)
            if not ready:
                continue
            connection, _ = listener.accept()
            last = time.monotonic()
            if os.fork() == 0:
                listener.close()
                _serve_one(connection)
            connection.close()
    finally:
        listener.close()
        path.unlink(missing_ok=True)


if __name__ == "__main__":
    serve(Path(sys.argv[1]))
