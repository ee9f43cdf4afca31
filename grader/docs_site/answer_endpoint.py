"""The notes site's answer endpoint: quiz answers given on the site go into the progress file.

`learn docs` serves the site with MkDocs' development server; `progress_hook.on_serve` wraps that
server's WSGI application with `AnswerEndpoint`, so the pages post to the same origin:

- ``POST /__learn/answer`` with ``{"question": id, "answer": "b" | "a,c" | "O" | "0.8" | "c,a,b",
  "revision": "..."}`` (``"answer": null`` clears the site's answer). The answer is graded against
  the bank (`grader.quiz`), never by the browser's verdict, and recorded with the same locked,
  atomic `ProgressStore.update` as `learn quiz`. Replies ``{"correct", "expected", "counts"}``.
- ``GET /__learn/state``: the answers given on the site and the per-section counts (the same
  numbers `learn list` prints), for the pages to show.

Only requests from the loopback address, addressed to 127.0.0.1/localhost (no DNS rebinding),
from the site itself (an ``Origin`` header, when sent, must be this server) and with a JSON
body of at most `MAX_BODY` bytes are accepted; anything else gets a 4xx and changes nothing.
"""

from __future__ import annotations

import json
from typing import Any, Callable, Iterable

from grader.learner.progress import ProgressStore
from grader.quiz import service as quizzing

PREFIX = "/__learn/"
MAX_BODY = 4096
LOOPBACK_HOSTS = ("127.0.0.1", "localhost")

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict, StartResponse], Iterable[bytes]]


def _reply(start_response: StartResponse, status: str, payload: dict[str, Any]) -> list[bytes]:
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    start_response(status, [
        ("Content-Type", "application/json; charset=utf-8"),
        ("Content-Length", str(len(body))),
        ("Cache-Control", "no-store"),
        ("X-Content-Type-Options", "nosniff"),
    ])
    return [body]


def _error(start_response: StartResponse, status: str, message: str) -> list[bytes]:
    return _reply(start_response, status, {"error": message})


def counts_json(bank: Any, progress: dict) -> dict[str, dict[str, int]]:
    return {slug: {"total": c.total, "answered": c.answered, "correct": c.correct}
            for slug, c in quizzing.quiz_counts(bank, progress).items()}


class AnswerEndpoint:
    """WSGI middleware: handles `/__learn/...`, hands every other request to the site."""

    def __init__(self, site: WSGIApp, store: ProgressStore, bank: Callable[[], Any], port: int) -> None:
        self.site = site
        self.store = store
        self.bank = bank
        self.port = port

    def __call__(self, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if not path.startswith(PREFIX):
            return self.site(environ, start_response)
        refused = self._refusal(environ)
        if refused:
            return _error(start_response, "403 Forbidden", refused)
        method = environ.get("REQUEST_METHOD", "GET")
        if path == PREFIX + "state":
            if method != "GET":
                return _error(start_response, "405 Method Not Allowed", "GET만 받습니다.")
            return self._state(start_response)
        if path == PREFIX + "answer":
            if method != "POST":
                return _error(start_response, "405 Method Not Allowed", "POST만 받습니다.")
            return self._answer(environ, start_response)
        return _error(start_response, "404 Not Found", "없는 주소입니다.")

    def _refusal(self, environ: dict) -> str:
        if environ.get("REMOTE_ADDR") not in ("127.0.0.1", "::1"):
            return "이 컴퓨터에서 보낸 요청만 받습니다."
        host = environ.get("HTTP_HOST", "")
        allowed = {f"{name}:{self.port}" for name in LOOPBACK_HOSTS}
        if host not in allowed:
            return "127.0.0.1 주소로 연 사이트에서만 받습니다."
        origin = environ.get("HTTP_ORIGIN")
        if origin is not None and origin not in {f"http://{h}" for h in allowed}:
            return "이 사이트의 페이지에서 보낸 요청만 받습니다."
        return ""

    def _state(self, start_response: StartResponse) -> list[bytes]:
        progress = self.store.read()
        return _reply(start_response, "200 OK", {
            "answers": quizzing.site_answers(progress),
            "counts": counts_json(self.bank(), progress),
        })

    def _answer(self, environ: dict, start_response: StartResponse) -> list[bytes]:
        content_type = environ.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
        if content_type != "application/json":
            return _error(start_response, "415 Unsupported Media Type", "본문은 application/json이어야 합니다.")
        try:
            length = int(environ.get("CONTENT_LENGTH") or "")
        except ValueError:
            return _error(start_response, "411 Length Required", "Content-Length가 필요합니다.")
        if length < 0 or length > MAX_BODY:
            return _error(start_response, "413 Payload Too Large", f"본문은 {MAX_BODY}바이트까지만 받습니다.")
        body = environ["wsgi.input"].read(length)
        try:
            data = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return _error(start_response, "400 Bad Request", "본문이 올바른 JSON이 아닙니다.")
        if not isinstance(data, dict) or set(data) - {"question", "answer", "revision"} or "question" not in data \
                or "answer" not in data:
            return _error(start_response, "400 Bad Request", "본문은 {question, answer} 객체여야 합니다.")
        revision = data.get("revision", "")
        if not isinstance(revision, str):
            return _error(start_response, "400 Bad Request", "revision은 글자여야 합니다.")
        bank = self.bank()
        try:
            result = quizzing.record_site_answer(self.store, bank, data["question"], data["answer"], revision)
        except quizzing.SiteAnswerError as error:
            status = "404 Not Found" if error.status == 404 else "400 Bad Request"
            return _error(start_response, status, str(error))
        progress = self.store.read()
        payload: dict[str, Any] = {"recorded": True, "counts": counts_json(bank, progress)}
        if result is not None:
            payload.update(correct=result.correct, expected=result.expected, given=result.given)
        return _reply(start_response, "200 OK", payload)
