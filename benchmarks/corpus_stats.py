"""How trustworthy the checks are, measured on the corpus of tests/corpus/<id>/.

For every exercise, over several seeds (the random cases and the seeded rngs change with the
seed), prints:
  - wrong:    wrong implementations (wrong.toml, wrong_inplace.toml, wrong_warnings.toml) rejected
              on every seed / all of them
  - named:    of all rejections (one per wrong implementation and seed), the fraction in which
              some failed test names a known misconception (a typed NamedMistake)
  - expect:   rejections whose verdict also contains the entry's `expect` text
  - right:    right_*.py accepted on every seed / all of them
(tests/course/test_corpus.py grades the same entries in learner mode, and
tests/grading/test_corpus_sandboxed.py in grading mode; tests/checks/test_corpus_flaws.py proves
each in-place or warnings entry really changes an input or warns)
and the totals. A wrong implementation that passes on some seed, or a right one that fails,
is listed by name below the table.

Usage: python benchmarks/corpus_stats.py [--seeds 5] [--only 01_mse,10_iteration_count]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from grader.course.authoring import CORPUS, wrong_implementations  # noqa: E402
from grader.course.catalog import load_catalog  # noqa: E402
from grader.engine.runner import check_file  # noqa: E402

MANIFESTS = ("wrong.toml", "wrong_inplace.toml", "wrong_warnings.toml")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--only", default="", help="comma-separated exercise ids")
    options = parser.parse_args()
    seeds = [2024 + 7919 * i for i in range(options.seeds)]
    catalog = load_catalog()
    exercises = [e for e in catalog.exercises if not options.only or e.id in options.only.split(",")]

    print(f"seeds: {seeds}")
    print(f"{'exercise':22} {'wrong':>9} {'named':>7} {'expect':>9} {'right':>7}")
    totals = dict(wrong=0, wrong_all=0, rejections=0, named=0, expected=0, right=0, right_all=0)
    escapes: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        for exercise in exercises:
            wrongs = [w for name in MANIFESTS for w in wrong_implementations(exercise.id, manifest_name=name)]
            rights = sorted((CORPUS / exercise.id).glob("right_*.py"))
            caught = rejections = named = expected = 0
            for wrong in wrongs:
                path = Path(scratch) / exercise.filename
                path.write_text(wrong.source, encoding="utf-8")
                every_seed = True
                for seed in seeds:
                    result = check_file(exercise, path, exercise.filename, seed=seed)
                    if result.passed:
                        every_seed = False
                        escapes.append(f"wrong accepted: {exercise.id}/{wrong.name} (seed {seed})")
                        continue
                    load = result.load_failure.message if result.load_failure else ""
                    messages = "\n".join([load] + [t.message for t in result.failed_tests])
                    rejections += 1
                    named += any(t.mistakes for t in result.failed_tests)
                    expected += wrong.expect in messages
                caught += every_seed
            accepted = 0
            for right in rights:
                ok = True
                for seed in seeds:
                    if not check_file(exercise, right, right.name, seed=seed).passed:
                        ok = False
                        escapes.append(f"right rejected: {exercise.id}/{right.name} (seed {seed})")
                accepted += ok
            print(f"{exercise.id:22} {caught:>4}/{len(wrongs):<4} {named / max(rejections, 1):>7.0%} "
                  f"{expected:>4}/{rejections:<4} {accepted:>3}/{len(rights):<3}")
            totals["wrong"] += caught
            totals["wrong_all"] += len(wrongs)
            totals["rejections"] += rejections
            totals["named"] += named
            totals["expected"] += expected
            totals["right"] += accepted
            totals["right_all"] += len(rights)
    t = totals
    print(f"{'total':22} {t['wrong']:>4}/{t['wrong_all']:<4} {t['named'] / max(t['rejections'], 1):>7.1%} "
          f"{t['expected']:>4}/{t['rejections']:<4} {t['right']:>3}/{t['right_all']:<3}")
    for line in escapes:
        print(line)


if __name__ == "__main__":
    main()
