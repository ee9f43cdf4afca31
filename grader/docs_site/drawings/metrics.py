"""Figures of the metrics and threshold pages: ROC with thresholds, precision-recall, confusion matrices."""

from __future__ import annotations

from typing import Any

import numpy as np

from grader.docs_site.drawings import reference
from grader.docs_site.figure_style import BLACK, BLUE, GREEN, GREY, ORANGE, PURPLE, RED

__all__ = ["MARKED_THRESHOLDS", "draw_pr", "draw_roc", "draw_threshold", "two_class_scores"]

# The thresholds marked on the ROC and PR curves, with the colour and marker of each.
MARKED_THRESHOLDS: tuple[tuple[float, str, str], ...] = ((0.3, GREEN, "s"), (0.5, RED, "o"), (0.7, PURPLE, "^"))


def two_class_scores(n_pos: int = 60, n_neg: int = 90, seed: int = 7) -> tuple[np.ndarray, np.ndarray]:
    """Labels and classifier scores in (0, 1): positives score higher on average, with overlap."""
    rng = np.random.default_rng(seed)
    logits = np.concatenate([rng.normal(1.0, 1.2, n_pos), rng.normal(-1.0, 1.2, n_neg)])
    scores = np.round(1.0 / (1.0 + np.exp(-logits)), 2)
    labels = np.concatenate([np.ones(n_pos, dtype=np.int64), np.zeros(n_neg, dtype=np.int64)])
    return labels, scores


def _label_point(ax: Any, x: float, y: float, text: str, colour: str, dx: float, dy: float) -> None:
    """A threshold label away from the curve, on a white box, with an arrow to its point."""
    ax.annotate(text, xy=(x, y), xytext=(x + dx, y + dy), color=colour, fontsize=11,
                bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": colour, "lw": 0.8},
                arrowprops={"arrowstyle": "->", "color": colour, "lw": 1.0})


def draw_roc(ref: Any, plt: Any) -> None:
    """The ROC curve of a fixed data set, the area under it, the chance diagonal, three thresholds."""
    metrics = reference("02")
    rule = reference("03")
    labels, scores = two_class_scores()
    fpr, tpr, _ = ref.roc_curve(labels, scores)
    area = ref.auc(fpr, tpr)
    fig, ax = plt.subplots(figsize=(5.4, 5.2))
    ax.fill_between(fpr, tpr, color=BLUE, alpha=0.12, label=f"곡선 아래 넓이 AUC = {area:.3f}")
    ax.plot(fpr, tpr, color=BLUE, linewidth=2.2, label="ROC 곡선")
    ax.plot([0, 1], [0, 1], color=GREY, linestyle="--", linewidth=1.3, label="무작위 추측 (AUC = 0.5)")
    offsets = {0.3: (0.16, -0.2), 0.5: (0.2, -0.22), 0.7: (0.24, -0.2)}
    for t, colour, marker in MARKED_THRESHOLDS:
        predicted = rule.apply_threshold(scores, t)
        x = 1.0 - metrics.specificity(labels, predicted)
        y = metrics.sensitivity(labels, predicted)
        ax.plot(x, y, marker, color=colour, markersize=8, zorder=5)
        _label_point(ax, x, y, f"t = {t}", colour, *offsets[t])
    ax.set_xlim(-0.01, 1.01)
    ax.set_ylim(-0.01, 1.01)
    ax.set_aspect("equal")
    ax.set_xlabel("거짓 양성 비율 FPR = 1 − 특이도")
    ax.set_ylabel("참 양성 비율 TPR = 민감도")
    ax.set_title("ROC 곡선: 임계값을 내리면 오른쪽 위로")
    ax.grid(alpha=0.3)
    ax.legend(loc="lower right")


def _precision(metrics: Any, labels: np.ndarray, predicted: np.ndarray) -> float:
    (tp, _), (fp, _) = metrics.confusion_matrix(labels, predicted)
    return float(tp / (tp + fp)) if tp + fp else 1.0


def draw_pr(ref: Any, plt: Any) -> None:
    """Precision against recall over every threshold, with the base rate and three thresholds."""
    metrics = reference("02")
    labels, scores = two_class_scores()
    thresholds = np.unique(scores)[::-1]
    recall, precision = [], []
    for t in thresholds:
        predicted = ref.apply_threshold(scores, t)
        recall.append(metrics.sensitivity(labels, predicted))
        precision.append(_precision(metrics, labels, predicted))
    base_rate = float(labels.mean())
    fig, ax = plt.subplots(figsize=(5.4, 5.2))
    ax.step(recall, precision, where="post", color=BLUE, linewidth=2.2, label="정밀도-재현율 곡선")
    ax.axhline(base_rate, color=GREY, linestyle="--", linewidth=1.3,
               label=f"무작위 추측 (정밀도 = 양성 비율 {base_rate:.2f})")
    offsets = {0.3: (-0.3, -0.22), 0.5: (-0.3, -0.2), 0.7: (-0.32, -0.16)}
    for t, colour, marker in MARKED_THRESHOLDS:
        predicted = ref.apply_threshold(scores, t)
        x, y = metrics.sensitivity(labels, predicted), _precision(metrics, labels, predicted)
        ax.plot(x, y, marker, color=colour, markersize=8, zorder=5)
        _label_point(ax, x, y, f"t = {t}", colour, *offsets[t])
    ax.set_xlim(-0.01, 1.01)
    ax.set_ylim(0.0, 1.03)
    ax.set_aspect("equal")
    ax.set_xlabel("재현율 = TP / (TP + FN)")
    ax.set_ylabel("정밀도 = TP / (TP + FP)")
    ax.set_title("정밀도-재현율 곡선")
    ax.grid(alpha=0.3)
    ax.legend(loc="lower left")


def draw_threshold(ref: Any, plt: Any) -> None:
    """How the threshold moves samples between the four cells of the confusion matrix."""
    metrics = reference("02")
    labels, scores = two_class_scores()
    thresholds = (0.3, 0.5, 0.7)
    fig = plt.figure(figsize=(10.5, 6.2))
    grid = fig.add_gridspec(2, 3, height_ratios=[1.05, 1], hspace=0.6, wspace=0.45)

    top = fig.add_subplot(grid[0, :])
    bins = np.linspace(0, 1, 26)
    top.hist(scores[labels == 0], bins=bins, color=BLUE, alpha=0.55, label="실제 음성 (0)")
    top.hist(scores[labels == 1], bins=bins, color=ORANGE, alpha=0.55, label="실제 양성 (1)")
    grid_t = np.linspace(0.0, 1.0, 101)
    sens = [metrics.sensitivity(labels, ref.apply_threshold(scores, t)) for t in grid_t]
    spec = [metrics.specificity(labels, ref.apply_threshold(scores, t)) for t in grid_t]
    twin = top.twinx()
    twin.plot(grid_t, sens, color=RED, linewidth=2, label="민감도 (TPR)")
    twin.plot(grid_t, spec, color=GREEN, linewidth=2, linestyle="--", label="특이도 (TNR)")
    twin.set_ylim(0, 1.05)
    twin.set_ylabel("비율")
    twin.spines["right"].set_visible(True)
    for t in thresholds:
        top.axvline(t, color=BLACK, linestyle=":", linewidth=1)
        top.text(t + 0.005, top.get_ylim()[1] * 0.98, f"t = {t}", ha="left", va="top", fontsize=10)
    top.set_xlim(0, 1)
    top.set_xlabel("예측 확률 p (p ≥ t 이면 양성 1로 예측)")
    top.set_ylabel("샘플 수")
    handles = top.get_legend_handles_labels()
    twin_handles = twin.get_legend_handles_labels()
    top.legend(handles[0] + twin_handles[0], handles[1] + twin_handles[1], loc="lower center",
               bbox_to_anchor=(0.5, 1.0), ncol=4, frameon=False)

    for column, t in enumerate(thresholds):
        ax = fig.add_subplot(grid[1, column])
        predicted = ref.apply_threshold(scores, t)
        matrix = metrics.confusion_matrix(labels, predicted)  # [[TP, FN], [FP, TN]]
        ax.imshow(matrix, cmap="Blues", vmin=0, vmax=len(labels) * 0.7)
        names = [["TP", "FN"], ["FP", "TN"]]
        for i in range(2):
            for j in range(2):
                ax.text(j, i, f"{names[i][j]}\n{matrix[i, j]}", ha="center", va="center", fontsize=11,
                        color="white" if matrix[i, j] > len(labels) * 0.4 else "black")
        ax.set_xticks([0, 1], ["예측 1", "예측 0"])
        ax.set_yticks([0, 1], ["실제 1", "실제 0"])
        ax.set_title(f"t = {t}: 민감도 {metrics.sensitivity(labels, predicted):.2f}, "
                     f"특이도 {metrics.specificity(labels, predicted):.2f}", fontsize=10.5)
