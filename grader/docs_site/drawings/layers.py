"""Figures of the layer pages: activations, sigmoid/odds/logit, dropout, batch norm, Conv1D, init."""

from __future__ import annotations

from typing import Any

import numpy as np

from grader.docs_site.figure_style import BLACK, BLUE, GREEN, GREY, ORANGE, PURPLE, RED

__all__ = [
    "draw_activations", "draw_batch_norm", "draw_conv1d", "draw_dropout", "draw_logit", "draw_weight_init",
    "init_activations",
]


def draw_activations(ref: Any, plt: Any) -> None:
    """Sigmoid, ReLU and Leaky ReLU (left) and their derivatives (right)."""
    alpha = 0.1  # larger than the default 0.01 so the negative slope is visible
    z = np.linspace(-5.0, 5.0, 1001)
    fig, (left, right) = plt.subplots(1, 2, figsize=(10.0, 4.0))
    curves = [
        ("시그모이드 σ(z)", ref.sigmoid(z), ref.sigmoid_derivative(z), BLUE, "-"),
        ("ReLU", ref.relu(z), ref.relu_derivative(z), ORANGE, "--"),
        (f"Leaky ReLU (α = {alpha})", ref.leaky_relu(z, alpha), ref.leaky_relu_derivative(z, alpha), GREEN, ":"),
    ]
    for label, value, _, colour, style in curves:
        left.plot(z, value, color=colour, linestyle=style, linewidth=2.2, label=label)
    left.set_ylim(-1.0, 3.0)
    left.set_title("활성화 함수 f(z)")
    for label, _, slope, colour, style in curves:
        # Derivatives jump at z = 0: draw each side separately so no vertical line joins them.
        for side in (z < 0, z > 0):
            right.plot(z[side], slope[side], color=colour, linestyle=style, linewidth=2.2,
                       label=label if side[0] else None)
    right.axhline(0.25, color=GREY, linewidth=0.8, linestyle="-.")
    right.annotate("σ′(z)의 최댓값 0.25", xy=(0.0, 0.25), xytext=(1.0, 0.45),
                   arrowprops={"arrowstyle": "->", "color": GREY}, color=GREY)
    right.set_ylim(-0.1, 1.15)
    right.set_title("도함수 f′(z)")
    for ax in (left, right):
        ax.set_xlabel("z")
        ax.axhline(0, color=BLACK, linewidth=0.6)
        ax.axvline(0, color=BLACK, linewidth=0.6)
        ax.grid(alpha=0.3)
    left.legend(loc="upper left")


def draw_logit(ref: Any, plt: Any) -> None:
    """Odds p/(1-p), the logit log-odds, and the sigmoid that undoes the logit."""
    p = np.linspace(0.005, 0.995, 397)
    z = np.linspace(-6.0, 6.0, 401)
    fig, (a, b, c) = plt.subplots(1, 3, figsize=(11.5, 3.7))
    a.plot(p, ref.odds(p), color=BLUE, linewidth=2.2)
    a.plot(0.8, ref.odds(np.array(0.8)), "o", color=RED, markersize=7)
    a.annotate("p = 0.8 → 오즈 4", xy=(0.8, 4.0), xytext=(0.2, 6.2), color=RED,
               arrowprops={"arrowstyle": "->", "color": RED})
    a.axhline(1.0, color=GREY, linestyle=":", linewidth=1)
    a.set_ylim(0, 10)
    a.set_title("오즈 p / (1 − p): 0에서 ∞")
    a.set_xlabel("확률 p")
    b.plot(p, ref.logit(p), color=PURPLE, linewidth=2.2)
    b.plot(0.5, 0.0, "o", color=RED, markersize=7)
    b.annotate("p = 0.5 → 로짓 0", xy=(0.5, 0.0), xytext=(0.55, -3.5), color=RED,
               arrowprops={"arrowstyle": "->", "color": RED})
    b.set_title("로짓 log(p / (1 − p)): −∞에서 ∞")
    b.set_xlabel("확률 p")
    c.plot(z, ref.sigmoid(z), color=GREEN, linewidth=2.2)
    c.axhline(0.5, color=GREY, linestyle=":", linewidth=1)
    c.set_title("시그모이드 σ(z): 로짓의 역함수")
    c.set_xlabel("로짓 z")
    c.set_ylabel("확률 p")
    for ax in (a, b, c):
        ax.grid(alpha=0.3)


def draw_dropout(ref: Any, plt: Any) -> None:
    """One dropout mask (rate 0.5) on a layer's outputs, the kept values scaled by 1/(1 - rate)."""
    rate = 0.5
    rng = np.random.default_rng(11)
    x = np.round(rng.uniform(0.2, 1.0, size=(6, 10)), 2)
    out, mask = ref.dropout_forward(x, rate, np.random.default_rng(2025))
    fig, axes = plt.subplots(1, 4, figsize=(12.5, 3.3), gridspec_kw={"width_ratios": [1, 1, 1, 1.1]})
    panels = (
        (x, "입력 x (한 배치의 출력)", "Blues"),
        (mask.astype(float), f"마스크 (흰 칸을 남김, 확률 {1 - rate:g})", "Greys_r"),
        (out, f"출력 = x · 마스크 / (1 − {rate:g})", "Blues"),
    )
    for ax, (values, title, cmap) in zip(axes, panels):
        ax.imshow(values, cmap=cmap, vmin=0.0, vmax=2.0 if cmap == "Blues" else 1.0)
        ax.set_title(title, fontsize=11)
        ax.set_xticks([])
        ax.set_yticks([])
    many = [ref.dropout_forward(x, rate, np.random.default_rng(seed))[0].mean() for seed in range(400)]
    unscaled = [value * (1 - rate) for value in many]
    bars = axes[3].bar(["입력", "역\n드롭아웃", "나누지\n않음"],
                       [x.mean(), float(np.mean(many)), float(np.mean(unscaled))],
                       color=[BLUE, GREEN, RED])
    for bar in bars:
        axes[3].text(bar.get_x() + bar.get_width() / 2, bar.get_height() + 0.01, f"{bar.get_height():.2f}",
                     ha="center", va="bottom", fontsize=10.5)
    axes[3].set_ylim(0, 0.8)
    axes[3].set_title("평균 출력 (마스크 400개)", fontsize=11)
    axes[3].tick_params(axis="x", labelsize=10)


def draw_batch_norm(ref: Any, plt: Any) -> None:
    """Two features on very different scales, before and after batch normalization."""
    rng = np.random.default_rng(4)
    x = np.column_stack([rng.normal(5.0, 2.0, 256), rng.normal(-3.0, 0.5, 256)])
    out, mean, var = ref.batchnorm_forward_train(x, np.ones(2), np.zeros(2))
    scaled, _, _ = ref.batchnorm_forward_train(x, np.array([2.0, 2.0]), np.array([1.0, 1.0]))
    fig, axes = plt.subplots(1, 3, figsize=(11.5, 3.6))
    bins = np.linspace(-8, 12, 61)
    names = ("특성 1", "특성 2")
    for ax, values, title in zip(
        axes, (x, out, scaled), ("정규화 전", "정규화 후 (γ = 1, β = 0)", "γ = 2, β = 1로 다시 조정")
    ):
        for column, (name, colour) in enumerate(zip(names, (BLUE, ORANGE))):
            ax.hist(values[:, column], bins=bins, color=colour, alpha=0.55,
                    label=f"{name}: 평균 {values[:, column].mean():.1f}, 표준편차 {values[:, column].std():.1f}")
        ax.set_title(title)
        ax.set_xlabel("값")
        ax.legend(loc="upper left", fontsize=10)
        ax.set_ylim(0, 95)
        ax.grid(alpha=0.3)
    axes[0].set_ylabel("샘플 수 (배치 256)")


def draw_conv1d(ref: Any, plt: Any) -> None:
    """A kernel of size 3 sliding over a sequence of 8 steps: 'valid' output of length 6."""
    from matplotlib.patches import FancyArrowPatch, Rectangle

    x = np.array([1.0, 2.0, 4.0, 7.0, 6.0, 3.0, 1.0, 0.0])
    kernel = np.array([1.0, 0.0, -1.0])
    out = ref.conv1d(x.reshape(1, -1, 1), kernel.reshape(3, 1, 1), np.zeros(1))[0, :, 0]
    position = 2  # the window shown
    fig, ax = plt.subplots(figsize=(9.5, 3.9))

    def cells(values: np.ndarray, y: float, x0: float, highlight: range, colour: str, label: str) -> None:
        for i, value in enumerate(values):
            chosen = i in highlight
            ax.add_patch(Rectangle((x0 + i, y), 0.92, 0.8, facecolor=colour if chosen else "white",
                                   alpha=0.35 if chosen else 1.0, edgecolor=BLACK, linewidth=1.0))
            ax.text(x0 + i + 0.46, y + 0.4, f"{value:g}".replace("-", "−"), ha="center", va="center", fontsize=12)
        ax.text(x0 - 0.25, y + 0.4, label, ha="right", va="center", fontsize=11)

    cells(x, 3.0, 0.0, range(position, position + 3), BLUE, "입력 x")
    cells(kernel, 1.6, position, range(0, 3), ORANGE, "커널 w")
    cells(out, 0.0, 1.0, range(position, position + 1), GREEN, "출력 y")
    def number(value: float) -> str:
        return f"{value:g}".replace("-", "−")

    terms = " + ".join(f"({number(w)})·{number(v)}" if w < 0 else f"{number(w)}·{number(v)}"
                       for w, v in zip(kernel, x[position:position + 3]))
    ax.text(8.6, 1.95, f"y[{position}] = {terms}\n      = {number(out[position])}", fontsize=11, va="center")
    ax.add_patch(FancyArrowPatch((position + 1.46, 1.55), (position + 1.46, 0.85), arrowstyle="->",
                                 mutation_scale=15, color=GREEN, linewidth=1.5))
    ax.add_patch(FancyArrowPatch((position + 1.46, 2.95), (position + 1.46, 2.45), arrowstyle="->",
                                 mutation_scale=15, color=BLUE, linewidth=1.5))
    ax.text(4.0, -0.55, f"'valid': 길이 8 − 3 + 1 = {len(out)}, 창을 한 칸씩 오른쪽으로 (stride 1)",
            ha="center", fontsize=11, color=GREY)
    ax.set_xlim(-1.6, 12.6)
    ax.set_ylim(-0.9, 4.0)
    ax.set_aspect("equal")
    ax.axis("off")


def init_activations(ref: Any, layers: int = 10, width: int = 256, seed: int = 0) -> dict[str, list[np.ndarray]]:
    """ReLU activations of each layer of a deep network for three initializations (17's He, Xavier)."""
    rng = np.random.default_rng(seed)
    x = rng.normal(0.0, 1.0, size=(512, width))
    inits = {
        "작은 정규분포 N(0, 0.01²)": lambda fan_in, fan_out, r: r.normal(0.0, 0.01, size=(fan_in, fan_out)),
        "Xavier 정규분포": ref.xavier_normal,
        "He 정규분포": ref.he_normal,
    }
    out: dict[str, list[np.ndarray]] = {}
    for name, init in inits.items():
        r = np.random.default_rng(seed + 1)
        a, per_layer = x, []
        for _ in range(layers):
            a = np.maximum(a @ init(width, width, r), 0.0)  # x·W with W of shape (in, out)
            per_layer.append(a)
        out[name] = per_layer
    return out


def draw_weight_init(ref: Any, plt: Any) -> None:
    """Histograms of the ReLU activations at layers 1, 4, 7 and 10 for three initializations."""
    runs = init_activations(ref)
    shown = (0, 3, 6, 9)
    colours = (GREY, PURPLE, GREEN)
    fig, axes = plt.subplots(3, 4, figsize=(12.0, 7.0))
    for row, ((name, per_layer), colour) in enumerate(zip(runs.items(), colours)):
        for column, layer in enumerate(shown):
            ax = axes[row, column]
            values = per_layer[layer].ravel()
            positive = values[values > 0]
            ax.hist(positive, bins=40, color=colour, alpha=0.8)
            ax.set_yticks([])
            ax.text(0.97, 0.93, f"표준편차 {values.std():.2g}", transform=ax.transAxes, ha="right", va="top",
                    fontsize=10)
            ax.ticklabel_format(axis="x", style="sci", scilimits=(-2, 3))
            if row == 0:
                ax.set_title(f"{layer + 1}번째 층", fontsize=12)
            if column == 0:
                ax.set_ylabel(name, fontsize=11)
    fig.suptitle("층마다의 ReLU 출력 분포 (0이 아닌 값, 너비 256, 10층)", fontsize=12.5)
    fig.tight_layout()
