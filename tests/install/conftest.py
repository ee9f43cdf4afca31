"""The course as users install it: a wheel built from this checkout, installed (not editable) into
a fresh virtual environment, and run from folders outside the checkout.

One session-scoped Gradescope image stands in for every such installation: the checkout's
`learn gradescope-autograder` builds the wheel and the zip, and the zip's own `setup.sh` creates
`$AUTOGRADER_ROOT/venv` (a plain `python3.11 -m venv`, no system site-packages) and pip-installs
the wheel there. The learner flow then uses that venv's `learn` executable; the Gradescope tests
use the same root, exactly as Gradescope would.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Installed:
    root: Path      # AUTOGRADER_ROOT: source/ (the unpacked zip), venv/
    zip_path: Path
    wheel: Path
    seconds: dict[str, float]

    @property
    def bin(self) -> Path:
        return self.root / "venv" / "bin"

    def env(self, **extra: str) -> dict[str, str]:
        """The environment of a user of this installation: its bin/ first on PATH, nothing that
        could point Python back at the checkout, no warm check server left behind by tests."""
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
        env.update(PATH=f"{self.bin}{os.pathsep}{env.get('PATH', '')}", NO_COLOR="1", LEARN_NO_SERVER="1",
                   AUTOGRADER_ROOT=str(self.root))
        env.update(extra)
        return env

    def learn(self, *args: str, cwd: Path, timeout: float = 300, **env: str) -> subprocess.CompletedProcess[str]:
        assert CHECKOUT not in (cwd, *cwd.parents), "installed commands must run outside the checkout"
        return subprocess.run([str(self.bin / "learn"), *args], cwd=cwd, env=self.env(**env),
                              capture_output=True, text=True, timeout=timeout)


def _run(command: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, f"{command}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.fixture(scope="session")
def installed(tmp_path_factory) -> Installed:
    seconds: dict[str, float] = {}
    work = tmp_path_factory.mktemp("installed")
    root = work / "autograder"
    started = time.perf_counter()
    zip_path = work / "autograder.zip"
    _run([sys.executable, "-m", "grader", "gradescope-autograder", "--out", str(zip_path)], cwd=work, timeout=600)
    seconds["build wheel + zip"] = time.perf_counter() - started
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(root / "source")
    for script in ("setup.sh", "run_autograder"):
        (root / "source" / script).chmod(0o755)
    (wheel,) = (root / "source").glob("*.whl")
    started = time.perf_counter()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    # The interpreter setup.sh finds as python3.11: this one's base (not the checkout's venv).
    base_bin = Path(sys.base_prefix) / "bin"
    env.update(AUTOGRADER_ROOT=str(root), PATH=f"{base_bin}{os.pathsep}{env['PATH']}", PIP_NO_COMPILE="1")
    _run(["bash", str(root / "source" / "setup.sh")], cwd=work, env=env, timeout=900)
    seconds["setup.sh (fresh venv + pip install)"] = time.perf_counter() - started
    return Installed(root, zip_path, wheel, seconds)


@pytest.fixture
def outside(tmp_path) -> Path:
    """A folder outside the checkout to run installed commands in."""
    assert CHECKOUT not in tmp_path.parents
    return tmp_path
