"""Where one student's grading time goes, part by part, in one process (one core).

Prints the median over `--repeat` runs of each part of `grade_student` for an honest student
(every exercise correct) and a partly wrong one, next to what the parts cost on their own:

- worker start: a new isolated worker (namespaces, uid, limits) and its first answer;
- request: one more request to a running worker (a fork of the template and a fresh import);
- reference calls: every planned call run once by the reference solution in this process,
  i.e. the student's own functions' cost, the floor no grader can go under;
- codec: decoding every planned argument and encoding every reference output, as a worker does;
- grade (honest / partly wrong): the whole of `grade_student`, of which re-check is the pytest
  session for tests whose outputs differ from the reference's, and JSON the state file.

Usage: python benchmarks/grade_profile.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from grader.course.authoring import wrong_implementations  # noqa: E402
from grader.course.catalog import load_catalog  # noqa: E402
from grader.course.content import SOLUTIONS_DIR  # noqa: E402
from grader.grading import batch  # noqa: E402
from grader.grading.intake import Submission  # noqa: E402
from grader.grading.plan_cache import load_or_record  # noqa: E402
from grader.sandbox import Limits, Sandbox  # noqa: E402
from grader.sandbox.runtime import codec  # noqa: E402

EXERCISES = list(load_catalog().exercises)


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    plans = load_or_record(EXERCISES, 0)
    for plan in plans.values():
        batch.planned_batch(plan, Limits().value_bytes)
    calls = [(plan, call) for plan in plans.values() for tests in plan.calls.values() for call in tests]
    honest = Submission("honest", {e.filename: (SOLUTIONS_DIR / e.filename).read_bytes() for e in EXERCISES})
    rng = random.Random(3)
    wrong_files = dict(honest.files)
    for exercise in EXERCISES:
        wrong = wrong_implementations(exercise.id)
        if wrong and rng.random() < 0.4:
            wrong_files[exercise.filename] = rng.choice(wrong).source.encode()
    options = batch.GradeOptions(seed=0)
    rows: list[tuple[str, float]] = []
    with Sandbox(Limits(), call_timeout=options.timeout) as sandbox:
        def start_worker() -> None:
            with sandbox.open_student({"t.py": b"def f():\n    return 1\n"}) as worker:
                worker.call("t", "f")

        rows.append(("worker start (new isolated worker, first answer)", median_seconds(start_worker, args.repeat)))
        with sandbox.open_student({"t.py": b"import numpy as np\ndef f():\n    return 1\n"}) as worker:
            worker.call("t", "f")
            request = median_seconds(lambda: worker.call("t", "f"), args.repeat * 20)
        rows.append(("one request to a running worker (fork + fresh import)", request))
        rows.append((f"  x {len(plans)} exercises = requests per student", request * len(plans)))

        def reference_calls() -> None:
            for plan, call in calls:
                try:
                    getattr(plan.reference, call.function)(*copy.deepcopy(call.args), **copy.deepcopy(call.kwargs))
                except Exception:
                    pass

        rows.append((f"reference calls ({len(calls)} planned calls, the floor)", median_seconds(reference_calls, args.repeat)))

        def codec_work() -> None:
            for plan in plans.values():
                entries, blobs = plan.batch.entries, plan.batch.blobs
                offset = 0
                for entry in entries:
                    codec.decode_value(entry["args"], list(blobs[offset:offset + entry["nblobs"]]), allow_rng=True)
                    offset += entry["nblobs"]
            for _, call in calls:
                try:
                    codec.encode_value(call.output, max_blob_bytes=Limits().value_bytes)
                except codec.CodecError:
                    pass

        rows.append(("codec (decode arguments, encode outputs)", median_seconds(codec_work, args.repeat)))
        for label, files in (("honest", honest.files), ("partly wrong", wrong_files)):
            recheck: list[float] = []
            real = batch._recheck

            def timed_recheck(*a: object, **k: object) -> object:
                started = time.perf_counter()
                try:
                    return real(*a, **k)
                finally:
                    recheck.append(time.perf_counter() - started)

            batch._recheck = timed_recheck  # type: ignore[assignment]
            results = []

            def grade() -> None:
                batch._rechecked.clear()  # every run judges anew: no verdict memory across repeats
                results.append(batch.grade_student(sandbox, Submission(label, files), plans, options))

            whole = median_seconds(grade, args.repeat)
            batch._recheck = real  # type: ignore[assignment]
            writing = median_seconds(lambda: json.dumps(results[-1].to_json(), ensure_ascii=False, indent=1), args.repeat)
            rows.append((f"grade_student, {label} ({results[-1].total:.1f}/{results[-1].max_total:.0f} points)", whole))
            rows.append(("  of which re-check (pytest on differing tests)", statistics.median(recheck)))
            rows.append(("  state file JSON", writing))
    width = max(len(label) for label, _ in rows)
    for label, seconds in rows:
        print(f"{label:<{width}}  {seconds * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
