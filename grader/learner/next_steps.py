"""What comes next for a learner: the next exercise to work on and the concept note to read.

The note of an exercise is its catalog section's page, served at `/concepts/<section>/`. When
`learn docs` is serving this workspace it leaves `.learn/docs.json` (its address and process id),
so every command can point at the running site; otherwise the address is where `learn docs`
would serve it by default.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from grader.course.catalog import Catalog, Exercise, load_catalog
from grader.learner.progress import Progress
from grader.learner.workspace import Workspace

DEFAULT_SITE = "http://127.0.0.1:8000/"
SERVER_FILE = "docs.json"


def note_path(exercise: Exercise) -> str:
    """The note's path inside the site (no leading slash): `concepts/<section>/`."""
    return f"concepts/{exercise.section}/"


def server_file(workspace: Workspace) -> Path:
    return workspace.state_dir / SERVER_FILE


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def running_site(workspace: Workspace) -> str | None:
    """The address of the `learn docs` server of this workspace, when one is running."""
    try:
        data: Any = json.loads(server_file(workspace).read_text(encoding="utf-8"))
        url, pid = data["url"], int(data["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not isinstance(url, str) or not url.startswith("http://127.0.0.1:") or not _alive(pid):
        return None
    return url if url.endswith("/") else url + "/"


def announce_site(workspace: Workspace, url: str) -> None:
    """Called by `learn docs` once it serves: later commands print addresses on this site."""
    target = server_file(workspace)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{SERVER_FILE}.{os.getpid()}")
    tmp.write_text(json.dumps({"url": url, "pid": os.getpid()}), encoding="utf-8")
    os.replace(tmp, target)


def withdraw_site(workspace: Workspace) -> None:
    """Remove the announcement, if it is still this process's."""
    try:
        data = json.loads(server_file(workspace).read_text(encoding="utf-8"))
        if int(data.get("pid", -1)) == os.getpid():
            server_file(workspace).unlink()
    except (OSError, ValueError, TypeError, AttributeError):
        pass


def note_address(workspace: Workspace | None, exercise: Exercise) -> str:
    """The full address of the exercise's note: on the running site, or where `learn docs` serves it."""
    site = running_site(workspace) if workspace is not None else None
    return (site or DEFAULT_SITE) + note_path(exercise)


def note_line(workspace: Workspace | None, exercise: Exercise) -> str:
    """`개념 노트: <address>`, with how to open it when no site is running."""
    site = running_site(workspace) if workspace is not None else None
    if site:
        return f"개념 노트: {site}{note_path(exercise)}"
    return f"개념 노트: {DEFAULT_SITE}{note_path(exercise)} ('learn docs'를 실행하면 열립니다)"


def next_unpassed(progress: Progress, after: Exercise | None, catalog: Catalog | None = None) -> Exercise | None:
    """The next exercise (after `after`, wrapping around) that has not passed yet."""
    catalog = catalog or load_catalog()
    records = progress["exercises"]
    order = catalog.after(after) if after else catalog.exercises
    for exercise in order:
        if records.get(exercise.id, {}).get("status") != "passed":
            return exercise
    return None
