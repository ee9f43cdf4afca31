"""Where things live: the shipped content (stubs, references) and the learner's workspace.

A workspace is any folder holding a `.learn/` folder; its learner files are in `exercises/`.
`learn init DIR` makes one, and a clone of the repository is one too (it ships `.learn/`).
Every command looks for the workspace from the current folder upwards, like git does.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from grader.course.content import CONTENT_ROOT, stub_path
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
        """True for a clone of the repository: its exercise files are the shipped stubs' home."""
        return self.root.resolve() == CONTENT_ROOT

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
    """Create a fresh workspace with every stub; refuse to touch a folder that has files."""
    if target.exists() and not target.is_dir():
        raise WorkspaceError(f"{target}는 파일입니다. 새 폴더 이름을 주세요.")
    if (target / MARKER).exists():
        raise WorkspaceError(f"{target}는 이미 작업 공간입니다. 기존 작업을 덮어쓰지 않습니다.")
    if target.is_dir() and any(target.iterdir()):
        raise WorkspaceError(f"{target} 폴더가 비어 있지 않습니다. 빈 폴더나 새 폴더 이름을 주세요.")
    import shutil

    workspace = Workspace(target.resolve())
    workspace.exercises_dir.mkdir(parents=True, exist_ok=True)
    workspace.state_dir.mkdir(exist_ok=True)
    for filename in filenames:
        shutil.copyfile(stub_path(filename), workspace.learner_file(filename))
    return workspace
