"""One progress record for terminal and browser, in a real browser.

- Served by `learn docs`: answering an embedded quiz question posts it to the local server,
  which grades it against the bank and records it in the workspace's progress file; `learn list`
  and the site then show the same counts. Tampered posts get a 4xx and change nothing.
- A static build keeps answers in the browser, and a port change does not lose them.

Debian's Chromium (/usr/bin/chromium) driven by Playwright; skipped only when it is missing.
"""

from __future__ import annotations

import functools
import http.client
import http.server
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest

from grader.docs_site.preview import build_site
from grader.quiz.service import load_quiz_bank

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync"]
SECTION = "threshold"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium이 없습니다 (apt-get install -y chromium)")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def progress(workspace: Path) -> dict:
    path = workspace / ".learn" / "progress.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ko-KR")  # type: ignore[attr-defined]
    context.set_default_timeout(30_000)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """`learn docs` for a fresh workspace, as a learner starts it."""
    root = tmp_path_factory.mktemp("served")
    subprocess.run([sys.executable, "-m", "grader", "init", "ws"], cwd=root, check=True, capture_output=True)
    workspace = root / "ws"
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "grader", "docs", "--port", str(port)], cwd=workspace,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 240
        while True:
            try:
                with urllib.request.urlopen(url + f"concepts/{SECTION}/", timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail("learn docs did not start")
            time.sleep(0.5)
        yield workspace, url
    finally:
        process.terminate()
        process.wait(timeout=20)
    assert not (workspace / ".learn" / "docs.json").exists()  # withdrawn when the server ends


def learn_list(workspace: Path) -> str:
    result = subprocess.run([sys.executable, "-m", "grader", "list"], cwd=workspace, capture_output=True, text=True,
                            env={**os.environ, "NO_COLOR": "1"}, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_an_answer_on_the_served_site_is_in_the_progress_file_and_learn_list(page, served):
    workspace, url = served
    questions = load_quiz_bank().for_section(SECTION)
    question = next(q for q in questions if q.type == "single")
    right = question.correct_indices[0]

    page.goto(url + f"concepts/{SECTION}/")
    page.wait_for_selector(f'.learn-quiz[data-section="{SECTION}"][data-synced]')
    assert "진행 상황 파일에 기록됩니다" in page.locator(".learn-quiz-note").first.text_content()
    item = page.locator(f'li.learn-q[data-qid="{question.id}"]')
    item.locator(f'.learn-opt[data-index="{right}"]').click()
    page.wait_for_selector(f'li.learn-q[data-qid="{question.id}"][data-sync="saved"]')
    assert item.get_attribute("data-state") == "correct"

    record = progress(workspace)["quizzes"][SECTION]
    assert record["history"] == {question.id: True}
    assert record["site_answers"][question.id]["answer"] == "abcdefgh"[right]
    assert record["site_answers"][question.id]["correct"] is True

    listed = learn_list(workspace)
    line = next(line for line in listed.splitlines() if f" {SECTION} " in f" {line.strip()} " and "답한 문항" in line)
    assert f"답한 문항 1/{len(questions)}, 정답 1" in line
    total = len(load_quiz_bank())
    assert f"1/{total}" in listed.split("퀴즈 진행률")[1]

    # The site shows the same counts, and the answer again after a reload (from the server).
    page.reload()
    page.wait_for_selector(f'.learn-quiz[data-section="{SECTION}"][data-synced]')
    assert page.locator(f'li.learn-q[data-qid="{question.id}"]').get_attribute("data-state") == "correct"
    counted = page.locator(f'.learn-quiz-count[data-section="{SECTION}"]').text_content()
    assert counted == f"답한 문항 1/{len(questions)}, 정답 1"
    page.goto(url + "progress/")
    page.wait_for_function("() => document.querySelector('.learn-quiz-total .learn-quiz-answered') !== null")
    assert page.locator(".learn-quiz-total").text_content().startswith(f"{total}문항 중 1문항에 답했고 1문항을 맞혔습니다")
    assert page.locator(f'.learn-quiz-answered[data-section="{SECTION}"]').text_content() == "1"
    assert page.locator("a.learn-quiz-link").count() >= 1


def _post(url: str, body: bytes, headers: dict[str, str]) -> int:
    host, port = url.split("//")[1].rstrip("/").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    try:
        connection.request("POST", "/__learn/answer", body=body, headers=headers)
        return connection.getresponse().status
    finally:
        connection.close()


def test_tampered_answer_posts_get_4xx_and_change_nothing(served):
    workspace, url = served
    question = next(q for q in load_quiz_bank().for_section(SECTION) if q.type == "single")
    path = workspace / ".learn" / "progress.json"
    before = path.read_bytes() if path.exists() else b""
    json_headers = {"Content-Type": "application/json"}
    good = json.dumps({"question": question.id, "answer": "a"}).encode()
    cases = {
        "unknown id": (json.dumps({"question": "no-such-question", "answer": "a"}).encode(), json_headers, 404),
        "id not a string": (json.dumps({"question": 3, "answer": "a"}).encode(), json_headers, 404),
        "malformed json": (b"{question: ", json_headers, 400),
        "not an object": (b"[1, 2]", json_headers, 400),
        "extra keys": (json.dumps({"question": question.id, "answer": "a", "correct": True}).encode(), json_headers, 400),
        "unreadable answer": (json.dumps({"question": question.id, "answer": "zz"}).encode(), json_headers, 400),
        "answer of the wrong type": (json.dumps({"question": question.id, "answer": [1, 2]}).encode(), json_headers, 400),
        "oversized": (json.dumps({"question": question.id, "answer": "a" * 10_000}).encode(), json_headers, 413),
        "not json": (good, {"Content-Type": "text/plain"}, 415),
        "another site": (good, {**json_headers, "Origin": "http://evil.example"}, 403),
        "another host name": (good, {**json_headers, "Host": "evil.example"}, 403),
    }
    for name, (body, headers, expected) in cases.items():
        assert _post(url, body, headers) == expected, name
    assert (path.read_bytes() if path.exists() else b"") == before
    with urllib.request.urlopen(url + "__learn/state", timeout=10) as response:
        assert response.status == 200 and "counts" in json.loads(response.read())


@pytest.fixture(scope="module")
def public_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("public") / "site", None)


def _serve_static(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def test_static_build_keeps_answers_in_the_browser_across_a_port_change(page, public_site):
    question = next(q for q in load_quiz_bank().for_section(SECTION) if q.type == "single")
    first, first_url = _serve_static(public_site)
    second, second_url = _serve_static(public_site)
    try:
        page.goto(first_url + f"concepts/{SECTION}/")
        page.wait_for_selector(f'.learn-quiz[data-section="{SECTION}"][data-ready]')
        assert page.locator("[data-endpoint]").count() == 0  # nothing to post to
        item = page.locator(f'li.learn-q[data-qid="{question.id}"]')
        item.locator(f'.learn-opt[data-index="{question.correct_indices[0]}"]').click()
        assert item.get_attribute("data-state") == "correct"

        page.goto(second_url + f"concepts/{SECTION}/")  # another port: another origin
        page.wait_for_selector(f'.learn-quiz[data-section="{SECTION}"][data-ready]')
        assert page.locator(f'li.learn-q[data-qid="{question.id}"]').get_attribute("data-state") == "correct"
    finally:
        for server in (first, second):
            server.shutdown()
            server.server_close()
