"""Which students handed in the same code, exercise by exercise, however it was renamed or
reformatted: the fingerprinting MOSS uses (Schleimer, Wilkerson, Aiken 2003, "Winnowing").

1. Tokenise with Python's own `tokenize` (a file that does not parse falls back to a plain
   regex tokeniser): comments and layout disappear; local names become `V`, numbers `N`,
   strings `S`; keywords, operators and attribute names (`np.mean`) stay, so an idea expressed
   with a different library call still differs.
2. Hash every k-gram of tokens (blake2b, so the same code gives the same hashes in every run)
   and keep, in each window of w hashes, the smallest: any shared run of k + w − 1 tokens is
   guaranteed to be found.
3. Remove every k-gram of the stub handed out (signatures, docstrings, `raise NotImplementedError`)
   and fingerprints that more than `max_share` of the class has (common idioms), then score each
   pair by the shared fingerprints over the smaller submission's.

Nothing here runs student code. `write_similarity_report` writes `similarity.csv` (every pair
at or above the threshold) and `similarity.html` (the same, with the shared lines marked side by
side).
"""

from __future__ import annotations

import csv
import hashlib
import io
import keyword
import re
import tokenize
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from grader.course.catalog import load_catalog
from grader.course.content import CONTENT_ROOT
from grader.grading.identity import file_key

K = 8  # tokens per k-gram
WINDOW = 4  # k-grams per winnowing window
DEFAULT_THRESHOLD = 0.5
HTML_PAIRS = 40  # pairs shown with their code in similarity.html

_FALLBACK = re.compile(r"[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*|\d[\d_.eE+-]*|'[^'\n]*'|\"[^\"\n]*\"|\S")


@dataclass(frozen=True)
class Token:
    text: str
    line: int


def tokens(source: str) -> list[Token]:
    """Normalised tokens with their line numbers."""
    try:
        return _python_tokens(source)
    except (tokenize.TokenError, IndentationError, SyntaxError, UnicodeDecodeError):
        return _fallback_tokens(source)


def _python_tokens(source: str) -> list[Token]:
    found: list[Token] = []
    previous = ""
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        kind, text, line = tok.type, tok.string, tok.start[0]
        if kind in (tokenize.COMMENT, tokenize.NL, tokenize.ENCODING, tokenize.ENDMARKER):
            continue
        if kind == tokenize.NAME:
            norm = text if keyword.iskeyword(text) or previous == "." else "V"
        elif kind == tokenize.NUMBER:
            norm = "N"
        elif kind == tokenize.STRING or kind in _FSTRING_TYPES:
            norm = "S"
        elif kind == tokenize.NEWLINE:
            norm = ";"
        elif kind == tokenize.INDENT:
            norm = "{"
        elif kind == tokenize.DEDENT:
            norm = "}"
        else:
            norm = text
        if norm == "S" and found and found[-1].text == "S":  # implicit concatenation, f-string parts
            previous = text
            continue
        found.append(Token(norm, line))
        previous = text
    return found


_FSTRING_TYPES = {getattr(tokenize, name) for name in ("FSTRING_START", "FSTRING_MIDDLE", "FSTRING_END")
                  if hasattr(tokenize, name)}


def _fallback_tokens(source: str) -> list[Token]:
    found: list[Token] = []
    for number, line in enumerate(source.splitlines(), 1):
        line = line.split("#", 1)[0]
        for match in _FALLBACK.finditer(line):
            text = match.group()
            if text[0].isdigit():
                text = "N"
            elif text[0] in "'\"":
                text = "S"
            elif (text[0].isalpha() or text[0] == "_") and not keyword.iskeyword(text):
                text = "V"
            found.append(Token(text, number))
    return found


def _hash(texts: list[str]) -> int:
    return int.from_bytes(hashlib.blake2b("\x1f".join(texts).encode("utf-8"), digest_size=8).digest(), "big")


def kgram_hashes(toks: list[Token], k: int = K) -> list[tuple[int, int, int]]:
    """(hash, first line, last line) of every k-gram."""
    texts = [t.text for t in toks]
    return [(_hash(texts[i:i + k]), toks[i].line, toks[i + k - 1].line) for i in range(len(toks) - k + 1)]


def winnow(grams: list[tuple[int, int, int]], window: int = WINDOW) -> dict[int, list[tuple[int, int]]]:
    """The fingerprints: in each window the smallest hash (the rightmost on ties), with the line
    ranges where it occurs."""
    chosen: dict[int, list[tuple[int, int]]] = {}
    if not grams:
        return chosen
    if len(grams) < window:
        windows = [grams]
    else:
        windows = [grams[i:i + window] for i in range(len(grams) - window + 1)]
    for win in windows:
        smallest = min(g[0] for g in win)
        for g in reversed(win):
            if g[0] == smallest:
                chosen.setdefault(g[0], [])
                if (g[1], g[2]) not in chosen[g[0]]:
                    chosen[g[0]].append((g[1], g[2]))
                break
    return chosen


@dataclass
class Document:
    student: str
    lms_id: str | None
    source: str
    prints: dict[int, list[tuple[int, int]]] = field(default_factory=dict)


@dataclass
class Pair:
    exercise: str  # exercise id, or "전체" for a student pair over all exercises
    a: Document | None
    b: Document | None
    student_a: str
    student_b: str
    score: float
    shared: int
    lines_a: list[int] = field(default_factory=list)
    lines_b: list[int] = field(default_factory=list)


def compare_exercise(exercise_id: str, documents: list[Document], stub: str = "", *,
                     max_share: float = 0.5, min_common: int = 10) -> list[Pair]:
    """Every pair of `documents` sharing fingerprints, best first. A fingerprint of the stub, or
    one that more than max(min_common, max_share × class) students have, is not evidence."""
    stub_hashes = {h for h, _, _ in kgram_hashes(tokens(stub))} if stub else set()
    for doc in documents:
        doc.prints = {h: lines for h, lines in winnow(kgram_hashes(tokens(doc.source))).items() if h not in stub_hashes}
    holders: dict[int, list[int]] = defaultdict(list)
    for index, doc in enumerate(documents):
        for h in doc.prints:
            holders[h].append(index)
    limit = max(min_common, int(max_share * len(documents)))
    common = {h for h, who in holders.items() if len(who) > limit}
    sizes = [len(set(doc.prints) - common) for doc in documents]
    shared: Counter[tuple[int, int]] = Counter()
    for h, who in holders.items():
        if h in common:
            continue
        for i in range(len(who)):
            for j in range(i + 1, len(who)):
                shared[(who[i], who[j])] += 1
    pairs = []
    for (i, j), count in shared.items():
        smaller = min(sizes[i], sizes[j])
        if not smaller:
            continue
        a, b = documents[i], documents[j]
        both = (set(a.prints) & set(b.prints)) - common
        pairs.append(Pair(exercise_id, a, b, a.student, b.student, round(count / smaller, 3), count,
                          _lines(a, both), _lines(b, both)))
    return sorted(pairs, key=lambda p: (-p.score, -p.shared, p.student_a, p.student_b))


def _lines(doc: Document, hashes: set[int]) -> list[int]:
    lines: set[int] = set()
    for h in hashes:
        for first, last in doc.prints.get(h, ()):
            lines.update(range(first, last + 1))
    return sorted(lines)


def overall(pairs: list[Pair], sizes: dict[tuple[str, str], int]) -> list[Pair]:
    """A student pair over all exercises: shared fingerprints over the smaller side's, summed."""
    totals: dict[tuple[str, str], list[int]] = {}
    for pair in pairs:
        key = (pair.student_a, pair.student_b)
        entry = totals.setdefault(key, [0, 0])
        entry[0] += pair.shared
        entry[1] += min(sizes[(pair.exercise, pair.student_a)], sizes[(pair.exercise, pair.student_b)])
    result = [Pair("전체", None, None, a, b, round(s / m, 3) if m else 0.0, s) for (a, b), (s, m) in totals.items()]
    return sorted(result, key=lambda p: (-p.score, -p.shared, p.student_a, p.student_b))


def compare_class(submissions, *, max_share: float = 0.5) -> tuple[list[Pair], list[Pair]]:
    """(pairs per exercise, pairs over all exercises) for a list of intake `Submission`s."""
    exercises = load_catalog().exercises
    per_exercise: list[Pair] = []
    sizes: dict[tuple[str, str], int] = {}
    for exercise in exercises:
        docs = [Document(s.student, s.lms_id, s.files[exercise.filename].decode("utf-8", errors="replace"))
                for s in submissions if exercise.filename in s.files]
        if len(docs) < 2:
            continue
        stub_path = CONTENT_ROOT / "exercises" / exercise.filename
        stub = stub_path.read_text(encoding="utf-8") if stub_path.is_file() else ""
        pairs = compare_exercise(exercise.id, docs, stub, max_share=max_share)
        for pair in pairs:
            if pair.student_a > pair.student_b:
                pair.a, pair.b = pair.b, pair.a
                pair.student_a, pair.student_b = pair.student_b, pair.student_a
                pair.lines_a, pair.lines_b = pair.lines_b, pair.lines_a
        per_exercise += pairs
        for doc in docs:
            sizes[(exercise.id, doc.student)] = len(doc.prints)
    return per_exercise, overall(per_exercise, sizes)


def write_similarity_report(root: Path, out: Path, *, threshold: float = DEFAULT_THRESHOLD, bom: bool = False) -> int:
    """Read the class at `root` (as `learn grade` does), compare, and write the two reports into
    `out`; return how many pairs of students are at or above the threshold overall."""
    from grader.grading.intake import collect_class
    from grader.grading.reports import environment, safe_cell

    intake = collect_class(root, {e.filename for e in load_catalog().exercises})
    submissions = [s for s in intake.submissions if s.refused is None]
    per_exercise, whole = compare_class(submissions)
    lms = {s.student: s.lms_id or "" for s in submissions}
    flagged = [p for p in per_exercise if p.score >= threshold]
    flagged_whole = [p for p in whole if p.score >= threshold]
    out.mkdir(parents=True, exist_ok=True)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["exercise", "student_a", "lms_id_a", "student_b", "lms_id_b", "score", "shared_fingerprints",
                     "lines_a", "lines_b"])
    for pair in sorted(flagged_whole + flagged, key=lambda p: (p.exercise != "전체", -p.score, p.exercise,
                                                              p.student_a, p.student_b)):
        writer.writerow([safe_cell(c) for c in (pair.exercise, pair.student_a, lms[pair.student_a], pair.student_b,
                                                lms[pair.student_b], f"{pair.score:.3f}", str(pair.shared),
                                                _ranges(pair.lines_a), _ranges(pair.lines_b))])
    (out / "similarity.csv").write_text(buffer.getvalue(), encoding="utf-8-sig" if bom else "utf-8", newline="")
    shown = [_side_by_side(p) for p in flagged[:HTML_PAIRS]]
    page = environment().get_template("similarity.html.j2").render(
        threshold=threshold, whole=flagged_whole, pairs=flagged, shown=shown, students=len(submissions),
        intake=intake.summary, key=file_key, k=K, window=WINDOW)
    (out / "similarity.html").write_text(page, encoding="utf-8")
    return len(flagged_whole)


def _ranges(lines: list[int]) -> str:
    parts, start = [], None
    for index, line in enumerate(lines):
        if start is None:
            start = line
        if index + 1 == len(lines) or lines[index + 1] != line + 1:
            parts.append(f"{start}-{line}" if line != start else str(start))
            start = None
    return " ".join(parts)


def _side_by_side(pair: Pair) -> dict:
    def rows(doc: Document | None, marked: list[int]) -> list[tuple[int, str, bool]]:
        if doc is None:
            return []
        keep = set(marked)
        return [(n, text, n in keep) for n, text in enumerate(doc.source.splitlines(), 1)]

    return {"pair": pair, "left": rows(pair.a, pair.lines_a), "right": rows(pair.b, pair.lines_b)}
