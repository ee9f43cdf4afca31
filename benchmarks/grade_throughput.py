"""Batch-grading throughput and memory: `learn grade` against a naive homegrown grader.

Builds a synthetic class (default 200 students: correct, partly wrong, broken, hostile and
incomplete submissions of all exercises), grades it with `learn grade` (full isolation), and
times the naive baseline on a stratified sample of the same class: one `python -m pytest`
process per student importing the student's files into the test process, as homegrown graders
do. Prints submissions per second for both, the ratio, and the peak memory (sum of PSS over the
whole process tree, sampled every 50 ms). Hostile files that hang or bomb are left out of the
synthetic class because they would stall the naive baseline, and so is the one that searches the
whole file system for the reference (the naive grader has no chroot, so it would crawl the disk);
the test suite grades all of them.

Usage: python benchmarks/grade_throughput.py [--students 200] [--baseline-sample 20] [--jobs 2]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from grader.course.authoring import wrong_implementations  # noqa: E402
from grader.course.catalog import load_catalog  # noqa: E402

EXERCISES = load_catalog().exercises
SAFE_HOSTILE = ["patch_numpy_allclose", "patch_pytest_in_sys_modules", "frame_walk", "gc_walk",
                "object_lying_eq_and_array", "ndarray_subclass_lying_eq", "os_exit_in_function",
                "sys_exit_at_import", "atexit_handler", "pickled_payload", "nan_output"]


def build_class(target: Path, students: int, seed: int = 7) -> dict[str, str]:
    """Write the class; return student -> kind."""
    rng = random.Random(seed)
    kinds = {}
    for index in range(students):
        kind = rng.choices(["correct", "partly_wrong", "broken", "hostile", "incomplete"], [40, 25, 15, 10, 10])[0]
        folder = target / f"student{index:04d}"
        folder.mkdir(parents=True)
        for exercise in EXERCISES:
            source = ROOT / "solutions" / exercise.filename
            wrong = wrong_implementations(exercise.id)
            if kind == "partly_wrong" and rng.random() < 0.5:
                (folder / exercise.filename).write_text(rng.choice(wrong).source, encoding="utf-8")
                continue
            elif kind == "broken":
                source = ROOT / "exercises" / exercise.filename
            elif kind == "incomplete" and rng.random() < 0.5:
                continue
            shutil.copyfile(source, folder / exercise.filename)
        if kind == "broken":
            (folder / "01_mse.py").write_text("def mse(y_true, y_pred):\n    return (\n", encoding="utf-8")
        if kind == "hostile":
            attack = ROOT / "tests" / "grading" / "hostile" / f"{rng.choice(SAFE_HOSTILE)}.py"
            shutil.copyfile(attack, folder / "03_threshold.py")
        kinds[folder.name] = kind
    return kinds


def _tree_pss_kib(root_pid: int) -> int:
    """Sum of proportional set size over a process and all its descendants."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    parent = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry))
    total, stack = 0, [root_pid]
    while stack:
        pid = stack.pop()
        stack += children.get(pid, [])
        try:
            with open(f"/proc/{pid}/smaps_rollup") as handle:
                for line in handle:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            pass
    return total


def run_with_peak_memory(command: list[str]) -> tuple[float, int, subprocess.CompletedProcess]:
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_pss_kib(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    done.set()
    sampler.join()
    elapsed = time.perf_counter() - started
    return elapsed, peak, subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def naive_seconds(folder: Path, sample: list[str]) -> list[float]:
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'benchmarks'}{os.pathsep}{ROOT}", "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    checks = [str(ROOT / "grader" / "checks" / f"check_{e.id}.py") for e in EXERCISES]
    times = []
    for student in sample:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "naive_grader_plugin", "-p", "no:cacheprovider",
                        "--import-mode=importlib", "--rootdir", str(ROOT / "grader" / "checks"),
                        "-c", str(ROOT / "grader" / "checks" / "pytest.ini"), *checks],
                       env={**env, "STUDENT_DIR": str(folder / student)}, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=300)
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=200)
    parser.add_argument("--baseline-sample", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "class"
        kinds = build_class(folder, args.students)
        learn = [sys.executable, "-m", "grader", "grade", str(folder), "--out", str(Path(scratch) / "out"),
                 "--jobs", str(args.jobs), "--seed", "0"]
        elapsed, peak_kib, result = run_with_peak_memory(learn)
        if result.returncode != 0:
            raise SystemExit(f"learn grade failed: {result.stderr[-2000:]}")
        names = sorted(kinds)
        step = max(1, len(names) // args.baseline_sample)
        sample = names[::step][: args.baseline_sample]
        baseline = naive_seconds(folder, sample)
    learn_rate = args.students / elapsed
    naive_rate = 1 / statistics.mean(baseline)
    mix = {kind: list(kinds.values()).count(kind) for kind in sorted(set(kinds.values()))}
    print(f"class: {args.students} students {mix}, {len(EXERCISES)} exercises, jobs={args.jobs}")
    print(f"learn grade (sandboxed):  {elapsed:.1f} s  -> {learn_rate:.2f} submissions/s")
    print(f"naive baseline (sample of {len(sample)}, sequential, no isolation): "
          f"{statistics.mean(baseline):.2f} s/student -> {naive_rate:.2f} submissions/s")
    print(f"throughput ratio learn/naive: {learn_rate / naive_rate:.1f}x   (target >= 10x)")
    print(f"peak memory of the learn grade process tree (PSS): {peak_kib / 1024:.0f} MiB   (target < 1024 MiB at 1,000 students)")


if __name__ == "__main__":
    main()
