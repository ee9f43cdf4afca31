"""Where things live: the shipped content (stubs, references) and the learner's workspace.

A workspace is any folder holding a `.learn/` folder; its learner files are in `exercises/`.
`learn init DIR` makes one, and a clone of the repository is one too (it ships `.learn/`).
Every command looks for the workspace from the current folder upwards, like git does.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from grader.course.content import SOURCE_CHECKOUT, stub_path
from grader.errors import LearnError

MARKER = ".learn"


class WorkspaceError(LearnError):
    """Raised with a Korean message when no usable workspace can be found or made."""


@dataclass(frozen=True)
class Workspace:
    root: Path

    @property
    def state_dir(self) -> Path:
        return self.root / MARKER

    @property
    def exercises_dir(self) -> Path:
        return self.root / "exercises"

    @property
    def progress_path(self) -> Path:
        return self.state_dir / "progress.json"

    @property
    def backups_dir(self) -> Path:
        return self.state_dir / "backups"

    @property
    def is_content_root(self) -> bool:
        """True for the repository this package runs from (an editable install): its exercise
        files are the shipped stubs' home, so the pristine stubs are in git, not on disk."""
        return SOURCE_CHECKOUT is not None and self.root.resolve() == SOURCE_CHECKOUT.resolve()

    @property
    def is_repository_clone(self) -> bool:
        """True for any clone of the course repository used as a workspace."""
        return self.is_content_root or (self.root / "grader" / "course" / "catalog.toml").is_file()

    @property
    def notebooks_dir(self) -> Path:
        return self.root / "notebooks"

    def learner_file(self, filename: str) -> Path:
        return self.exercises_dir / filename

    def display(self, path: Path) -> str:
        """A path as the learner should read it: relative to the workspace when possible."""
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)


def find_workspace(start: Path | None = None) -> Workspace:
    """Walk up from `start` (default: the current folder) to the first folder with `.learn/`."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / MARKER).is_dir():
            return Workspace(folder)
    raise WorkspaceError(
        f"작업 공간을 찾을 수 없습니다 ({here}와 그 상위 폴더에 {MARKER}/ 폴더가 없음). "
        "'learn init 폴더'로 만들거나 --workspace로 지정하세요."
    )


def open_workspace(path: Path) -> Workspace:
    """The workspace named by `--workspace`: the folder must exist and hold `.learn/`."""
    if not (path / MARKER).is_dir():
        raise WorkspaceError(f"{path}는 작업 공간이 아닙니다 ({MARKER}/ 폴더가 없음). 'learn init {path}'로 만드세요.")
    return Workspace(path.resolve())


def init_workspace(target: Path, filenames: list[str]) -> Workspace:
    """Create a fresh workspace with every stub; refuse to touch a folder that has files.

    The workspace is assembled in a temporary folder beside `target` and renamed into place, so
    a failure part-way leaves nothing behind."""
    if target.exists() and not target.is_dir():
        raise WorkspaceError(f"{target}는 파일입니다. 새 폴더 이름을 주세요.")
    if (target / MARKER).exists():
        raise WorkspaceError(f"{target}는 이미 작업 공간입니다. 기존 작업을 덮어쓰지 않습니다.")
    if target.is_dir() and any(target.iterdir()):
        raise WorkspaceError(f"{target} 폴더가 비어 있지 않습니다. 빈 폴더나 새 폴더 이름을 주세요.")
    missing = [name for name in filenames if not stub_path(name).is_file()]
    if missing:
        raise WorkspaceError(
            f"설치된 learn에 연습 문제 스텁이 없습니다 ({', '.join(missing)}). "
            "패키지가 온전히 설치되지 않았습니다: 'pip install --force-reinstall'로 다시 설치하세요."
        )
    target = target.expanduser().absolute()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    except OSError as error:
        raise WorkspaceError(f"{target} 폴더를 만들 수 없습니다: {error.strerror or error}") from None
    try:
        (staging / "exercises").mkdir()
        (staging / MARKER).mkdir()
        for filename in filenames:
            shutil.copyfile(stub_path(filename), staging / "exercises" / filename)
        staging.chmod(0o777 & ~_umask())
        if target.is_dir():
            target.rmdir()  # empty, checked above
        staging.rename(target)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise WorkspaceError(f"작업 공간 {target}을(를) 만들지 못했습니다: {error.strerror or error}") from None
    return Workspace(target.resolve())


def _umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask
