"""`learn docs`: serves the notes for the current workspace, or builds the static site."""

import socket
import subprocess
import sys
import time
import urllib.request


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_learn_docs_serves_the_workspace_site(workspace):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "grader", "docs", "--port", str(port)], cwd=workspace,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 90
        page = None
        while time.monotonic() < deadline and page is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/concepts/threshold/", timeout=2) as response:
                    page = response.read().decode("utf-8")
            except OSError:
                time.sleep(0.3)
        assert page is not None, "learn docs did not serve the site"
        assert "분류 결정 임계값" in page and "03_threshold" in page and "<math" in page
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_learn_docs_build_outside_a_workspace_makes_the_public_site(learn, tmp_path):
    result = learn("docs", "--build", str(tmp_path / "public"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "public" / "concepts" / "threshold" / "index.html").read_text(encoding="utf-8")
    assert "learn docs로 열면 진행 상황이 보입니다" in page


def test_learn_docs_without_a_workspace_exits_2(learn, tmp_path):
    result = learn("docs", cwd=tmp_path)
    assert result.returncode == 2 and "작업 공간을 찾을 수 없습니다" in result.stderr
