"""The momentum figure: a setting where momentum visibly helps (as in d2l.ai's momentum chapter)."""

from __future__ import annotations

from typing import Any

import numpy as np

from grader.docs_site.figure_style import BLUE, GREY, ORANGE, RED

__all__ = ["MOMENTUM_RUNS", "draw_momentum", "momentum_paths"]

# f(w) = 0.1 w1^2 + 2 w2^2, written as 1/2 * sum(curvature * w^2) for `minimize_quadratic`.
CURVATURE = np.array([0.2, 4.0])
START = np.array([-5.0, -2.0])
STEPS = 20
# (label, colour, learning rate, beta)
MOMENTUM_RUNS: tuple[tuple[str, str, float, float], ...] = (
    ("경사 하강법 η = 0.4", BLUE, 0.4, 0.0),
    ("경사 하강법 η = 0.6 (발산)", RED, 0.6, 0.0),
    ("모멘텀 η = 0.6, β = 0.5", ORANGE, 0.6, 0.5),
)


def momentum_paths(ref: Any) -> list[tuple[str, str, np.ndarray, np.ndarray]]:
    """(label, colour, path of shape (STEPS + 1, 2), loss per step) for each run."""
    out = []
    for label, colour, lr, beta in MOMENTUM_RUNS:
        path = ref.minimize_quadratic(CURVATURE, START, lr, beta, STEPS)
        out.append((label, colour, path, 0.5 * np.sum(CURVATURE * path**2, axis=1)))
    return out


def draw_momentum(ref: Any, plt: Any) -> None:
    """Paths on the contour plot (left) and loss per step (right, log scale)."""
    runs = momentum_paths(ref)
    fig, (left, right) = plt.subplots(1, 2, figsize=(11.5, 4.3), gridspec_kw={"width_ratios": [1.45, 1]})
    x = np.linspace(-5.5, 1.5, 281)
    y = np.linspace(-3.2, 3.2, 161)
    xx, yy = np.meshgrid(x, y)
    zz = 0.5 * (CURVATURE[0] * xx**2 + CURVATURE[1] * yy**2)
    left.contour(xx, yy, zz, levels=np.geomspace(0.05, 20, 9), colors=GREY, linewidths=0.6, alpha=0.7)
    markers = {BLUE: "o", RED: "x", ORANGE: "s"}
    for label, colour, path, _ in runs:
        inside = np.all(np.abs(path) < [6.0, 3.1], axis=1)
        shown = path[: int(np.argmin(inside)) + 1] if not inside.all() else path  # up to leaving the frame
        left.plot(shown[:, 0], shown[:, 1], marker=markers[colour], color=colour, markersize=4, linewidth=1.4,
                  label=label, linestyle="--" if colour == RED else "-")
    left.plot(*START, "k^", markersize=8, label="시작점")
    left.plot(0, 0, "k*", markersize=11, label="최솟값")
    left.set_xlim(-5.5, 1.5)
    left.set_ylim(-3.2, 3.2)
    left.set_xlabel("w₁ (완만한 방향)")
    left.set_ylabel("w₂ (가파른 방향)")
    left.set_title("f(w) = 0.1 w₁² + 2 w₂², 처음 20스텝")
    left.legend(loc="upper center", bbox_to_anchor=(0.5, -0.17), ncol=3, frameon=False)
    steps_axis = np.arange(STEPS + 1)
    for label, colour, _, loss in runs:
        right.semilogy(steps_axis, loss, color=colour, linewidth=2, label=label,
                       linestyle="--" if colour == RED else "-")
    right.set_ylim(1e-4, 1e3)
    right.set_xlabel("스텝")
    right.set_ylabel("손실 f(w) (로그 눈금)")
    right.set_title("스텝마다의 손실")
    right.grid(alpha=0.3, which="both")
