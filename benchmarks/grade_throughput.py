"""Batch-grading throughput and memory: `learn grade` against a naive grader, same jobs, same run.

Builds a realistic class (default 30 students: correct, partly wrong, broken, stubs, and one each
of an infinite loop, an output flood and a crash in every function), grades it with `learn grade`
(full isolation, per-student budget) and with the naive baseline: one `python -m pytest` process
per student importing the student's files into the test process, as homegrown graders do, run
`--jobs` at a time with a per-student wall-clock cap (it has no budget of its own, so a student
who prints without end would otherwise never finish). Prints submissions per second for both
and their ratio. `--memory-students 1000` also grades a large class and prints the peak memory
of the whole `learn grade` process tree (sum of PSS, sampled every 50 ms).

`learn grade` runs twice: with an empty plan cache (the first run after installing or changing
the course records the plans, about 10 s) and with the cache filled (every later run). The
floor line is what the reference solutions themselves cost: every planned call run once,
in-process, per student, spread over `--jobs` cores; no grader can be faster than the students'
own functions.

`--hostile 40` grades a class of that many hostile students (every function hangs, floods
output, crashes, exhausts memory, kills its parent, ignores signals, forks without end, exits,
opens sockets or writes files; plus the single-exercise attacks of tests/grading/hostile) and a
few honest ones, and prints the wall time (target: 40 students in at most 120 s).

Usage: python benchmarks/grade_throughput.py [--students 30] [--jobs 2] [--memory-students 0] [--hostile 0]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from grader.course.authoring import wrong_implementations  # noqa: E402
from grader.course.catalog import load_catalog  # noqa: E402

EXERCISES = load_catalog().exercises


EVERY_FUNCTION_ATTACKS = {
    "hangs": "    while True:\n        pass\n",
    "floods_output": "    import sys\n    while True:\n        sys.stdout.write('x' * 65536)\n",
    "crashes": "    import os\n    os._exit(3)\n",
    "exhausts_memory": "    blocks = []\n    while True:\n        blocks.append(bytearray(2**24))\n",
    "kills_its_parent": "    import os, signal\n    os.kill(os.getppid(), signal.SIGKILL)\n",
    "ignores_signals": "    import signal\n    for s in (signal.SIGTERM, signal.SIGINT, signal.SIGALRM):\n"
                       "        signal.signal(s, signal.SIG_IGN)\n    while True:\n        pass\n",
    "forks_without_end": "    import os\n    while True:\n        try:\n            os.fork()\n        except OSError:\n            pass\n",
    "exits": "    import sys\n    sys.exit(0)\n",
    "opens_sockets": "    import socket\n    socket.create_connection(('10.0.0.1', 80), timeout=5)\n",
    "writes_files": "    with open('/tmp/learn-bench-owned', 'w') as f:\n        f.write('x' * 2**20)\n",
}


def build_hostile_class(target: Path, students: int) -> dict[str, str]:
    """`students` hostile submissions (every function of every exercise attacks, then the
    single-exercise attacks of tests/grading/hostile) and four honest ones; student -> kind."""
    singles = sorted((ROOT / "tests" / "grading" / "hostile").glob("*.py"))
    kinds = {}
    for index in range(students):
        folder = target / f"hostile{index:03d}"
        folder.mkdir(parents=True)
        attacks = list(EVERY_FUNCTION_ATTACKS)
        if index < len(attacks):
            kind = attacks[index]
            for exercise in EXERCISES:
                (folder / exercise.filename).write_text(
                    "".join(f"def {name}(*args, **kwargs):\n{EVERY_FUNCTION_ATTACKS[kind]}\n" for name in exercise.functions),
                    encoding="utf-8")
        else:
            single = singles[(index - len(attacks)) % len(singles)]
            kind = f"single:{single.stem}"
            shutil.copyfile(single, folder / "03_threshold.py")
        kinds[folder.name] = kind
    for index in range(4):
        folder = target / f"honest{index}"
        folder.mkdir(parents=True)
        for exercise in EXERCISES:
            shutil.copyfile(ROOT / "solutions" / exercise.filename, folder / exercise.filename)
        kinds[folder.name] = "honest"
    return kinds


def reference_floor_seconds() -> float:
    """Seconds one student costs at the very least: every planned call of every exercise run
    once with the reference solution, in this process (arguments copied, as a worker gets them)."""
    import copy

    from grader.grading.plan_cache import load_or_record

    plans = load_or_record(list(EXERCISES), 0)
    started = time.perf_counter()
    for plan in plans.values():
        for calls in plan.calls.values():
            for call in calls:
                try:
                    getattr(plan.reference, call.function)(*copy.deepcopy(call.args), **copy.deepcopy(call.kwargs))
                except Exception:
                    pass
    return time.perf_counter() - started


HOSTILE_BODIES = {
    "infinite_loop": "    while True:\n        pass\n",
    "output_flood": "    while True:\n        print('x' * 4096)\n",
    "crash": "    import os\n    os._exit(1)\n",
}


def build_class(target: Path, students: int, seed: int = 7) -> dict[str, str]:
    """Write the class; return student -> kind. A third correct, half partly wrong, the rest
    broken (syntax error) or untouched stubs, plus the three hostile students."""
    rng = random.Random(seed)
    kinds = {}
    honest = max(0, students - len(HOSTILE_BODIES))
    plan = ["correct"] * (honest // 3) + ["partly_wrong"] * (honest // 2)
    plan += ["broken", "stubs"] * ((honest - len(plan)) // 2 + 1)
    for index, kind in enumerate(plan[:honest] + list(HOSTILE_BODIES)):
        folder = target / f"student{index:04d}"
        folder.mkdir(parents=True)
        for exercise in EXERCISES:
            path = folder / exercise.filename
            if kind in HOSTILE_BODIES:
                path.write_text("".join(f"def {name}(*args, **kwargs):\n{HOSTILE_BODIES[kind]}\n"
                                        for name in exercise.functions), encoding="utf-8")
                continue
            wrong = wrong_implementations(exercise.id)
            if kind == "partly_wrong" and wrong and rng.random() < 0.4:
                path.write_text(rng.choice(wrong).source, encoding="utf-8")
            elif kind == "stubs":
                shutil.copyfile(ROOT / "exercises" / exercise.filename, path)
            else:
                shutil.copyfile(ROOT / "solutions" / exercise.filename, path)
        if kind == "broken":
            (folder / "01_mse.py").write_text("def mse(y_true, y_pred):\n    return (\n", encoding="utf-8")
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


def naive_run(folder: Path, students: list[str], jobs: int, cap: float) -> tuple[float, int]:
    """Grade every student with the naive grader, `jobs` at a time; return (seconds, students capped)."""
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'benchmarks'}{os.pathsep}{ROOT}", "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    checks = [str(ROOT / "grader" / "checks" / f"check_{e.id}.py") for e in EXERCISES]

    def one(student: str) -> bool:
        try:
            subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "naive_grader_plugin", "-p", "no:cacheprovider",
                            "--import-mode=importlib", "--rootdir", str(ROOT / "grader" / "checks"),
                            "-c", str(ROOT / "grader" / "checks" / "pytest.ini"), *checks],
                           env={**env, "STUDENT_DIR": str(folder / student)}, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=cap)
            return False
        except subprocess.TimeoutExpired:
            return True

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        capped = sum(pool.map(one, students))
    return time.perf_counter() - started, capped


def grade_command(folder: Path, out: Path, jobs: int) -> list[str]:
    return [sys.executable, "-m", "grader", "grade", str(folder), "--out", str(out), "--jobs", str(jobs), "--seed", "0"]


def hostile_run(scratch: Path, students: int, jobs: int) -> None:
    folder, out = scratch / "hostile", scratch / "hostile-out"
    kinds = build_hostile_class(folder, students)
    elapsed, peak_kib, result = run_with_peak_memory(grade_command(folder, out, jobs))
    if result.returncode != 0:
        raise SystemExit(f"learn grade failed: {result.stderr[-2000:]}")
    import csv

    with (out / "grades.csv").open(encoding="utf-8") as handle:
        rows = {row["student"]: row for row in csv.DictReader(handle)}
    honest_full = all(rows[s]["total"] == rows[s]["max_total"] for s, k in kinds.items() if k == "honest")
    hostile_zero = all(float(rows[s]["total"]) == 0 for s, k in kinds.items() if k != "honest")
    normal = [s for s, k in kinds.items() if k != "honest" and rows[s]["status"] == "정상"]
    print(f"hostile class: {students} hostile + 4 honest students, jobs={jobs}: {elapsed:.1f} s "
          f"(target <= 120 s), one row each: {len(rows) == len(kinds)}, honest full marks: {honest_full}, "
          f"hostile all zero: {hostile_zero}, hostile reported as 정상: {len(normal)}, peak {peak_kib / 1024:.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--naive-cap", type=float, default=120.0, help="wall-clock cap per student for the naive grader")
    parser.add_argument("--memory-students", type=int, default=0, help="also grade a class this large for peak memory")
    parser.add_argument("--hostile", type=int, default=0, help="also grade a class of this many hostile students")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        os.environ["LEARN_CACHE_DIR"] = str(scratch / "cache")  # starts empty: the first run records
        folder = scratch / "class"
        kinds = build_class(folder, args.students)
        cold, _, result = run_with_peak_memory(grade_command(folder, scratch / "out-cold", args.jobs))
        if result.returncode != 0:
            raise SystemExit(f"learn grade failed: {result.stderr[-2000:]}")
        elapsed, peak_kib, result = run_with_peak_memory(grade_command(folder, scratch / "out", args.jobs))
        if result.returncode != 0:
            raise SystemExit(f"learn grade failed: {result.stderr[-2000:]}")
        naive_elapsed, capped = naive_run(folder, sorted(kinds), args.jobs, args.naive_cap)
        floor = reference_floor_seconds()
        big_peak = None
        if args.memory_students:
            big = scratch / "big"
            build_class(big, args.memory_students)
            big_elapsed, big_peak, big_result = run_with_peak_memory(grade_command(big, scratch / "big-out", args.jobs))
            if big_result.returncode != 0:
                raise SystemExit(f"learn grade (large class) failed: {big_result.stderr[-2000:]}")
        if args.hostile:
            hostile_run(scratch, args.hostile, args.jobs)
    mix = {kind: list(kinds.values()).count(kind) for kind in sorted(set(kinds.values()))}
    learn_rate, naive_rate = len(kinds) / elapsed, len(kinds) / naive_elapsed
    print(f"class: {len(kinds)} students {mix}, {len(EXERCISES)} exercises, jobs={args.jobs} for both graders")
    print(f"learn grade, plan cache filled (every later run): {elapsed:.1f} s -> {learn_rate:.2f} students/s")
    print(f"learn grade, plan cache empty (first run):        {cold:.1f} s -> {len(kinds) / cold:.2f} students/s")
    print(f"naive pytest-per-student grader:   {naive_elapsed:.1f} s -> {naive_rate:.2f} students/s "
          f"({capped} student(s) stopped at the {args.naive_cap:g} s cap)")
    print(f"throughput ratio learn/naive: {learn_rate / naive_rate:.1f}x")
    print(f"floor, reference solutions alone: {floor:.3f} s per student -> at most {args.jobs / floor:.1f} students/s "
          f"on {args.jobs} cores")
    print(f"peak memory, learn grade process tree (PSS), {len(kinds)} students: {peak_kib / 1024:.0f} MiB")
    if big_peak is not None:
        print(f"peak memory, learn grade process tree (PSS), {args.memory_students} students: {big_peak / 1024:.0f} MiB "
              f"(target < 1024 MiB), {big_elapsed:.0f} s -> {args.memory_students / big_elapsed:.2f} students/s")


if __name__ == "__main__":
    main()
