"""Run or build the notes site for a learner's workspace (what `learn docs` calls).

Both functions use the course's `mkdocs.yml` (see `course_config`) and set ``LEARN_WORKSPACE`` for the duration of
the build, so `progress_hook.py` shows that workspace's progress:

- `serve(workspace_root, host, port)`: MkDocs' development server with live reload. The
  workspace's progress file is watched too, so a page open in the browser reloads by itself
  when `learn check` or `learn quiz` records a result.
- `build_site(output_dir, workspace_root=None)`: a static build into a folder; without a
  workspace it is the published site (no progress, exercise lists only).
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from grader.errors import LearnError
from grader.course.content import MKDOCS_CONFIG, SOURCE_CHECKOUT, repository_path
from grader.learner.workspace import Workspace, open_workspace

__all__ = ["CONFIG_FILE", "DocsError", "build_site", "course_config", "progress_watch_path", "serve", "workspace_env"]

CONFIG_FILE = MKDOCS_CONFIG
ENV_VAR = "LEARN_WORKSPACE"


class DocsError(LearnError):
    """Raised with a Korean message when the notes site cannot be built or served."""


@contextmanager
def workspace_env(workspace_root: Path | None) -> Iterator[None]:
    """Set (or, for None, remove) ``LEARN_WORKSPACE`` while the block runs, then restore it."""
    previous = os.environ.get(ENV_VAR)
    if workspace_root is None:
        os.environ.pop(ENV_VAR, None)
    else:
        os.environ[ENV_VAR] = str(Path(workspace_root).resolve())
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(ENV_VAR, None)
        else:
            os.environ[ENV_VAR] = previous


def progress_watch_path(workspace: Workspace) -> Path:
    """What the dev server watches: the progress file, or its folder while it does not exist yet.

    (MkDocs' polling watcher cannot watch a path that does not exist.)
    """
    return workspace.progress_path if workspace.progress_path.is_file() else workspace.state_dir


def _require_mkdocs() -> None:
    if not CONFIG_FILE.is_file():
        raise DocsError(
            f"개념 노트 설정 파일 {CONFIG_FILE.name}을(를) 찾을 수 없습니다. learn이 온전히 설치되지 않았습니다: "
            "'pip install --force-reinstall'로 다시 설치하세요."
        )
    try:
        import material  # noqa: F401
        import mkdocs  # noqa: F401
    except ImportError:
        raise DocsError(
            "개념 노트 사이트에 필요한 패키지(mkdocs, mkdocs-material)가 설치되어 있지 않습니다. "
            "learn을 다시 설치하세요 (pip install --force-reinstall learn-ml-concepts)."
        ) from None


# Options of mkdocs.yml that hold paths relative to the file (the repository root in a checkout).
PATH_OPTIONS = ("docs_dir", "hooks", "watch")


@contextmanager
def course_config() -> Iterator[Path]:
    """The MkDocs config file to load. In a source checkout that is `mkdocs.yml` itself. Installed,
    the relative paths in it (docs_dir, hooks, watch) point at the repository's layout, which
    differs from the package's: a temporary config inherits everything from the packaged
    `mkdocs.yml` and sets those options to where the files are installed."""
    if SOURCE_CHECKOUT is not None:
        yield CONFIG_FILE
        return
    import yaml
    from mkdocs.utils.yaml import yaml_load

    with CONFIG_FILE.open("rb") as handle:
        base = yaml_load(handle)
    overrides: dict[str, object] = {"INHERIT": str(CONFIG_FILE)}
    for option in PATH_OPTIONS:
        value = base.get(option)
        if isinstance(value, str):
            overrides[option] = str(repository_path(value))
        elif isinstance(value, list):
            overrides[option] = [str(repository_path(item)) for item in value]
    with tempfile.TemporaryDirectory(prefix="learn-docs-") as folder:
        config = Path(folder) / "mkdocs.yml"
        config.write_text(yaml.safe_dump(overrides, allow_unicode=True), encoding="utf-8")
        yield config


def _configure_logging() -> None:
    """Show MkDocs' INFO lines ('Serving on http://...') as its own command line does."""
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False


def serve(workspace_root: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the notes with live reload for this workspace until interrupted (Ctrl+C)."""
    workspace = open_workspace(Path(workspace_root))
    _require_mkdocs()
    _configure_logging()
    from mkdocs.commands.serve import serve as mkdocs_serve
    from mkdocs.exceptions import Abort, PluginError

    address = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    with workspace_env(workspace.root), course_config() as config_file:
        try:
            mkdocs_serve(
                config_file=str(config_file),
                livereload=True,
                watch=[str(progress_watch_path(workspace))],
                dev_addr=address,
            )
        except OSError as error:
            raise DocsError(f"{host}:{port}에서 서버를 열 수 없습니다 ({error.strerror or error}). 다른 포트를 지정하세요.") from None
        except (Abort, PluginError) as error:
            raise DocsError(f"개념 노트 사이트를 만들지 못했습니다: {error}") from None


def build_site(output_dir: Path, workspace_root: Path | None = None, *, strict: bool = True) -> Path:
    """Build the static site into `output_dir` (created or replaced); returns it.

    With `workspace_root` the pages show that workspace's progress; without it, none.
    """
    if workspace_root is not None:
        workspace_root = open_workspace(Path(workspace_root)).root
    _require_mkdocs()
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, PluginError

    output_dir = Path(output_dir).resolve()
    with workspace_env(workspace_root), course_config() as config_file:
        config = load_config(config_file=str(config_file), site_dir=str(output_dir), strict=strict)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        except (Abort, PluginError) as error:
            raise DocsError(f"개념 노트 사이트를 만들지 못했습니다: {error}") from None
        finally:
            config.plugins.on_shutdown()
    return output_dir
