"""`%load_ext grader.notebook` registers the `%learn` line magic: `%learn check 03`."""

from __future__ import annotations

import shlex
from typing import Any

USAGE = "사용법: %learn check 연습문제ID [--seed N]   (예: %learn check 03_threshold)"


def learn_magic(shell: Any, line: str) -> Any:
    from grader.notebook.checking import NotebookResult, check

    try:
        words = shlex.split(line)
    except ValueError as error:
        return NotebookResult(line, problem=f"명령을 읽지 못했습니다 ({error}). {USAGE}")
    if len(words) not in (2, 4) or words[0] != "check" or (len(words) == 4 and words[2] != "--seed"):
        return NotebookResult(line, problem=USAGE)
    seed = None
    if len(words) == 4:
        if not words[3].lstrip("-").isdigit():
            return NotebookResult(words[1], problem=f"--seed에는 정수를 주세요: {words[3]}")
        seed = int(words[3])
    return check(words[1], shell.user_ns, seed=seed)


def load_ipython_extension(ipython: Any) -> None:
    ipython.register_magic_function(lambda line: learn_magic(ipython, line), magic_kind="line", magic_name="learn")
