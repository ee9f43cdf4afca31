"""Figures of the concept notes, drawn from the reference solutions at build time.

Every curve is computed by the same `solutions/<id>.py` code the grader trusts, so a figure can
never disagree with what `learn check` accepts. The data fed to them is fixed (seeded), which
keeps the SVG output byte-for-byte reproducible.

Labels inside the figures are ASCII and matplotlib math text (rendered as vector paths, so no
font is needed in the browser and no Korean font is needed at build time); the Korean captions
live in the Markdown of the concept pages.

`render_figures()` returns ``{"figures/<name>.svg": svg_text}``; `figures_hook.py` adds them to
the MkDocs build as generated files. Results are cached per process and keyed by the content of
the reference solutions, so `mkdocs serve` rebuilds do not redraw unchanged figures.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

__all__ = ["FIGURES", "Figure", "render_figure", "render_figures"]

FIGURE_DIR = "figures"

# Colours that stay distinct for common colour-vision deficiencies (Okabe-Ito).
BLUE = "#0072B2"
ORANGE = "#E69F00"
GREEN = "#009E73"
RED = "#D55E00"
PURPLE = "#CC79A7"
GREY = "#777777"


@dataclass(frozen=True)
class Figure:
    name: str  # file name under figures/
    exercises: tuple[str, ...]  # the reference solutions it is drawn from; the first is passed to draw
    draw: Callable[[Any, Any], None]  # (reference module, matplotlib.pyplot) -> draws on a new figure


def _reference(exercise_id: str) -> Any:
    from grader.course.catalog import load_catalog
    from grader.engine.runner import load_reference

    return load_reference(load_catalog().resolve(exercise_id))


def _solution_digest(exercise_id: str) -> str:
    from grader.course.catalog import load_catalog
    from grader.course.content import solution_path

    path = solution_path(load_catalog().resolve(exercise_id).filename)
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --------------------------------------------------------------------------------------------
# The figures


def draw_activations(ref: Any, plt: Any) -> None:
    """Sigmoid, ReLU and Leaky ReLU (left) and their derivatives (right)."""
    alpha = 0.1  # larger than the default 0.01 so the negative slope is visible
    z = np.linspace(-5.0, 5.0, 1001)
    fig, (left, right) = plt.subplots(1, 2, figsize=(9.0, 3.6))
    curves = [
        ("sigmoid $\\sigma(z)$", ref.sigmoid(z), ref.sigmoid_derivative(z), BLUE, "-"),
        ("ReLU", ref.relu(z), ref.relu_derivative(z), ORANGE, "--"),
        (f"Leaky ReLU ($\\alpha={alpha}$)", ref.leaky_relu(z, alpha), ref.leaky_relu_derivative(z, alpha), GREEN, ":"),
    ]
    for label, value, _, colour, style in curves:
        left.plot(z, value, color=colour, linestyle=style, linewidth=2.2, label=label)
    left.set_ylim(-1.0, 3.0)
    left.set_title("activation $f(z)$")
    for label, _, slope, colour, style in curves:
        # Derivatives jump at z = 0: draw each side separately so no vertical line joins them.
        for side in (z < 0, z > 0):
            right.plot(z[side], slope[side], color=colour, linestyle=style, linewidth=2.2,
                       label=label if side[0] else None)
    right.axhline(0.25, color=GREY, linewidth=0.8, linestyle="-.")
    right.annotate("max $\\sigma'(z) = 0.25$", xy=(0.0, 0.25), xytext=(1.2, 0.42),
                   arrowprops={"arrowstyle": "->", "color": GREY}, color=GREY)
    right.set_ylim(-0.1, 1.15)
    right.set_title("derivative $f'(z)$")
    for ax in (left, right):
        ax.set_xlabel("$z$")
        ax.axhline(0, color="black", linewidth=0.6)
        ax.axvline(0, color="black", linewidth=0.6)
        ax.grid(alpha=0.3)
    left.legend(loc="upper left")


def _two_class_scores(n_pos: int = 60, n_neg: int = 90, seed: int = 7) -> tuple[np.ndarray, np.ndarray]:
    """Labels and classifier scores in (0, 1): positives score higher on average, with overlap."""
    rng = np.random.default_rng(seed)
    logits = np.concatenate([rng.normal(1.0, 1.2, n_pos), rng.normal(-1.0, 1.2, n_neg)])
    scores = np.round(1.0 / (1.0 + np.exp(-logits)), 2)
    labels = np.concatenate([np.ones(n_pos, dtype=np.int64), np.zeros(n_neg, dtype=np.int64)])
    return labels, scores


def draw_roc(ref: Any, plt: Any) -> None:
    """The ROC curve of a fixed data set, the area under it, and the chance diagonal."""
    labels, scores = _two_class_scores()
    fpr, tpr, thresholds = ref.roc_curve(labels, scores)
    area = ref.auc(fpr, tpr)
    fig, ax = plt.subplots(figsize=(4.8, 4.6))
    ax.fill_between(fpr, tpr, color=BLUE, alpha=0.15, step=None, label=f"AUC = {area:.3f}")
    ax.plot(fpr, tpr, color=BLUE, linewidth=2.2, label="ROC curve")
    ax.plot([0, 1], [0, 1], color=GREY, linestyle="--", linewidth=1.2, label="random (AUC = 0.5)")
    # Mark the point of the usual threshold 0.5.
    index = int(np.argmin(np.abs(thresholds - 0.5)))
    ax.plot(fpr[index], tpr[index], "o", color=RED, markersize=7)
    ax.annotate(f"$t = {thresholds[index]:.2f}$", xy=(fpr[index], tpr[index]),
                xytext=(fpr[index] + 0.12, tpr[index] - 0.12), color=RED,
                arrowprops={"arrowstyle": "->", "color": RED})
    ax.set_xlim(-0.01, 1.01)
    ax.set_ylim(-0.01, 1.01)
    ax.set_aspect("equal")
    ax.set_xlabel("FPR = 1 - specificity")
    ax.set_ylabel("TPR = sensitivity")
    ax.set_title(f"ROC curve, AUC = {area:.3f}")
    ax.grid(alpha=0.3)
    ax.legend(loc="lower right")


def loss_curves(epochs: int = 40, seed: int = 3) -> tuple[np.ndarray, np.ndarray]:
    """A typical training run: training loss keeps falling, validation loss turns up (overfitting)."""
    rng = np.random.default_rng(seed)
    e = np.arange(epochs, dtype=np.float64)
    train = 0.15 + 0.95 * np.exp(-e / 7.0) + rng.normal(0.0, 0.008, epochs)
    val = 0.33 + 0.85 * np.exp(-e / 6.0) + 0.00022 * (e - 5.0).clip(0) ** 2 + rng.normal(0.0, 0.012, epochs)
    return np.round(train, 4), np.round(val, 4)


def draw_early_stopping(ref: Any, plt: Any) -> None:
    """Training/validation loss with the best epoch and the epoch where patience ran out."""
    patience = 5
    train, val = loss_curves()
    stop_epoch, best_epoch = ref.early_stopping(val, patience)
    epochs = np.arange(len(val))
    fig, ax = plt.subplots(figsize=(7.2, 3.8))
    ax.plot(epochs, train, color=BLUE, linewidth=2, label="training loss")
    ax.plot(epochs, val, color=ORANGE, linewidth=2, label="validation loss")
    ax.plot(epochs[stop_epoch + 1:], val[stop_epoch + 1:], color="white", linewidth=4, alpha=0.6)
    ax.axvline(best_epoch, color=GREEN, linestyle="--", linewidth=1.5,
               label=f"best epoch = {best_epoch} (weights restored)")
    ax.axvline(stop_epoch, color=RED, linestyle=":", linewidth=1.8,
               label=f"stop epoch = {stop_epoch} (patience = {patience})")
    ax.plot(best_epoch, val[best_epoch], "o", color=GREEN, markersize=7)
    ax.axvspan(stop_epoch, epochs[-1] + 0.5, color=GREY, alpha=0.12)
    ax.text(stop_epoch + 0.6, 0.72, "not trained\n(stopped)", color=GREY, va="top")
    ax.set_xlim(-0.5, epochs[-1] + 0.5)
    ax.set_xlabel("epoch (0-based)")
    ax.set_ylabel("loss")
    ax.set_title("early stopping on the validation loss")
    ax.grid(alpha=0.3)
    ax.legend(loc="upper center", bbox_to_anchor=(0.45, 1.0))


def draw_momentum(ref: Any, plt: Any) -> None:
    """Plain gradient descent (beta 0) and momentum (beta 0.9) on an elongated bowl."""
    curvature = np.array([0.2, 20.0])  # an elongated bowl: 100 times steeper along w_2
    w0 = np.array([-4.5, 1.0])
    lr, steps = 0.09, 100
    plain = ref.minimize_quadratic(curvature, w0, lr, 0.0, steps)
    momentum = ref.minimize_quadratic(curvature, w0, lr, 0.9, steps)

    def loss(path: np.ndarray) -> np.ndarray:
        return 0.5 * np.sum(curvature * path**2, axis=1)

    fig, (left, right) = plt.subplots(1, 2, figsize=(10.0, 3.9), gridspec_kw={"width_ratios": [1.5, 1]})
    x = np.linspace(-5.0, 2.0, 281)
    y = np.linspace(-1.3, 1.3, 131)
    xx, yy = np.meshgrid(x, y)
    zz = 0.5 * (curvature[0] * xx**2 + curvature[1] * yy**2)
    left.contour(xx, yy, zz, levels=np.geomspace(0.02, 20, 10), colors=GREY, linewidths=0.6, alpha=0.7)
    shown = 40  # the first steps are where the two differ most
    left.plot(plain[:shown, 0], plain[:shown, 1], "o-", color=BLUE, markersize=2.5, linewidth=1.2,
              label="gradient descent ($\\beta = 0$)")
    left.plot(momentum[:shown, 0], momentum[:shown, 1], "s-", color=ORANGE, markersize=2.5, linewidth=1.4,
              label="momentum ($\\beta = 0.9$)")
    left.plot(*w0, "k^", markersize=8, label="start")
    left.plot(0, 0, "k*", markersize=11, label="minimum")
    left.text(1.95, -1.25, f"first {shown} steps", ha="right", va="bottom", color=GREY, fontsize=8)
    left.set_xlabel("$w_1$")
    left.set_ylabel("$w_2$")
    left.set_title(f"$L(w) = \\frac{{1}}{{2}}({curvature[0]:g}\\,w_1^2 + {curvature[1]:g}\\,w_2^2)$, "
                   f"$\\eta = {lr}$")
    left.set_aspect("equal")
    left.legend(loc="upper center", bbox_to_anchor=(0.5, -0.3), ncol=2, fontsize=8, frameon=False)
    steps_axis = np.arange(steps + 1)
    right.semilogy(steps_axis, loss(plain), color=BLUE, linewidth=2, label="$\\beta = 0$")
    right.semilogy(steps_axis, loss(momentum), color=ORANGE, linewidth=2, label="$\\beta = 0.9$")
    right.set_xlabel("step")
    right.set_ylabel("loss $L(w)$ (log scale)")
    right.set_title("loss per step")
    right.grid(alpha=0.3, which="both")
    right.legend(loc="lower left")


def draw_threshold(ref: Any, plt: Any) -> None:
    """How the threshold moves samples between the four cells of the confusion matrix."""
    metrics = _reference("02")
    labels, scores = _two_class_scores()
    thresholds = (0.3, 0.5, 0.7)
    fig = plt.figure(figsize=(10.0, 5.6))
    grid = fig.add_gridspec(2, 3, height_ratios=[1.05, 1], hspace=0.55, wspace=0.35)

    top = fig.add_subplot(grid[0, :])
    bins = np.linspace(0, 1, 26)
    top.hist(scores[labels == 0], bins=bins, color=BLUE, alpha=0.55, label="actual negative (0)")
    top.hist(scores[labels == 1], bins=bins, color=ORANGE, alpha=0.55, label="actual positive (1)")
    grid_t = np.linspace(0.0, 1.0, 101)
    sens = [metrics.sensitivity(labels, ref.apply_threshold(scores, t)) for t in grid_t]
    spec = [metrics.specificity(labels, ref.apply_threshold(scores, t)) for t in grid_t]
    twin = top.twinx()
    twin.plot(grid_t, sens, color=RED, linewidth=2, label="sensitivity (TPR)")
    twin.plot(grid_t, spec, color=GREEN, linewidth=2, linestyle="--", label="specificity (TNR)")
    twin.set_ylim(0, 1.05)
    twin.set_ylabel("rate")
    twin.spines["right"].set_visible(True)
    for t in thresholds:
        top.axvline(t, color="black", linestyle=":", linewidth=1)
        top.text(t + 0.005, top.get_ylim()[1] * 0.98, f"$t={t}$", ha="left", va="top", fontsize=9)
    top.set_xlim(0, 1)
    top.set_xlabel("predicted probability $p$ (predict 1 when $p \\geq t$)")
    top.set_ylabel("samples")
    handles = top.get_legend_handles_labels()
    twin_handles = twin.get_legend_handles_labels()
    top.legend(handles[0] + twin_handles[0], handles[1] + twin_handles[1], loc="lower center",
               bbox_to_anchor=(0.5, 1.0), fontsize=8, ncol=4, frameon=False)

    for column, t in enumerate(thresholds):
        ax = fig.add_subplot(grid[1, column])
        matrix = metrics.confusion_matrix(labels, ref.apply_threshold(scores, t))  # [[TP, FN], [FP, TN]]
        ax.imshow(matrix, cmap="Blues", vmin=0, vmax=len(labels) * 0.7)
        names = [["TP", "FN"], ["FP", "TN"]]
        for i in range(2):
            for j in range(2):
                ax.text(j, i, f"{names[i][j]}\n{matrix[i, j]}", ha="center", va="center", fontsize=11,
                        color="white" if matrix[i, j] > len(labels) * 0.4 else "black")
        ax.set_xticks([0, 1], ["pred 1", "pred 0"])
        ax.set_yticks([0, 1], ["actual 1", "actual 0"])
        sensitivity = metrics.sensitivity(labels, ref.apply_threshold(scores, t))
        specificity = metrics.specificity(labels, ref.apply_threshold(scores, t))
        ax.set_title(f"$t = {t}$: TPR {sensitivity:.2f}, TNR {specificity:.2f}", fontsize=10)


FIGURES: tuple[Figure, ...] = (
    Figure("activations.svg", ("16",), draw_activations),
    Figure("roc-auc.svg", ("04",), draw_roc),
    Figure("early-stopping.svg", ("12",), draw_early_stopping),
    Figure("momentum.svg", ("19",), draw_momentum),
    Figure("threshold-confusion.svg", ("03", "02"), draw_threshold),
)

_CACHE: dict[tuple[str, str], str] = {}


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("svg", force=True)
    import matplotlib.pyplot as plt

    return plt


_STYLE = {
    "svg.fonttype": "path",  # glyphs as paths: the browser needs no font
    "svg.hashsalt": "learn-docs",  # stable element ids: reproducible files
    "font.family": "DejaVu Sans",  # ships with matplotlib: same output on every machine
    "font.size": 10,
    "figure.facecolor": "white",  # readable on Material's dark (slate) theme too
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def render_figure(figure: Figure, *, fmt: str = "svg") -> str | bytes:
    """Draw one figure; SVG text (or PNG bytes with ``fmt='png'``, for looking at it)."""
    plt = _pyplot()
    import matplotlib

    with matplotlib.rc_context(_STYLE):
        figure.draw(_reference(figure.exercises[0]), plt)
        fig = plt.gcf()
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
