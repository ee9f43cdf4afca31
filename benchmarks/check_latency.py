"""How long a learner waits: `learn check 03_threshold` as a whole process, and `learn watch`.

Prints, from one run on this machine, the median wall time of
  - the floor:     python -c "import numpy"
  - the baseline:  python -m pytest -q on one trivial test (what any pytest-based grader pays)
  - learn check 03_threshold on the stub (fails) and on the reference (passes), both cold
    (LEARN_NO_SERVER=1: every run imports numpy and pytest itself) and warm (served by the
    check server that the first run starts, see grader/learner/warm_server.py)
and every ratio to the baseline (targets for a passing check: cold <= 1.0, warm <= 0.5), then the
time from saving a file to the verdict in `learn watch` (target: < 0.1 s), all from one run, with
the machine's load average (figures are only comparable within one run).
Usage: python benchmarks/check_latency.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
LEARN = str(Path(PYTHON).with_name("learn"))


# As on a learner's machine, Python keeps compiled bytecode (__pycache__): a shell that sets
# PYTHONDONTWRITEBYTECODE would make every run recompile the grader's modules, which the
# baseline (pytest, compiled when pip installed it) never pays.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


def median_seconds(command: list[str], cwd: Path, runs: int, ok_codes: tuple[int, ...] = (0,),
                   env: dict[str, str] | None = None) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        completed = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - started)
        if completed.returncode not in ok_codes:
            raise SystemExit(f"{command} exited {completed.returncode}")
    return statistics.median(times)


def read_until(process: subprocess.Popen, marker: str, timeout: float = 30.0) -> float:
    """Read the watcher's output until a line containing `marker`; return when it arrived."""
    deadline = time.perf_counter() + timeout
    buffer = b""
    fd = process.stdout.fileno()
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            buffer += chunk
            if marker.encode() in buffer:
                return time.perf_counter()
    raise SystemExit(f"learn watch did not print {marker!r}; got: {buffer.decode(errors='replace')[-500:]}")


def watch_latencies(workspace: Path, saves: int) -> list[float]:
    """Save a failing variant `saves` times, then the reference; time each save to its verdict."""
    target = workspace / "exercises" / "03_threshold.py"
    reference = (ROOT / "solutions" / "03_threshold.py").read_text(encoding="utf-8")
    wrong = reference.replace(">= threshold", "> threshold")
    env = {**os.environ, "NO_COLOR": "1"}
    process = subprocess.Popen([LEARN, "watch", "03_threshold"], cwd=workspace, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, env=env)
    latencies = []
    try:
        read_until(process, "시작 전")  # the first check of the untouched stub
        for index in range(saves + 1):
            text = reference if index == saves else wrong + f"\n# save {index}\n"
            saved = time.perf_counter()
            target.write_text(text, encoding="utf-8")
            arrived = read_until(process, "통과!" if index == saves else "아직 통과하지 못했습니다")
            latencies.append(arrived - saved)
    finally:
        process.terminate()
        process.wait(timeout=10)
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        scratch_path = Path(scratch)
        (scratch_path / "trivial").mkdir()
        (scratch_path / "trivial" / "test_trivial.py").write_text("def test_one():\n    assert 1 + 1 == 2\n")
        workspace = scratch_path / "ws"
        subprocess.run([LEARN, "init", str(workspace)], check=True, stdout=subprocess.DEVNULL)

        cold = {**os.environ, "LEARN_NO_SERVER": "1"}
        subprocess.run([LEARN, "check", "03_threshold"], cwd=workspace, env=cold, stdout=subprocess.DEVNULL)  # bytecode
        warm = {**os.environ, "XDG_RUNTIME_DIR": str(scratch_path), "LEARN_SERVER_IDLE": "120"}
        warm.pop("LEARN_NO_SERVER", None)
        (scratch_path).chmod(0o700)
        stub_file = workspace / "exercises" / "03_threshold.py"
        stub_text = stub_file.read_text(encoding="utf-8")

        floor = median_seconds([PYTHON, "-c", "import numpy"], scratch_path, args.runs)
        baseline = median_seconds([PYTHON, "-m", "pytest", "-q", "test_trivial.py"], scratch_path / "trivial", args.runs)
        figures = {}
        for mode, env in (("cold", cold), ("warm", warm)):
            if mode == "warm":  # the first warm run starts the server; wait until it listens
                subprocess.run([LEARN, "check", "03_threshold"], cwd=workspace, env=env, stdout=subprocess.DEVNULL)
                deadline = time.time() + 30
                while not list(scratch_path.glob("learn-*/check-*.sock")) and time.time() < deadline:
                    time.sleep(0.05)
            stub_file.write_text(stub_text, encoding="utf-8")
            figures[mode, "stub"] = median_seconds([LEARN, "check", "03_threshold"], workspace, args.runs, (1,), env)
            shutil.copyfile(ROOT / "solutions" / "03_threshold.py", stub_file)
            figures[mode, "passes"] = median_seconds([LEARN, "check", "03_threshold"], workspace, args.runs, (0,), env)
        for sock in scratch_path.glob("learn-*/check-*.sock"):
            sock.unlink()  # the server exits when its socket is gone
        stub_file.write_text(stub_text, encoding="utf-8")
        latencies = watch_latencies(workspace, saves=args.runs)

    load = " / ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"runs per command: {args.runs} (median wall time); load average {load}, {os.cpu_count()} CPUs")
    print(f"python -c 'import numpy'          {floor:.3f} s")
    print(f"python -m pytest (1 trivial test) {baseline:.3f} s   <- baseline")
    targets = {("cold", "passes"): "target <= 1.00", ("warm", "passes"): "target <= 0.50"}
    for (mode, case), seconds in figures.items():
        target = targets.get((mode, case), "no target: a failing check runs pytest")
        print(f"learn check 03_threshold ({case:6}, {mode}) {seconds:.3f} s   ratio {seconds / baseline:.2f}   ({target})")
    print(f"learn watch: save -> verdict      median {statistics.median(latencies):.3f} s, "
          f"max {max(latencies):.3f} s over {len(latencies)} saves   (target < 0.100)")


if __name__ == "__main__":
    main()
