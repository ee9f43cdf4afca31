"""The quiz bank as the site build sees it: loaded once and reused until a bank file changes.

Both `quiz_hook.py` and `progress_hook.py` need it on every build, and `mkdocs serve` rebuilds
often; the key is the name, size and modification time of every file in `quizzes/`.
"""

from __future__ import annotations

from grader.quiz import QuizBank
from grader.quiz.service import QUIZ_DIR, load_quiz_bank

__all__ = ["site_quiz_bank"]

_CACHE: dict[tuple, QuizBank] = {}


def _signature() -> tuple:
    return tuple(
        (path.name, stat.st_size, stat.st_mtime_ns)
        for path in sorted(QUIZ_DIR.iterdir())
        if path.is_file() and (stat := path.stat())
    )


def site_quiz_bank() -> QuizBank:
    """The validated bank (the bank's own errors propagate: Korean, with file and question id)."""
    key = _signature()
    bank = _CACHE.get(key)
    if bank is None:
        bank = load_quiz_bank()
        _CACHE.clear()
        _CACHE[key] = bank
    return bank
