"""A shared work queue over forked grading processes, so every core works until the class is done.

The parent hands out one submission at a time to whichever grading process asks next (slow or
hostile students no longer idle a core that was given a fixed share in advance). A grading process
that dies loses only the submission it held: that one is handed out once more, and if its second
try also kills its grader, it is recorded as "채점 실패" with zero points. Forked children inherit
the recorded plans, so nothing is pickled; only indices and short status lines cross the pipes.
"""

from __future__ import annotations

import multiprocessing
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Callable

TRIES = 2


@dataclass(frozen=True)
class Finished:
    """One submission is done (graded, or given up after `TRIES` dead graders)."""

    index: int
    status: str
    seconds: float
    crashed: bool = False  # every try killed its grading process


def run_queue(count: int, jobs: int, setup: Callable[[], object], grade_one: Callable[[object, int], str],
              on_finished: Callable[[Finished], None]) -> None:
    """Grade indices 0..count-1 in `jobs` forked processes. In each child, `setup()` makes a
    context (e.g. a sandbox) once and `grade_one(context, index)` grades one submission and
    returns its status line. The parent calls `on_finished` as results arrive."""
    context = multiprocessing.get_context("fork")
    todo = list(range(count))
    tries = [0] * count
    children: dict[Connection, tuple[multiprocessing.process.BaseProcess, list[int]]] = {}  # conn -> (process, held)
    started: dict[int, float] = {}

    def spawn() -> None:
        parent_end, child_end = context.Pipe()
        process = context.Process(target=_child, args=(child_end, setup, grade_one), daemon=True)
        process.start()
        child_end.close()
        children[parent_end] = (process, [])

    def hand_out(conn: Connection) -> None:
        held = children[conn][1]
        if todo:
            index = todo.pop(0)
            tries[index] += 1
            started[index] = time.monotonic()
            held.append(index)
            conn.send(index)
        else:
            conn.send(None)

    for _ in range(max(1, min(jobs, count))):
        spawn()
    for conn in list(children):
        hand_out(conn)
    finished = 0
    closed: set[Connection] = set()  # pipes at end of file: their process is gone or going
    while finished < count:
        ready = wait([*children, *(process.sentinel for process, _ in children.values())], timeout=1.0)
        for conn in [c for c in list(children) if c in ready and c not in closed]:
            try:
                index, status = conn.recv()
            except (EOFError, OSError):
                closed.add(conn)  # the process died: handled below once it is reaped
                continue
            children[conn][1].remove(index)
            finished += 1
            on_finished(Finished(index, status, time.monotonic() - started[index]))
            hand_out(conn)
        for conn, (process, held) in list(children.items()):
            if process.is_alive() or (conn not in closed and conn.poll()):
                continue
            process.join()
            del children[conn]
            closed.discard(conn)
            conn.close()
            for index in held:
                if tries[index] < TRIES:
                    todo.insert(0, index)
                else:
                    finished += 1
                    on_finished(Finished(index, f"채점 프로세스가 비정상 종료했습니다 (종료 코드 {process.exitcode})",
                                         time.monotonic() - started[index], crashed=True))
            if todo and len(children) < jobs:
                spawn()
                hand_out(next(reversed(children)))
    for conn, (process, _) in children.items():
        try:
            conn.send(None)
        except (BrokenPipeError, OSError):
            pass
    for conn, (process, _) in children.items():
        process.join(timeout=5)
        if process.is_alive():
            process.kill()
        conn.close()


def _child(conn: Connection, setup: Callable[[], object], grade_one: Callable[[object, int], str]) -> None:
    context = setup()
    try:
        while True:
            index = conn.recv()
            if index is None:
                return
            conn.send((index, grade_one(context, index)))
    finally:
        close = getattr(context, "close", None)
        if close is not None:
            close()
