"""MkDocs hook: embed each section's quiz from the quiz bank in its concept page.

A concept page ends with the marker ``<!-- quiz: <slug> -->``. After the page is rendered, the
marker is kept and followed by a quiz block: the questions as plain HTML (prompt, options,
inputs) plus the section's questions exported by `grader.quiz.export_question` (answers,
per-option feedback, explanations) as JSON. `site/assets/learn-quiz.js` grades in the browser
and keeps the answers in ``localStorage``.

The bank is the same one `learn quiz` uses (`quizzes/<slug>.yaml`), so the page and the terminal
never disagree. A marker naming a section without questions fails the build.

The block carries ``data-search-exclude``: the options include deliberately wrong statements,
which must not show up as search results.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from typing import Any

from mkdocs.exceptions import PluginError

from grader.quiz.export import export_question
from grader.quiz.model import TYPE_LABELS, Question, QuizBank, letter

__all__ = ["QuizEmbedError", "MARKER_RE", "embed_quizzes", "render_quiz_block", "question_revision", "on_page_content"]

MARKER_RE = re.compile(r"<!--\s*quiz:\s*(?P<slug>[a-z0-9-]+)\s*-->")


class QuizEmbedError(PluginError):
    """A quiz marker names a section the bank has no questions for."""


def _text(value: str) -> str:
    """Bank text (plain, may span lines) as safe HTML."""
    return "<br>".join(html.escape(line) for line in value.strip().splitlines())


def _json_for_script(data: Any) -> str:
    """JSON that cannot close its <script> element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def question_revision(exported: dict[str, Any]) -> str:
    """A short digest of the question: a stored browser answer is dropped when the question changes."""
    canonical = json.dumps(exported, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


def _question_html(number: int, question: Question, revision: str) -> str:
    q = html.escape(question.id, quote=True)
    parts = [
        f'<li class="learn-q" id="quiz-{q}" data-qid="{q}" data-type="{question.type}" data-rev="{revision}">',
        f'<div class="learn-q-meta">문항 {number} · {TYPE_LABELS[question.type]}</div>',
        f'<div class="learn-q-prompt">{_text(question.prompt)}</div>',
    ]
    if question.type in ("single", "multiple"):
        parts.append('<ul class="learn-q-options">')
        for index, option in enumerate(question.options):
            label = letter(index)
            if question.type == "single":
                parts.append(
                    f'<li><button type="button" class="learn-opt" data-index="{index}">'
                    f'<span class="learn-opt-label">{label}</span> <span class="learn-opt-text">{_text(option.text)}</span>'
                    "</button></li>"
                )
            else:
                parts.append(
                    f'<li><label class="learn-opt learn-opt-check" data-index="{index}">'
                    f'<input type="checkbox" data-index="{index}"> '
                    f'<span class="learn-opt-label">{label}</span> <span class="learn-opt-text">{_text(option.text)}</span>'
                    "</label></li>"
                )
        parts.append("</ul>")
        if question.type == "multiple":
            parts.append(
                '<p class="learn-q-hint">해당하는 보기를 모두 고른 뒤 채점하세요.</p>'
                '<div class="learn-q-actions"><button type="button" class="learn-submit md-button">채점</button></div>'
            )
    elif question.type == "truefalse":
        parts.append(
            '<ul class="learn-q-options learn-q-tf">'
            '<li><button type="button" class="learn-opt" data-value="true"><span class="learn-opt-label">O</span> '
            '<span class="learn-opt-text">참</span></button></li>'
            '<li><button type="button" class="learn-opt" data-value="false"><span class="learn-opt-label">X</span> '
            '<span class="learn-opt-text">거짓</span></button></li>'
            "</ul>"
        )
    elif question.type == "numeric":
        unit = f'<span class="learn-num-unit">{html.escape(question.unit)}</span>' if question.unit else ""
        parts.append(
            '<div class="learn-q-actions">'
            f'<input type="text" class="learn-num" inputmode="decimal" autocomplete="off" '
            f'aria-label="문항 {number}의 답 (숫자)" placeholder="예: 0.8">{unit} '
            '<button type="button" class="learn-submit md-button">채점</button></div>'
        )
    else:  # order
        parts.append('<p class="learn-q-hint">첫 번째 단계부터 차례로 누르세요.</p><ul class="learn-q-options learn-q-order">')
        for position, item in enumerate(question.display_order()):
            parts.append(
                f'<li><button type="button" class="learn-opt" data-index="{position}">'
                f'<span class="learn-opt-label">{letter(position)}</span> '
                f'<span class="learn-opt-text">{_text(question.items[item])}</span></button></li>'
            )
        parts.append(
            "</ul>"
            '<p class="learn-order-picked" aria-live="polite"></p>'
            '<div class="learn-q-actions"><button type="button" class="learn-submit md-button">채점</button> '
            '<button type="button" class="learn-order-clear md-button">다시 고르기</button></div>'
        )
    parts.append('<div class="learn-q-result" aria-live="polite" hidden></div>')
    parts.append("</li>")
    return "".join(parts)


def render_quiz_block(slug: str, questions: list[Question]) -> str:
    """The HTML quiz block of one section (questions in bank order)."""
    exported = [export_question(q) for q in questions]
    revisions = [question_revision(data) for data in exported]
    items = "".join(_question_html(n, q, rev) for n, (q, rev) in enumerate(zip(questions, revisions), start=1))
    data = {"section": slug, "questions": exported}
    return (
        f'<div class="learn-quiz" data-section="{html.escape(slug)}" data-count="{len(questions)}" data-search-exclude>'
        '<div class="learn-quiz-head">'
        f'<p class="learn-quiz-title"><strong>이 절의 퀴즈</strong> · {len(questions)}문항 '
        '<span class="learn-quiz-score" aria-live="polite"></span></p>'
        '<button type="button" class="learn-quiz-reset md-button" hidden>답 모두 지우기</button>'
        "</div>"
        '<p class="learn-quiz-note">보기를 누르면 바로 채점됩니다. 답은 이 브라우저에만 저장되며, '
        f"진행 상황 파일에 기록하려면 터미널에서 <code>learn quiz {html.escape(slug)}</code> 명령으로 푸세요.</p>"
        "<noscript><p>퀴즈를 풀려면 자바스크립트가 필요합니다. "
        f"터미널에서 <code>learn quiz {html.escape(slug)}</code> 명령으로 풀 수 있습니다.</p></noscript>"
        f'<ol class="learn-quiz-list">{items}</ol>'
        f'<script type="application/json" class="learn-quiz-data">{_json_for_script(data)}</script>'
        "</div>"
    )


def embed_quizzes(page_html: str, bank: QuizBank, page_name: str) -> str:
    """Follow every quiz marker in the page with that section's quiz block."""

    def replace(match: re.Match[str]) -> str:
        slug = match.group("slug")
        questions = bank.for_section(slug)
        if not questions:
            raise QuizEmbedError(f"{page_name}: 퀴즈 표시 '{match.group(0)}'의 절 '{slug}'에 문항이 없습니다.")
        return match.group(0) + "\n" + render_quiz_block(slug, questions)

    return MARKER_RE.sub(replace, page_html)


_BANK: QuizBank | None = None


def _bank() -> QuizBank:
    from grader.docs_site.cached_bank import site_quiz_bank

    return site_quiz_bank()


def on_pre_build(config: Any) -> None:
    """Load (and validate) the bank once per build; `mkdocs serve` rebuilds pick up edits."""
    global _BANK
    try:
        _BANK = _bank()
    except Exception as exc:  # the bank's own errors are Korean and name the file
        raise PluginError(f"퀴즈 문제 은행을 읽을 수 없습니다: {exc}") from exc


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:  # noqa: A002
    bank = _BANK if _BANK is not None else _bank()
    return embed_quizzes(html, bank, page.file.src_uri)
