"""Figures of the concept notes, drawn from the reference solutions at build time.

Every curve is computed by the same `solutions/<id>.py` code the grader trusts, so a figure can
never disagree with what `learn check` accepts. The data fed to them is fixed (seeded), which
keeps the SVG output byte-for-byte reproducible.

Labels are Korean (NanumGothic, see `figure_style`), written into the SVG as glyph paths: no
browser needs a font to show them, and nothing in the file points outside it. The drawing
functions live in `grader.docs_site.drawings`, one module per group of pages.

`render_figures()` returns ``{"figures/<name>.svg": svg_text}``; `figures_hook.py` adds them to
the MkDocs build as generated files. Results are cached per process and keyed by the content of
the reference solutions, so `mkdocs serve` rebuilds do not redraw unchanged figures.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from typing import Any, Callable

from grader.docs_site.drawings import layers, metrics, optim, reference, training
from grader.docs_site.figure_style import rc_params, register_korean_font

__all__ = ["FIGURES", "Figure", "draw_figure", "render_figure", "render_figures"]

FIGURE_DIR = "figures"


@dataclass(frozen=True)
class Figure:
    name: str  # file name under figures/
    exercises: tuple[str, ...]  # the reference solutions it is drawn from; the first is passed to draw
    draw: Callable[[Any, Any], None]  # (reference module, matplotlib.pyplot) -> draws on a new figure


FIGURES: tuple[Figure, ...] = (
    Figure("activations.svg", ("16",), layers.draw_activations),
    Figure("roc-auc.svg", ("04", "03", "02"), metrics.draw_roc),
    Figure("precision-recall.svg", ("03", "02"), metrics.draw_pr),
    Figure("threshold-confusion.svg", ("03", "02"), metrics.draw_threshold),
    Figure("early-stopping.svg", ("12",), training.draw_early_stopping),
    Figure("learning-curves.svg", ("14",), training.draw_learning_curves),
    Figure("learning-rate.svg", ("05",), training.draw_learning_rate),
    Figure("momentum.svg", ("19",), optim.draw_momentum),
    Figure("odds-logit.svg", ("20",), layers.draw_logit),
    Figure("dropout.svg", ("15",), layers.draw_dropout),
    Figure("batch-norm.svg", ("18",), layers.draw_batch_norm),
    Figure("conv1d-window.svg", ("21",), layers.draw_conv1d),
    Figure("weight-init.svg", ("17",), layers.draw_weight_init),
)

_CACHE: dict[tuple[str, str], str] = {}


def _solution_digest(exercise_id: str) -> str:
    from grader.course.catalog import load_catalog
    from grader.course.content import solution_path

    path = solution_path(load_catalog().resolve(exercise_id).filename)
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("svg", force=True)
    import matplotlib.pyplot as plt

    return plt


def draw_figure(figure: Figure) -> Any:
    """Draw one figure and return the matplotlib Figure (the caller closes it).

    The style applies while drawing; callers that save the figure must do it inside
    ``matplotlib.rc_context(rc_params())`` too (`render_figure` does).
    """
    plt = _pyplot()
    register_korean_font()
    figure.draw(reference(figure.exercises[0]), plt)
    return plt.gcf()


def render_figure(figure: Figure, *, fmt: str = "svg") -> str | bytes:
    """Draw one figure; SVG text (or PNG bytes with ``fmt='png'``, for looking at it)."""
    plt = _pyplot()
    import matplotlib

    register_korean_font()
    with matplotlib.rc_context(rc_params()):
        fig = draw_figure(figure)
        buffer = io.BytesIO()
        metadata = {"Date": None, "Creator": None} if fmt == "svg" else {"Software": None}
        fig.savefig(buffer, format=fmt, bbox_inches="tight", metadata=metadata, dpi=110)
        plt.close("all")
    data = buffer.getvalue()
    return data.decode("utf-8") if fmt == "svg" else data


def render_figures() -> dict[str, str]:
    """``{"figures/<name>.svg": svg}`` for every figure, from the cache when the solution is unchanged."""
    out: dict[str, str] = {}
    for figure in FIGURES:
        key = (figure.name, ",".join(_solution_digest(e) for e in figure.exercises))
        if key not in _CACHE:
            _CACHE[key] = render_figure(figure)  # type: ignore[assignment]
        out[f"{FIGURE_DIR}/{figure.name}"] = _CACHE[key]
    return out
