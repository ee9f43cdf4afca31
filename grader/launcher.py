"""The `learn` executable: `learn check` goes to the warm check server when one is running
(see `grader.learner.warm_server`); everything else, and every first run, goes to the ordinary CLI.
Kept free of heavy imports: this module is on the start-up path of every command."""

from __future__ import annotations

import os
import sys


def main() -> None:
    argv = sys.argv[1:]
    if argv[:1] == ["check"] and not os.environ.get("LEARN_NO_SERVER"):
        from grader.learner.warm_server import run_via_server

        code = run_via_server(argv)
        if code is not None:
            sys.exit(code)
    from grader.cli import main as cli_main

    cli_main(prog_name="learn")
