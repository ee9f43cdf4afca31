"""Recorded grading plans, kept on disk between `learn grade` runs.

Recording the plans (every check once against the reference, then once per trivial
implementation to find the weak tests) costs about ten seconds, the same for every run with the
same code and seed: more than grading a small class. The plans are therefore cached under the
user's cache folder, keyed by a digest of everything that decides them: the grader's own code,
the checks, the reference solutions, the catalog, the seed and the numpy and Python versions.
Any change to one of those makes a new key, so a stale plan is never used; a cache file that
cannot be read is ignored and written anew.

The file is a pickle written by this module only, in a folder only its owner can write
(0o700); the pickle is never read from anywhere else (not from submissions, not from OUT).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

import numpy as np

from grader.course.catalog import Exercise
from grader.course.content import PACKAGE_ROOT, SOLUTIONS_DIR
from grader.engine.results import SCHEMA_VERSION
from grader.engine.runner import load_reference
from grader.grading.recording import ExercisePlan, record_plans

KEEP_FILES = 2  # newest plan files kept (about 40 MB each); older ones (other seeds, older code) are removed


def cache_folder() -> Path:
    """`$LEARN_CACHE_DIR`, else `$XDG_CACHE_HOME/learn`, else `~/.cache/learn`, + `/plans`."""
    base = os.environ.get("LEARN_CACHE_DIR")
    if base:
        return Path(base) / "plans"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "learn" / "plans"


def plan_key(exercises: list[Exercise], seed: int) -> str:
    """A digest of everything the plans depend on."""
    digest = hashlib.blake2b(digest_size=20)
    for part in (f"schema={SCHEMA_VERSION}", f"seed={seed}", f"numpy={np.__version__}", f"python={sys.version}",
                 repr(exercises)):
        digest.update(part.encode() + b"\0")
    # The package holds the grader, the checks and the catalog (and, installed, the solutions too).
    sources = sorted({*PACKAGE_ROOT.rglob("*.py"), *PACKAGE_ROOT.rglob("*.toml"), *SOLUTIONS_DIR.glob("*.py")})
    for path in sources:
        if "__pycache__" in path.parts:
            continue
        digest.update(str(path.relative_to(path.anchor)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def load_or_record(exercises: list[Exercise], seed: int) -> dict[str, ExercisePlan]:
    """The plans for `exercises` and `seed`: from the cache when it holds them, else recorded
    (and stored for the next run). The cache never changes a grade, only how soon it starts."""
    try:
        folder = cache_folder()
        path = folder / f"{plan_key(exercises, seed)}.pickle"
    except OSError:
        return record_plans(exercises, seed)
    plans = _read(path, exercises)
    if plans is None:
        plans = record_plans(exercises, seed)
        _write(folder, path, plans)
    return plans


def _read(path: Path, exercises: list[Exercise]) -> dict[str, ExercisePlan] | None:
    try:
        with path.open("rb") as handle:
            stored = pickle.load(handle)
        plans = {}
        for exercise in exercises:
            calls, outcomes, weak = stored[exercise.id]
            plans[exercise.id] = ExercisePlan(exercise, load_reference(exercise), calls, outcomes, weak)
        return plans
    except Exception:  # missing, truncated or from another layout: record anew
        return None


def _write(folder: Path, path: Path, plans: dict[str, ExercisePlan]) -> None:
    stored = {i: (p.calls, p.reference_outcomes, p.weak_tests) for i, p in plans.items()}
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(stored, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        old = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)[KEEP_FILES:]
        for stale in old:
            stale.unlink(missing_ok=True)
    except OSError:  # a read-only home: grading goes on without a cache
        pass
