"""The built notes site in a real browser: math, figures, quizzes, Korean search, progress.

Debian's Chromium (``apt-get install -y chromium``, /usr/bin/chromium) driven by Playwright for
Python; Playwright's own browser download is never used. The site is built for a temporary
workspace whose progress store says `16_activations` passed, served from the build folder by
`http.server` on 127.0.0.1 (a free port, in a thread), and checked the way a learner sees it.
Screenshots go to tests/artifacts/browser-<name>.png (git-ignored).

Skipped only when /usr/bin/chromium is missing.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
from pathlib import Path
from typing import Iterator

import pytest

from grader.course.catalog import load_catalog
from grader.docs_site.preview import build_site
from grader.learner.progress import ProgressStore, exercise_record

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSED_EXERCISE = "16_activations"
ACTIVATION_PAGE = "concepts/vanishing-gradient/"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="/usr/bin/chromium이 없습니다: Debian에서 'apt-get install -y chromium'으로 설치하면 브라우저 테스트가 실행됩니다",
)


@pytest.fixture(scope="module")
def browser_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("workspace")
    (root / ".learn").mkdir()

    def passed(progress: dict) -> None:
        record = exercise_record(progress, PASSED_EXERCISE)
        record.update(status="passed", attempts=1, first_passed_at="2025-03-01T10:00:00+00:00")

    ProgressStore(root / ".learn" / "progress.json").update(passed)
    return root


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory, browser_workspace: Path) -> Iterator[str]:
    site = build_site(tmp_path_factory.mktemp("browser-site") / "site", browser_workspace)

    class QuietHandler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="docs-http", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ko-KR")  # type: ignore[attr-defined]
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.set_default_timeout(15_000)
    try:
        yield tab
        assert not errors, f"JavaScript errors on the page: {errors}"
    finally:
        context.close()


def screenshot(page: object, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"browser-{name}.png"
    page.screenshot(path=str(path), full_page=False)  # type: ignore[attr-defined]
    return path


def quiz_data(page: object, slug: str) -> dict:
    text = page.locator(f'.learn-quiz[data-section="{slug}"] script.learn-quiz-data').text_content()  # type: ignore[attr-defined]
    return json.loads(text)


# ------------------------------------------------------------------------------------------


def test_formulas_are_typeset_as_mathml(page, site_url: str):
    page.goto(site_url + ACTIVATION_PAGE)
    sizes = page.eval_on_selector_all(
        "article math",
        """nodes => nodes.map(m => {
            const box = m.getBoundingClientRect();
            return {w: box.width, h: box.height, display: getComputedStyle(m).display,
                    block: m.getAttribute('display') === 'block'};
        })""",
    )
    assert len(sizes) >= 10
    assert all(s["w"] > 0 and s["h"] > 0 for s in sizes), sizes
    # Chromium lays MathML out natively ('block math' / 'inline math'), no script involved.
    assert all("math" in s["display"] for s in sizes), {s["display"] for s in sizes}
    fraction = page.locator("article .math-display mfrac").first
    box = fraction.bounding_box()
    assert box and box["height"] > 20  # numerator above denominator, not one flat line


BOX_JS = "el => { const b = el.getBoundingClientRect(); return {x: b.x, y: b.y, w: b.width, h: b.height}; }"


def box(locator: object) -> dict:
    return locator.evaluate(BOX_JS)  # type: ignore[attr-defined]


def test_math_font_loads_and_sums_have_limits_above_and_below(page, site_url: str):
    page.goto(site_url + "concepts/loss-functions/")
    assert page.evaluate(
        """() => document.fonts.ready.then(() => document.fonts.check('20px "Latin Modern Math"'))"""
    ), "the shipped math font did not load"
    family = page.eval_on_selector("article .math-display math", "m => getComputedStyle(m).fontFamily")
    assert family.startswith('"Latin Modern Math"'), family
    # The BCE formula: -1/n Σ_{i=1}^{n} [...]
    sums = page.locator("article .math-display munderover")
    assert sums.count() >= 2
    sigma, below, above = (box(sums.first.locator(":scope > *").nth(i)) for i in range(3))
    letter = box(page.locator("article .math-display mi").first)
    # Limits above and below the operator, centred on it, not at its side.
    assert above["y"] + above["h"] <= sigma["y"] + 2, (above, sigma)
    assert below["y"] >= sigma["y"] + sigma["h"] - 2, (below, sigma)
    for limit in (above, below):
        centre = limit["x"] + limit["w"] / 2
        assert sigma["x"] <= centre <= sigma["x"] + sigma["w"], (limit, sigma)
    # A display-size operator: clearly taller than a letter.
    assert sigma["h"] > 1.4 * letter["h"], (sigma, letter)
    page.locator("article .math-display").nth(2).scroll_into_view_if_needed()
    screenshot(page, "math")


def test_inline_sum_keeps_limits_at_the_side_and_accents_fit(page, site_url: str):
    page.goto(site_url + "concepts/cost-function/")
    page.evaluate("() => document.fonts.ready")
    hat = page.locator('article mover[accent="true"]').first
    base, accent = box(hat.locator(":scope > *").nth(0)), box(hat.locator(":scope > *").nth(1))
    assert accent["w"] <= base["w"] * 1.3, (accent, base)  # a small hat, not a wide one
    assert accent["y"] + accent["h"] <= base["y"] + base["h"] * 0.6, (accent, base)  # above the letter
    centre = accent["x"] + accent["w"] / 2
    assert base["x"] - 2 <= centre <= base["x"] + base["w"] + 2


def test_piecewise_brace_stretches_over_its_cases(page, site_url: str):
    page.goto(site_url + ACTIVATION_PAGE)
    page.evaluate("() => document.fonts.ready")
    table = page.locator("article .math-display mtable").first
    brace = table.locator("xpath=preceding-sibling::*[1]")
    assert brace.evaluate("e => e.textContent") == "{"
    assert box(brace)["h"] >= 0.9 * box(table)["h"], (box(brace), box(table))


def test_generated_figure_is_shown(page, site_url: str):
    page.goto(site_url + ACTIVATION_PAGE)
    image = page.locator('article img[src$="figures/activations.svg"]')
    image.scroll_into_view_if_needed()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    natural = image.evaluate("img => [img.naturalWidth, img.naturalHeight]")
    assert natural[0] > 300 and natural[1] > 100
    assert image.bounding_box()["width"] > 300
    caption = page.locator("article figure figcaption").first.text_content()
    assert "16_activations" in caption
    screenshot(page, "figure")


def test_quiz_answer_feedback_survives_reload_and_instant_navigation(page, site_url: str):
    page.goto(site_url + ACTIVATION_PAGE)
    page.evaluate("() => localStorage.clear()")
    page.reload()
    data = quiz_data(page, "vanishing-gradient")
    question = next(q for q in data["questions"] if q["type"] == "single")
    wrong = next(i for i, o in enumerate(question["options"]) if not o["correct"] and o["feedback"])
    item = page.locator(f'li.learn-q[data-qid="{question["id"]}"]')
    assert page.locator('.learn-quiz[data-section="vanishing-gradient"]').get_attribute("data-ready") is not None

    item.locator(f'.learn-opt[data-index="{wrong}"]').click()
    result = item.locator(".learn-q-result")
    assert result.is_visible()
    assert "오답" in result.text_content()
    assert question["options"][wrong]["feedback"] in result.text_content()
    assert question["explanation"].strip() in result.text_content()
    assert item.get_attribute("data-state") == "wrong"
    item.scroll_into_view_if_needed()
    screenshot(page, "quiz")

    def answered_state() -> None:
        again = page.locator(f'li.learn-q[data-qid="{question["id"]}"]')
        assert again.get_attribute("data-state") == "wrong"
        assert "is-chosen" in again.locator(f'.learn-opt[data-index="{wrong}"]').get_attribute("class")
        assert question["options"][wrong]["feedback"] in again.locator(".learn-q-result").text_content()

    page.reload()
    answered_state()

    # Material's instant navigation swaps the page without a reload: the quiz must come back too.
    page.locator('nav.md-nav a[href$="weight-init/"]').first.click()
    page.wait_for_url("**/concepts/weight-init/")
    page.wait_for_selector('.learn-quiz[data-section="weight-init"][data-ready]')
    assert page.evaluate("() => typeof document$ !== 'undefined'")
    page.go_back()
    page.wait_for_url("**/" + ACTIVATION_PAGE)
    page.wait_for_selector('.learn-quiz[data-section="vanishing-gradient"][data-ready]')
    answered_state()


def test_numeric_quiz_grades_like_the_terminal(page, site_url: str):
    page.goto(site_url + "concepts/momentum/")
    page.evaluate("() => localStorage.clear()")
    page.reload()
    data = quiz_data(page, "momentum")
    question = next(q for q in data["questions"] if q["type"] == "numeric" and q["mistakes"])
    item = page.locator(f'li.learn-q[data-qid="{question["id"]}"]')
    field = item.locator("input.learn-num")
    # A decimal comma is refused with a hint, not graded.
    field.fill("0,5")
    item.locator(".learn-submit").click()
    assert "'.'로 쓰세요" in item.locator(".learn-q-result").text_content()
    assert item.get_attribute("data-state") is None
    # A typical wrong value gets its own feedback.
    mistake = question["mistakes"][0]
    field.fill(str(mistake["value"]))
    field.press("Enter")
    assert item.get_attribute("data-state") == "wrong"
    assert mistake["feedback"] in item.locator(".learn-q-result").text_content()
    # Try again with the right value.
    item.locator(".learn-retry").click()
    field.fill(str(question["answer"]))
    item.locator(".learn-submit").click()
    assert item.get_attribute("data-state") == "correct"
    assert "정답입니다" in item.locator(".learn-q-result").text_content()
    score = page.locator('.learn-quiz[data-section="momentum"] .learn-quiz-score').text_content()
    assert "1문항 정답" in score


def test_korean_search_finds_the_activation_page(page, site_url: str):
    page.goto(site_url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    search = page.locator("input.md-search__input")
    # The search index loads in a web worker; a query typed before it is ready is not run.
    page.wait_for_function(
        """() => { const meta = document.querySelector('.md-search-result__meta');
                   return meta && meta.textContent.trim() && !meta.textContent.includes('초기화'); }"""
    )
    search.fill("ReLU함수")
    search.press("End")  # Material runs the query on keyup
    results = page.locator(f'.md-search-result__list a[href*="{ACTIVATION_PAGE}"]')
    results.first.wait_for(state="attached")
    assert results.count() >= 1
    # Both halves of the query matched: "ReLU" (split off by the Hangul/Latin separator) is
    # highlighted in the activation page's sections, not only "함수".
    marks = page.eval_on_selector_all(
        f'.md-search-result__list a[href*="{ACTIVATION_PAGE}"] mark', "nodes => nodes.map(n => n.textContent)"
    )
    assert "ReLU" in marks, marks
    hrefs = page.eval_on_selector_all(f'.md-search-result__list a[href*="{ACTIVATION_PAGE}"]', "ns => ns.map(n => n.href)")
    assert any("h=relu+" in href for href in hrefs), hrefs
    screenshot(page, "search")


def test_page_shows_exercise_as_passed(page, site_url: str):
    page.goto(site_url + ACTIVATION_PAGE)
    entry = page.locator(f'li.learn-ex[data-exercise="{PASSED_EXERCISE}"]')
    assert entry.get_attribute("data-status") == "passed"
    assert entry.locator(".learn-status").text_content() == "통과"
    assert f"learn check {PASSED_EXERCISE}" in entry.text_content()
    entry.scroll_into_view_if_needed()
    screenshot(page, "progress-on-page")

    page.goto(site_url + "progress/")
    article = page.locator("article").text_content()
    assert f"{len(load_catalog().exercises)}개 중 1개 통과" in article
    bar = page.locator(".learn-bar-fill").first.bounding_box()
    assert bar and bar["width"] > 0
    screenshot(page, "progress")
