"""Calls through real workers: value round-trips, error kinds, restarts, latency, isolation report."""

from __future__ import annotations

import subprocess
import sys
import time

import numpy as np
import pytest

from grader.sandbox import Limits, Sandbox, SandboxError

from .conftest import IS_ROOT

ECHO = b"def echo(*args, **kwargs):\n    return args, kwargs\n"


def test_every_allowed_value_type_roundtrips(sandbox: Sandbox) -> None:
    values = (
        None, True, 3, -2**100, 0.1, float("inf"), "문자열", [1, (2, [3.5])], {"k": {"n": [None]}},
        np.arange(24, dtype=np.int32).reshape(2, 3, 4), np.linspace(0, 1, 5, dtype=np.float32),
        np.array([[1 + 1j]], dtype=np.complex64), np.array([True, False]), np.array(7, dtype=np.uint16),
        np.asfortranarray(np.eye(3)), np.arange(10.0)[::2], np.zeros((0, 3)), np.float64(2.5), np.int8(-4),
    )
    with sandbox.open_student({"echo.py": ECHO}) as worker:
        args, kwargs = worker.call("echo", "echo", values, {"alpha": np.full(3, np.nan), "beta": (1,)})
    assert len(args) == len(values)
    for got, sent in zip(args, values):
        assert type(got) is type(sent)
        if isinstance(sent, np.ndarray):
            assert got.dtype == sent.dtype and got.shape == sent.shape
            np.testing.assert_array_equal(got, sent)
        else:
            assert got == sent
    assert np.isnan(kwargs["alpha"]).all() and kwargs["beta"] == (1,)


@pytest.mark.parametrize("name", ["PCG64", "PCG64DXSM", "Philox", "SFC64", "MT19937"])
def test_rng_argument_reproduces_generator(sandbox: Sandbox, name: str) -> None:
    source = b"def draw(rng, n):\n    return rng.normal(size=n), rng.integers(0, 100, size=n)\n"
    rng = np.random.Generator(getattr(np.random, name)(99))
    twin = np.random.Generator(getattr(np.random, name)(99))
    with sandbox.open_student({"draw.py": source}) as worker:
        normal, integers = worker.call("draw", "draw", (rng, 6))
    np.testing.assert_array_equal(normal, twin.normal(size=6))
    np.testing.assert_array_equal(integers, twin.integers(0, 100, size=6))


def test_unsendable_argument_is_a_setup_error(sandbox: Sandbox) -> None:
    with sandbox.open_student({"echo.py": ECHO}) as worker:
        with pytest.raises(SandboxError) as info:
            worker.call("echo", "echo", (object(),))
    assert info.value.kind == "setup"


STUDENT = b"""
import os, sys
def fails(x):
    raise ValueError(f"bad value {x}")
def ok():
    return "ok"
not_callable = 3
def exit0():
    sys.exit(0)
def hard_exit():
    os._exit(7)
def returns_rng():
    import numpy as np
    return np.random.default_rng(0)
"""


def test_student_exception(sandbox: Sandbox) -> None:
    with sandbox.open_student({"m.py": STUDENT}) as worker:
        with pytest.raises(SandboxError) as info:
            worker.call("m", "fails", (5,))
        assert worker.call("m", "ok") == "ok"
    assert info.value.kind == "exception"
    assert info.value.detail == "ValueError: bad value 5"
    assert info.value.lineno == 4
    assert "예외" in info.value.message


@pytest.mark.parametrize("function", ["missing", "not_callable"])
def test_missing_function(sandbox: Sandbox, function: str) -> None:
    with sandbox.open_student({"m.py": STUDENT}) as worker:
        with pytest.raises(SandboxError) as info:
            worker.call("m", function)
    assert info.value.kind == "missing_function"
    assert function in info.value.message


def test_import_errors_carry_line_numbers(sandbox: Sandbox) -> None:
    files = {"syntax.py": b"x = 1\ndef f(:\n    pass\n", "name.py": b"\n\nundefined_name\n",
             "mod.py": b"import scipy_does_not_exist\n"}
    with sandbox.open_student(files) as worker:
        errors = {}
        for stem in ("syntax", "name", "mod", "absent"):
            with pytest.raises(SandboxError) as info:
                worker.call(stem, "f")
            errors[stem] = info.value
    assert all(error.kind == "import_error" for error in errors.values())
    assert errors["syntax"].lineno == 2 and errors["syntax"].detail.startswith("SyntaxError")
    assert errors["name"].lineno == 3 and "NameError" in errors["name"].detail
    assert "ModuleNotFoundError" in errors["mod"].detail


@pytest.mark.parametrize("function", ["exit0", "hard_exit"])
def test_crash_then_next_call_works(sandbox: Sandbox, function: str) -> None:
    with sandbox.open_student({"m.py": STUDENT}) as worker:
        assert worker.call("m", "ok") == "ok"
        with pytest.raises(SandboxError) as info:
            worker.call("m", function)
        assert worker.call("m", "ok") == "ok"
    assert info.value.kind == "crash"
    assert info.value.detail == ("exit 0" if function == "exit0" else "exit 7")


def test_timeout_then_next_call_works_with_fresh_import(sandbox: Sandbox) -> None:
    source = b"import time\nCALLS = []\ndef slow():\n    time.sleep(100)\ndef count():\n    CALLS.append(1)\n    return len(CALLS)\n"
    with sandbox.open_student({"m.py": source}) as worker:
        assert worker.call("m", "count") == 1
        started = time.monotonic()
        with pytest.raises(SandboxError) as info:
            worker.call("m", "slow")
        assert time.monotonic() - started < sandbox.call_timeout + 1.0
        assert worker.call("m", "count") == 1  # a fresh worker imported the module again
    assert info.value.kind == "timeout"
    assert "제한 시간" in info.value.message


def test_rng_return_value_is_bad_output(sandbox: Sandbox) -> None:
    with sandbox.open_student({"m.py": STUDENT}) as worker:
        with pytest.raises(SandboxError) as info:
            worker.call("m", "returns_rng")
    assert info.value.kind == "bad_output"
    assert "Generator" in info.value.message


def test_output_is_captured(sandbox: Sandbox) -> None:
    source = "import sys\nprint('top')\ndef f():\n    print('안녕')\n    print('err', file=sys.stderr)\n    return 1\n".encode()
    with sandbox.open_student({"p.py": source}) as worker:
        assert worker.call("p", "f") == 1
        text = worker.output()
    assert "top" in text and "안녕" in text and "err" in text


def test_cpu_rlimit_kills_busy_worker() -> None:
    with Sandbox(Limits(cpu_seconds=1), call_timeout=10.0) as box:
        with box.open_student({"m.py": b"def spin():\n    while True:\n        pass\ndef ok():\n    return 2\n"}) as worker:
            with pytest.raises(SandboxError) as info:
                worker.call("m", "spin")
            assert worker.call("m", "ok") == 2
    assert info.value.kind == "crash"
    assert info.value.detail in ("SIGXCPU", "SIGKILL")


def test_isolation_report(sandbox: Sandbox) -> None:
    report = sandbox.isolation_report
    assert all(isinstance(value, (bool, str)) for value in report.values())
    if IS_ROOT:
        for key in ("pid_namespace", "net_namespace", "mount_namespace", "chroot", "tmpfs_workdir", "uid_drop",
                    "no_new_privs", "pdeathsig", "rlimits"):
            assert report[key] is True, (key, report)
        assert report["failures"] == ""


def test_worker_environment(sandbox: Sandbox) -> None:
    source = b"""
import os, resource
def probe():
    fds = []
    for fd in range(256):
        try:
            os.fstat(fd)
            fds.append(fd)
        except OSError:
            pass
    return {"env": sorted(os.environ), "fds": fds, "uid": os.getuid(), "pid": os.getpid(),
            "root": sorted(os.listdir("/")), "nproc": resource.getrlimit(resource.RLIMIT_NPROC)[0]}
"""
    with sandbox.open_student({"probe.py": source, "data.txt": b"hello"}) as worker:
        info = worker.call("probe", "probe")
    assert info["env"] == ["LANG", "PATH"]
    assert info["fds"] == [0, 1, 2, 3, 4, 5]  # 5: "my reply is complete", to the template
    assert info["nproc"] == sandbox.limits.max_processes
    if IS_ROOT:
        assert info["uid"] >= 100_000
        assert info["pid"] == 3  # its namespace's init (1), the template (2), this request's child (3)
        assert info["root"] == ["data.txt", "probe.py"]


def test_fresh_worker_latency_beats_fresh_python(sandbox: Sandbox) -> None:
    timings = []
    for _ in range(10):
        started = time.perf_counter()
        with sandbox.open_student({"t.py": b"def f():\n    return 1\n"}) as worker:
            assert worker.call("t", "f") == 1
            timings.append(time.perf_counter() - started)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import numpy"], check=True)
    fresh_python = time.perf_counter() - started
    median = sorted(timings)[len(timings) // 2]
    print(f"\nfresh worker + trivial call: median {median * 1000:.1f} ms; python -c 'import numpy': "
          f"{fresh_python * 1000:.1f} ms")
    assert median < 0.1
    assert median < fresh_python


def test_student_modules_can_import_each_other(sandbox: Sandbox) -> None:
    files = {"main.py": b"import helper\ndef f():\n    return helper.VALUE * 2\n", "helper.py": b"VALUE = 21\n"}
    with sandbox.open_student(files) as worker:
        assert worker.call("main", "f") == 42


def test_large_arrays_cross_both_ways_and_oversized_results_are_refused() -> None:
    source = b"import numpy as np\ndef inc(x):\n    return x + 1\ndef huge():\n    return np.zeros(2**24)\n"
    data = np.random.default_rng(1).random(2**20)  # 8 MiB
    with Sandbox(Limits(value_bytes=16 * 2**20), call_timeout=10.0) as box:
        with box.open_student({"m.py": source}) as worker:
            np.testing.assert_array_equal(worker.call("m", "inc", (data,)), data + 1)
            with pytest.raises(SandboxError) as info:
                worker.call("m", "huge")  # 128 MiB > value_bytes
            assert info.value.kind == "bad_output"
            np.testing.assert_array_equal(worker.call("m", "inc", (data,)), data + 1)
