"""A class's submissions as a flat list of entries, whatever they came in: a folder, a `.zip`
or a `.tar(.gz)`. Nothing is extracted; an entry reads its bytes on demand, up to a limit.

Unsafe entries (paths leaving the folder, links, devices) are listed with the reason instead of
being dropped, so the intake can refuse the one student they belong to and go on with the rest.
Junk that no student means to submit (`__MACOSX/`, `__pycache__/`, `.git/`, `.DS_Store`, other
dot files) is left out before any limit is counted.
"""

from __future__ import annotations

import io
import os
import stat
import tarfile
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Callable

from grader.errors import LearnError

JUNK_NAMES = {"__MACOSX", "__pycache__", ".DS_Store", "Thumbs.db", "desktop.ini", ".ipynb_checkpoints"}
ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz")
MAX_CLASS_ENTRIES = 200_000


class IntakeError(LearnError):
    """The class as a whole cannot be read (missing, corrupt, empty, unknown): one Korean line."""


class UnsafeSubmission(Exception):
    """One student's files cannot be read safely; the message says why (Korean)."""


@dataclass
class Entry:
    parts: tuple[str, ...]  # NFC path parts, relative to the folder or archive they were listed from
    size: int = 0  # declared uncompressed size
    packed: int | None = None  # compressed size inside a zip, for the compression-ratio limit
    reader: Callable[[int], bytes | None] | None = None  # bytes, or None past the limit
    unsafe: str | None = None
    is_dir: bool = False

    @property
    def name(self) -> str:
        return self.parts[-1] if self.parts else ""

    @property
    def is_archive(self) -> bool:
        return not self.is_dir and is_archive_name(self.name)

    def read(self, limit: int) -> bytes | None:
        if self.reader is None:
            raise UnsafeSubmission(self.unsafe or "읽을 수 없는 항목입니다.")
        return self.reader(limit)


def is_archive_name(name: str) -> bool:
    return name.lower().endswith(ARCHIVE_SUFFIXES)


def archive_stem(name: str) -> str:
    lower = name.lower()
    for suffix in sorted(ARCHIVE_SUFFIXES, key=len, reverse=True):
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return name


def is_junk(parts: tuple[str, ...]) -> bool:
    return any(part in JUNK_NAMES or part.startswith(".") for part in parts)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# ---- folders ---------------------------------------------------------------------------------

def list_folder(root: Path) -> list[Entry]:
    entries: list[Entry] = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        base = Path(folder)
        relative = tuple(_nfc(p) for p in base.relative_to(root).parts)
        if is_junk(relative):
            dirs[:] = []
            continue
        dirs.sort()
        for name in list(dirs):
            path = base / name
            if path.is_symlink():
                entries.append(Entry((*relative, _nfc(name)), unsafe=f"'{name}'은(는) 링크(symlink)라서 읽지 않았습니다."))
                dirs.remove(name)
            elif not is_junk((_nfc(name),)):
                entries.append(Entry((*relative, _nfc(name)), is_dir=True))
        for name in sorted(files):
            parts = (*relative, _nfc(name))
            if is_junk(parts):
                continue
            entries.append(_folder_file(base / name, parts))
        if len(entries) > MAX_CLASS_ENTRIES:
            raise IntakeError(f"제출물 폴더에 항목이 너무 많습니다 (최대 {MAX_CLASS_ENTRIES:,}개): {root}")
    return entries


def _folder_file(path: Path, parts: tuple[str, ...]) -> Entry:
    info = path.lstat()
    if stat.S_ISLNK(info.st_mode):
        return Entry(parts, unsafe=f"'{path.name}'은(는) 링크(symlink)라서 읽지 않았습니다.")
    if not stat.S_ISREG(info.st_mode):
        return Entry(parts, unsafe=f"'{path.name}'은(는) 일반 파일이 아닙니다.")

    def read(limit: int, path: Path = path) -> bytes | None:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
        return None if len(data) > limit else data

    return Entry(parts, size=info.st_size, reader=read)


# ---- archives --------------------------------------------------------------------------------

def _member_parts(raw: str) -> tuple[tuple[str, ...], str | None]:
    """Path parts of an archive member, and why it is unsafe (or None)."""
    name = raw.replace("\\", "/")
    parts = tuple(_nfc(p) for p in PurePosixPath(name).parts if p not in ("", "."))
    if name.startswith("/") or (len(name) > 1 and name[1] == ":") or ".." in parts:
        clean = tuple(p for p in parts if p not in ("/", ".."))
        return clean, f"안전하지 않은 압축 파일: '{raw}'이(가) 폴더 밖을 가리킵니다."
    return parts, None


def _zip_name(info: zipfile.ZipInfo) -> str:
    """The member's name; names from Korean Windows zips (CP949, no UTF-8 flag) are decoded right."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        raw = info.filename.encode("cp437")
    except UnicodeEncodeError:
        return info.filename
    for encoding in ("utf-8", "cp949"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return info.filename


def list_zip(archive: zipfile.ZipFile, prefix: tuple[str, ...] = ()) -> list[Entry]:
    entries: list[Entry] = []
    for info in archive.infolist():
        parts, unsafe = _member_parts(_zip_name(info))
        if not parts or is_junk(parts):
            continue
        if unsafe is None and stat.S_ISLNK(info.external_attr >> 16):
            unsafe = f"안전하지 않은 압축 파일: '{info.filename}'은(는) 링크(symlink)입니다."
        if info.is_dir() and unsafe is None:
            entries.append(Entry((*prefix, *parts), is_dir=True))
            continue

        def read(limit: int, info: zipfile.ZipInfo = info) -> bytes | None:
            try:
                with archive.open(info) as handle:
                    data = handle.read(limit + 1)
            except (zipfile.BadZipFile, RuntimeError, OSError, EOFError, ValueError, NotImplementedError):
                raise UnsafeSubmission(f"'{PurePosixPath(info.filename).name}': 압축을 풀 수 없습니다 "
                                       "(손상되었거나 암호가 걸려 있음).") from None
            return None if len(data) > limit else data

        entries.append(Entry((*prefix, *parts), info.file_size, info.compress_size,
                             None if unsafe else read, unsafe))
        if len(entries) > MAX_CLASS_ENTRIES:
            raise IntakeError(f"압축 파일에 항목이 너무 많습니다 (최대 {MAX_CLASS_ENTRIES:,}개).")
    return entries


def list_tar(archive: tarfile.TarFile, prefix: tuple[str, ...] = ()) -> list[Entry]:
    entries: list[Entry] = []
    for member in archive:
        parts, unsafe = _member_parts(member.name)
        if not parts or is_junk(parts):
            continue
        if unsafe is None and (member.issym() or member.islnk()):
            unsafe = f"안전하지 않은 압축 파일: '{member.name}'은(는) 링크입니다."
        elif unsafe is None and not (member.isfile() or member.isdir()):
            unsafe = f"안전하지 않은 압축 파일: '{member.name}'은(는) 일반 파일이 아닙니다."
        if member.isdir() and unsafe is None:
            entries.append(Entry((*prefix, *parts), is_dir=True))
            continue

        def read(limit: int, member: tarfile.TarInfo = member) -> bytes | None:
            try:
                handle = archive.extractfile(member)
                data = handle.read(limit + 1) if handle else b""
            except (tarfile.TarError, OSError, EOFError, ValueError):
                raise UnsafeSubmission(f"'{PurePosixPath(member.name).name}': 압축을 풀 수 없습니다 (손상됨).") from None
            return None if len(data) > limit else data

        entries.append(Entry((*prefix, *parts), member.size, None, None if unsafe else read, unsafe))
        if len(entries) > MAX_CLASS_ENTRIES:
            raise IntakeError(f"압축 파일에 항목이 너무 많습니다 (최대 {MAX_CLASS_ENTRIES:,}개).")
    return entries


def open_archive(source: Path | bytes, name: str):
    """A zipfile.ZipFile or tarfile.TarFile (caller closes it); UnsafeSubmission when corrupt."""
    handle = io.BytesIO(source) if isinstance(source, bytes) else source
    try:
        if name.lower().endswith(".zip"):
            return zipfile.ZipFile(handle)
        return tarfile.open(fileobj=handle if isinstance(handle, io.BytesIO) else None,
                            name=None if isinstance(handle, io.BytesIO) else str(handle), mode="r:*")
    except (zipfile.BadZipFile, tarfile.TarError, ValueError, OSError, EOFError):
        kind = "zip" if name.lower().endswith(".zip") else "tar"
        raise UnsafeSubmission(f"{kind} 파일이 아니거나 손상되었습니다.") from None


def list_archive(archive, prefix: tuple[str, ...] = ()) -> list[Entry]:
    return list_zip(archive, prefix) if isinstance(archive, zipfile.ZipFile) else list_tar(archive, prefix)
