"""Read a class's submissions without trusting them, in whatever shape the LMS exported them.

`collect_class(root, wanted)` lists the class (a folder, a `.zip` or a `.tar`, or such an
archive inside the folder: nothing is extracted), recognises the layout (`layouts.py`: Moodle
folders or files, Canvas, Gradescope, GitHub Classroom, plain folders), expands each student's
own archives once, and picks each exercise file. Limits apply per student (entries, total size,
compression ratio, path depth, archive size): an unsafe or oversize student is refused alone,
with the reason in their row, and the rest of the class is read. Names are made distinct and
file-system safe by `grader.grading.identity`.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from grader.grading.identity import clean_name, unique_names
from grader.grading.intake.layouts import Group, Layout, detect
from grader.grading.intake.tree import (Entry, IntakeError, UnsafeSubmission, archive_stem, is_archive_name,
                                        list_archive, list_folder, open_archive)

__all__ = ["ClassIntake", "IntakeError", "IntakeLimits", "Submission", "UnsafeSubmission", "collect", "collect_class"]


@dataclass(frozen=True)
class IntakeLimits:
    """Per student, not per class: one student's archive never decides for the others."""

    max_entries: int = 500
    max_total_bytes: int = 20 * 2**20  # declared, uncompressed
    max_file_bytes: int = 1 * 2**20  # one exercise file
    max_archive_bytes: int = 50 * 2**20  # one student archive
    max_ratio: float = 200.0  # uncompressed / compressed, for members over `ratio_floor`
    ratio_floor: int = 1 * 2**20
    max_depth: int = 16  # path parts below the student
    max_class_archive_bytes: int = 4 * 2**30


@dataclass
class Submission:
    student: str  # display name, unique in the class (NFC, every script kept)
    files: dict[str, bytes] = field(default_factory=dict)  # exercise file name -> source
    problems: list[str] = field(default_factory=list)
    refused: str | None = None
    lms_id: str | None = None
    source: str = ""  # the folder, archive or file names it came from

    @property
    def digest(self) -> str:
        """Changes when any submitted file changes: a resumed run regrades only those students."""
        h = hashlib.sha256()
        for name in sorted(self.files):
            h.update(name.encode() + b"\0" + self.files[name] + b"\0")
        h.update((self.refused or "").encode())
        return h.hexdigest()


@dataclass
class ClassIntake:
    submissions: list[Submission]
    layout: str
    files: int  # files seen across the class, junk excluded
    warnings: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        """One Korean line, e.g. 'Moodle 폴더 30명, 파일 412개'."""
        line = f"{self.layout} {len(self.submissions)}명, 파일 {self.files}개"
        refused = sum(1 for s in self.submissions if s.refused)
        if refused:
            line += f", 거부 {refused}명"
        return line

    def to_json(self) -> dict:
        return {"layout": self.layout, "students": len(self.submissions), "files": self.files,
                "summary": self.summary, "warnings": list(self.warnings)}


def collect(root: Path, wanted: set[str], limits: IntakeLimits | None = None) -> list[Submission]:
    """All submissions under `root`, sorted by student name."""
    return collect_class(root, wanted, limits).submissions


def collect_class(root: Path, wanted: set[str], limits: IntakeLimits | None = None) -> ClassIntake:
    limits = limits or IntakeLimits()
    if not root.exists():
        raise IntakeError(f"제출물 폴더나 압축 파일이 없습니다: {root}")
    with contextlib.ExitStack() as stack:
        entries, wrapper = _list_class(root, limits, stack)
        top_unsafe = sum(1 for e in entries if not e.parts)
        entries = [e for e in entries if e.parts]
        if wrapper:
            entries = _unwrap(entries, wanted)
        if not entries:
            raise IntakeError(f"제출물이 비어 있습니다: {root} (학생별 폴더나 zip, 또는 LMS에서 내려받은 파일을 기대합니다)")
        layout = detect(entries, wanted)
        if layout.label == "한 학생의 파일":
            layout.groups[0].name = clean_name(archive_stem(root.name) if root.is_file() else root.resolve().name)
        if not layout.groups:
            raise IntakeError(f"학생 제출물을 찾지 못했습니다: {root} (알아볼 수 있는 형식: Moodle, Canvas, Gradescope, "
                              "GitHub Classroom, 학생별 폴더나 zip)")
        submissions = [_submission(group, wanted, limits, layout) for group in layout.groups]
        files = sum(1 for e in entries if not e.is_dir and not e.is_archive) + _expanded_files(layout)
    names = unique_names([s.student for s in sorted(submissions, key=lambda s: (s.student, s.source))])
    ordered = sorted(submissions, key=lambda s: (s.student, s.source))
    for submission, name in zip(ordered, names):
        submission.student = name
    warnings = list(layout.warnings)
    if top_unsafe:
        warnings.append(f"어느 학생의 것도 아닌 위험한 항목 {top_unsafe}개를 건너뛰었습니다 (폴더 밖 경로, 링크).")
    if len(ordered) > 1 and not any(s.files for s in ordered) and not all(s.refused for s in ordered):
        raise IntakeError(f"어느 학생에게서도 연습 문제 파일(예: {min(wanted)})을 찾지 못했습니다 ({layout.label} {len(ordered)}명). "
                          "파일 이름이 연습 문제 이름과 같은지 확인하세요.")
    label = layout.label + (f" ({wrapper})" if wrapper else "")
    return ClassIntake(sorted(ordered, key=lambda s: s.student), label, files, warnings)


def _list_class(root: Path, limits: IntakeLimits, stack: contextlib.ExitStack) -> tuple[list[Entry], str]:
    """The class's entries, and what wrapped them ('zip', 'tar' or '')."""
    if root.is_dir():
        entries = list_folder(root)
        archives = [e for e in entries if not e.is_dir]
        if len(archives) == 1 and archives[0].is_archive and len(archives[0].parts) == 1 and len(entries) == 1:
            return _list_class(root / archives[0].parts[0], limits, stack)  # a folder holding the LMS zip
        return entries, ""
    if not is_archive_name(root.name):
        raise IntakeError(f"제출물은 폴더이거나 .zip/.tar 파일이어야 합니다: {root}")
    if root.stat().st_size > limits.max_class_archive_bytes:
        raise IntakeError(f"압축 파일이 너무 큽니다 ({root.stat().st_size:,}바이트): {root}")
    try:
        archive = stack.enter_context(open_archive(root, root.name))
    except UnsafeSubmission as error:
        raise IntakeError(f"반 전체 압축 파일을 열 수 없습니다: {root} ({error})") from None
    entries = list_archive(archive)
    kind = "zip" if root.name.lower().endswith(".zip") else "tar"
    files = [e for e in entries if not e.is_dir]
    if len(files) == 1 and files[0].is_archive and files[0].unsafe is None:  # a zip of the LMS zip: nested once
        data = files[0].read(limits.max_class_archive_bytes)
        if data is not None:
            try:
                inner = stack.enter_context(open_archive(data, files[0].name))
                return list_archive(inner), kind
            except UnsafeSubmission:
                pass
    return entries, kind


def _unwrap(entries: list[Entry], wanted: set[str]) -> list[Entry]:
    """Drop the folders wrapping a class archive ('class/kim/…' → 'kim/…', a Gradescope export
    folder), as long as the wrapper holds no exercise file of its own."""
    for _ in range(2):
        tops = {e.parts[0] for e in entries}
        if len(tops) != 1:
            break
        inside = [e for e in entries if len(e.parts) > 1]
        if not inside or any(len(e.parts) == 2 and not e.is_dir and e.name in wanted for e in inside):
            break
        if any(e.unsafe for e in entries if len(e.parts) == 1):
            break
        entries = [Entry(e.parts[1:], e.size, e.packed, e.reader, e.unsafe, e.is_dir) for e in inside]
    return entries


def _expanded_files(layout: Layout) -> int:
    return sum(group.expanded for group in layout.groups)


def _submission(group: Group, wanted: set[str], limits: IntakeLimits, layout: Layout) -> Submission:
    source = group.source
    try:
        with contextlib.ExitStack() as stack:
            entries = _expand(group, limits, stack)
            _check_limits(entries, limits)
            files, problems = _pick(entries, wanted, limits, layout.versioned_uploads)
    except UnsafeSubmission as error:
        return Submission(group.name, refused=str(error), lms_id=group.lms_id, source=source,
                          problems=list(group.problems))
    return Submission(group.name, files, list(group.problems) + problems, lms_id=group.lms_id, source=source)


def _expand(group: Group, limits: IntakeLimits, stack: contextlib.ExitStack) -> list[tuple[tuple[str, ...], Entry]]:
    """The student's entries with their own archives listed in place (once: no deeper)."""
    result: list[tuple[tuple[str, ...], Entry]] = []
    expanded = 0
    for parts, entry in group.entries:
        if entry.unsafe:
            raise UnsafeSubmission(entry.unsafe)
        if not entry.is_archive:
            result.append((parts, entry))
            continue
        if entry.size > limits.max_archive_bytes:
            raise UnsafeSubmission(f"압축 파일이 너무 큽니다 ({entry.size:,}바이트, 최대 {limits.max_archive_bytes:,}).")
        data = entry.read(limits.max_archive_bytes)
        if data is None:
            raise UnsafeSubmission(f"압축 파일이 너무 큽니다 (최대 {limits.max_archive_bytes:,}바이트).")
        archive = stack.enter_context(open_archive(data, entry.name))
        inner = list_archive(archive)
        if len(inner) > limits.max_entries:
            raise UnsafeSubmission(f"압축 파일 안의 항목이 너무 많습니다 ({len(inner)}개, 최대 {limits.max_entries}개).")
        result.append((parts, Entry(entry.parts, entry.size, entry.packed, None, None, is_dir=True)))
        result += [((*parts[:-1], *e.parts), e) for e in inner]
        expanded += sum(1 for e in inner if not e.is_dir)
    group.expanded = expanded
    return result


def _check_limits(entries: list[tuple[tuple[str, ...], Entry]], limits: IntakeLimits) -> None:
    if len(entries) > limits.max_entries:
        raise UnsafeSubmission(f"항목이 너무 많습니다 ({len(entries)}개, 최대 {limits.max_entries}개).")
    declared = 0
    for parts, entry in entries:
        if entry.unsafe:
            raise UnsafeSubmission(entry.unsafe)
        if len(parts) > limits.max_depth:
            raise UnsafeSubmission(f"폴더가 너무 깊습니다 ('{'/'.join(parts[:3])}/…', 최대 {limits.max_depth}단계).")
        declared += entry.size
        if entry.packed is not None and entry.size > limits.ratio_floor and entry.size > limits.max_ratio * max(entry.packed, 1):
            raise UnsafeSubmission(f"압축률이 비정상적으로 높습니다 ('{entry.name}': {entry.size:,}바이트가 "
                                   f"{entry.packed:,}바이트로 압축됨). 압축 폭탄일 수 있어 읽지 않았습니다.")
    if declared > limits.max_total_bytes:
        raise UnsafeSubmission(f"압축을 풀면 너무 큽니다 ({declared:,}바이트, 최대 {limits.max_total_bytes:,}).")


VERSIONED = re.compile(r"^(?P<stem>.+?)(?:-(?P<dash>\d+)| ?\((?P<paren>\d+)\))(?P<ext>\.[A-Za-z0-9]+)$")


def _pick(entries: list[tuple[tuple[str, ...], Entry]], wanted: set[str], limits: IntakeLimits,
          versioned: bool) -> tuple[dict[str, bytes], list[str]]:
    """Each wanted file once: the newest upload (`-2` over `-1` over none), then the shallowest path."""
    candidates: dict[str, list[tuple[int, int, tuple[str, ...], Entry]]] = {}
    for parts, entry in entries:
        if entry.is_dir or not parts:
            continue
        name, version = parts[-1], 0
        if name not in wanted:
            match = VERSIONED.match(name)
            if not match or match["stem"] + match["ext"] not in wanted:
                continue
            name, version = match["stem"] + match["ext"], int(match["dash"] or match["paren"])
        candidates.setdefault(name, []).append((-version, len(parts), parts, entry))
    files: dict[str, bytes] = {}
    problems: list[str] = []
    for name in sorted(candidates):
        ranked = sorted(candidates[name], key=lambda c: (c[0], c[1], c[2]))
        version, depth, parts, entry = ranked[0]
        if len(ranked) > 1 and not versioned and (ranked[1][0], ranked[1][1]) == (version, depth):
            problems.append(f"{name}: 같은 이름의 파일이 여러 개라 '{'/'.join(parts)}'를 채점합니다.")
        elif version and not versioned:
            problems.append(f"{name}: '{parts[-1]}'를 {name}로 채점합니다.")
        data = entry.read(limits.max_file_bytes)
        if data is None:
            problems.append(f"{name}: 파일이 너무 커서 읽지 않았습니다 (최대 {limits.max_file_bytes:,}바이트).")
        else:
            files[name] = data
    return files, problems
