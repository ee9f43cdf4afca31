"""Read a class's submissions without trusting them: one folder or one `.zip` per student, or an
LMS bulk download (a `.zip` of such zips or folders). Archives are read in memory, never
extracted; anything unsafe (paths leaving the folder, links, absurd sizes or counts) is refused
for that student with a reason, and the rest of the class is still graded.
"""

from __future__ import annotations

import hashlib
import io
import re
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

MAX_FILE_BYTES = 1 * 2**20
MAX_MEMBERS = 500
MAX_ARCHIVE_BYTES = 50 * 2**20
MAX_UNCOMPRESSED_BYTES = 20 * 2**20


class UnsafeSubmission(Exception):
    """The student's archive or folder cannot be read safely; the message says why (Korean)."""


@dataclass
class Submission:
    student: str
    files: dict[str, bytes] = field(default_factory=dict)  # exercise file name -> source
    problems: list[str] = field(default_factory=list)
    refused: str | None = None

    @property
    def digest(self) -> str:
        """Changes when any submitted file changes: a resumed run regrades only those students."""
        h = hashlib.sha256()
        for name in sorted(self.files):
            h.update(name.encode() + b"\0" + self.files[name] + b"\0")
        h.update((self.refused or "").encode())
        return h.hexdigest()


def safe_student_id(name: str) -> str:
    """A student id usable as a file name: the archive or folder name without unsafe characters."""
    stem = name[:-4] if name.lower().endswith(".zip") else name
    cleaned = re.sub(r"[^0-9A-Za-z가-힣._-]+", "_", stem).strip("._") or "student"
    return cleaned[:100]


def collect(root: Path, wanted: set[str]) -> list[Submission]:
    """All submissions under `root` (a folder or an LMS zip), sorted by student id."""
    if root.is_file() and root.suffix.lower() == ".zip":
        submissions = _from_bulk_zip(root, wanted)
    elif root.is_dir():
        submissions = []
        for entry in sorted(root.iterdir()):
            if entry.name.startswith("."):
                continue
            student = safe_student_id(entry.name)
            if entry.is_symlink():
                submissions.append(Submission(student, refused="제출물이 링크(symlink)라서 읽지 않았습니다."))
            elif entry.is_dir():
                submissions.append(_guarded(student, lambda e=entry: _from_folder(e, wanted)))
            elif entry.suffix.lower() == ".zip":
                submissions.append(_guarded(student, lambda e=entry: _from_zip_bytes(_read_limited(e), wanted)))
    else:
        raise FileNotFoundError(root)
    return _unique(submissions)


def _guarded(student: str, read) -> Submission:  # read: () -> tuple[files, problems]
    try:
        files, problems = read()
    except UnsafeSubmission as error:
        return Submission(student, refused=str(error))
    return Submission(student, files, problems)


def _unique(submissions: list[Submission]) -> list[Submission]:
    seen: dict[str, int] = {}
    for submission in sorted(submissions, key=lambda s: s.student):
        count = seen.get(submission.student, 0)
        seen[submission.student] = count + 1
        if count:
            submission.student = f"{submission.student}_{count + 1}"
    return sorted(submissions, key=lambda s: s.student)


def _read_limited(path: Path) -> bytes:
    if path.stat().st_size > MAX_ARCHIVE_BYTES:
        raise UnsafeSubmission(f"압축 파일이 너무 큽니다 ({path.stat().st_size:,}바이트, 최대 {MAX_ARCHIVE_BYTES:,}).")
    return path.read_bytes()


def _from_folder(folder: Path, wanted: set[str]) -> tuple[dict[str, bytes], list[str]]:
    files: dict[str, bytes] = {}
    problems: list[str] = []
    count = 0
    for path in sorted(folder.rglob("*")):
        count += 1
        if count > MAX_MEMBERS:
            raise UnsafeSubmission(f"파일이 너무 많습니다 (최대 {MAX_MEMBERS}개).")
        if path.name not in wanted:
            continue
        if path.is_symlink():
            problems.append(f"{path.name}: 링크(symlink)라서 읽지 않았습니다.")
            continue
        if path.is_file():
            _add(files, problems, path.name, path.read_bytes() if path.stat().st_size <= MAX_FILE_BYTES else None)
    return files, problems


def _add(files: dict[str, bytes], problems: list[str], name: str, data: bytes | None) -> None:
    if data is None:
        problems.append(f"{name}: 파일이 너무 커서 읽지 않았습니다 (최대 {MAX_FILE_BYTES:,}바이트).")
    elif name in files:
        problems.append(f"{name}: 같은 이름의 파일이 여러 개라 첫 번째 것만 채점합니다.")
    else:
        files[name] = data


def _members(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """Every member, after refusing the whole archive if any member is unsafe."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise UnsafeSubmission(f"압축 파일 안의 항목이 너무 많습니다 ({len(members)}개, 최대 {MAX_MEMBERS}개).")
    declared = 0
    for info in members:
        name = info.filename
        parts = PurePosixPath(name.replace("\\", "/")).parts
        if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name) or ".." in parts:
            raise UnsafeSubmission(f"안전하지 않은 압축 파일: '{name}'이(가) 폴더 밖을 가리킵니다.")
        if stat.S_ISLNK(info.external_attr >> 16):
            raise UnsafeSubmission(f"안전하지 않은 압축 파일: '{name}'은(는) 링크(symlink)입니다.")
        declared += info.file_size
    if declared > MAX_UNCOMPRESSED_BYTES:
        raise UnsafeSubmission(f"압축을 풀면 너무 큽니다 ({declared:,}바이트, 최대 {MAX_UNCOMPRESSED_BYTES:,}).")
    return members


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes | None:
    """The member's bytes, or None past `limit` (the declared size may lie)."""
    with archive.open(info) as handle:
        data = handle.read(limit + 1)
    return None if len(data) > limit else data


def _open_zip(data: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        raise UnsafeSubmission("zip 파일이 아니거나 손상되었습니다.") from None


def _from_zip_bytes(data: bytes, wanted: set[str]) -> tuple[dict[str, bytes], list[str]]:
    files: dict[str, bytes] = {}
    problems: list[str] = []
    with _open_zip(data) as archive:
        for info in _members(archive):
            name = PurePosixPath(info.filename.replace("\\", "/")).name
            if info.is_dir() or name not in wanted:
                continue
            try:
                _add(files, problems, name, _read_member(archive, info, MAX_FILE_BYTES))
            except (zipfile.BadZipFile, RuntimeError, OSError, EOFError):
                problems.append(f"{name}: 압축을 풀 수 없습니다 (손상되었거나 암호가 걸려 있음).")
    return files, problems


def _from_bulk_zip(path: Path, wanted: set[str]) -> list[Submission]:
    """An LMS bulk download: each top-level folder or inner `.zip` is one student."""
    submissions: list[Submission] = []
    with _open_zip(_read_limited(path)) as archive:
        folders: dict[str, tuple[dict[str, bytes], list[str]]] = {}
        for info in _members(archive):
            parts = PurePosixPath(info.filename.replace("\\", "/")).parts
            if info.is_dir() or not parts:
                continue
            if len(parts) == 1 and parts[0].lower().endswith(".zip"):
                data = _read_member(archive, info, MAX_ARCHIVE_BYTES)
                student = safe_student_id(parts[0])
                if data is None:
                    submissions.append(Submission(student, refused="압축 파일이 너무 큽니다."))
                else:
                    submissions.append(_guarded(student, lambda d=data: _from_zip_bytes(d, wanted)))
            elif len(parts) >= 2 and parts[-1] in wanted:
                files, problems = folders.setdefault(safe_student_id(parts[0]), ({}, []))
                _add(files, problems, parts[-1], _read_member(archive, info, MAX_FILE_BYTES))
        submissions += [Submission(student, files, problems) for student, (files, problems) in folders.items()]
    return submissions
