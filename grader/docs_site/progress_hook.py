"""MkDocs hook: show a learner's progress on the concept pages and on the progress page.

The workspace comes from the environment variable ``LEARN_WORKSPACE`` (set by `learn docs`, see
`preview.py`). Without it the site is the published static site: each concept page lists its
exercises with a note that `learn docs` shows the progress, and the progress page says so too.

With it, the progress store of that workspace is read once per build and

- each concept page lists the exercises of its section (from the catalog) with their status
  (통과 / 실패 / 시작 전), the `learn check <id>` command, and the section's terminal quiz score;
- ``site/progress.md``'s marker ``<!-- progress: summary -->`` becomes tables of every exercise and
  quiz with progress bars.

Served by `learn docs` (``LEARN_DOCS_SERVE`` set as well), the blocks carry
``data-endpoint="/__learn/"``: `site/assets/learn-quiz.js` then posts every quiz answer to the
answer endpoint (`answer_endpoint.py`, installed by `on_serve` below), which records it in the
same progress file, and fills the per-section answer counts from it, so the site and `learn list`
show the same numbers. A static build instead gives the progress page a summary of the quizzes
answered in this browser (filled in by `learn-quiz.js` from ``localStorage``).
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from grader.course.catalog import Catalog, Exercise, load_catalog
from grader.errors import LearnError
from grader.learner.progress import Progress, ProgressStore
from grader.learner.workspace import open_workspace

__all__ = [
    "ENV_VAR",
    "PROGRESS_MARKER",
    "STATUS_LABELS",
    "ProgressView",
    "exercise_block",
    "load_view",
    "progress_page_markdown",
    "on_config",
    "on_page_markdown",
]

ENV_VAR = "LEARN_WORKSPACE"
SERVE_VAR = "LEARN_DOCS_SERVE"
ENDPOINT = "/__learn/"
PROGRESS_MARKER = "<!-- progress: summary -->"
STATIC_NOTE = "learn docs로 열면 진행 상황이 보입니다"
STATUS_LABELS = {"passed": "통과", "failed": "실패", "not_started": "시작 전"}

_QUIZ_MARKER_RE = re.compile(r"^<!--\s*quiz:\s*[a-z0-9-]+\s*-->\s*$", re.MULTILINE)
_CONCEPT_RE = re.compile(r"^concepts/(?P<slug>[a-z0-9-]+)\.md$")


@dataclass(frozen=True)
class ProgressView:
    """What the pages show: the progress of one workspace, or None for the static site."""

    progress: Progress | None = None
    served: bool = False  # served by `learn docs`: answers go to the answer endpoint
    counts: dict[str, Any] | None = None  # section slug -> grader.quiz.service.SectionCount

    @property
    def has_workspace(self) -> bool:
        return self.progress is not None

    @property
    def endpoint_attr(self) -> str:
        return f' data-endpoint="{ENDPOINT}"' if self.served else ""

    def exercise(self, exercise_id: str) -> dict[str, Any]:
        if self.progress is None:
            return {}
        return self.progress.get("exercises", {}).get(exercise_id, {})

    def status(self, exercise_id: str) -> str:
        status = self.exercise(exercise_id).get("status", "not_started")
        return status if status in STATUS_LABELS else "not_started"

    def quiz(self, key: str) -> dict[str, Any]:
        if self.progress is None:
            return {}
        return self.progress.get("quizzes", {}).get(key, {})


def load_view(environ: dict[str, str] | None = None) -> ProgressView:
    """The view for ``LEARN_WORKSPACE`` (unset or empty: the static site without progress)."""
    value = (environ if environ is not None else os.environ).get(ENV_VAR, "").strip()
    if not value:
        return ProgressView(None)
    try:
        workspace = open_workspace(Path(value))
        progress = ProgressStore(workspace.progress_path).read()
    except LearnError as error:
        raise PluginError(f"{ENV_VAR}: {error}") from error
    served = bool((environ if environ is not None else os.environ).get(SERVE_VAR, "").strip())
    return ProgressView(progress, served, _counts(progress))


def _counts(progress: Progress) -> dict[str, Any] | None:
    from grader.docs_site.cached_bank import site_quiz_bank
    from grader.quiz.service import quiz_counts

    try:
        return quiz_counts(site_quiz_bank(), progress)
    except LearnError:
        return None  # the quiz hook reports a broken bank


def page_digest(progress: Progress) -> str:
    """What the built pages depend on. Answers given on the site are left out: the served pages
    update their counts themselves, so recording an answer never rebuilds the site."""
    slim = json.loads(json.dumps(progress))
    for record in slim.get("quizzes", {}).values():
        if isinstance(record, dict):
            record.pop("history", None)
            record.pop("site_answers", None)
    return hashlib.sha256(json.dumps(slim, sort_keys=True).encode("utf-8")).hexdigest()[:16]


def _count_html(slug: str, view: ProgressView) -> str:
    """`답한 문항 a/n, 정답 c` for a section, in spans the served page keeps up to date."""
    count = (view.counts or {}).get(slug)
    if count is None:
        return ""
    return (
        f'<span class="learn-quiz-count" data-section="{html.escape(slug)}">답한 문항 '
        f'<span class="learn-quiz-answered">{count.answered}</span>/{count.total}, 정답 '
        f'<span class="learn-quiz-correct">{count.correct}</span></span>'
    )


# --------------------------------------------------------------------------------------------
# Concept pages


def _status_badge(status: str) -> str:
    return f'<span class="learn-status learn-status--{status}">{STATUS_LABELS[status]}</span>'


def _percent(value: Any) -> str:
    number = float(value)
    return f"{number:.0f}%" if number == round(number) else f"{number:.1f}%"


def exercise_block(slug: str, catalog: Catalog, view: ProgressView) -> str:
    """The HTML block listing the exercises of section `slug` (with status when there is a workspace)."""
    exercises = [e for e in catalog.exercises if e.section == slug]
    mode = "workspace" if view.has_workspace else "static"
    parts = [f'<div class="learn-progress" data-section="{html.escape(slug)}" data-mode="{mode}"{view.endpoint_attr}>']
    parts.append('<p class="learn-progress-title"><strong>연습 문제</strong></p>')
    if not exercises:
        parts.append('<p class="learn-progress-empty">이 절에는 연습 문제가 없습니다. 아래 퀴즈로 확인해 보세요.</p>')
    else:
        parts.append('<ul class="learn-ex-list">')
        for exercise in exercises:
            parts.append(_exercise_item(exercise, view))
        parts.append("</ul>")
    if view.has_workspace:
        record = view.quiz(slug)
        counted = _count_html(slug, view)
        if counted:
            where = "이 사이트와 터미널에서" if view.served else "터미널과 사이트에서"
            parts.append(f'<p class="learn-progress-answers">퀴즈: {counted} ({where} 답한 것을 함께 셉니다)</p>')
        if record.get("attempts"):
            parts.append(
                f'<p class="learn-progress-quiz">터미널 퀴즈 <code>learn quiz {html.escape(slug)}</code>: '
                f'최고 {_percent(record.get("best_percent", 0))}, 최근 {_percent(record.get("last_percent", 0))} '
                f'(시도 {int(record["attempts"])}회)</p>'
            )
        else:
            parts.append(
                f'<p class="learn-progress-quiz">터미널 퀴즈 <code>learn quiz {html.escape(slug)}</code>: 아직 풀지 않았습니다.</p>'
            )
    else:
        parts.append(f'<p class="learn-progress-note">{STATIC_NOTE}.</p>')
    parts.append("</div>")
    parts.append('<div id="quiz" class="learn-quiz-anchor"></div>')
    return "".join(parts)


def _exercise_item(exercise: Exercise, view: ProgressView) -> str:
    eid = html.escape(exercise.id)
    command = f'<code class="learn-ex-command">learn check {eid}</code>'
    title = f'<span class="learn-ex-title">{html.escape(exercise.title)}</span>'
    if not view.has_workspace:
        return f'<li class="learn-ex" data-exercise="{eid}"><code>{eid}</code> {title} · {command}</li>'
    status = view.status(exercise.id)
    record = view.exercise(exercise.id)
    meta = []
    if record.get("attempts"):
        meta.append(f"시도 {int(record['attempts'])}회")
    if record.get("first_passed_at"):
        meta.append(f"처음 통과 {html.escape(str(record['first_passed_at'])[:10])}")
    if status == "failed" and record.get("first_passed_at"):
        meta.append("예전에는 통과했음")
    meta_html = f' <span class="learn-ex-meta">({", ".join(meta)})</span>' if meta else ""
    return (
        f'<li class="learn-ex" data-exercise="{eid}" data-status="{status}">{_status_badge(status)} '
        f"<code>{eid}</code> {title}{meta_html} · {command}</li>"
    )


def insert_exercise_block(markdown: str, block: str) -> str:
    """Put the block just before the page's quiz marker (or at the end when there is none)."""
    match = _QUIZ_MARKER_RE.search(markdown)
    if match is None:
        return markdown.rstrip("\n") + "\n\n" + block + "\n"
    return markdown[: match.start()] + block + "\n\n" + markdown[match.start():]


# --------------------------------------------------------------------------------------------
# The progress page


def _bar(done: float, total: float, label: str) -> str:
    ratio = (done / total) if total else 0.0
    return (
        f'<div class="learn-bar" role="progressbar" aria-label="{html.escape(label)}" aria-valuemin="0" '
        f'aria-valuemax="{total:g}" aria-valuenow="{done:g}"><span class="learn-bar-fill" '
        f'style="width: {100 * ratio:.1f}%"></span></div>'
    )


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def progress_page_markdown(catalog: Catalog, view: ProgressView, question_counts: dict[str, int]) -> str:
    """Markdown (with a few HTML bars) replacing the progress page's marker."""
    if not view.has_workspace:
        return (
            f'<p class="learn-progress-note" data-mode="static"><strong>{STATIC_NOTE}.</strong> '
            "작업 공간에서 <code>learn docs</code>를 실행하면 통과한 연습 문제와 터미널에서 푼 퀴즈의 점수가 "
            "이 페이지와 각 개념 노트에 표시됩니다. 터미널에서 바로 보려면 <code>learn list</code>를 실행하세요.</p>"
        )
    exercises = catalog.exercises
    statuses = [view.status(e.id) for e in exercises]
    passed, failed = statuses.count("passed"), statuses.count("failed")
    lines = [
        '<p class="learn-progress-note" data-mode="workspace">작업 공간의 진행 상황입니다. '
        "<code>learn docs</code>로 띄운 사이트는 <code>learn check</code>나 <code>learn quiz</code>가 기록을 바꾸면 "
        "저절로 새로 고쳐집니다.</p>",
        "",
        "## 연습 문제",
        "",
        _bar(passed, len(exercises), "연습 문제 통과"),
        "",
        f"**{len(exercises)}개 중 {passed}개 통과 ({100 * passed / len(exercises):.0f}%)** · "
        f"실패 {failed}개 · 시작 전 {len(exercises) - passed - failed}개",
        "",
        "| 연습 문제 | 내용 | 개념 노트 | 상태 | 시도 | 처음 통과 | 퀴즈 |",
        "|:--|:--|:--|:--:|--:|:--|:--|",
    ]
    for exercise, status in zip(exercises, statuses):
        record = view.exercise(exercise.id)
        section = catalog.section(exercise.section)
        lines.append(
            f"| `{exercise.id}` | {_cell(exercise.title)} | [{_cell(section.title)}](concepts/{section.slug}.md) "
            f"| {_status_badge(status)} | {int(record.get('attempts', 0))} "
            f"| {html.escape(str(record.get('first_passed_at', ''))[:10]) or '—'} "
            f'| <a class="learn-quiz-link" href="../concepts/{section.slug}/#quiz">퀴즈</a> |'
        )
    taken = [s for s in catalog.sections if view.quiz(s.slug).get("attempts")]
    counts = view.counts or {}
    total_q = sum(c.total for c in counts.values())
    answered = sum(c.answered for c in counts.values())
    correct = sum(c.correct for c in counts.values())
    where = "이 사이트와 터미널" if view.served else "터미널과 사이트"
    lines += [
        "",
        "## 퀴즈",
        "",
        f'<div class="learn-bar learn-bar--answers" role="progressbar" aria-label="답한 퀴즈 문항" '
        f'aria-valuemin="0" aria-valuemax="{total_q}" aria-valuenow="{answered}"{view.endpoint_attr}>'
        f'<span class="learn-bar-fill" style="width: {100 * answered / total_q if total_q else 0:.1f}%"></span></div>',
        "",
        f'<p class="learn-quiz-total"{view.endpoint_attr}><strong>{total_q}문항 중 '
        f'<span class="learn-quiz-answered">{answered}</span>문항에 답했고 '
        f'<span class="learn-quiz-correct">{correct}</span>문항을 맞혔습니다</strong> ({where}에서 답한 것을 함께 셉니다. '
        "<code>learn list</code>와 같은 숫자입니다.)</p>",
        "",
        "### 터미널 퀴즈 점수",
        "",
        _bar(len(taken), len(catalog.sections), "퀴즈를 푼 절"),
        "",
    ]
    if taken:
        mean = sum(float(view.quiz(s.slug).get("best_percent", 0)) for s in taken) / len(taken)
        lines.append(
            f"**{len(catalog.sections)}개 절 중 {len(taken)}개 절의 퀴즈를 풀었습니다** · 최고 점수 평균 {mean:.0f}%"
        )
    else:
        lines.append(f"**{len(catalog.sections)}개 절 중 아직 푼 퀴즈가 없습니다.** `learn quiz <절 이름>`으로 시작하세요.")
    lines += ["", "| 절 | 문항 | 답한 문항 | 정답 | 최고 점수 | 최근 점수 | 시도 | 명령 |",
              "|:--|--:|--:|--:|--:|--:|--:|:--|"]
    for section in catalog.sections:
        record = view.quiz(section.slug)
        attempts = int(record.get("attempts", 0))
        best = _percent(record.get("best_percent", 0)) if attempts else "—"
        last = _percent(record.get("last_percent", 0)) if attempts else "—"
        count = counts.get(section.slug)
        slug = html.escape(section.slug)
        answered_cell = (f'<span class="learn-quiz-answered" data-section="{slug}">{count.answered}</span>'
                         if count else "—")
        correct_cell = (f'<span class="learn-quiz-correct" data-section="{slug}">{count.correct}</span>'
                        if count else "—")
        lines.append(
            f"| [{_cell(section.title)}](concepts/{section.slug}.md) | {question_counts.get(section.slug, 0)} "
            f"| {answered_cell} | {correct_cell} | {best} | {last} | {attempts} | `learn quiz {section.slug}` |"
        )
    whole = view.quiz("all")
    if whole.get("attempts"):
        lines.append(
            f"| 전체 | {sum(question_counts.values())} | {_percent(whole.get('best_percent', 0))} "
            f"| {_percent(whole.get('last_percent', 0))} | {int(whole['attempts'])} | `learn quiz all` |"
        )
    return "\n".join(lines) + "\n"


def browser_quiz_summary(catalog: Catalog, question_ids: dict[str, list[str]], links: dict[str, str]) -> str:
    """A container the browser fills with the quizzes answered on this site (localStorage)."""
    data = {
        "sections": [
            {"slug": s.slug, "title": s.title, "url": links.get(s.slug, ""), "ids": question_ids.get(s.slug, [])}
            for s in catalog.sections
        ]
    }
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return (
        '<div class="learn-browser-progress" data-search-exclude>'
        '<p class="learn-browser-empty">이 브라우저에서 푼 퀴즈가 아직 없습니다. 각 개념 노트 아래의 퀴즈를 풀면 여기에 모입니다.</p>'
        f'<script type="application/json" class="learn-browser-progress-data">{payload}</script>'
        "</div>"
    )


# --------------------------------------------------------------------------------------------
# MkDocs events

_VIEW = ProgressView(None)


def on_config(config: Any) -> Any:
    """Read the workspace's progress once per build (every `mkdocs serve` rebuild reloads hooks)."""
    global _VIEW
    _VIEW = load_view()
    return config


def _question_ids() -> dict[str, list[str]]:
    from grader.docs_site.cached_bank import site_quiz_bank

    bank = site_quiz_bank()
    return {section.slug: [q.id for q in section.questions] for section in bank.sections}


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    catalog = load_catalog()
    src_uri = page.file.src_uri
    concept = _CONCEPT_RE.match(src_uri)
    if concept:
        return insert_exercise_block(markdown, exercise_block(concept.group("slug"), catalog, _VIEW))
    if src_uri == "progress.md":
        if PROGRESS_MARKER not in markdown:
            raise PluginError(f"progress.md: 진행 상황 표시 '{PROGRESS_MARKER}'가 없습니다.")
        ids = _question_ids()
        counts = {slug: len(values) for slug, values in ids.items()}
        links = {}
        for section in catalog.sections:
            target = files.get_file_from_path(f"concepts/{section.slug}.md") if files is not None else None
            if target is not None:
                links[section.slug] = target.url_relative_to(page.file)
        summary = progress_page_markdown(catalog, _VIEW, counts)
        if _VIEW.served:  # answers are in the progress file, counted above
            return markdown.replace(PROGRESS_MARKER, summary)
        browser = "\n## 이 브라우저에서 푼 퀴즈\n\n" + browser_quiz_summary(catalog, ids, links) + "\n"
        return markdown.replace(PROGRESS_MARKER, summary + browser)
    return markdown


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    """`learn docs`: add the quiz answer endpoint to the development server (same origin)."""
    value = os.environ.get(ENV_VAR, "").strip()
    if not value or not os.environ.get(SERVE_VAR):
        return server
    from grader.docs_site.answer_endpoint import AnswerEndpoint
    from grader.docs_site.cached_bank import site_quiz_bank

    workspace = open_workspace(Path(value))
    port = int(config.dev_addr.port)
    server.set_app(AnswerEndpoint(server.get_app(), ProgressStore(workspace.progress_path), site_quiz_bank, port))
    return server
