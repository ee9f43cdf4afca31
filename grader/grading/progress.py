"""How `learn grade` reports progress: a bar redrawn in place on a terminal, and one plain line
per finished student when the output goes to a log or a CI job (no carriage returns there)."""

from __future__ import annotations

from grader.grading.batch import ProgressEvent

BAR_WIDTH = 24


def _eta(event: ProgressEvent) -> str:
    if not event.graded or event.done >= event.total:
        return "-"
    seconds = event.elapsed / event.graded * (event.total - event.done)
    return f"{int(seconds // 60)}분 {int(seconds % 60):02d}초" if seconds >= 60 else f"{seconds:.0f}초"


def _rate(event: ProgressEvent) -> str:
    return f"{event.graded / event.elapsed:.1f}명/초" if event.elapsed > 0 and event.graded else "-"


def live_line(event: ProgressEvent) -> str:
    """One terminal line, to be redrawn: bar, counts, rate, time left."""
    filled = round(BAR_WIDTH * event.done / event.total) if event.total else BAR_WIDTH
    return (f"채점 중 [{'#' * filled}{'-' * (BAR_WIDTH - filled)}] {event.done}/{event.total} "
            f"· {_rate(event)} · 남은 시간 {_eta(event)}")


def plain_line(event: ProgressEvent) -> str:
    """One log line per finished student."""
    return (f"[{event.done}/{event.total}] {event.student}: {event.status} ({event.seconds:.1f}초, "
            f"{_rate(event)}, 남은 시간 {_eta(event)})")
