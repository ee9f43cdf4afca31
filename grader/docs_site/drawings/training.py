"""Figures of the training pages: early stopping, learning curves, the size of the learning rate."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.polynomial import legendre

from grader.docs_site.figure_style import BLUE, GREEN, GREY, ORANGE, RED

__all__ = ["draw_early_stopping", "draw_learning_curves", "draw_learning_rate", "learning_curve_runs", "loss_curves"]


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
    fig, ax = plt.subplots(figsize=(7.6, 4.2))
    ax.plot(epochs, train, color=BLUE, linewidth=2, label="훈련 손실")
    ax.plot(epochs, val, color=ORANGE, linewidth=2, label="검증 손실")
    ax.axvline(best_epoch, color=GREEN, linestyle="--", linewidth=1.6,
               label=f"최선의 에포크 {best_epoch} (이 가중치를 되살림)")
    ax.axvline(stop_epoch, color=RED, linestyle=":", linewidth=2.0,
               label=f"멈춘 에포크 {stop_epoch} (patience = {patience})")
    ax.plot(best_epoch, val[best_epoch], "o", color=GREEN, markersize=7)
    ax.axvspan(stop_epoch + 0.5, epochs[-1] + 0.5, color=GREY, alpha=0.15)
    ax.text(stop_epoch + 1.2, 0.78, "학습하지 않은\n에포크", color=GREY, va="top")
    ax.set_xlim(-0.5, epochs[-1] + 0.5)
    ax.set_xlabel("에포크 (0부터 셈)")
    ax.set_ylabel("손실")
    ax.set_title("검증 손실로 하는 조기 종료")
    ax.grid(alpha=0.3)
    ax.legend(loc="upper center", bbox_to_anchor=(0.47, 1.0))


# Learning curves ----------------------------------------------------------------------------

_CAPACITY = (  # (title, polynomial degree, L2 strength)
    ("과소적합: 1차식", 1, 0.0),
    ("적당함: 4차식 + 약한 L2", 4, 1e-3),
    ("과적합: 14차식, 샘플 14개", 14, 0.0),
)
_LOG_STEPS = np.unique(np.round(np.geomspace(1, 3000, 60)).astype(int))


def _curve_data(seed: int = 5) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)

    def sample(n: int) -> tuple[np.ndarray, np.ndarray]:
        x = np.sort(rng.uniform(-1.0, 1.0, n))
        return x, np.sin(2.5 * x) + rng.normal(0.0, 0.25, n)

    x_train, y_train = sample(14)
    x_val, y_val = sample(200)
    return x_train, y_train, x_val, y_val


def learning_curve_runs(ref: Any) -> list[tuple[str, np.ndarray, np.ndarray, np.ndarray]]:
    """(title, steps, training MSE, validation MSE) for three model sizes, trained by gradient
    descent with momentum on the regularized loss of the reference `regularized_mse` (14)."""
    x_train, y_train, x_val, y_val = _curve_data()
    runs = []
    for title, degree, l2 in _CAPACITY:
        features_train = legendre.legvander(x_train, degree)[:, 1:]  # Legendre: well-conditioned
        features_val = legendre.legvander(x_val, degree)[:, 1:]
        w, b = np.zeros(degree), 0.0
        v_w, v_b = np.zeros(degree), 0.0
        train, val = [], []
        for step in range(1, int(_LOG_STEPS[-1]) + 1):
            _, grad_w, grad_b = ref.regularized_mse(features_train, y_train, w, b, l2=l2)
            v_w, v_b = 0.9 * v_w - 0.02 * grad_w, 0.9 * v_b - 0.02 * grad_b
            w, b = w + v_w, b + v_b
            if step in _LOG_STEPS:
                train.append(ref.regularized_mse(features_train, y_train, w, b)[0])
                val.append(ref.regularized_mse(features_val, y_val, w, b)[0])
        runs.append((title, _LOG_STEPS, np.array(train), np.array(val)))
    return runs


def draw_learning_curves(ref: Any, plt: Any) -> None:
    """Training and validation loss per step for an underfitting, a good and an overfitting model."""
    runs = learning_curve_runs(ref)
    fig, axes = plt.subplots(1, 3, figsize=(11.5, 3.9), sharey=True)
    noise_floor = 0.25**2
    for ax, (title, steps, train, val) in zip(axes, runs):
        ax.semilogx(steps, train, color=BLUE, linewidth=2, label="훈련 손실")
        ax.semilogx(steps, val, color=ORANGE, linewidth=2, linestyle="--", label="검증 손실")
        ax.axhline(noise_floor, color=GREY, linewidth=1, linestyle=":", label="잡음 수준 (줄일 수 없는 오차)")
        ax.set_title(title)
        ax.set_xlabel("경사 하강 스텝 (로그 눈금)")
        ax.set_ylim(0.0, 0.45)
        ax.grid(alpha=0.3, which="both")
    axes[0].set_ylabel("평균 제곱 오차")
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", bbox_to_anchor=(0.5, -0.1), ncol=3, frameon=False)


# Learning rate ------------------------------------------------------------------------------

LEARNING_RATES = (("너무 작음", 0.05), ("적당함", 0.4), ("너무 큼", 1.05))


def _centered_data() -> tuple[np.ndarray, np.ndarray]:
    """x with mean 0 and mean square 1, y = 2x + 1: the loss in w does not depend on b."""
    x = np.linspace(-1.0, 1.0, 9)
    x = x / np.sqrt(np.mean(x**2))
    return x, 2.0 * x + 1.0


def draw_learning_rate(ref: Any, plt: Any) -> None:
    """Gradient descent (reference `gradient_step`, 05) on L(w) with three learning rates."""
    x, y = _centered_data()
    w_grid = np.linspace(-4.5, 8.5, 300)
    curve = np.array([ref.mse_loss(x, y, w, 1.0) for w in w_grid])
    fig, axes = plt.subplots(1, 3, figsize=(11.5, 3.8))
    for ax, (title, lr) in zip(axes, LEARNING_RATES):
        w, b = -1.0, 1.0  # b starts at its optimum (mean of y), so only w moves
        path = [w]
        for _ in range(8 if lr < 1.0 else 6):
            w, b = ref.gradient_step(x, y, w, b, lr)
            path.append(w)
        path_arr = np.array(path)
        losses = np.array([ref.mse_loss(x, y, p, 1.0) for p in path_arr])
        ax.plot(w_grid, curve, color=GREY, linewidth=1.5)
        ax.plot(path_arr, losses, "o-", color=RED if title == "너무 큼" else BLUE, markersize=5,
                linewidth=1.2, label="경사 하강법의 위치")
        ax.plot(2.0, 0.0, "*", color=GREEN, markersize=13, label="최솟값 w = 2")
        ax.set_title(f"{title}: η = {lr}")
        ax.set_xlabel("가중치 w")
        ax.set_xlim(-4.5, 8.5)
        ax.set_ylim(-1.0, max(12.0, float(losses.max()) * 1.1))
        ax.grid(alpha=0.3)
    axes[0].set_ylabel("손실 L(w)")
    axes[0].legend(loc="upper right")
