"""The training, validation and test splits of labelled examples, with numpy alone.

`split_plan` gives the very indices `loaded_data.split_plan` gives (which calls scikit-learn's
``train_test_split``), without importing scikit-learn or torch: the app draws an image
folder's Data preview from them before either has loaded (importing scikit-learn costs ~2 s of
CPU, torch more). It follows scikit-learn's ``ShuffleSplit`` and ``StratifiedShuffleSplit``
draw for draw on the same seeded ``RandomState``; a test holds the two equal, so a scikit-learn
that changes its draws is caught there. Where scikit-learn would refuse (too few examples to
hold any out), this answers None and the caller asks scikit-learn itself, whose error says why.

Adapted from scikit-learn (BSD-3-Clause), ``sklearn/model_selection/_split.py`` and
``sklearn/utils/extmath.py::_approximate_mode``.
"""

from __future__ import annotations

import math

import numpy as np


class _Refused(ValueError):
    """scikit-learn would raise ValueError here."""


def split_plan(
    y: np.ndarray, official_test: bool, val_fraction: float, test_fraction: float, seed: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray | None] | None:
    """Indices (sorted) of the training, validation and test examples of labels `y`, stratified
    by class, as `loaded_data.split_plan(y, official_test, config, True)` gives them (the test
    indices None with an `official_test` split); None where that would raise a DataError."""
    try:
        if official_test:
            keep, held = split_indices(y, val_fraction, seed)
            return keep, held, None
        rest, test = split_indices(y, test_fraction, seed)
        keep, held = split_indices(y[rest], val_fraction, seed)
    except _Refused:
        return None
    return rest[keep], rest[held], test


def split_indices(y: np.ndarray, fraction: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Indices (sorted) of the examples kept and the `fraction` held out, as
    `loaded_data.split_indices(y, fraction, seed, stratify=True)` gives them: stratified, and a
    plain shuffle where the classes cannot be stratified. _Refused where that raises."""
    n = len(y)
    if fraction <= 0:
        return np.arange(n), np.zeros(0, dtype=np.int64)
    n_train, n_test = _sizes(n, fraction)
    try:
        keep, held = _stratified(y, n_train, n_test, _random_state(seed))
    except _Refused:
        keep, held = _shuffled(n, n_train, n_test, _random_state(seed))
    return np.sort(keep), np.sort(held)


def _random_state(seed: int) -> np.random.RandomState:
    try:
        return np.random.RandomState(seed)
    except ValueError as error:  # a seed numpy cannot take: scikit-learn refuses it too
        raise _Refused(str(error)) from error


def _sizes(n: int, fraction: float) -> tuple[int, int]:
    """(train, test) sizes of ``train_test_split(test_size=fraction)`` on `n` examples."""
    if not 0 < fraction < 1:
        raise _Refused(f"test_size={fraction} is not in (0, 1)")
    n_test = math.ceil(fraction * n)
    n_train = n - n_test
    if n_train == 0:
        raise _Refused("the train set would be empty")
    return n_train, n_test


def _shuffled(
    n: int, n_train: int, n_test: int, rng: np.random.RandomState
) -> tuple[np.ndarray, np.ndarray]:
    """``ShuffleSplit``'s first split."""
    permutation = rng.permutation(n)
    return permutation[n_test : n_test + n_train], permutation[:n_test]


def _stratified(
    y: np.ndarray, n_train: int, n_test: int, rng: np.random.RandomState
) -> tuple[np.ndarray, np.ndarray]:
    """``StratifiedShuffleSplit``'s first split; _Refused where it raises."""
    classes, y_indices, class_counts = np.unique(y, return_inverse=True, return_counts=True)
    n_classes = classes.shape[0]
    if np.min(class_counts) < 2 or n_train < n_classes or n_test < n_classes:
        raise _Refused("the classes cannot be stratified")
    class_indices = np.split(np.argsort(y_indices, kind="stable"), np.cumsum(class_counts)[:-1])
    n_i = _approximate_mode(class_counts, n_train, rng)
    t_i = _approximate_mode(class_counts - n_i, n_test, rng)
    train: list[np.ndarray] = []
    test: list[np.ndarray] = []
    for i in range(n_classes):
        permutation = rng.permutation(class_counts[i])
        taken = class_indices[i].take(permutation, mode="clip")
        train.append(taken[: n_i[i]])
        test.append(taken[n_i[i] : n_i[i] + t_i[i]])
    # One array each (scikit-learn permutes a list of the same indices: the same draws).
    return rng.permutation(np.concatenate(train)), rng.permutation(np.concatenate(test))


def _approximate_mode(
    class_counts: np.ndarray, n_draws: int, rng: np.random.RandomState
) -> np.ndarray:
    """Draws per class: the floored share of each, then one more for the largest remainders
    (ties broken by `rng`, as scikit-learn breaks them)."""
    continuous = class_counts / class_counts.sum() * n_draws
    floored = np.floor(continuous)
    need_to_add = int(n_draws - floored.sum())
    if need_to_add > 0:
        remainder = continuous - floored
        for value in np.sort(np.unique(remainder))[::-1]:
            (inds,) = np.where(remainder == value)
            add_now = min(len(inds), need_to_add)
            inds = rng.choice(inds, size=add_now, replace=False)
            floored[inds] += 1
            need_to_add -= add_now
            if need_to_add == 0:
                break
    return floored.astype(int)
