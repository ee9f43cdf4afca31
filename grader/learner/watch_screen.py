"""`learn watch` on a terminal: one screen, redrawn in place, with single-key commands.

The screen (drawn with rich, fitted to the terminal's height, 80×24 included) shows the course
progress bar, the current exercise and its file, the concept note's address, the latest verdict
(a named mistake first), the hints revealed so far, and the keys:

    h 다음 힌트 · n 다음 연습 · l 목록 · r 처음 상태로 · c 다시 채점 · q 끝

After a pass it shows "통과" with the next exercise and its note, and waits for `n` (or moves on
by itself after `auto_next` seconds when that is set). Keys are read from the terminal in cbreak
mode (stdlib `tty`/`termios`), one at a time, between looks at the file; the Korean keyboard
layout's letters for the same keys (ㅗ ㅜ ㅣ ㄱ ㅊ ㅂ) work too.
"""

from __future__ import annotations

import os
import select
import sys
import termios
import time
import tty
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from grader.course.catalog import Exercise
from grader.learner.next_steps import note_address
from grader.engine.messages import teaching_order
from grader.learner.terminal import progress_bar
from grader.learner.watch import Checked, WatchSession

if TYPE_CHECKING:
    from rich.console import RenderableType

KEYS_LINE = "h 다음 힌트 · n 다음 연습 · l 목록 · r 처음 상태로 · c 다시 채점 · q 끝"
# The same physical keys typed while the Korean (두벌식) layout is on.
HANGUL_KEYS = {"ㅗ": "h", "ㅜ": "n", "ㅣ": "l", "ㄱ": "r", "ㅊ": "c", "ㅂ": "q"}


@dataclass
class ScreenState:
    """What the screen shows besides the session: a notice line, the list view, a pending reset."""

    notice: str = ""
    showing_list: bool = False
    confirm_reset: bool = False
    passed_at: float | None = None  # when the current exercise passed (for auto_next)
    shown_hints: list[str] = field(default_factory=list)


def _short_verdict(checked: Checked, room: int) -> list[tuple[str, str]]:
    """(style, text) lines: the verdict in a few lines, the named mistake first."""
    result, exercise = checked.result, checked.exercise
    passed, total = result.counts
    if result.passed:
        return [("bold green", f"✓ 통과! {passed}/{total}개 검사를 모두 통과했습니다.")]
    if checked.untouched:
        return [("bold", f"· 시작 전: {exercise.filename}의 TODO를 채우고 저장하면 채점합니다."),
                ("dim", f"  (지금은 {total}개 검사 중 {passed}개 통과)")]
    lines = [("bold red", f"✗ 아직 통과하지 못했습니다: {passed}/{total}개 통과")]
    if result.load_failure:
        lines.append(("red", f"  파일을 불러오지 못했습니다: {result.load_failure.message}"))
        return lines[:room]
    failed = teaching_order(result.failed_tests)
    if not failed:
        return lines
    first = failed[0]
    for mistake in first.mistakes:
        lines.append(("yellow", f"  흔한 실수: {mistake.text}"))
    lines.append(("red", f"  ✗ {first.title}"))
    detail = [line for line in first.message.splitlines() if line.strip()]
    mistake_texts = {m.text for m in first.mistakes}
    lines += [("", f"      {line.strip()}") for line in detail
              if line.strip() != first.title and not any(text in line for text in mistake_texts)]
    if len(failed) > 1:
        others = len(failed) - 1
        lines = lines[: max(room - 1, 2)]
        lines.append(("dim", f"  (실패한 검사 {others}개 더: learn check {exercise.id}로 모두 볼 수 있습니다)"))
    return lines[:room]


def screen_lines(session: WatchSession, state: ScreenState, height: int = 24) -> list[tuple[str, str]]:
    """Everything on the screen as (style, text) lines, fitted to `height` rows."""
    done, total = session.passed_count()
    head = [("bold", f"learn watch · 진행률 {progress_bar(done, total, width=20)}"), ("dim", "─" * 60)]
    foot = [("dim", "─" * 60), ("", state.notice), ("bold cyan", KEYS_LINE)]
    if state.showing_list:
        body = _list_lines(session)
        body.append(("dim", "아무 키나 누르면 돌아갑니다."))
        return (head + body)[: height - 1]
    exercise = session.exercise
    if exercise is None:
        body = [("bold green", "모든 연습 문제를 통과했습니다!"), ("", "q를 누르면 끝납니다.")]
        return head + body + foot
    body = [
        ("bold", f"{exercise.id} {exercise.title}"),
        ("", f"파일: {session.display_path}  (저장하면 다시 채점)"),
        ("", f"노트: {note_address(session.workspace, exercise)}"),
        ("", ""),
    ]
    tail: list[tuple[str, str]] = []
    if session.last is not None and session.last.result.passed:
        following = _following(session)
        if following is None:
            tail.append(("bold green", "모든 연습 문제를 통과했습니다! q를 누르면 끝납니다."))
        else:
            tail += [
                ("bold", f"다음 연습: {following.id} {following.title} (exercises/{following.filename})"),
                ("", f"노트: {note_address(session.workspace, following)}"),
                ("bold cyan", "n을 누르면 다음 연습으로 넘어갑니다."),
            ]
    level = session.hint_level()
    hints = [("magenta", f"힌트 {i}/{len(exercise.hints)}: {hint}") for i, hint in enumerate(exercise.hints[:level], 1)]
    room = height - len(head) - len(foot) - len(body) - len(tail) - min(len(hints), 3)
    if session.last is None:
        verdict = [("dim", "채점 중...")]
    else:
        verdict = _short_verdict(session.last, max(room, 2))
    lines = head + body + verdict + tail + hints[-3:]
    free = height - len(foot) - len(lines)
    if free > 0:
        lines += [("", "")] * free
    return lines[: height - len(foot)] + foot


def _following(session: WatchSession) -> Exercise | None:
    from grader.learner.next_steps import next_unpassed

    return next_unpassed(session.store.read(), session.exercise)


def _list_lines(session: WatchSession) -> list[tuple[str, str]]:
    """Every exercise with its status, two columns so 24 exercises fit an 80×24 terminal."""
    records = session.store.read()["exercises"]
    marks = {"passed": "✓", "failed": "✗"}
    cells = []
    for exercise in session.catalog.exercises:
        mark = marks.get(records.get(exercise.id, {}).get("status", ""), "·")
        here = "▶" if session.exercise == exercise else " "
        cells.append(f"{here}{mark} {exercise.id}")
    half = (len(cells) + 1) // 2
    lines = [("bold", "연습 문제 (✓ 통과 · ✗ 실패 · · 시작 전)")]
    for left, right in zip(cells[:half], cells[half:] + [""]):
        lines.append(("", f"  {left:<32}{right}"))
    return lines


def _renderable(lines: list[tuple[str, str]]) -> "RenderableType":
    from rich.console import Group
    from rich.text import Text

    # A named mistake may take two rows; everything else stays on one.
    return Group(*(Text(text, style=style or "", overflow="fold" if style == "yellow" else "ellipsis",
                        no_wrap=style != "yellow") for style, text in lines))


class _Keys:
    """Single key presses from the terminal (cbreak: no Enter needed, no echo)."""

    def __init__(self) -> None:
        self.fd = sys.stdin.fileno()
        self.saved = termios.tcgetattr(self.fd)

    def __enter__(self) -> "_Keys":
        tty.setcbreak(self.fd)
        return self

    def __exit__(self, *exc: object) -> None:
        termios.tcsetattr(self.fd, termios.TCSADRAIN, self.saved)

    def read(self, timeout: float) -> str | None:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return None
        data = os.read(self.fd, 16).decode("utf-8", errors="ignore")
        if not data or data.startswith("\x1b"):
            return None  # arrows and other escape sequences
        key = data[0]
        return HANGUL_KEYS.get(key, key.lower())


def run_screen(session: WatchSession, *, interval: float = 0.02, auto_next: float = 0.0) -> None:
    """Draw the screen and handle keys until `q` (or Ctrl+C)."""
    from rich.console import Console
    from rich.live import Live

    console = Console()
    state = ScreenState()

    def draw() -> "RenderableType":
        return _renderable(screen_lines(session, state, console.size.height))

    with _Keys() as keys, Live(draw(), console=console, screen=True, auto_refresh=False) as live:
        def redraw() -> None:
            live.update(draw(), refresh=True)

        while True:
            checked = session.poll()
            if checked is not None:
                state.notice = ""
                state.passed_at = time.monotonic() if checked.result.passed else None
                redraw()
            if state.passed_at is not None and auto_next > 0 and time.monotonic() - state.passed_at >= auto_next:
                state.passed_at = None
                session.next_exercise()
                redraw()
                continue
            key = keys.read(interval)
            if key is None:
                continue
            if state.showing_list:
                state.showing_list = False
            elif key == "q":
                break
            elif state.confirm_reset:
                state.confirm_reset = False
                if key == "r":
                    backup = session.reset()
                    kept = f" 이전 파일: {session.workspace.display(backup)}" if backup else ""
                    state.notice = f"처음 상태로 되돌렸습니다.{kept}"
                else:
                    state.notice = "되돌리지 않았습니다."
            elif session.exercise is None:
                pass
            elif key == "h":
                level = session.hint()
                total = len(session.exercise.hints)
                state.notice = f"힌트 {level}/{total}" + (" (마지막 힌트)" if level >= total else "")
            elif key == "n":
                state.passed_at = None
                following = session.next_exercise()
                state.notice = f"다음 연습: {following.id}" if following else ""
            elif key == "l":
                state.showing_list = True
            elif key == "r":
                state.confirm_reset = True
                state.notice = "r을 한 번 더 누르면 처음 상태로 되돌립니다 (지금 파일은 .learn/backups/에 보관). 다른 키는 취소."
            elif key == "c":
                state.notice = "다시 채점했습니다."
                checked = session.check()
                state.passed_at = time.monotonic() if checked.result.passed else None
            redraw()
