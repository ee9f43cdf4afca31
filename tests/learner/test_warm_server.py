"""The warm check server: later `learn check` runs are served by a forked, pre-imported process
with the same output, exit codes and progress records as an in-process run."""

import json
import os
import shutil
import subprocess
import sys
import time

from grader.course.content import CONTENT_ROOT


def launch(args, cwd, env):
    return subprocess.run([sys.executable, "-c", "from grader.launcher import main; main()", *args], cwd=cwd,
                          env=env, capture_output=True, text=True, timeout=120)


def test_second_check_is_served_with_the_same_result(workspace, tmp_path):
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime), "LEARN_SERVER_IDLE": "60", "NO_COLOR": "1"}
    env.pop("LEARN_NO_SERVER", None)
    first = launch(["check", "03"], workspace, env)
    assert first.returncode == 1
    deadline = time.monotonic() + 30
    while not list(runtime.glob("learn-*/check-*.sock")) and time.monotonic() < deadline:
        time.sleep(0.1)
    sockets = list(runtime.glob("learn-*/check-*.sock"))
    assert sockets, "the first run should have started the server"
    try:
        # A client that could not import click could only succeed through the server.
        broken = tmp_path / "broken"
        broken.mkdir()
        (broken / "click.py").write_text("raise ImportError('no click in this client')\n", encoding="utf-8")
        served = launch(["check", "03"], workspace, {**env, "PYTHONPATH": str(broken)})
        assert served.returncode == 1, served.stderr
        assert "아직 통과하지 못했습니다: 0/14" in served.stdout
        assert served.stdout.splitlines()[:2] == first.stdout.splitlines()[:2]
        shutil.copyfile(CONTENT_ROOT / "solutions" / "03_threshold.py", workspace / "exercises" / "03_threshold.py")
        passed = launch(["check", "03", "--json"], workspace, {**env, "PYTHONPATH": str(broken)})
        assert passed.returncode == 0 and json.loads(passed.stdout)["passed"] is True
        unknown = launch(["check", "nosuch"], workspace, {**env, "PYTHONPATH": str(broken)})
        assert unknown.returncode == 2 and "'nosuch'라는 연습 문제는 없습니다" in unknown.stderr
        record = json.loads((workspace / ".learn" / "progress.json").read_text(encoding="utf-8"))["exercises"]["03_threshold"]
        # The two checks of the untouched stub are no attempts (it stays "not started").
        assert record["attempts"] == 1 and record["status"] == "passed"
    finally:
        for path in sockets:
            path.unlink(missing_ok=True)  # the server sees its socket gone and exits


def test_no_server_when_turned_off(workspace, tmp_path):
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime), "LEARN_NO_SERVER": "1"}
    assert launch(["check", "03"], workspace, env).returncode == 1
    time.sleep(0.5)
    assert not list(runtime.glob("learn-*/*.sock"))
