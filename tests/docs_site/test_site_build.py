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

REPO = Path(__file__).resolve().parents[2]


def catalog_slugs() -> list[str]:
    with open(REPO / "grader" / "catalog.toml", "rb") as fh:
        return [section["slug"] for section in tomllib.load(fh)["sections"]]


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
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
