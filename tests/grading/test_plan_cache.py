"""The plan cache returns exactly what recording returns, and never a plan for other inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from grader.course.catalog import load_catalog
from grader.grading import plan_cache
from grader.grading.recording import call_digest

THRESHOLD = next(e for e in load_catalog().exercises if e.id == "03_threshold")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LEARN_CACHE_DIR", str(tmp_path))
    return tmp_path / "plans"


def _summary(plans: dict) -> dict:
    return {i: ({n: [call_digest(c.function, c.args, c.kwargs) for c in calls] for n, calls in p.calls.items()},
                [(t.name, t.status) for t in p.reference_outcomes], sorted(p.weak_tests)) for i, p in plans.items()}


def test_second_run_reads_the_cache_and_gets_the_same_plans(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = plan_cache.load_or_record([THRESHOLD], 3)
    assert len(list(cache.glob("*.pickle"))) == 1

    def must_not_record(*args: object) -> None:
        raise AssertionError("recorded again despite a cached plan")

    monkeypatch.setattr(plan_cache, "record_plans", must_not_record)
    second = plan_cache.load_or_record([THRESHOLD], 3)
    assert _summary(second) == _summary(first)
    assert second[THRESHOLD.id].reference is not None and hasattr(second[THRESHOLD.id].reference, "apply_threshold")


def test_another_seed_is_another_key(cache: Path) -> None:
    assert plan_cache.plan_key([THRESHOLD], 3) != plan_cache.plan_key([THRESHOLD], 4)
    plan_cache.load_or_record([THRESHOLD], 3)
    plan_cache.load_or_record([THRESHOLD], 4)
    assert len(list(cache.glob("*.pickle"))) == 2


def test_a_corrupt_cache_file_is_recorded_anew(cache: Path) -> None:
    expected = _summary(plan_cache.load_or_record([THRESHOLD], 3))
    (path,) = cache.glob("*.pickle")
    path.write_bytes(b"not a pickle")
    assert _summary(plan_cache.load_or_record([THRESHOLD], 3)) == expected
    assert path.read_bytes() != b"not a pickle"


def test_an_unwritable_cache_folder_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("LEARN_CACHE_DIR", str(blocker))  # plans/ cannot be made under a file
    assert THRESHOLD.id in plan_cache.load_or_record([THRESHOLD], 3)


def test_the_cache_lives_where_the_user_keeps_caches(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("LEARN_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert plan_cache.cache_folder() == tmp_path / "home" / ".cache" / "learn" / "plans"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert plan_cache.cache_folder() == tmp_path / "xdg" / "learn" / "plans"
    monkeypatch.setenv("LEARN_CACHE_DIR", str(tmp_path / "mine"))
    assert plan_cache.cache_folder() == tmp_path / "mine" / "plans"
