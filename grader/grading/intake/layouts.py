"""Which LMS export a class came from, recognised from the names it uses, and whose files are whose.

| layout | what the top level looks like | student name, LMS id |
|---|---|---|
| Gradescope | `submission_metadata.yml` + `submission_<n>/` folders | `:name:`, `:sid:` from the YAML |
| Moodle folders | `이름_123_assignsubmission_file/…` (mod/assign/classes/downloader.php, since 2022; `…_file_/` in locallib.php before), `_onlinetext` | 이름, 123 (participant id) |
| Moodle files | `이름_123_assignsubmission_file_01_mse.py` | 이름, 123 |
| Canvas | `kimminsu_LATE_4711_9911_01_mse-1.py` (sortable name, `LATE`, user id, file id, file) | kimminsu, 4711 |
| Canvas, anonymous grading | `anon_Xy12z_9911_01_mse.py` | anon_Xy12z, anon_Xy12z |
| GitHub Classroom | `hw1-octocat/`, `hw1-kimminsu/` (one repository per student, common prefix) | octocat |
| folders | one folder or archive per student | the folder or archive name |

Within a layout, an item that does not match (say a stray folder) is read as a plain student
folder; loose files that belong to nobody are skipped with a warning.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field

import yaml

from grader.grading.identity import clean_name
from grader.grading.intake.tree import Entry, archive_stem, is_archive_name

# Moodle's "download all submissions": `fullname_participantid_assignsubmission_<plugin>` as a folder
# (no trailing `_` since mod/assign/classes/downloader.php, 2022; one before, from 3.1), or that
# prefix + `_` + the file name when not in folders. Underscores in the full name become spaces.
# A team submission is `groupname_groupid_…`, and the default team has no id (`Default group_assignsubmission_file`).
MOODLE = re.compile(r"^(?P<name>.+?)(?:_(?P<id>\d+))?_(?P<plugin>assignsubmission_[a-z]+|onlinetext)(?:_(?P<rest>.*))?$")
# Canvas's ContentZipper: sortable name with every non-word character removed (so it may keep `_`,
# never `_<digits>_`), `LATE` (lower case in Canvas before 2020), user id, attachment id, file name.
CANVAS = re.compile(r"^(?P<name>.+?)(?P<late>_(?:LATE|late))?_(?P<id>\d+)_(?P<sub>\d+)_(?P<file>.+)$")
CANVAS_ANONYMOUS = re.compile(r"^(?P<late>(?:LATE|late)_)?(?P<id>anon_[A-Za-z0-9]+)_(?P<sub>\d+)_(?P<file>.+)$")
GRADESCOPE_METADATA = "submission_metadata.yml"


@dataclass
class Group:
    """One student's entries, with paths relative to the student."""

    name: str
    lms_id: str | None = None
    source: str = ""  # the top-level item(s) it came from: a stable sort key and for messages
    entries: list[tuple[tuple[str, ...], Entry]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    expanded: int = 0  # files found inside the student's own archives


@dataclass
class Layout:
    label: str  # Korean, for the one-line intake summary
    groups: list[Group]
    warnings: list[str] = field(default_factory=list)
    versioned_uploads: bool = False  # Canvas: `-1`, `-2` suffixes are re-uploads, the newest wins


def items_of(entries: list[Entry]) -> dict[str, list[Entry]]:
    items: dict[str, list[Entry]] = {}
    for entry in entries:
        items.setdefault(entry.parts[0], []).append(entry)
    return items


def _is_folder(item: list[Entry]) -> bool:
    return any(e.is_dir or len(e.parts) > 1 for e in item)


def detect(entries: list[Entry], wanted: set[str]) -> Layout:
    items = items_of(entries)
    if GRADESCOPE_METADATA in items and not _is_folder(items[GRADESCOPE_METADATA]):
        return _gradescope(items)
    names = list(items)
    moodle = [n for n in names if MOODLE.match(n)]
    if moodle and len(moodle) * 2 >= len(names):
        return _moodle(items)
    files = [n for n in names if not _is_folder(items[n]) and not is_archive_name(n)]
    canvas = [n for n in files if _canvas_match(n)]
    if canvas and len(canvas) * 2 >= len(names):
        return _canvas(items)
    github = _github_prefix(items)
    if github:
        return _plain(items, wanted, "GitHub Classroom", strip=github)
    return _plain(items, wanted, "폴더")


def _relative(item: list[Entry], drop: int = 1) -> list[tuple[tuple[str, ...], Entry]]:
    return [(e.parts[drop:], e) for e in item if len(e.parts) > drop or not e.is_dir]


def _plain_group(name: str, item: list[Entry]) -> Group:
    """A folder, or an archive (its own entries are expanded later), is one student."""
    display = archive_stem(name) if not _is_folder(item) else name
    return Group(clean_name(display), None, name, [(e.parts[1:] or e.parts, e) for e in item])


def _plain(items: dict[str, list[Entry]], wanted: set[str], label: str, strip: str = "") -> Layout:
    groups, loose, warnings = [], [], []
    for name, item in items.items():
        if _is_folder(item) or is_archive_name(name) or any(e.unsafe for e in item):
            group = _plain_group(name, item)
            if strip and name.startswith(strip):
                group.name = clean_name(name[len(strip):])
            groups.append(group)
        else:
            loose.append((name, item))
    if loose and not groups and any(_wanted_name(n, wanted) for n, _ in loose):
        # one student's files, handed in as the folder itself
        return Layout("한 학생의 파일", [Group("", None, "", [(e.parts, e) for _, item in loose for e in item])])
    if loose:
        warnings.append(f"누구의 것인지 알 수 없는 파일 {len(loose)}개를 건너뛰었습니다: "
                        + ", ".join(sorted(n for n, _ in loose)[:5]) + (" …" if len(loose) > 5 else ""))
    return Layout(label, groups, warnings)


def _wanted_name(name: str, wanted: set[str]) -> bool:
    return name in wanted or any(name.startswith(os.path.splitext(w)[0]) for w in wanted)


def _moodle(items: dict[str, list[Entry]]) -> Layout:
    groups: dict[tuple[str, str], Group] = {}
    others: dict[str, list[Entry]] = {}
    folders = 0
    for name, item in items.items():
        match = MOODLE.match(name)
        if not match:
            others[name] = item
            continue
        key = (clean_name(match["name"]), match["id"])
        group = groups.setdefault(key, Group(key[0], key[1], name))
        group.source = min(group.source, name)
        if match["rest"] and not _is_folder(item):  # flat: the rest of the name is the student's file name
            group.entries += [((match["rest"], *e.parts[1:]), e) for e in item if not e.is_dir]
        else:
            folders += 1
            group.entries += _relative(item)
    rest = _plain(others, set(), "") if others else Layout("", [])
    label = "Moodle 폴더" if folders else "Moodle 파일"
    return Layout(label, list(groups.values()) + rest.groups, rest.warnings)


def _canvas(items: dict[str, list[Entry]]) -> Layout:
    groups: dict[str, Group] = {}
    others: dict[str, list[Entry]] = {}
    for name, item in items.items():
        match = _canvas_match(name) if not _is_folder(item) else None
        if not match:
            others[name] = item
            continue
        display = match["name"] if "name" in match.groupdict() else match["id"]
        group = groups.setdefault(match["id"], Group(clean_name(display), match["id"], name))
        group.source = min(group.source, name)
        group.entries += [((match["file"],), e) for e in item]
        if match["late"] and "기한 뒤 제출 (LATE)" not in group.problems:
            group.problems.append("기한 뒤 제출 (LATE)")
    rest = _plain(others, set(), "") if others else Layout("", [])
    return Layout("Canvas", list(groups.values()) + rest.groups, rest.warnings, versioned_uploads=True)


def _canvas_match(name: str) -> re.Match[str] | None:
    """Anonymous grading names the file by the submission's anonymous id, with no name."""
    return CANVAS_ANONYMOUS.match(name) or CANVAS.match(name)


def _gradescope(items: dict[str, list[Entry]]) -> Layout:
    warnings: list[str] = []
    metadata: dict = {}
    try:
        data = items[GRADESCOPE_METADATA][0].read(5 * 2**20)
        loaded = yaml.safe_load(data.decode("utf-8")) if data is not None else None
        metadata = loaded if isinstance(loaded, dict) else {}
    except Exception:  # noqa: BLE001 - unreadable or malformed metadata: fall back to folder names
        warnings.append(f"{GRADESCOPE_METADATA}를 읽지 못해 폴더 이름을 학생 이름으로 씁니다.")
    groups: list[Group] = []
    others: dict[str, list[Entry]] = {}
    for name, item in items.items():
        if name == GRADESCOPE_METADATA:
            continue
        info = metadata.get(name)
        submitters = info.get(":submitters") or info.get("submitters") if isinstance(info, dict) else None
        if not isinstance(submitters, list) or not submitters:
            others[name] = item
            continue
        for person in submitters:
            person = person if isinstance(person, dict) else {}
            display = str(person.get(":name") or person.get("name") or name)
            sid = person.get(":sid") or person.get("sid") or person.get(":email") or person.get("email")
            groups.append(Group(clean_name(display), _clean_id(sid), name, _relative(item)))
    rest = _plain(others, set(), "") if others else Layout("", [])
    return Layout("Gradescope", groups + rest.groups, warnings + rest.warnings)


def _clean_id(value: object) -> str | None:
    """An LMS id as text, without control characters or surrounding spaces (a hand-edited export
    can carry them; no LMS id has them). Slashes and the like stay: SIS ids may use them."""
    if value is None:
        return None
    text = "".join(ch for ch in unicodedata.normalize("NFC", str(value)) if unicodedata.category(ch)[0] != "C").strip()
    return text or None


def _github_prefix(items: dict[str, list[Entry]]) -> str:
    """GitHub Classroom names each repository `<assignment>-<username>`: a shared prefix ending in '-'."""
    folders = [n for n, item in items.items() if _is_folder(item)]
    if len(folders) < 2 or len(folders) != len(items):
        return ""
    prefix = os.path.commonprefix(folders)
    cut = prefix.rfind("-")
    if cut < 2:
        return ""
    prefix = prefix[: cut + 1]
    return prefix if all(len(n) > len(prefix) for n in folders) else ""
