"""Hostile student corpus: each must end in the right SandboxError kind or a harmless result,
and must affect neither the trusted process nor an honest student in the same Sandbox.
"""

from __future__ import annotations

import builtins
import os
import socket
import sys
import time
import uuid
from pathlib import Path

import numpy as np
import pytest

import grader
from grader.sandbox import Limits, Sandbox, SandboxError

from .conftest import IS_ROOT

ORIGINAL_ALLCLOSE = np.allclose
ORIGINAL_LEN = builtins.len


def run(sandbox: Sandbox, source: str, function: str = "f", args: tuple = ()) -> object:
    """Call the student's function; return its value or the SandboxError raised."""
    with sandbox.open_student({"student.py": source.encode()}) as worker:
        try:
            return worker.call("student", function, args)
        except SandboxError as error:
            return error


def assert_kind(result: object, *kinds: str) -> SandboxError:
    assert isinstance(result, SandboxError), result
    assert result.kind in kinds, (result.kind, result.message)
    assert result.message
    return result


@pytest.fixture(autouse=True)
def trusted_process_untouched(honest_check):
    yield
    assert np.allclose is ORIGINAL_ALLCLOSE and not np.allclose(1.0, 2.0)
    assert builtins.len is ORIGINAL_LEN and sys.modules["numpy"] is np
    honest_check()


def test_patching_numpy_only_affects_the_worker(sandbox: Sandbox) -> None:
    source = """
import numpy as np, numpy.testing
np.allclose = lambda *a, **k: True
np.testing.assert_allclose = lambda *a, **k: None
np.ndarray.__eq__ if False else None
def f():
    np.testing.assert_allclose(1, 2)
    return np.allclose(1, 2)
"""
    assert run(sandbox, source) is True  # patched inside its own worker only


def test_patching_sys_modules_and_builtins(sandbox: Sandbox) -> None:
    source = """
import builtins, sys
sys.modules["numpy"] = None
sys.modules["json"] = None
builtins.len = lambda x: 0
builtins.isinstance = lambda *a: True
builtins.type = lambda *a: int
def f():
    return [1, 2, 3]
"""
    result = run(sandbox, source)
    assert result == [1, 2, 3] or isinstance(result, SandboxError)


def test_patching_the_worker_encoder_gives_bad_output(sandbox: Sandbox) -> None:
    source = """
import sys
import numpy as np
def evil_header(array, fortran):
    return b"\\x93NUMPY\\x01\\x00\\x10\\x00{'descr': '|O', }" + b"\\x80\\x04\\x95cos\\nsystem\\n"
for module in list(sys.modules.values()):
    if hasattr(module, "_npy_header_1_0"):
        module._npy_header_1_0 = evil_header
def f():
    return np.zeros(3)
"""
    assert_kind(run(sandbox, source), "bad_output")


def test_frame_walk_and_gc_find_no_reference_data(sandbox: Sandbox) -> None:
    secret = "REFDATA-" + uuid.uuid4().hex
    reference = {"expected": np.full(5, 0.123456789), "label": secret}  # held by the trusted process only
    source = """
import gc, sys
def f():
    found = []
    for obj in gc.get_objects():
        try:
            if isinstance(obj, dict):
                for value in obj.values():
                    if isinstance(value, str) and value.startswith("REFDATA-") and len(value) > 8:
                        found.append(value)
        except Exception:
            pass
    frames, frame = [], sys._getframe()
    while frame is not None:
        frames.append(frame.f_code.co_filename)
        for value in list(frame.f_locals.values()) + list(frame.f_globals.values()):
            if isinstance(value, str) and value.startswith("REFDATA-") and len(value) > 8:
                found.append(value)
        frame = frame.f_back
    return found, frames
"""
    found, frames = run(sandbox, source)
    assert secret not in found and found == []
    # Whole path components: the checkout's own folder name may contain "checks".
    assert not any({"solutions", "checks"} & set(Path(name).parts) for name in frames), frames
    assert reference["label"] == secret


def test_reading_files_outside_the_working_folder(sandbox: Sandbox, tmp_path: Path) -> None:
    outside = tmp_path / "outside_secret.txt"
    outside.write_text("TOP-SECRET")
    grader_init = Path(grader.__file__).resolve()
    source = """
import os
def f(paths):
    results = {}
    for path in paths:
        try:
            with open(path) as handle:
                results[path] = handle.read()[:40]
        except OSError as exc:
            results[path] = "denied:" + type(exc).__name__
    return results, sorted(os.listdir("/")), sorted(os.listdir(".."))
"""
    relative = ["../" * depth + "grader/__init__.py" for depth in range(1, 8)]
    paths = [str(outside), str(grader_init), "/etc/passwd", *relative]
    results, root_listing, parent_listing = run(sandbox, source, args=(paths,))
    assert all("TOP-SECRET" not in text for text in results.values())
    if IS_ROOT:
        assert all(text.startswith("denied:") for text in results.values()), results
        assert root_listing == parent_listing == ["student.py"]


def test_writing_outside_the_working_folder(sandbox: Sandbox, tmp_path: Path) -> None:
    target = tmp_path / "written_by_student.txt"
    source = """
def f(paths):
    outcome = []
    for path in paths:
        try:
            with open(path, "w") as handle:
                handle.write("pwned")
            outcome.append("wrote")
        except OSError as exc:
            outcome.append(type(exc).__name__)
    return outcome
"""
    escaped = tmp_path / "escape.txt"
    result = run(sandbox, source, args=([str(target), "../../../../../../" + str(escaped).lstrip("/")],))
    assert not target.exists() and not escaped.exists()
    assert isinstance(result, list)
    if IS_ROOT:
        assert result[0] == "FileNotFoundError"


def test_two_students_cannot_see_each_other(sandbox: Sandbox) -> None:
    lister = b"import os\ndef f():\n    return sorted(os.listdir('/')), sorted(os.listdir('.'))\n"
    with sandbox.open_student({"alice.py": lister, "alice_notes.txt": b"alice only"}) as alice, \
            sandbox.open_student({"bob.py": lister}) as bob:
        alice_view = alice.call("alice", "f")
        bob_view = bob.call("bob", "f")
    assert "alice_notes.txt" not in bob_view[0] + bob_view[1]
    if IS_ROOT:
        assert bob_view == (["bob.py"], ["bob.py"])
        assert alice_view[0] == ["alice.py", "alice_notes.txt"]


@pytest.mark.parametrize("where", ["import", "function"])
@pytest.mark.parametrize("exit_call", ["os._exit(0)", "sys.exit(0)", "raise SystemExit(3)"])
def test_exits_are_crashes(sandbox: Sandbox, where: str, exit_call: str) -> None:
    body = f"    {exit_call}\n" if where == "function" else "    return 1\n"
    top = exit_call + "\n" if where == "import" else ""
    source = "import os, sys\n" + top + "def f():\n" + body
    assert_kind(run(sandbox, source), "crash")


def test_atexit_and_signal_handlers_do_not_block_cleanup(sandbox: Sandbox) -> None:
    source = """
import atexit, signal, time
atexit.register(lambda: time.sleep(100))
for sig in (signal.SIGTERM, signal.SIGALRM, signal.SIGINT, signal.SIGHUP):
    signal.signal(sig, signal.SIG_IGN)
def f():
    return "registered"
def sleep():
    time.sleep(100)
"""
    started = time.monotonic()
    assert run(sandbox, source) == "registered"
    assert_kind(run(sandbox, source, "sleep"), "timeout")
    assert time.monotonic() - started < 2 * sandbox.call_timeout + 2


@pytest.mark.parametrize("body", ["while True:\n        pass", "time.sleep(100)"])
def test_hangs_time_out(sandbox: Sandbox, body: str) -> None:
    assert_kind(run(sandbox, f"import time\ndef f():\n    {body}\n"), "timeout")


def test_hang_at_import_times_out(sandbox: Sandbox) -> None:
    assert_kind(run(sandbox, "while True:\n    pass\ndef f():\n    return 1\n"), "timeout")


def test_memory_bomb(sandbox: Sandbox) -> None:
    source = "import numpy as np\ndef f():\n    a = np.ones(10 * 2**30 // 8)\n    return float(a.sum())\n"
    error = assert_kind(run(sandbox, source), "exception", "crash")
    if error.kind == "exception":
        assert "MemoryError" in error.detail
    source = "def f():\n    blocks = []\n    while True:\n        blocks.append(bytearray(2**26))\n"
    assert_kind(run(sandbox, source), "exception", "crash")


def _processes_of(uid: int) -> list[int]:
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                status = Path(f"/proc/{entry}/status").read_text()
            except OSError:
                continue
            uids = next(line for line in status.splitlines() if line.startswith("Uid:")).split()[1:]
            if int(uids[0]) == uid:
                pids.append(int(entry))
    return pids


def test_fork_bomb_is_bounded_and_cleaned_up(sandbox: Sandbox) -> None:
    source = """
import os, time
def f():
    parent = os.getpid()
    count = 0
    while count < 10000:
        try:
            os.fork()
        except OSError:
            break
        count += 1
    if os.getpid() != parent:
        time.sleep(1000)
    return count, os.getuid()
def ok():
    return "alive"
"""
    processes_before = len(os.listdir("/proc"))
    with sandbox.open_student({"student.py": source.encode()}) as worker:
        count, uid = worker.call("student", "f")
        assert count < sandbox.limits.max_processes
        if IS_ROOT:
            assert 1 <= len(_processes_of(uid)) <= sandbox.limits.max_processes
        assert worker.call("student", "ok") == "alive"
    assert len(os.listdir("/proc")) < processes_before + 50
    if IS_ROOT:
        deadline = time.monotonic() + 3
        while _processes_of(uid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _processes_of(uid) == []


def test_thread_left_running_ends_with_its_call(sandbox: Sandbox) -> None:
    """Each request runs in a child forked for it: a thread it leaves behind dies with it."""
    source = """
import threading, time
TICKS = [0]
def loop():
    while True:
        time.sleep(0.01)
        TICKS[0] += 1
def f():
    threading.Thread(target=loop, daemon=False).start()
    return "started"
def ticks():
    return TICKS[0]
"""
    with sandbox.open_student({"student.py": source.encode()}) as worker:
        assert worker.call("student", "f") == "started"
        time.sleep(0.1)
        assert worker.call("student", "ticks") == 0
        started = time.monotonic()
    assert time.monotonic() - started < 2


def test_one_exercise_cannot_patch_numpy_for_the_next(sandbox: Sandbox) -> None:
    """Fresh module state per request: a patched module or a global does not carry over."""
    patcher = "import numpy as np\nCALLS = []\ndef f():\n    np.mean = lambda *a, **k: 42.0\n    CALLS.append(1)\n    return len(CALLS)\n"
    user = "import numpy as np\ndef g():\n    return float(np.mean([1.0, 3.0]))\n"
    with sandbox.open_student({"patcher.py": patcher.encode(), "user.py": user.encode()}) as worker:
        assert worker.call("patcher", "f") == 1
        assert worker.call("patcher", "f") == 1
        assert worker.call("user", "g") == 2.0


def test_huge_stdout_is_bounded(sandbox: Sandbox) -> None:
    """Printing under the flood cap still returns; what is kept of the output is capped."""
    source = "import sys\ndef f():\n    chunk = 'x' * 2**16\n    for _ in range(8):\n        sys.stdout.write(chunk)\n    return 'done'\n"
    with sandbox.open_student({"student.py": source.encode()}) as worker:
        assert worker.call("student", "f") == "done"
        text = worker.output()
    assert len(text.encode()) < sandbox.limits.output_bytes + 200
    assert "생략" in text


def test_printing_without_end_is_stopped_as_an_output_flood(sandbox: Sandbox) -> None:
    source = "import sys\ndef f():\n    while True:\n        sys.stdout.write('x' * 4096)\ndef g():\n    return 2\n"
    started = time.monotonic()
    with sandbox.open_student({"student.py": source.encode()}) as worker:
        with pytest.raises(SandboxError) as info:
            worker.call("student", "f")
        assert info.value.kind == "output_flood" and "출력 과다" in info.value.message
        assert worker.call("student", "g") == 2  # a fresh worker for the next call
    assert time.monotonic() - started < sandbox.call_timeout


def test_network_is_unreachable(sandbox: Sandbox) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(0.2)
    port = listener.getsockname()[1]
    source = """
import errno, socket
def f(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return "connected"
    except OSError as exc:
        return errno.errorcode.get(exc.errno, type(exc).__name__)
"""
    try:
        result = run(sandbox, source, args=(port,))
        assert isinstance(result, str) and result != "connected"
        if IS_ROOT:
            assert result == "ENETUNREACH"  # loopback of an empty network namespace is down
            with pytest.raises(TimeoutError):
                listener.accept()
    finally:
        listener.close()


@pytest.mark.parametrize("expression, type_hint", [
    ("np.zeros(3).view(Sub)", "Sub"),
    ("Liar()", "Liar"),
    ("ArrayLike()", "ArrayLike"),
    ("np.array([1, 'a'], dtype=object)", "object"),
    ("pickle.dumps([1, 2])", "bytes"),
    ("(i for i in range(3))", "generator"),
    ("Liar", "type"),
    ("np.zeros(100 * 2**20 // 8)", "numpy.ndarray"),
    ("'x' * 2_000_000", "str"),
    ("{1: 2}", "int"),
    ("np.matrix([[1, 2]])", "matrix"),
])
def test_bad_return_values(sandbox: Sandbox, expression: str, type_hint: str) -> None:
    source = f"""
import pickle
import numpy as np
class Sub(np.ndarray):
    pass
class Liar:
    def __eq__(self, other):
        return True
class ArrayLike:
    def __array__(self, *args, **kwargs):
        return np.zeros(3)
def f():
    return {expression}
"""
    error = assert_kind(run(sandbox, source), "bad_output")
    assert type_hint in error.message


def test_crafted_frames_on_the_response_pipe(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    import pickle

    unpickled = []
    monkeypatch.setattr(pickle, "loads", lambda *a, **k: unpickled.append(a))
    monkeypatch.setattr(pickle, "load", lambda *a, **k: unpickled.append(a))
    source = """
import io, json, os, struct, pickle
import numpy as np
def frame(data):
    return struct.pack(">Q", len(data)) + data
def object_npy():
    buf = io.BytesIO()
    np.save(buf, np.array([{"x": 1}], dtype=object), allow_pickle=True)
    blob = buf.getvalue()
    header = json.dumps({"ok": True, "value": {"t": "array", "i": 0}, "blobs": [len(blob)]}).encode()
    os.write(4, frame(header) + frame(blob))
    return "ignored"
def huge_length():
    os.write(4, struct.pack(">Q", 2**60))
    return "ignored"
def fake_error_kind():
    os.write(4, frame(json.dumps({"ok": False, "kind": "evil", "blobs": []}).encode()))
    return "ignored"
def half_then_exit():
    os.write(4, struct.pack(">Q", 100) + b"{")
    os._exit(0)
"""
    for function in ("object_npy", "huge_length", "fake_error_kind"):
        assert_kind(run(sandbox, source, function), "bad_output")
    assert_kind(run(sandbox, source, "half_then_exit"), "crash")
    assert unpickled == []


def test_harmless_results(sandbox: Sandbox) -> None:
    nan_result = run(sandbox, "import numpy as np\ndef f():\n    return np.full((2, 2), np.nan)\n")
    assert isinstance(nan_result, np.ndarray) and np.isnan(nan_result).all()
    data = np.arange(6.0).reshape(2, 3)
    same = run(sandbox, "def f(x):\n    return x\n", args=(data,))
    np.testing.assert_array_equal(same, data)


def test_file_size_limit(sandbox: Sandbox) -> None:
    source = """
def f():
    try:
        with open("big.bin", "wb") as handle:
            handle.write(b"x" * (4 * 2**20))
        return "wrote"
    except OSError as exc:
        return type(exc).__name__
"""
    assert run(sandbox, source) == "OSError"


def test_many_files_bounded_by_workdir_tmpfs() -> None:
    if not IS_ROOT:
        pytest.skip("tmpfs working folder needs namespaces")
    source = """
def f():
    written = 0
    try:
        for index in range(10000):
            with open(f"f{index}.bin", "wb") as handle:
                handle.write(b"x" * 2**20)
            written += 1
    except OSError as exc:
        return written, type(exc).__name__
    return written, "none"
"""
    with Sandbox(Limits(workdir_bytes=4 * 2**20), call_timeout=5.0) as box:
        written, error = run(box, source)
    assert written <= 4 and error == "OSError"


def test_every_request_draws_fresh_global_random_numbers(sandbox: Sandbox) -> None:
    """Children forked from one template must not share the global generators' state."""
    source = "import random\nimport numpy as np\ndef draw():\n    return float(np.random.rand()), random.random()\n"
    with sandbox.open_student({"student.py": source.encode()}) as worker:
        draws = {worker.call("student", "draw") for _ in range(3)}
    assert len(draws) == 3
