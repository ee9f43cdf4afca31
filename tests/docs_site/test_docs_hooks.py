"""The build hooks of the notes site: quiz blocks, progress from a workspace, figures, serve/build."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from grader.course.catalog import load_catalog
from grader.docs_site import preview, progress_hook, quiz_hook
from grader.docs_site.progress_hook import STATIC_NOTE, ProgressView
from grader.docs_site.quiz_hook import QuizEmbedError, embed_quizzes, render_quiz_block
from grader.learner.progress import ProgressStore, exercise_record
from grader.quiz.service import load_quiz_bank


def make_workspace(root: Path, passed: tuple[str, ...] = (), failed: tuple[str, ...] = (),
                   quizzes: dict[str, float] | None = None) -> Path:
    (root / ".learn").mkdir(parents=True)

    def change(progress: dict) -> None:
        for exercise_id in passed:
            exercise_record(progress, exercise_id).update(
                status="passed", attempts=1, first_passed_at="2025-03-01T10:00:00+00:00"
            )
        for exercise_id in failed:
            exercise_record(progress, exercise_id).update(status="failed", attempts=3)
        for slug, percent in (quizzes or {}).items():
            progress["quizzes"][slug] = {"attempts": 1, "best_percent": percent, "last_percent": percent, "history": {}}

    ProgressStore(root / ".learn" / "progress.json").update(change)
    return root


# ------------------------------------------------------------------------------------------
# Quizzes


def test_quiz_block_follows_the_marker_with_every_question():
    bank = load_quiz_bank()
    page = "<p>본문</p>\n<!-- quiz: odds-logit -->\n"
    out = embed_quizzes(page, bank, "concepts/odds-logit.md")
    assert "<!-- quiz: odds-logit -->" in out
    questions = bank.for_section("odds-logit")
    assert out.count('<li class="learn-q" ') == len(questions)
    for question in questions:
        assert f'data-qid="{question.id}" data-type="{question.type}"' in out
    assert "data-search-exclude" in out


def test_quiz_marker_for_unknown_section_fails_the_build():
    with pytest.raises(QuizEmbedError, match="concepts/x.md"):
        embed_quizzes("<!-- quiz: no-such-section -->", load_quiz_bank(), "concepts/x.md")
    assert issubclass(QuizEmbedError, PluginError)


def test_quiz_json_cannot_break_out_of_its_script_element():
    question = load_quiz_bank().for_section("odds-logit")[0]
    tricky = question.__class__(**{**question.__dict__, "explanation": "</script><script>alert(1)</script> & <!--"})
    block = render_quiz_block("odds-logit", [tricky])
    data = re.search(r'class="learn-quiz-data">(.*?)</script>', block, re.S).group(1)
    assert "<" not in data and ">" not in data
    assert json.loads(data)["questions"][0]["explanation"].startswith("</script>")


def test_order_question_shows_items_in_the_terminal_order():
    bank = load_quiz_bank()
    question = next(q for q in bank if q.type == "order")
    block = render_quiz_block(question.section, [question])
    shown = re.findall(r'<span class="learn-opt-text">(.*?)</span>', block)
    assert shown == [question.items[i] for i in question.display_order()]


def test_changed_question_gets_a_new_revision():
    question = load_quiz_bank().for_section("momentum")[0]
    from grader.quiz.export import export_question

    before = quiz_hook.question_revision(export_question(question))
    changed = question.__class__(**{**question.__dict__, "prompt": question.prompt + "?"})
    assert quiz_hook.question_revision(export_question(changed)) != before


# ------------------------------------------------------------------------------------------
# Progress


def test_no_workspace_means_static_view(tmp_path: Path):
    assert not progress_hook.load_view({}).has_workspace
    assert not progress_hook.load_view({"LEARN_WORKSPACE": "  "}).has_workspace


def test_folder_that_is_not_a_workspace_fails_the_build(tmp_path: Path):
    with pytest.raises(PluginError, match="LEARN_WORKSPACE"):
        progress_hook.load_view({"LEARN_WORKSPACE": str(tmp_path)})


def test_exercise_block_with_and_without_workspace(tmp_path: Path):
    catalog = load_catalog()
    root = make_workspace(tmp_path / "ws", passed=("14_regularization",), failed=("15_dropout",),
                          quizzes={"overfitting": 85.7})
    view = progress_hook.load_view({"LEARN_WORKSPACE": str(root)})
    html = progress_hook.exercise_block("overfitting", catalog, view)
    assert 'data-exercise="14_regularization" data-status="passed"' in html
    assert 'data-exercise="15_dropout" data-status="failed"' in html
    assert ">통과</span>" in html and ">실패</span>" in html
    assert "learn check 15_dropout" in html
    assert "최고 85.7%" in html
    assert STATIC_NOTE not in html

    static = progress_hook.exercise_block("overfitting", catalog, ProgressView(None))
    assert "data-status" not in static
    assert "learn check 14_regularization" in static and "learn check 15_dropout" in static
    assert STATIC_NOTE in static

    untouched = progress_hook.exercise_block("batch-norm", catalog, view)
    assert 'data-status="not_started"' in untouched and ">시작 전</span>" in untouched

    none = progress_hook.exercise_block("ml-basics", catalog, view)
    assert "연습 문제가 없습니다" in none


def test_exercise_block_goes_before_the_quiz_marker():
    markdown = "# 제목\n\n본문\n\n<!-- quiz: momentum -->\n"
    out = progress_hook.insert_exercise_block(markdown, "<div>BLOCK</div>")
    assert out.index("<div>BLOCK</div>") < out.index("<!-- quiz: momentum -->")
    assert progress_hook.insert_exercise_block("본문\n", "<div>B</div>").endswith("<div>B</div>\n")


def test_progress_page_summary(tmp_path: Path):
    catalog = load_catalog()
    counts = {s.slug: len(s.questions) for s in load_quiz_bank().sections}
    root = make_workspace(tmp_path / "ws", passed=("01_mse", "03_threshold"), failed=("02_sensitivity",),
                          quizzes={"threshold": 100.0, "momentum": 60.0})
    view = progress_hook.load_view({"LEARN_WORKSPACE": str(root)})
    text = progress_hook.progress_page_markdown(catalog, view, counts)
    total = len(catalog.exercises)
    assert f"**{total}개 중 2개 통과" in text
    assert "실패 1개" in text and f"시작 전 {total - 3}개" in text
    assert text.count('class="learn-bar"') == 2
    assert 'aria-valuenow="2"' in text
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    assert len(rows) == total
    assert "(concepts/threshold.md)" in text  # links MkDocs validates
    assert "| 100% | 100% | 1 | `learn quiz threshold` |" in text
    assert "2개 절의 퀴즈를 풀었습니다" in text and "평균 80%" in text

    static = progress_hook.progress_page_markdown(catalog, ProgressView(None), counts)
    assert STATIC_NOTE in static and "|" not in static


def test_hook_events_read_the_workspace_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    root = make_workspace(tmp_path / "ws", passed=("19_momentum",))
    monkeypatch.setenv("LEARN_WORKSPACE", str(root))
    progress_hook.on_config(None)
    page = SimpleNamespace(file=SimpleNamespace(src_uri="concepts/momentum.md"))
    out = progress_hook.on_page_markdown("본문\n\n<!-- quiz: momentum -->\n", page=page, config=None, files=None)
    assert 'data-exercise="19_momentum" data-status="passed"' in out
    monkeypatch.delenv("LEARN_WORKSPACE")
    progress_hook.on_config(None)
    out = progress_hook.on_page_markdown("본문\n", page=page, config=None, files=None)
    assert "data-status" not in out and STATIC_NOTE in out
    other = SimpleNamespace(file=SimpleNamespace(src_uri="index.md"))
    assert progress_hook.on_page_markdown("본문\n", page=other, config=None, files=None) == "본문\n"


def test_progress_page_without_marker_fails():
    page = SimpleNamespace(file=SimpleNamespace(src_uri="progress.md"))
    with pytest.raises(PluginError, match="progress.md"):
        progress_hook.on_page_markdown("# 진행 상황\n", page=page, config=None, files=None)


# ------------------------------------------------------------------------------------------
# serve() and build_site()


def test_serve_runs_mkdocs_dev_server_watching_the_progress_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    root = make_workspace(tmp_path / "ws", passed=("01_mse",))
    seen: dict = {}

    def fake_serve(**kwargs):
        seen.update(kwargs)
        seen["env"] = os.environ.get("LEARN_WORKSPACE")

    import mkdocs.commands.serve

    monkeypatch.setattr(mkdocs.commands.serve, "serve", fake_serve)
    monkeypatch.delenv("LEARN_WORKSPACE", raising=False)
    preview.serve(root, host="127.0.0.1", port=8123)
    assert seen["config_file"] == str(preview.CONFIG_FILE)
    assert seen["dev_addr"] == "127.0.0.1:8123"
    assert seen["livereload"] is True
    # Not progress.json itself: a stamp that changes only when what the pages show changes,
    # so a quiz answer recorded from the site does not rebuild it.
    assert seen["watch"] == [str(root.resolve() / ".learn" / "site-stamp")]
    assert seen["env"] == str(root.resolve())
    assert "LEARN_WORKSPACE" not in os.environ  # restored afterwards


def test_watch_path_is_the_page_stamp(tmp_path: Path):
    from grader.learner.workspace import Workspace

    (tmp_path / ".learn").mkdir()
    assert preview.progress_watch_path(Workspace(tmp_path)) == tmp_path / ".learn" / "site-stamp"


def test_serve_refuses_a_folder_that_is_not_a_workspace(tmp_path: Path):
    from grader.errors import LearnError

    with pytest.raises(LearnError):
        preview.serve(tmp_path)


def test_build_site_for_a_workspace(tmp_path: Path):
    root = make_workspace(tmp_path / "ws", passed=("16_activations",), failed=("19_momentum",))
    out = preview.build_site(tmp_path / "out", root)
    activation = (out / "concepts" / "vanishing-gradient" / "index.html").read_text(encoding="utf-8")
    assert 'data-exercise="16_activations" data-status="passed"' in activation
    assert STATIC_NOTE not in activation
    momentum = (out / "concepts" / "momentum" / "index.html").read_text(encoding="utf-8")
    assert 'data-exercise="19_momentum" data-status="failed"' in momentum
    progress = (out / "progress" / "index.html").read_text(encoding="utf-8")
    assert "개 중 1개 통과" in progress and "<table>" in progress and 'class="learn-bar"' in progress
    assert "LEARN_WORKSPACE" not in os.environ
    # Without a workspace: the static site.
    static = preview.build_site(tmp_path / "static")
    assert STATIC_NOTE in (static / "progress" / "index.html").read_text(encoding="utf-8")
