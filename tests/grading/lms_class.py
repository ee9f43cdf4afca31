"""A realistic class of 30 students, written exactly as each LMS exports it.

Korean names (some in NFD, as zips made on macOS store them), accented Latin, CJK, one
84-character Hangul name, two students with the same name, and a name carrying spreadsheet and
HTML payloads. Code: 10 correct students in several independent styles (one pair is a renamed,
reformatted copy), 18 partly correct (one exercise broken with a known misconception), one with
an infinite loop and one with a syntax error. Only three exercises are handed in, to keep
grading time in tests bounded.
"""

from __future__ import annotations

import io
import tarfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from grader.course.authoring import wrong_implementations
from grader.course.content import CONTENT_ROOT

FILES = ("01_mse.py", "03_threshold.py", "07_one_hot.py")
IDS = tuple(f[:-3] for f in FILES)

STYLE_A = {
    "01_mse.py": '''import numpy as np


def mse(y_true, y_pred):
    a = np.asarray(y_true, dtype=float)
    b = np.asarray(y_pred, dtype=float)
    d = (a - b).ravel()
    return float(np.dot(d, d) / d.size)


def mae(y_true, y_pred):
    a = np.asarray(y_true, dtype=float)
    b = np.asarray(y_pred, dtype=float)
    return float(np.sum(np.abs(a - b)) / a.size)
''',
    "03_threshold.py": '''import numpy as np


def apply_threshold(probabilities, threshold=0.5):
    return np.where(np.asarray(probabilities) >= threshold, 1, 0).astype(np.int64)


def count_positive_predictions(probabilities, thresholds):
    p = np.asarray(probabilities)
    t = np.asarray(thresholds)
    return (p[None, :] >= t[:, None]).sum(axis=1).astype(np.int64)
''',
    "07_one_hot.py": '''import numpy as np


def to_one_hot(labels, num_classes=None):
    y = np.asarray(labels, dtype=np.int64)
    if num_classes is None:
        num_classes = int(y.max()) + 1 if y.size else 0
    if np.any(y < 0) or np.any(y >= num_classes):
        raise ValueError("레이블이 범위를 벗어났습니다.")
    return np.eye(num_classes, dtype=np.float64)[y]


def from_one_hot(one_hot):
    return np.asarray(one_hot).argmax(axis=-1)
''',
}

STYLE_B = {
    "01_mse.py": '''import numpy as np


def mse(y_true, y_pred):
    diff = np.subtract(y_true, y_pred, dtype=np.float64)
    return float(np.square(diff).mean())


def mae(y_true, y_pred):
    return float(np.abs(np.subtract(y_true, y_pred, dtype=np.float64)).mean())
''',
    "03_threshold.py": '''import numpy as np


def apply_threshold(probabilities, threshold=0.5):
    result = np.zeros(len(probabilities), dtype=np.int64)
    for i, p in enumerate(probabilities):
        if p >= threshold:
            result[i] = 1
    return result


def count_positive_predictions(probabilities, thresholds):
    counts = []
    for t in thresholds:
        c = 0
        for p in probabilities:
            if p >= t:
                c += 1
        counts.append(c)
    return np.array(counts, dtype=np.int64)
''',
    "07_one_hot.py": '''import numpy as np


def to_one_hot(labels, num_classes=None):
    labels = [int(v) for v in np.asarray(labels)]
    if num_classes is None:
        num_classes = max(labels) + 1 if labels else 0
    for v in labels:
        if v < 0 or v >= num_classes:
            raise ValueError(f"{v}는 0 이상 {num_classes} 미만이 아닙니다.")
    out = np.zeros((len(labels), num_classes))
    for row, v in enumerate(labels):
        out[row, v] = 1.0
    return out


def from_one_hot(one_hot):
    return np.array([int(np.argmax(row)) for row in np.asarray(one_hot)], dtype=np.int64)
''',
}

STYLE_C = {
    "01_mse.py": '''import numpy as np


def _as_float(x):
    return np.array(x, dtype=np.float64)


def mse(y_true, y_pred):
    residual = _as_float(y_true) - _as_float(y_pred)
    return float((residual * residual).sum() / residual.size)


def mae(y_true, y_pred):
    residual = _as_float(y_true) - _as_float(y_pred)
    return float(np.fabs(residual).sum() / residual.size)
''',
    "03_threshold.py": '''import numpy as np


def apply_threshold(probabilities, threshold=0.5):
    return np.greater_equal(probabilities, threshold).astype(np.int64)


def count_positive_predictions(probabilities, thresholds):
    s = np.sort(np.asarray(probabilities))
    left = np.searchsorted(s, np.asarray(thresholds), side="left")
    return (len(s) - left).astype(np.int64)
''',
    "07_one_hot.py": '''import numpy as np


def to_one_hot(labels, num_classes=None):
    labels = np.asarray(labels)
    if num_classes is None:
        num_classes = int(labels.max()) + 1 if len(labels) else 0
    if len(labels) and not (labels.min() >= 0 and labels.max() < num_classes):
        raise ValueError("labels out of range")
    return (labels[:, None] == np.arange(num_classes)[None, :]).astype(np.float64)


def from_one_hot(one_hot):
    m = np.asarray(one_hot)
    return np.array(list(map(np.argmax, m)), dtype=np.int64)
''',
}

# A distinctive solution (D) and a renamed, reformatted copy of it: the similarity report must
# rank this pair above every pair of independent solutions.
STYLE_D = {
    "01_mse.py": '''import numpy as np


def _prepare(first, second):
    left = np.asarray(first, dtype=np.float64).reshape(-1)
    right = np.asarray(second, dtype=np.float64).reshape(-1)
    return left, right, max(left.shape[0], 1) if left.shape[0] else left.shape[0]


def mse(y_true, y_pred):
    left, right, count = _prepare(y_true, y_pred)
    accumulated = np.add.reduce((left - right) ** 2)
    return float(accumulated / count) if count else float(np.mean(left - right))


def mae(y_true, y_pred):
    left, right, count = _prepare(y_true, y_pred)
    accumulated = np.add.reduce(np.absolute(left - right))
    return float(accumulated / count) if count else float(np.mean(left - right))
''',
    "03_threshold.py": '''import numpy as np


def apply_threshold(probabilities, threshold=0.5):
    values = np.asarray(probabilities)
    mask = ~(values < threshold)
    return mask.astype(np.int64)


def count_positive_predictions(probabilities, thresholds):
    values = np.asarray(probabilities)
    answer = np.empty(len(thresholds), dtype=np.int64)
    index = 0
    while index < len(thresholds):
        answer[index] = np.count_nonzero(~(values < thresholds[index]))
        index += 1
    return answer
''',
    "07_one_hot.py": '''import numpy as np


def to_one_hot(labels, num_classes=None):
    codes = np.asarray(labels).astype(np.int64)
    width = num_classes if num_classes is not None else (int(codes.max()) + 1 if codes.size else 0)
    bad = (codes < 0) | (codes >= width)
    if bad.any():
        raise ValueError("클래스 번호 %d는 범위 밖입니다" % codes[bad][0])
    table = np.zeros((codes.size, width), dtype=np.float64)
    np.put_along_axis(table, codes.reshape(-1, 1), 1.0, axis=1) if codes.size else None
    return table


def from_one_hot(one_hot):
    grid = np.asarray(one_hot)
    return np.argmax(grid, axis=1).astype(np.int64)
''',
}

RENAMES = {"_prepare": "_helper", "first": "a", "second": "b", "left": "xs", "right": "ys", "count": "n",
           "accumulated": "acc", "values": "probs", "mask": "keep", "answer": "out", "index": "j",
           "codes": "ints", "width": "k", "bad": "invalid", "table": "onehot", "grid": "matrix"}


def renamed_copy(source: str) -> str:
    """What a student does to hide a copy: rename every local name, reformat, add comments."""
    import re

    for old, new in RENAMES.items():
        source = re.sub(rf"\b{re.escape(old)}\b", new, source)
    source = source.replace("    ", "  ").replace("\n\n\n", "\n\n")
    source = source.replace("def ", "# my own helper\ndef ", 1)
    return source.replace("(", "( ").replace(")", " )").replace("( )", "()")


def reference(filename: str) -> str:
    return (CONTENT_ROOT / "solutions" / filename).read_text(encoding="utf-8")


STYLES = [None, STYLE_A, STYLE_B, STYLE_C]  # None: the reference solution as handed out in class


def style_source(style: dict | None, filename: str) -> str:
    return reference(filename) if style is None else style[filename]


LONG_NAME = ("가나다라마바사아자차카타파하" * 6)  # 84 Hangul syllables: 252 bytes in UTF-8
PAYLOAD_NAME = '=1+2 <img src=x onerror=alert(1)>'

NAMES = ["김민수", "이서연", "박지훈", "최유진", "정하늘", "강도윤", "조서윤", "윤지호", "장민준", "임수아",
         "José García", "Zoë Müller", "王小明", "佐藤花子", "Nguyễn Văn An", LONG_NAME, "김민수", "한 지 민",
         "오세훈", "서지우", "신예은", "권태양", "황보람", "안소희", "송민호", "전우진", "홍길동", "유재석",
         PAYLOAD_NAME, "노을"]
NFD = {1, 2, 17, 29}  # names stored decomposed, as a Mac would


@dataclass
class Student:
    index: int
    name: str  # NFC display name the instructor expects
    files: dict[str, str]
    kind: str  # correct | partial | loop | syntax
    late: bool = False
    older: dict[str, list[str]] = field(default_factory=dict)  # earlier uploads, oldest first (Canvas: newest wins)

    @property
    def lms_id(self) -> str:
        return str(1000 + self.index)

    @property
    def stored_name(self) -> str:
        return unicodedata.normalize("NFD", self.name) if self.index in NFD else self.name

    @property
    def sortable_name(self) -> str:
        """Canvas's sortable name: "Last, First" for a Latin name; a Hangul or CJK name, surname
        first already, is kept as it is."""
        given, _, last = self.stored_name.rpartition(" ")
        return f"{last}, {given}" if given and _latin(self.stored_name) else self.stored_name

    @property
    def canvas_name(self) -> str:
        """As Canvas's ContentZipper writes it: the sortable name, lower case, with every character
        that is not a Ruby `[[:word:]]` (letter, mark, decimal digit, connector) removed. No NFC:
        a name stored decomposed stays decomposed."""
        return "".join(ch for ch in self.sortable_name.lower()
                       if unicodedata.category(ch)[0] in "LM" or unicodedata.category(ch) in ("Nd", "Pc"))

    @property
    def github_user(self) -> str:
        # The student whose code never returns sorts first in every layout, so its timeout runs
        # while the other worker grades the class instead of after it (a test-time saving only).
        return "0xloop" if self.kind == "loop" else f"student{self.index:02d}x"

    @property
    def expected_plain_name(self) -> str:
        return "김민수_2" if self.index == 16 else self.name


def _latin(name: str) -> bool:
    return all(unicodedata.name(ch, "").startswith("LATIN") for ch in name if ch.isalpha())


def roster() -> list[Student]:
    students = []
    wrong = {i: wrong_implementations(i) for i in IDS}
    for index, name in enumerate(NAMES):
        if index in (3, 4):
            files = {f: STYLE_D[f] if index == 3 else renamed_copy(STYLE_D[f]) for f in FILES}
            kind = "correct"
        elif index < 10:
            files = {f: style_source(STYLES[(index + k) % 4], f) for k, f in enumerate(FILES)}
            kind = "correct"
        elif index < 28:
            files = {f: style_source(STYLES[(index + k) % 4], f) for k, f in enumerate(FILES)}
            broken = FILES[index % 3]
            variants = wrong[broken[:-3]]
            files[broken] = variants[index % len(variants)].source
            kind = "partial"
        elif index == 28:
            files = {f: reference(f) for f in FILES}
            files["03_threshold.py"] = files["03_threshold.py"].replace(
                "    return (np.asarray(probabilities) >= threshold).astype(np.int64)",
                "    while True:\n        pass")
            kind = "loop"
        else:
            files = {f: reference(f) for f in FILES}
            files["07_one_hot.py"] = files["07_one_hot.py"].replace("def from_one_hot(", "def from_one_hot((")
            kind = "syntax"
        student = Student(index, name, files, kind, late=index % 7 == 5)
        stub = (CONTENT_ROOT / "exercises" / "01_mse.py").read_text(encoding="utf-8")
        if index % 5 == 2:  # re-uploaded 01: the first upload was the stub
            student.older["01_mse.py"] = [stub]
        if index in (9, 21):  # uploaded 03 three times: the stub, a broken try, then the final file
            student.older["03_threshold.py"] = [stub, wrong["03_threshold"][0].source]
        students.append(student)
    return students


def zip_bytes(members: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _write_zip(path: Path, members: dict[str, bytes | str]) -> Path:
    path.write_bytes(zip_bytes(members))
    return path


def _write_tar(path: Path, members: dict[str, bytes | str]) -> Path:
    with tarfile.open(path, "w:gz") as archive:
        for name, data in members.items():
            raw = data.encode("utf-8") if isinstance(data, str) else data
            info = tarfile.TarInfo(name)
            info.size = len(raw)
            archive.addfile(info, io.BytesIO(raw))
    return path


def _plain_members(students: list[Student]) -> dict[str, str]:
    members = {}
    for s in students:
        folder = s.stored_name if s.index != 16 else None
        for f, text in s.files.items():
            if folder is not None:
                members[f"{folder}/{'src/' if s.index % 4 == 1 else ''}{f}"] = text
        if s.index % 6 == 0 and folder is not None:
            members[f"{folder}/__pycache__/{f[:-3]}.cpython-311.pyc"] = "junk"
            members[f"__MACOSX/{folder}/._{f}"] = "junk"
    return members


def moodle_folder_members(students: list[Student], trailing: str = "") -> dict[str, bytes | str]:
    """Moodle's "download submissions in folders" (the default since 3.1): one folder per student
    and plugin, `fullname_participantid_assignsubmission_file` (mod/assign/classes/
    downloader.php, since 2022) or the same with a trailing `_` (3.1 until then, locallib.php); files keep the path
    the student gave them; a zip the student uploaded stays a zip."""
    members: dict[str, bytes | str] = {}
    for s in students:
        folder = f"{s.stored_name}_{s.lms_id}_assignsubmission_file{trailing}"
        if s.index % 2:  # the student uploaded one zip of their work
            members[f"{folder}/과제1.zip"] = zip_bytes({f"과제1/{f}": t for f, t in s.files.items()}
                                                     | {"__MACOSX/과제1/._01_mse.py": "junk"})
        else:
            members.update({f"{folder}/{f}": t for f, t in s.files.items()})
        if s.index % 3 == 0:
            members[f"{s.stored_name}_{s.lms_id}_assignsubmission_onlinetext{trailing}/onlinetext.html"] = "<p>제출합니다</p>"
    return members


def moodle_flat_members(students: list[Student]) -> dict[str, str]:
    """Moodle with "download submissions in folders" off: `fullname_participantid_assignsubmission_file_<file>`."""
    members = {}
    for s in students:
        for f, text in s.files.items():
            members[f"{s.stored_name}_{s.lms_id}_assignsubmission_file_{f}"] = text
        if s.index % 3 == 0:
            members[f"{s.stored_name}_{s.lms_id}_assignsubmission_onlinetext_onlinetext.html"] = "<p>제출합니다</p>"
    return members


def canvas_members(students: list[Student]) -> dict[str, str]:
    """Canvas's submissions.zip (lib/content_zipper.rb): flat files named `<sortable name>[_LATE]_
    <user id>_<attachment id>_<file name>`; a file uploaded again under the same name is stored as
    `name-1.py`, `name-2.py`, … (the newest wins)."""
    members = {}
    attachment = 70000
    for s in students:
        prefix = f"{s.canvas_name}{'_LATE' if s.late else ''}_{s.lms_id}_"
        for f, text in s.files.items():
            versions = [*s.older.get(f, []), text]
            for number, version in enumerate(versions):
                attachment += 1
                members[f"{prefix}{attachment}_{f[:-3]}{f'-{number}' if number else ''}.py"] = version
    return members


def gradescope_members(students: list[Student]) -> dict[str, str]:
    members = {}
    lines = []
    for s in students:
        folder = f"submission_{300000 + s.index}"
        members.update({f"assignment_77_export/{folder}/{f}": t for f, t in s.files.items()})
        quoted = s.stored_name.replace("'", "''")
        lines += [f"{folder}:", "  :submitters:", f"  - :name: '{quoted}'", f"    :sid: '{s.lms_id}'",
                  f"    :email: s{s.lms_id}@example.ac.kr", "  :created_at: 2026-03-02 10:00:00.000000000 +09:00",
                  "  :score: 0.0"]
    members["assignment_77_export/submission_metadata.yml"] = "\n".join(lines) + "\n"
    return members


def github_members(students: list[Student]) -> dict[str, str]:
    members = {}
    for s in students:
        repo = f"hw1-{s.github_user}"
        members.update({f"{repo}/{f}": t for f, t in s.files.items()})
        members[f"{repo}/README.md"] = "# 과제 1"
        members[f"{repo}/.github/workflows/classroom.yml"] = "name: Autograding"
        members[f"{repo}/.git/HEAD"] = "ref: refs/heads/main"
    return members


def write_layout(layout: str, root: Path, students: list[Student]) -> Path:
    """Write the class as `layout` under `root`; return what the instructor passes to `learn grade`."""
    root.mkdir(parents=True, exist_ok=True)
    if layout == "plain":
        folder = root / "제출물"
        for path, text in _plain_members(students).items():
            target = folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        kim2 = next(s for s in students if s.index == 16)
        _write_zip(folder / f"{kim2.stored_name}.zip", {f"hw/{f}": t for f, t in kim2.files.items()})
        return folder
    if layout == "plain-zip":
        members = {f"반/{k}": v for k, v in _plain_members(students).items()}
        kim2 = next(s for s in students if s.index == 16)
        members[f"반/{kim2.stored_name}.zip"] = zip_bytes({f"hw/{f}": t for f, t in kim2.files.items()})
        return _write_zip(root / "class.zip", members)
    if layout == "moodle-folders":  # current Moodle (downloader.php)
        return _write_zip(root / "ML-과제1-1234.zip", moodle_folder_members(students))
    if layout == "moodle-folders-3x":  # Moodle from 3.1 until downloader.php: the folder names end in `_`
        return _write_zip(root / "ML-과제1-1234.zip", moodle_folder_members(students, trailing="_"))
    if layout == "moodle-files":
        return _write_zip(root / "ML-과제1-1234.zip", moodle_flat_members(students))
    if layout == "moodle-files-nested":  # the Moodle zip, zipped again by a TA
        inner = zip_bytes(moodle_flat_members(students))
        return _write_zip(root / "전달.zip", {"ML-과제1-1234.zip": inner})
    if layout == "canvas-zip":  # (not unzipped: one Canvas file name is longer than 255 bytes)
        return _write_zip(root / "submissions.zip", canvas_members(students))
    if layout == "gradescope":
        return _write_zip(root / "submissions.zip", gradescope_members(students))
    if layout == "github":
        folder = root / "hw1-submissions"
        for path, text in github_members(students).items():
            target = folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        return folder
    if layout == "github-tar":
        return _write_tar(root / "hw1.tar.gz", {f"hw1-submissions/{k}": v for k, v in github_members(students).items()})
    raise ValueError(layout)


LAYOUTS = ["plain", "plain-zip", "moodle-folders", "moodle-folders-3x", "moodle-files", "moodle-files-nested",
           "canvas-zip", "gradescope", "github", "github-tar"]


def expected_name(layout: str, student: Student) -> str:
    if layout.startswith("plain"):
        return student.expected_plain_name
    if layout.startswith("canvas"):
        return unicodedata.normalize("NFC", student.canvas_name) + ("_2" if student.index == 16 else "")
    if layout.startswith("github"):
        return student.github_user
    return student.expected_plain_name  # Moodle and Gradescope carry the full name
