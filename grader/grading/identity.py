"""Who a submission belongs to: a display name an instructor recognises, the LMS id kept apart,
and a file name derived from the display name that is safe on every file system.

- Names are NFC-normalised (zips made on macOS store Hangul decomposed, NFD) and keep every
  letter of every script: Hangul, accented Latin, CJK. Only control and format characters and
  path separators go; runs of white space become one space.
- `file_key(name)` is the name's file-system form: letters, digits, marks and `._-` kept, the
  rest `_`, capped in UTF-8 bytes (255-byte file-name limit) with a short hash of the full name.
- `unique_names` makes a class's names distinct, checking that a suffixed name is itself free,
  and that no two names share a file key, even on a case-insensitive file system.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

MAX_NAME_CHARS = 200
MAX_KEY_BYTES = 120  # leaves room for ".json"/".html" and folder names under the 255-byte limit
FALLBACK_NAME = "student"


def clean_name(raw: str) -> str:
    """The display name: NFC, no control/format characters or path separators, spaces collapsed."""
    kept = []
    for ch in unicodedata.normalize("NFC", raw):
        category = unicodedata.category(ch)
        if ch in "/\\" or category[0] == "Z" or ch in "\t\r\n":
            kept.append(" ")
        elif category[0] != "C":
            kept.append(ch)
    text = re.sub(r"\s+", " ", "".join(kept)).strip(" ._")
    return text[:MAX_NAME_CHARS].strip() or FALLBACK_NAME


def _short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def file_key(name: str) -> str:
    """A file name for `name` (no extension): the same name always gives the same key."""
    text = unicodedata.normalize("NFC", name)
    kept = "".join(ch if ch in "._-" or unicodedata.category(ch)[0] in "LNM" else "_" for ch in text)
    kept = re.sub(r"_+", "_", kept).strip("._-") or FALLBACK_NAME
    if len(kept.encode("utf-8")) <= MAX_KEY_BYTES:
        return kept
    suffix = "-" + _short_hash(text)
    budget = MAX_KEY_BYTES - len(suffix)
    cut = kept.encode("utf-8")[:budget].decode("utf-8", errors="ignore").rstrip("._-")
    return cut + suffix


def unique_names(names: list[str]) -> list[str]:
    """Distinct names, in the input's order. Names that occur once keep themselves; a repeated
    name keeps itself the first time and gets `_2`, `_3`, … afterwards, skipping any suffix that
    is already a name of the class (`dup`, `dup`, `dup_2` → `dup`, `dup_3`, `dup_2`). Two names
    whose file keys clash (case-insensitively) are treated as the same name."""
    def fold(name: str) -> set[str]:
        return {name.casefold(), file_key(name).casefold()}

    counts: dict[str, int] = {}
    for name in names:
        for key in fold(name):
            counts[key] = counts.get(key, 0) + 1
    taken: set[str] = set()
    result: list[str] = [""] * len(names)
    later: list[int] = []
    for index, name in enumerate(names):  # names that appear once claim themselves first
        folded = fold(name)
        if all(counts[key] == 1 for key in folded):
            result[index] = name
            taken.update(folded)
        else:
            later.append(index)
    for index in later:
        name, number = names[index], 1
        candidate = name
        while any(key in taken for key in fold(candidate)):
            number += 1
            candidate = f"{name}_{number}"
        result[index] = candidate
        taken.update(fold(candidate))
    return result
