"""Run or build the notes site for a learner's workspace (what `learn docs` calls).

Both functions use the course's `mkdocs.yml` (see `course_config`) and set ``LEARN_WORKSPACE`` for the duration of
the build, so `progress_hook.py` shows that workspace's progress:

- `serve(workspace_root, host, port)`: MkDocs' development server with live reload, plus the
  quiz answer endpoint (`answer_endpoint.py`, added by `progress_hook.on_serve`), so answers
  given on the site are recorded in the workspace's progress file. A page open in the browser
  reloads by itself when `learn check` or `learn quiz` records a result; an answer given on the
  site does not rebuild the site (the page updates itself), see `ProgressStamp`.
- `check_port(host, port)`: fails at once, with a free port to try, when the port is taken.
- `build_site(output_dir, workspace_root=None)`: a static build into a folder; without a
  workspace it is the published site (no progress, exercise lists only).
"""

from __future__ import annotations

import logging
import os
import socket
import sys
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from grader.errors import LearnError
from grader.course.content import MKDOCS_CONFIG, SOURCE_CHECKOUT, repository_path
from grader.learner.workspace import Workspace, open_workspace

__all__ = ["CONFIG_FILE", "DocsError", "build_site", "check_port", "course_config", "progress_watch_path", "serve",
           "workspace_env"]

CONFIG_FILE = MKDOCS_CONFIG
ENV_VAR = "LEARN_WORKSPACE"
SERVE_VAR = "LEARN_DOCS_SERVE"  # set while `learn docs` serves: pages post quiz answers to it
STAMP_NAME = "site-stamp"


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
    """What the dev server watches: a stamp file that changes when what the pages show changes."""
    return workspace.state_dir / STAMP_NAME


def _port_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server itself binds
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def check_port(host: str, port: int) -> None:
    """Raise a Korean `DocsError` naming a free port when `port` cannot be opened (before building)."""
    if _port_free(host, port):
        return
    free = next((p for p in range(port + 1, min(port + 100, 65536)) if _port_free(host, p)), None)
    hint = f" 'learn docs --port {free}'처럼 다른 포트를 쓰세요." if free else " --port로 다른 포트를 지정하세요."
    raise DocsError(f"{host}:{port} 포트를 이미 다른 프로그램이 쓰고 있습니다.{hint}")


class ProgressStamp:
    """Rebuild the site only when what its pages show changed: a thread looks at the progress
    file and rewrites the stamp file (which MkDocs watches) when `progress_hook.page_digest`
    changes, so an answer given on the site (recorded in the same file) causes no rebuild."""

    def __init__(self, workspace: Workspace, interval: float = 0.3) -> None:
        from grader.learner.progress import ProgressStore

        self.workspace = workspace
        self.store = ProgressStore(workspace.progress_path)
        self.interval = interval
        self.stamp = progress_watch_path(workspace)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="learn-progress-stamp", daemon=True)
        self._seen: tuple[int, int] | None = None
        self._digest = ""

    def _signature(self) -> tuple[int, int] | None:
        try:
            stat = self.workspace.progress_path.stat()
        except OSError:
            return None
        return stat.st_mtime_ns, stat.st_size

    def _look(self) -> None:
        from grader.docs_site.progress_hook import page_digest

        signature = self._signature()
        if signature == self._seen:
            return
        self._seen = signature
        try:
            digest = page_digest(self.store.read())
        except Exception:  # a corrupt file is reported by the build; never stop watching
            return
        if digest != self._digest:
            self._digest = digest
            self.stamp.parent.mkdir(parents=True, exist_ok=True)
            self.stamp.write_text(digest + "\n", encoding="utf-8")

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._look()

    def __enter__(self) -> "ProgressStamp":
        self._look()
        if not self.stamp.exists():
            self.stamp.write_text("\n", encoding="utf-8")
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=2)


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


def _stop_on_sigterm() -> None:
    """`kill` ends the server like Ctrl+C does, so it cleans up (the site announcement)."""
    import signal

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, interrupt)


def serve(workspace_root: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the notes with live reload for this workspace until interrupted (Ctrl+C)."""
    from grader.learner.next_steps import announce_site, withdraw_site

    workspace = open_workspace(Path(workspace_root))
    _require_mkdocs()
    _configure_logging()
    check_port(host, port)
    from mkdocs.commands.serve import serve as mkdocs_serve
    from mkdocs.exceptions import Abort, PluginError

    address = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    _stop_on_sigterm()
    previous = os.environ.get(SERVE_VAR)
    os.environ[SERVE_VAR] = "1"
    try:
        with workspace_env(workspace.root), course_config() as config_file, ProgressStamp(workspace) as stamp:
            announce_site(workspace, f"http://{address}/")
            try:
                mkdocs_serve(
                    config_file=str(config_file),
                    livereload=True,
                    watch=[str(stamp.stamp)],
                    dev_addr=address,
                )
            except OSError as error:
                raise DocsError(f"{host}:{port}에서 서버를 열 수 없습니다 ({error.strerror or error}). 다른 포트를 지정하세요.") from None
            except (Abort, PluginError) as error:
                raise DocsError(f"개념 노트 사이트를 만들지 못했습니다: {error}") from None
    finally:
        withdraw_site(workspace)
        if previous is None:
            os.environ.pop(SERVE_VAR, None)
        else:
            os.environ[SERVE_VAR] = previous


def build_site(output_dir: Path, workspace_root: Path | None = None, *, strict: bool = True) -> Path:
    """Build the static site into `output_dir` (created or replaced); returns it.

    With `workspace_root` the pages show that workspace's progress; without it, none.
    """
    if workspace_root is not None:
        workspace_root = open_workspace(Path(workspace_root)).root
    _require_mkdocs()
    output_dir = Path(output_dir).resolve()
    serving = os.environ.pop(SERVE_VAR, None)  # a static build never posts answers
    try:
        _build(output_dir, workspace_root, strict)
    finally:
        if serving is not None:
            os.environ[SERVE_VAR] = serving
    return output_dir


def _build(output_dir: Path, workspace_root: Path | None, strict: bool) -> None:
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
