"""The learner's progress store: `WORKSPACE/.learn/progress.json`.

Versioned JSON, changed only through `ProgressStore.update`, which holds an exclusive lock on a
side file for the whole read-modify-write and replaces the file atomically, so two `learn check`
runs at once both land and a crash mid-write never leaves half a file. A file that cannot be read
is never overwritten: it is moved aside and the learner is told where it went.
"""

from __future__ import annotations

import fcntl
import json
import os
import tempfile
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterator

from grader.errors import LearnError

FORMAT_VERSION = 1

Progress = dict[str, Any]


class ProgressError(LearnError):
    """Raised with a Korean message when the progress file cannot be used as it is."""


def empty_progress() -> Progress:
    return {"version": FORMAT_VERSION, "exercises": {}, "quizzes": {}}


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def exercise_record(progress: Progress, exercise_id: str) -> dict[str, Any]:
    """The record of one exercise, created with defaults on first use."""
    record = progress["exercises"].setdefault(exercise_id, {})
    record.setdefault("status", "not_started")
    record.setdefault("attempts", 0)
    record.setdefault("hint_level", 0)
    return record


class ProgressStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock_path = path.with_name(path.name + ".lock")

    def read(self) -> Progress:
        """A snapshot for display; takes the lock so it never sees a half-applied update."""
        with self._locked():
            return self._load()

    def update(self, change: Callable[[Progress], None]) -> Progress:
        """Apply `change` to the stored progress under the lock and write it back atomically."""
        with self._locked():
            progress = self._load()
            change(progress)
            self._write(progress)
            return progress

    @contextmanager
    def _locked(self) -> Iterator[None]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.lock_path, "a+b") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _load(self) -> Progress:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return empty_progress()
        except OSError as error:
            raise ProgressError(f"진행 상황 파일 {self.path}을 읽을 수 없습니다: {error.strerror}") from None
        try:
            data = json.loads(text)
            _validate(data)
        except (ValueError, TypeError) as error:
            aside = self._set_aside()
            raise ProgressError(
                f"진행 상황 파일이 손상되어 {aside.name}(으)로 옮겨 두었습니다 ({error}). "
                "다시 실행하면 새 진행 상황 파일로 시작합니다."
            ) from None
        if data["version"] > FORMAT_VERSION:
            raise ProgressError(
                f"진행 상황 파일은 더 새로운 learn(형식 v{data['version']})이 만들었습니다. "
                "learn을 업데이트하세요. 파일은 그대로 두었습니다."
            )
        return data

    def _set_aside(self) -> Path:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        counter = 1
        while aside.exists():
            aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{counter}")
            counter += 1
        os.replace(self.path, aside)
        return aside

    def _write(self, progress: Progress) -> None:
        fd, tmp = tempfile.mkstemp(prefix=".progress-", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(progress, handle, ensure_ascii=False, indent=2, sort_keys=True)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _validate(data: Any) -> None:
    """Reject anything that is not a progress file of a known shape (ValueError/TypeError)."""
    if not isinstance(data, dict):
        raise TypeError("최상위 값이 객체가 아님")
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise ValueError("version 항목이 없거나 잘못됨")
    for key in ("exercises", "quizzes"):
        section = data.setdefault(key, {})
        if not isinstance(section, dict) or not all(isinstance(v, dict) for v in section.values()):
            raise TypeError(f"{key} 항목의 형식이 잘못됨")
