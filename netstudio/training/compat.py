"""Can this network's output meet these targets with this loss? Checked before a run starts.

The trainer finds the same mismatches on the first batch; checking them from the inferred output
shape lets the GUI say so (with the fix) before anything is loaded or compiled. Plain Python, no
torch and no Qt: the training panel calls it on every edit.

    check_compatibility((None, 1), "classification", "cross_entropy", num_classes=2)
    -> ["cross_entropy needs one score per class but the output gives 1 value: ..."]
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from netstudio.core.messages import Count
from netstudio.training import fit_messages as words
from netstudio.training.config import LossType, Task
from netstudio.training.data_config import DataConfig
from netstudio.training.sources import DataError, get_source

#: Losses that take class indices as targets (as netstudio.training.objectives has them; kept
#: here too so this module loads without torch).
CLASS_INDEX_LOSSES = frozenset({"cross_entropy", "nll"})
#: Losses that compare the output with a probability or value per unit.
PER_UNIT_LOSSES = frozenset({"bce", "bce_with_logits", "mse", "l1", "huber", "kl_div"})

#: Class counts of the sources whose count is fixed (the others count them from their parameters,
#: `DataSource.class_count`, declare a ``classes`` parameter, or are only known once loaded:
#: CSV files, image folders).
FIXED_CLASSES = {
    "mnist": 10,
    "fashion_mnist": 10,
    "kmnist": 10,
    "cifar10": 10,
    "sequences": 3,
    "moons": 2,
    "circles": 2,
    "xor": 2,
}


def known_classes(data: DataConfig) -> int | None:
    """The class count of `data` as far as it is known without loading it, else None."""
    try:
        source = get_source(data.source)
    except DataError:
        return None
    count = source.class_count({**source.defaults(), **data.params})
    if count is not None:
        return count
    if any(spec.name == "classes" for spec in source.params):
        classes = {**source.defaults(), **data.params}.get("classes")
        if isinstance(classes, int) and not isinstance(classes, bool):
            return classes
        return None
    return FIXED_CLASSES.get(data.source)


def check_input_shape(
    shape: Sequence[int], data_shape: Sequence[int], label: str = words.THE_INPUT
) -> list[str]:
    """Why an Input of `shape` (set by hand) cannot take the data's samples of `data_shape`,
    neither without the batch dimension. Only the count of values must agree: the trainer
    reshapes samples whose layout differs (1×28×28 images into an Input of 784)."""
    have, want = math.prod(data_shape), math.prod(shape)
    if have == want:
        return []
    return [
        words.INPUT_TAKES(
            label=label,
            shape="×".join(map(str, shape)),
            want=Count(want),
            data_shape="×".join(map(str, data_shape)),
            have=Count(have),
            dims=", ".join(map(str, data_shape)),
        )
    ]


def _sample_values(shape: Sequence[int | None]) -> int:
    """The values in one sample of `shape`: the product of the dimensions after the batch one
    (1 when there are none). Only the batch dimension may be unknown."""
    values = 1
    for d in shape[1:]:
        if d is None:
            raise ValueError(f"only the batch dimension of {tuple(shape)} may be unknown")
        values *= int(d)
    return values


def _units(shape: Sequence[int | None]) -> str:
    return words.values(_sample_values(shape))


def check_compatibility(
    output_shape: Sequence[int | None] | None,
    task: Task,
    loss: LossType,
    *,
    num_classes: int | None = None,
    target_size: int | None = None,
    input_shape: Sequence[int | None] | None = None,
) -> list[str]:
    """Every reason the output cannot be trained against the targets, each with its fix.

    output_shape: the Output's inferred shape, batch dimension first (None when unknown: nothing
    is checked). num_classes: for classification data; target_size: regression targets per
    sample; input_shape: for reconstruction (the target is the input).
    """
    if output_shape is None or len(output_shape) == 0:
        return []
    shape = tuple(output_shape)
    values = _sample_values(shape)
    flat = len(shape) == 2
    have = _units(shape)
    problems: list[str] = []
    if task == "reconstruction":
        if input_shape is not None and len(input_shape) > 1:
            want = _sample_values(input_shape)
            if values != want:
                problems.append(words.RECONSTRUCTION(want=Count(want), have=have))
        return problems
    if task == "regression" and loss in CLASS_INDEX_LOSSES:
        problems.append(words.NO_CLASSES_IN_REGRESSION(loss=loss))
        return problems
    if task == "classification" and num_classes is not None:
        k = num_classes
        if loss in CLASS_INDEX_LOSSES:
            if not flat or values != k:  # extra scores predict classes the data lacks
                if values == 1:
                    said = words.ONE_UNIT_PER_CLASS_OR_ONE if k == 2 else words.ONE_UNIT_PER_CLASS
                else:
                    said = words.ONE_SCORE_PER_CLASS_OR_ONE if k == 2 else words.ONE_SCORE_PER_CLASS
                problems.append(said(loss=loss, classes=k, have=have))
            return problems
        if loss in PER_UNIT_LOSSES:
            binary = k == 2 and flat and values == 1
            if not binary and (not flat or values != k):
                fix = words.FIX_BINARY() if k == 2 else words.FIX_CLASSES(classes=k)
                problems.append(words.ONE_VALUE_PER_CLASS(loss=loss, classes=k, have=have, fix=fix))
        return problems
    if task == "regression" and target_size is not None and values != target_size:
        if target_size == 1:
            problems.append(words.ONE_TARGET(have=have))
        else:
            problems.append(words.TARGETS(count=target_size, have=have))
    return problems
