"""`mkdocs build --strict` succeeds and produces every concept page with offline math."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from grader.docs_site.figures import FIGURES
from grader.docs_site.progress_hook import STATIC_NOTE
from grader.quiz.service import load_quiz_bank

REPO = Path(__file__).resolve().parents[2]


def catalog_slugs() -> list[str]:
    with open(REPO / "grader" / "course" / "catalog.toml", "rb") as fh:
        return [section["slug"] for section in tomllib.load(fh)["sections"]]


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("LEARN_WORKSPACE", None)  # the published site: no workspace, no progress
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return out


def test_catalog_has_23_sections():
    slugs = catalog_slugs()
    assert len(slugs) == 23
    assert len(set(slugs)) == 23


def test_every_concept_page_is_built(built_site: Path):
    for slug in catalog_slugs():
        page = built_site / "concepts" / slug / "index.html"
        assert page.is_file(), f"missing {page.relative_to(built_site)}"


def test_home_and_progress_pages_are_built(built_site: Path):
    assert (built_site / "index.html").is_file()
    assert (built_site / "progress" / "index.html").is_file()


def test_concept_pages_have_mathml_and_quiz_marker(built_site: Path):
    for slug in catalog_slugs():
        html = (built_site / "concepts" / slug / "index.html").read_text(encoding="utf-8")
        assert "<math " in html, f"{slug}: no MathML"
        assert '<span class="arithmatex">' not in html and '<div class="arithmatex">' not in html
        assert f"<!-- quiz: {slug} -->" in html, f"{slug}: quiz placeholder missing"
        assert 'id="연습-문제와-퀴즈"' in html, f"{slug}: Korean heading anchor missing"


def test_no_math_cdn(built_site: Path):
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8").lower()
        assert "mathjax" not in text and "katex" not in text, page


def test_search_separator_splits_hangul_and_latin(built_site: Path):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    separator = index["config"]["separator"]
    # Python's re agrees with JavaScript on these constructs (lookahead, lookbehind, \uXXXX).
    tokens = [t for t in re.split(separator, "ReLU함수와 Leaky ReLU를 쓴 Conv1D는") if t]
    assert tokens == ["ReLU", "함수와", "Leaky", "ReLU", "를", "쓴", "Conv1D", "는"]


# ------------------------------------------------------------------------------------------
# Figures, quizzes and progress (grader/docs_site/*_hook.py)

QUIZ_BLOCK_RE = re.compile(
    r'<div class="learn-quiz" data-section="(?P<slug>[a-z0-9-]+)" data-count="(?P<count>\d+)"'
)
QUIZ_DATA_RE = re.compile(r'<script type="application/json" class="learn-quiz-data">(?P<json>.*?)</script>', re.S)


def test_generated_figures_are_in_the_build_and_linked(built_site: Path):
    linked: set[str] = set()
    for page in (built_site / "concepts").rglob("index.html"):
        linked.update(re.findall(r'<img [^>]*src="\.\./\.\./figures/([a-z0-9-]+\.svg)"', page.read_text(encoding="utf-8")))
    for figure in FIGURES:
        svg = built_site / "figures" / figure.name
        assert svg.is_file(), f"missing figures/{figure.name}"
        text = svg.read_text(encoding="utf-8")
        assert "<svg" in text and text.rstrip().endswith("</svg>")
        assert "http://" not in text.replace("http://www.w3.org/", "").replace("http://purl.org/", "").replace(
            "http://creativecommons.org/", ""
        ), f"{figure.name} refers to something online"
        assert figure.name in linked, f"figures/{figure.name} is not shown on any concept page"


def test_figures_are_not_written_into_the_docs_folder(built_site: Path):
    assert not (REPO / "site" / "figures").exists()


def test_every_concept_page_embeds_its_quiz(built_site: Path):
    bank = load_quiz_bank()
    for slug in catalog_slugs():
        html = (built_site / "concepts" / slug / "index.html").read_text(encoding="utf-8")
        blocks = QUIZ_BLOCK_RE.findall(html)
        expected = bank.for_section(slug)
        assert blocks == [(slug, str(len(expected)))], f"{slug}: quiz blocks {blocks}"
        assert html.count('<li class="learn-q" ') == len(expected), slug
        data = json.loads(QUIZ_DATA_RE.search(html).group("json"))
        assert data["section"] == slug
        assert [q["id"] for q in data["questions"]] == [q.id for q in expected]
        for question in data["questions"]:
            assert question["explanation"].strip()
            assert f'data-qid="{question["id"]}"' in html
        assert "assets/learn-quiz.js" in html


def test_quiz_options_are_kept_out_of_search(built_site: Path):
    index = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    bank = load_quiz_bank()
    question = bank.for_section("momentum")[0]
    wrong = next(o for o in question.options if not o.correct)
    assert wrong.feedback not in index
    assert "learn-quiz-data" not in index


def test_static_site_lists_exercises_without_progress(built_site: Path):
    html = (built_site / "concepts" / "vanishing-gradient" / "index.html").read_text(encoding="utf-8")
    assert 'data-exercise="16_activations"' in html
    assert "learn check 16_activations" in html
    assert STATIC_NOTE in html
    assert "data-status=" not in html
    progress = (built_site / "progress" / "index.html").read_text(encoding="utf-8")
    assert STATIC_NOTE in progress
    assert "<table>" not in progress
    assert "<!-- progress: summary -->" not in progress


def test_site_works_offline(built_site: Path):
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, page
        assert not re.search(r'<(?:script|link)[^>]+(?:src|href)="(?:https?:)?//', text), page


# ------------------------------------------------------------------------------------------
# Issue 16: typeset math font, stable anchors, one notation, further reading

MATH_FONT = "assets/fonts/latinmodern-math.woff2"


def test_math_font_ships_with_the_site_and_is_used(built_site: Path):
    font = built_site / MATH_FONT
    assert font.is_file() and font.read_bytes()[:4] == b"wOF2"
    assert (built_site / "assets" / "fonts" / "GUST-FONT-LICENSE.txt").is_file()
    css = (built_site / "stylesheets" / "extra.css").read_text(encoding="utf-8")
    assert 'url("../assets/fonts/latinmodern-math.woff2")' in css
    assert re.search(r'\.md-typeset math \{\s*(/\*.*?\*/\s*)?font-family: "Latin Modern Math"', css, re.S)
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, page


@pytest.mark.parametrize(
    "slug, anchor",
    [("metrics", "precision-recall"), ("backprop", "gradient-check"), ("convolution", "conv-output"),
     ("backprop", "delta-rule"), ("loss-functions", "maximum-likelihood"), ("loss-functions", "log-sum-exp")],
)
def test_stable_section_anchors(built_site: Path, slug: str, anchor: str):
    html = (built_site / "concepts" / slug / "index.html").read_text(encoding="utf-8")
    assert re.search(rf'<h2 id="{anchor}"', html), f"{slug}: no <h2 id={anchor}>"


def test_every_concept_page_has_further_reading(built_site: Path):
    for slug in catalog_slugs():
        html = (built_site / "concepts" / slug / "index.html").read_text(encoding="utf-8")
        section = html.split('id="더-읽을거리"', 1)
        assert len(section) == 2, f"{slug}: no 더 읽을거리 section"
        assert len(re.findall(r"<li>", section[1].split("</ul>", 1)[0])) >= 2, slug


def test_multi_letter_names_are_upright(built_site: Path):
    html = (built_site / "concepts" / "metrics" / "index.html").read_text(encoding="utf-8")
    assert "<mi>TP</mi>" in html and "<mi>FN</mi>" in html
    assert '<mi mathvariant="normal">T</mi>' not in html


def test_pages_state_the_exercise_conventions():
    home = (REPO / "site" / "index.md").read_text(encoding="utf-8")
    assert "{#conventions}" in home and "(입력 수, 출력 수)" in home and "0부터" in home and "p \\ge t" in home
    pages = {p.stem: p.read_text(encoding="utf-8") for p in (REPO / "site" / "concepts").glob("*.md")}
    for stem, text in pages.items():
        assert "과대적합" not in text and "카테고리칼" not in text, stem
        # The exercises' convention x·W with W of shape (in, out): no W x / W a^{(l-1)} products.
        assert not re.search(r"W(\^\{\(l\)\})?\s*(x|a\^\{\(l-1\)\})\b", text), stem
    assert "에포크 0" in pages["training-loop"]
