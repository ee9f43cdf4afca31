"""Shared fixtures: a fresh workspace and a way to run the real `learn` command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def shared_plan_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One grading-plan cache for the whole run (and every `learn` it starts), never the
    user's own: each `learn grade` in the tests then records the plans once, not every time."""
    folder = tmp_path_factory.mktemp("learn-cache")
    os.environ["LEARN_CACHE_DIR"] = str(folder)
    return folder


def run_learn(*args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run `learn` as a learner would: a separate process, output captured as text."""
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "grader", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def learn():
    """The `learn` command as a function: learn("check", "03", cwd=...)."""
    return run_learn


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A workspace made by `learn init`, as a new learner gets it."""
    result = run_learn("init", "ws", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return tmp_path / "ws"
