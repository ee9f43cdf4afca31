"""The course as one wheel file, for the places that install it: a Gradescope image, a GitHub
Classroom runner, a learner's `pipx install`.

`course_wheel(folder)` writes `learn_ml_concepts-<version>-py3-none-any.whl` into `folder`:
- from a source checkout (an editable install), it is built from the checkout's files with pip
  (the repository's top-level folders are copied to a temporary folder first, so the build
  leaves nothing behind in the checkout and never picks up stray files);
- from an installed package (a wheel or pipx install), it is packed again from the installed
  files listed in the distribution's RECORD, byte for byte what was installed.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import shutil
import subprocess
import sys
import tempfile
import zipfile
from importlib import metadata
from pathlib import Path

from grader.course.content import BUILD_SOURCES, SOURCE_CHECKOUT
from grader.errors import LearnError

DISTRIBUTION = "learn-ml-concepts"
# dist-info files that describe one installation, not the package.
INSTALL_ONLY = {"INSTALLER", "REQUESTED", "direct_url.json", "RECORD"}


class PackagingError(LearnError):
    """Raised with a Korean message when the course's wheel cannot be made."""


def wheel_name(version: str | None = None) -> str:
    return f"{DISTRIBUTION.replace('-', '_')}-{version or metadata.version(DISTRIBUTION)}-py3-none-any.whl"


def course_wheel(folder: Path) -> Path:
    """Write the course's wheel into `folder` (created if needed) and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    if SOURCE_CHECKOUT is not None:
        return build_from_checkout(SOURCE_CHECKOUT, folder)
    return repack_installed(folder)


def build_from_checkout(checkout: Path, folder: Path) -> Path:
    with tempfile.TemporaryDirectory(prefix="learn-wheel-") as temporary:
        source = Path(temporary) / "source"
        source.mkdir()
        for name in BUILD_SOURCES:
            path = checkout / name
            if path.is_dir():
                shutil.copytree(path, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            elif path.is_file():
                shutil.copy2(path, source / name)
        built = Path(temporary) / "wheel"
        command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(built), str(source)]
        try:
            subprocess.run(command, check=True, capture_output=True, text=True, timeout=600)
        except (OSError, subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
            detail = getattr(error, "stderr", "") or str(error)
            raise PackagingError(f"휠(wheel)을 만들지 못했습니다 (pip wheel):\n{detail.strip()[-2000:]}") from None
        wheels = list(built.glob("*.whl"))
        if len(wheels) != 1:
            raise PackagingError(f"휠(wheel)을 만들지 못했습니다: 결과가 {len(wheels)}개입니다.")
        target = folder / wheels[0].name
        shutil.copyfile(wheels[0], target)
        return target


def repack_installed(folder: Path) -> Path:
    """Pack the installed distribution's files (as listed in its RECORD) into a wheel again."""
    try:
        distribution = metadata.distribution(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        raise PackagingError(f"설치된 {DISTRIBUTION} 패키지를 찾을 수 없어 휠을 만들 수 없습니다. pip으로 설치해 주세요.") from None
    entries: list[tuple[str, Path]] = []
    for file in distribution.files or []:
        name = file.as_posix()
        parts = name.split("/")
        if parts[0] == ".." or "__pycache__" in parts or name.endswith(".pyc"):
            continue  # console scripts (made again by the installer) and byte code
        if parts[0].endswith(".dist-info") and parts[-1] in INSTALL_ONLY:
            continue
        entries.append((name, Path(str(distribution.locate_file(file)))))
    dist_info = f"{DISTRIBUTION.replace('-', '_')}-{distribution.version}.dist-info"
    if not any(name.startswith("grader/_course/") for name, _ in entries):
        raise PackagingError("설치된 패키지에 과정 파일(grader/_course)이 없습니다. learn을 다시 설치하세요.")
    target = folder / wheel_name(distribution.version)
    record = io.StringIO()
    writer = csv.writer(record, lineterminator="\n")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, path in sorted(entries, key=lambda entry: (entry[0].split("/")[0].endswith(".dist-info"), entry[0])):
            data = path.read_bytes()
            archive.writestr(_zip_info(name, path), data)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            writer.writerow([name, f"sha256={digest}", len(data)])
        writer.writerow([f"{dist_info}/RECORD", "", ""])
        archive.writestr(f"{dist_info}/RECORD", record.getvalue())
    return target


def _zip_info(name: str, path: Path) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo.from_file(path, name)
    info.compress_type = zipfile.ZIP_DEFLATED
    return info
