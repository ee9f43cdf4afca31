"""The notes' figures: drawn by the reference solutions, Korean, self-contained, readable, and
saying what their captions say."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from grader.docs_site import figures
from grader.docs_site.drawings import optim, reference, training
from grader.docs_site.figure_style import COLOUR_NAMES, LEGEND_SIZE, rc_params, register_korean_font

REPO = Path(__file__).resolve().parents[2]
HANGUL = re.compile(r"[\uac00-\ud7a3]")


class Recording:
    """Wraps a reference module and records which of its functions a figure calls."""

    def __init__(self, module: object) -> None:
        self._module = module
        self.calls: list[str] = []

    def __getattr__(self, name: str):
        target = getattr(self._module, name)
        if not callable(target):
            return target

        def call(*args, **kwargs):
            self.calls.append(name)
            return target(*args, **kwargs)

        return call


EXPECTED_CALLS = {
    "activations.svg": {"sigmoid", "relu", "leaky_relu", "sigmoid_derivative", "relu_derivative",
                        "leaky_relu_derivative"},
    "roc-auc.svg": {"roc_curve", "auc"},
    "precision-recall.svg": {"apply_threshold"},
    "threshold-confusion.svg": {"apply_threshold"},
    "early-stopping.svg": {"early_stopping"},
    "learning-curves.svg": {"regularized_mse"},
    "learning-rate.svg": {"gradient_step", "mse_loss"},
    "momentum.svg": {"minimize_quadratic"},
    "odds-logit.svg": {"odds", "logit", "sigmoid"},
    "dropout.svg": {"dropout_forward"},
    "batch-norm.svg": {"batchnorm_forward_train"},
    "conv1d-window.svg": {"conv1d"},
    "weight-init.svg": {"he_normal", "xavier_normal"},
}


@pytest.fixture(scope="module")
def svgs() -> dict[str, str]:
    return {path.removeprefix("figures/"): svg for path, svg in figures.render_figures().items()}


def test_at_least_twelve_figures_each_checked_here():
    names = [f.name for f in figures.FIGURES]
    assert len(names) >= 12 and len(set(names)) == len(names)
    assert set(names) == set(EXPECTED_CALLS)


@pytest.mark.parametrize("figure_name", sorted(EXPECTED_CALLS))
def test_figures_are_drawn_by_the_reference_solutions(figure_name: str):
    import matplotlib

    figure = next(f for f in figures.FIGURES if f.name == figure_name)
    recording = Recording(reference(figure.exercises[0]))
    plt = figures._pyplot()
    register_korean_font()
    with matplotlib.rc_context(rc_params()):
        figure.draw(recording, plt)
        plt.close("all")
    assert EXPECTED_CALLS[figure_name] <= set(recording.calls)


@pytest.mark.parametrize("figure_name", sorted(EXPECTED_CALLS))
def test_legends_and_labels_are_readable(figure_name: str):
    import matplotlib

    figure = next(f for f in figures.FIGURES if f.name == figure_name)
    with matplotlib.rc_context(rc_params()):
        fig = figures.draw_figure(figure)
        legends = [legend for ax in fig.axes if (legend := ax.get_legend())] + list(fig.legends)
        legend_sizes = [text.get_fontsize() for legend in legends for text in legend.get_texts()]
        other_sizes = [text.get_fontsize() for ax in fig.axes for text in ax.texts]
        figures._pyplot().close("all")
    assert all(size >= 10 for size in legend_sizes), legend_sizes
    assert LEGEND_SIZE >= 10
    assert all(size >= 9.5 for size in other_sizes), other_sizes


def test_every_svg_has_korean_glyphs_and_no_external_font(svgs: dict[str, str]):
    for name, svg in svgs.items():
        # Text is drawn as glyph paths; matplotlib keeps each string as an XML comment.
        comments = " ".join(re.findall(r"<!-- (.*?) -->", svg))
        assert HANGUL.search(comments), f"{name}: no Korean text"
        assert re.search(r'<path id="NanumGothic-[0-9a-f]+"', svg), f"{name}: no Korean glyphs embedded"
        assert re.search(r'xlink:href="#NanumGothic-[0-9a-f]+"', svg), f"{name}: Korean glyphs not used"
        assert "<text" not in svg, f"{name}: live text needs a font in the browser"
        assert "@font-face" not in svg and "font-family" not in svg, f"{name}: refers to a font"
        assert not re.search(r"url\((?!#)", svg), f"{name}: refers to an external resource"


def test_svgs_are_reproducible_and_cached(svgs: dict[str, str]):
    figures._CACHE.clear()
    again = {path.removeprefix("figures/"): svg for path, svg in figures.render_figures().items()}
    assert again == svgs  # byte-identical: no dates, stable ids


CAPTION_RE = re.compile(r'!\[[^\]]*\]\(\.\./figures/(?P<name>[a-z0-9-]+\.svg)\)\s*<figcaption[^>]*>(?P<caption>.*?)</figcaption>', re.S)


def captions() -> dict[str, str]:
    found: dict[str, str] = {}
    for page in (REPO / "site" / "concepts").glob("*.md"):
        for match in CAPTION_RE.finditer(page.read_text(encoding="utf-8")):
            found[match["name"]] = match["caption"]
    return found


def test_every_figure_has_a_caption_naming_its_exercise():
    found = captions()
    catalog_ids = {f.name: f.exercises for f in figures.FIGURES}
    assert set(found) == set(catalog_ids)
    for name, caption in found.items():
        assert re.search(r"`\d\d_[a-z_0-9]+`", caption), f"{name}: caption does not name the exercise"


def test_colours_named_in_captions_are_drawn(svgs: dict[str, str]):
    checked = 0
    for name, caption in captions().items():
        svg = svgs[name].lower()
        for word, colour in COLOUR_NAMES.items():
            if word in caption:
                checked += 1
                assert colour.lower() in svg, f"{name}: caption says {word} but {colour} is not drawn"
    assert checked >= 15


def test_roc_marks_thresholds_in_the_colours_the_caption_names(svgs: dict[str, str]):
    caption = captions()["roc-auc.svg"]
    assert "빨간 점" in caption and "0.5" in caption
    assert COLOUR_NAMES["빨간"].lower() in svgs["roc-auc.svg"].lower()


def test_momentum_figure_shows_momentum_helping():
    """What the caption states, checked on the runs the figure draws."""
    runs = {label: loss for label, _, _, loss in optim.momentum_paths(reference("19"))}
    gd, diverging, momentum = (runs[label] for label, *_ in optim.MOMENTUM_RUNS)
    assert [beta for *_, beta in optim.MOMENTUM_RUNS] == [0.0, 0.0, 0.5]
    assert np.all(momentum[6:] < gd[6:])  # lower from step 6 on
    assert momentum[10] < 1e-3 < gd[10]
    assert diverging[-1] > diverging[0] * 100  # eta = 0.6 without momentum diverges
    path_gd = reference("19").minimize_quadratic(optim.CURVATURE, optim.START, 0.4, 0.0, optim.STEPS)
    assert path_gd[-1, 0] == pytest.approx(-0.94, abs=0.01)  # "w1 ≈ −0.94 after 20 steps"
    assert np.all(np.abs(path_gd[8:, 1]) < 0.05)  # plain GD's zigzag has died out (|w2| < 0.05 of 2)


def test_learning_curves_show_under_good_and_overfitting():
    (_, _, under_train, under_val), (_, _, good_train, good_val), (_, _, over_train, over_val) = (
        training.learning_curve_runs(reference("14"))
    )
    noise = 0.25**2
    assert under_train[-1] > 2 * noise and under_val[-1] > 2 * noise  # both high
    assert good_val[-1] < under_val[-1] and good_val[-1] < over_val[-1]
    assert over_train[-1] < good_train[-1]  # the big model fits the training set best
    assert over_val[-1] > over_val.min() * 1.5  # and its validation loss turns up
