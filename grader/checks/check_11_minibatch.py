"""Check for 11_minibatch: mini-batch index lists (one rng.permutation(n) per epoch, cut into
batch_size pieces, the last smaller batch kept), over several epochs, and one epoch of
mini-batch gradient descent for H(x) = w·x + b.

Tolerances: indices are integers and compared exactly; (w, b) after an epoch relative 1e-9,
absolute 1e-12 (at most a few dozen updates of a few float64 operations each).
Three kinds of test. Exact: with the same seeded rng the batches equal the reference's.
Properties, independent of how the shuffle was drawn: within every epoch the batches together
hold 0 … n − 1 exactly once, all batches but the last have batch_size indices, the number of
batches is ⌈n / batch_size⌉; two epochs are shuffled differently; the same seed gives the same
batches. Extremes: batch_size ≥ n is one batch (batch gradient descent), 1 gives n batches (SGD).
`BatchList` (a spec for a list of integer arrays) is defined here; grader.engine.verdict has none.
"""

import math

import numpy as np
import pytest

from grader.engine.verdict import Array, Draw, Mistake, Parts, Scalar, compare, expect, global_random

INDICES = Array(kind="int")
PARAMS = Parts((("w", Scalar(rtol=1e-9, atol=1e-12)), ("b", Scalar(rtol=1e-9, atol=1e-12))))


class BatchList:
    """A list of integer index arrays, compared batch by batch."""

    def problems(self, actual, expected):
        if actual is None:
            return ["None을 반환했습니다 (return 문을 빠뜨렸나요?)."]
        if not isinstance(actual, (list, tuple)):
            return [f"배치(정수 배열)들의 리스트를 반환해야 하는데 {type(actual).__name__}을(를) 반환했습니다."]
        lines = []
        if len(actual) != len(expected):
            lines.append(f"배치 수가 다릅니다: 기대 {len(expected)}개, 반환 {len(actual)}개.")
            if len(actual) == len(expected) - 1 and len(expected[-1]) < len(expected[0]):
                lines.append("마지막의 작은 배치를 버린 것 같습니다: 나누어떨어지지 않아도 마지막 배치는 씁니다.")
            return lines
        for i, (got, want) in enumerate(zip(actual, expected)):
            found = INDICES.problems(got, want)
            if found:
                lines += [f"[배치 {i}] {line}" for line in found]
                if len(lines) > 12:
                    lines.append("(뒤의 배치는 생략)")
                    break
        return lines


BATCHES = BatchList()


def _cut(order, batch_size, keep_last=True):
    n = len(order)
    stop = n if keep_last else n - n % batch_size
    return [order[start:start + batch_size] for start in range(0, stop, batch_size)]


MINIBATCH_MISTAKES = (
    Mistake("마지막의 작은 배치를 버렸습니다: n이 batch_size로 나누어떨어지지 않아도 마지막 배치는 씁니다 (배치 수는 ⌈n / batch_size⌉).",
            lambda n, bs, rng, shuffle=True: _cut(rng.permutation(n) if shuffle else np.arange(n), bs, keep_last=False), id="drop-last-batch"),
    Mistake("섞지 않았습니다: shuffle=True이면 rng.permutation(n)으로 섞은 뒤 자릅니다.",
            lambda n, bs, rng, shuffle=True: _cut(np.arange(n), bs), id="not-shuffled"),
    Mistake("batch_size개씩 자르지 않고 batch_size개의 배치로 나눴습니다 (np.array_split(perm, batch_size)).",
            lambda n, bs, rng, shuffle=True: list(np.array_split(rng.permutation(n) if shuffle else np.arange(n), bs)), id="array-split-into-batch-size-batches"),
    Mistake("shuffle=False인데 섞었습니다: shuffle=False이면 np.arange(n)을 그대로 자릅니다.",
            lambda n, bs, rng, shuffle=True: _cut(rng.permutation(n), bs), id="shuffle-flag-ignored"),
)


def _epochs(shuffle_each=True, keep_last=True, shuffle=True):
    def run(n, bs, epochs, rng):
        batches = []
        order = rng.permutation(n)
        for epoch in range(epochs):
            if shuffle_each and epoch > 0:
                order = rng.permutation(n)
            batches += _cut(order if shuffle else np.arange(n), bs, keep_last)
        return batches
    return run


EPOCH_MISTAKES = (
    Mistake("에포크마다 다시 섞지 않았습니다: 처음 섞은 순서를 모든 에포크에 썼습니다. 에포크마다 rng.permutation(n)을 새로 부르세요.",
            _epochs(shuffle_each=False), id="epochs-shuffled-once"),
    Mistake("마지막의 작은 배치를 버렸습니다: n이 batch_size로 나누어떨어지지 않아도 마지막 배치는 씁니다.", _epochs(keep_last=False), id="epochs-drop-last-batch"),
    Mistake("섞지 않았습니다: 에포크마다 rng.permutation(n)으로 섞은 뒤 자릅니다.", _epochs(shuffle=False), id="epochs-not-shuffled"),
)


def _gd(batches_of, divide_by_batch_size=False):
    def run(x, y, w, b, lr, bs, rng):
        x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
        for batch in batches_of(len(x), bs, rng):
            e = w * x[batch] + b - y[batch]
            m = bs if divide_by_batch_size else len(batch)
            w, b = w - lr * 2 * float(np.sum(e * x[batch])) / m, b - lr * 2 * float(np.sum(e)) / m
        return w, b
    return run


GD_MISTAKES = (
    Mistake("배치마다 전체 데이터로 기울기를 구했습니다: 미니 배치 경사 하강법은 그 배치의 샘플만으로 기울기를 구합니다.",
            lambda x, y, w, b, lr, bs, rng: _gd(lambda n, bs, rng: [np.arange(n)] * math.ceil(n / bs))(x, y, w, b, lr, bs, rng), id="gd-full-batch-gradient"),
    Mistake("마지막의 작은 배치도 batch_size로 나눴습니다: 평균은 그 배치의 실제 크기 m으로 냅니다.",
            _gd(lambda n, bs, rng: _cut(rng.permutation(n), bs), divide_by_batch_size=True), id="gd-last-batch-divided-by-batch-size"),
    Mistake("마지막의 작은 배치를 버렸습니다: 그 샘플들로도 한 번 갱신합니다.",
            _gd(lambda n, bs, rng: _cut(rng.permutation(n), bs, keep_last=False)), id="gd-drop-last-batch"),
    Mistake("섞지 않고 앞에서부터 배치를 만들었습니다: minibatch_indices처럼 rng.permutation(n)으로 섞으세요.",
            _gd(lambda n, bs, rng: _cut(np.arange(n), bs)), id="gd-not-shuffled"),
)

CASES = {
    "n = 10, batch_size = 3 (마지막 배치 1개)": (10, 3, {}),
    "n = 8, batch_size = 4 (나누어떨어짐)": (8, 4, {}),
    "배치 경사 하강법: batch_size ≥ n": (5, 10, {}),
    "batch_size = n": (7, 7, {}),
    "SGD: batch_size = 1": (6, 1, {}),
    "shuffle=False": (10, 4, {"shuffle": False}),
    "큰 n": (1000, 32, {}),
    "남는 샘플이 배치보다 훨씬 적음: n = 1001, batch_size = 1000": (1001, 1000, {}),
}


@pytest.mark.parametrize("case", list(CASES))
def test_minibatch_indices_matches_reference(student, reference, seed, case):
    """minibatch_indices: 같은 rng로 참조와 똑같은 배치"""
    n, batch_size, kwargs = CASES[case]
    compare(student, reference, "minibatch_indices", (n, batch_size, np.random.default_rng(seed)), kwargs,
            case=f"{case} — 규칙: rng.permutation(n)을 batch_size개씩 자름", spec=BATCHES, mistakes=MINIBATCH_MISTAKES,
            draw=MINIBATCH_DRAW)


def _epoch_problems(batches, n, batch_size):
    """Korean lines for what is wrong with one epoch's batches (structure and coverage)."""
    if not isinstance(batches, (list, tuple)):
        return [f"배치(정수 배열)들의 리스트를 반환해야 하는데 {type(batches).__name__}을(를) 반환했습니다."]
    count = math.ceil(n / batch_size)
    if len(batches) != count:
        return [f"배치 수가 {len(batches)}개입니다. 기대 ⌈{n} / {batch_size}⌉ = {count}개 (마지막의 작은 배치도 씁니다)."]
    for i, batch in enumerate(batches):
        size = min(batch_size, n - i * batch_size)
        found = INDICES.structure_problems(batch, (size,))
        if found:
            return [f"[배치 {i}] {line}" for line in found]
    every = np.sort(np.concatenate(batches)) if batches else np.zeros(0, int)
    if not np.array_equal(every, np.arange(n)):
        return ["한 에포크의 배치들을 합치면 0 … n − 1이 정확히 한 번씩이어야 합니다: 빠지거나 두 번 나온 번호가 있습니다 "
                "(중복 없이 섞으세요: rng.permutation)."]
    return []


PERMUTATION = "rng.permutation(n)"


def _valid_epoch(student, actual, args, kwargs) -> bool:
    """The batches of one epoch are a valid cut of some shuffle: only the draw differs."""
    n, batch_size, _ = args
    return kwargs.get("shuffle", True) and not _epoch_problems(actual, n, batch_size)


def _valid_epochs(student, actual, args, kwargs) -> bool:
    """Every epoch is a valid cut of some shuffle and the epochs differ: only the draw differs."""
    n, batch_size, epochs, _ = args
    per_epoch = math.ceil(n / batch_size)
    if not isinstance(actual, (list, tuple)) or len(actual) != epochs * per_epoch:
        return False
    chunks = [list(actual[e * per_epoch:(e + 1) * per_epoch]) for e in range(epochs)]
    return not any(_epoch_problems(chunk, n, batch_size) for chunk in chunks)


MINIBATCH_DRAW = Draw(PERMUTATION, _valid_epoch)
EPOCH_DRAW = Draw("에포크마다 rng.permutation(n) 한 번", _valid_epochs)
GD_DRAW = Draw(PERMUTATION)


WITH_REPLACEMENT = Mistake(
    "번호를 복원 추출로 뽑았습니다 (rng.integers(0, n, n), rng.choice(n, n) 등): 한 에포크 안에서 같은 샘플이 두 번 나오고 "
    "어떤 샘플은 빠집니다. 한 에포크는 모든 샘플을 정확히 한 번씩 쓰도록 rng.permutation(n)으로 섞으세요.",
    lambda *args, **kwargs: None, id="sampled-with-replacement")


def _with_replacement(batches, n) -> bool:
    """n indices in 0 … n − 1, some twice: drawn with replacement (not overlapping slices, which give more than n)."""
    try:
        every = np.concatenate(batches).astype(np.int64)
    except (TypeError, ValueError):
        return False
    return every.size == n and bool(np.all((every >= 0) & (every < n))) and np.unique(every).size < n


@pytest.mark.parametrize("n, batch_size", [(10, 3), (64, 8), (5, 10), (6, 1), (33, 32)])
def test_minibatch_indices_properties(student, seed, n, batch_size):
    """minibatch_indices: 모든 샘플이 한 번씩, 배치 크기, 배치 수 ⌈n / batch_size⌉"""
    batches = student.call("minibatch_indices", (n, batch_size, np.random.default_rng(seed)))
    problems = _epoch_problems(batches, n, batch_size)
    replacement = (WITH_REPLACEMENT,) if problems and _with_replacement(batches, n) else ()
    expect(not problems, "minibatch_indices", f"n = {n}, batch_size = {batch_size}", *problems, mistakes=replacement)


def test_minibatch_indices_reproducible_and_shuffled(student, seed):
    """minibatch_indices: 같은 시드는 같은 배치, 섞여 있음"""
    first = student.call("minibatch_indices", (100, 16, np.random.default_rng(seed)))
    second = student.call("minibatch_indices", (100, 16, np.random.default_rng(seed)))
    problems = _epoch_problems(first, 100, 16)
    expect(not problems, "minibatch_indices", "n = 100, batch_size = 16", *problems)
    expect(all(np.array_equal(a, b) for a, b in zip(first, second)), "minibatch_indices", "같은 시드로 두 번 호출",
           "같은 시드의 rng를 줬는데 결과가 다릅니다. 전역 np.random이 아니라 인자로 받은 rng를 쓰세요.",
           mistakes=(global_random(PERMUTATION),))
    expect(not np.array_equal(np.concatenate(first), np.arange(100)), "minibatch_indices", "n = 100, shuffle=True",
           "번호가 0, 1, 2, … 순서 그대로입니다: 섞지 않았습니다. rng.permutation(n)으로 섞으세요.")


@pytest.mark.parametrize("n, batch_size, epochs", [(10, 3, 3), (8, 8, 2), (6, 1, 2), (50, 16, 4)])
def test_epoch_batches_matches_reference(student, reference, seed, n, batch_size, epochs):
    """epoch_batches: 같은 rng로 참조와 똑같은 배치 (에포크마다 새로 섞음)"""
    compare(student, reference, "epoch_batches", (n, batch_size, epochs, np.random.default_rng(seed)),
            case=f"n = {n}, batch_size = {batch_size}, epochs = {epochs}", spec=BATCHES, mistakes=EPOCH_MISTAKES, draw=EPOCH_DRAW)


def test_epoch_batches_reshuffles_every_epoch(student, seed):
    """epoch_batches: 에포크마다 모든 샘플을 한 번씩, 에포크마다 다른 순서"""
    n, batch_size, epochs = 40, 8, 3
    batches = student.call("epoch_batches", (n, batch_size, epochs, np.random.default_rng(seed)))
    per_epoch = math.ceil(n / batch_size)
    case = f"n = {n}, batch_size = {batch_size}, epochs = {epochs}"
    expect(isinstance(batches, (list, tuple)) and len(batches) == epochs * per_epoch, "epoch_batches", case,
           f"배치가 모두 {epochs} × {per_epoch} = {epochs * per_epoch}개여야 하는데 "
           f"{len(batches) if isinstance(batches, (list, tuple)) else type(batches).__name__}입니다.")
    orders = []
    for epoch in range(epochs):
        chunk = list(batches[epoch * per_epoch:(epoch + 1) * per_epoch])
        problems = _epoch_problems(chunk, n, batch_size)
        expect(not problems, "epoch_batches", f"{case}, {epoch + 1}번째 에포크", *problems)
        orders.append(np.concatenate(chunk))
    expect(not any(np.array_equal(orders[0], other) for other in orders[1:]), "epoch_batches", case,
           "에포크마다 순서가 같습니다: 에포크마다 rng.permutation(n)으로 새로 섞으세요.")


def _data(rng, n):
    x = rng.uniform(-2.0, 2.0, n)
    return x, 1.5 * x - 0.5 + rng.normal(0.0, 0.3, n)


@pytest.mark.parametrize("n, batch_size", [(10, 3), (12, 4), (9, 20), (7, 1)])
def test_minibatch_gd_epoch_matches_reference(student, reference, seed, n, batch_size):
    """minibatch_gd_epoch: 같은 rng로 참조와 똑같은 (w, b)"""
    x, y = _data(np.random.default_rng([seed, n]), n)
    compare(student, reference, "minibatch_gd_epoch", (x, y, 0.3, -0.2, 0.05, batch_size, np.random.default_rng(seed)),
            case=f"n = {n}, batch_size = {batch_size}, lr = 0.05", spec=PARAMS, mistakes=GD_MISTAKES, draw=GD_DRAW)


def test_batch_gd_is_one_full_step(student, seed):
    """minibatch_gd_epoch: batch_size ≥ n이면 전체 데이터로 한 번 갱신 (배치 경사 하강법)"""
    x, y = _data(np.random.default_rng(seed), 15)
    w, b, lr = 0.5, 0.1, 0.1
    e = w * x + b - y
    want = (w - lr * 2 * float(np.mean(e * x)), b - lr * 2 * float(np.mean(e)))
    result = student.call("minibatch_gd_epoch", (x, y, w, b, lr, 100, np.random.default_rng(seed)))
    problems = PARAMS.problems(result, want)
    expect(not problems, "minibatch_gd_epoch", "n = 15, batch_size = 100", *problems,
           "배치가 하나뿐이면 전체 데이터의 기울기로 딱 한 번 갱신해야 합니다.")
