"""Which weights a run's figures belong to: its best epoch's or its last epoch's.

A run keeps two sets of weights: those of its best epoch (by the early-stopping metric, kept in
``best.safetensors``) and those it ended with (``last.safetensors``). It ends with the best
epoch's weights only when early stopping is on with "restore best"; otherwise with the last
epoch's. The run's test figures were measured on the weights it ended with, and those are what
Open weights and Export load, so every view of a run (the Runs table, Evaluation, Try it, the
status line) shows the figures of those weights and says which they are: "best, epoch 7" or
"last, epoch 10".

A run record keeps both epochs' figures beside the test figures::

    "weights": "best",                                        # what test_* were measured on
    "best": {"epoch": 7, "val_accuracy": 0.975, "val_loss": 0.08},
    "last": {"epoch": 10, "val_accuracy": 0.972, "val_loss": 0.09},
    "test_accuracy": 0.971, "test_loss": 0.1

Records written before these keys existed are read from their settings and epochs.

The words of these views are here too ("weights: …", "test accuracy …", the tooltip of both
epochs), translated under the context ``RunWeights``, so that every view says it alike in every
language; figures are written in the locale's way (`percent`, `fixed`, `significant`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from PySide6.QtCore import QCoreApplication

from netstudio.gui import i18n

translate = QCoreApplication.translate  # lupdate finds calls named translate(...)

WeightsKind = Literal["best", "last"]
#: The per-epoch figures a record keeps for its best and its last epoch.
EPOCH_FIGURES = ("val_accuracy", "val_loss", "train_loss")


def restores_best(training: Mapping[str, Any]) -> bool:
    """Whether a run with these training settings ends with its best epoch's weights."""
    regularization = training.get("regularization")
    early = regularization.get("early_stopping") if isinstance(regularization, Mapping) else None
    if not isinstance(early, Mapping):
        return False
    return bool(early.get("enabled", False)) and bool(early.get("restore_best", True))


def epoch_figures(epochs: Sequence[Mapping[str, Any]], epoch: Any) -> dict[str, Any] | None:
    """The figures of epoch number `epoch` (1-based) of `epochs`; None when it has none."""
    if not isinstance(epoch, int) or isinstance(epoch, bool):
        return None
    for row in epochs:
        if isinstance(row, Mapping) and row.get("epoch") == epoch:
            return {"epoch": epoch, **{name: row.get(name) for name in EPOCH_FIGURES}}
    return None


def ended_with(
    epochs: Sequence[Mapping[str, Any]],
    best_epoch: Any,
    status: Any,
    training: Mapping[str, Any],
) -> WeightsKind | None:
    """Which weights a run ended with (None: it trained no epoch). A failed run never restored
    its best weights: the trainer restores them only at the end of a run that ends."""
    if not epochs:
        return None
    best = epoch_figures(epochs, best_epoch)
    if best is not None and status != "failed" and restores_best(training):
        return "best"
    return "last"


def record_figures(
    epochs: Sequence[Mapping[str, Any]],
    best_epoch: int | None,
    status: str,
    training: Mapping[str, Any],
) -> dict[str, Any]:
    """The ``weights``, ``best`` and ``last`` entries of a new run record (module docstring)."""
    last = epochs[-1].get("epoch") if epochs else None
    return {
        "weights": ended_with(epochs, best_epoch, status, training),
        "best": epoch_figures(epochs, best_epoch),
        "last": epoch_figures(epochs, last),
    }


@dataclass(frozen=True)
class RunWeights:
    """The weights a run ended with and their figures (see module docstring)."""

    kind: WeightsKind
    epoch: int
    val_accuracy: float | None
    val_loss: float | None
    test_accuracy: float | None
    test_loss: float | None

    @property
    def label(self) -> str:
        """What the weights are, in the words every view uses: "best, epoch 7"."""
        epoch = i18n.number(self.epoch)
        if self.kind == "best":
            #: The weights of a run's best epoch (by the early-stopping metric).
            return translate("RunWeights", "best, epoch {epoch}").format(epoch=epoch)
        #: The weights a run had after its last epoch.
        return translate("RunWeights", "last, epoch {epoch}").format(epoch=epoch)

    @classmethod
    def of(cls, record: Mapping[str, Any]) -> RunWeights | None:
        """The weights `record`'s run ended with; None when it trained no epoch."""
        epochs = [row for row in record.get("epochs") or [] if isinstance(row, Mapping)]
        training = record.get("training")
        training = training if isinstance(training, Mapping) else {}
        kind = record.get("weights")
        if kind not in ("best", "last"):
            kind = ended_with(epochs, record.get("best_epoch"), record.get("status"), training)
        if kind is None:
            return None
        figures = _figures(record.get(kind), epochs)
        if figures is None and kind == "best":
            figures = epoch_figures(epochs, record.get("best_epoch"))
        if figures is None and kind == "last" and epochs:
            figures = epoch_figures(epochs, epochs[-1].get("epoch"))
        if figures is None:
            return None
        return cls(
            kind,
            figures["epoch"],
            _number(figures.get("val_accuracy")),
            _number(figures.get("val_loss")),
            _number(record.get("test_accuracy")),
            _number(record.get("test_loss")),
        )


def _figures(value: Any, epochs: Sequence[Mapping[str, Any]]) -> dict[str, Any] | None:
    """A record's ``best`` or ``last`` entry, when it names an epoch."""
    if isinstance(value, Mapping) and isinstance(value.get("epoch"), int):
        return {"epoch": value["epoch"], **{name: value.get(name) for name in EPOCH_FIGURES}}
    return None


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def percent(value: float | None, decimals: int = 1) -> str:
    """An accuracy as every view of a run writes it: "97.2%" ("–" when there is none), in the
    locale's digits."""
    return "–" if value is None else f"{fixed(value * 100, decimals)}%"


def fixed(value: float, decimals: int) -> str:
    """`value` with `decimals` decimals, as the locale writes it ("0.972")."""
    return i18n.locale().toString(float(value), "f", decimals)


def significant(value: float, digits: int) -> str:
    """`value` to `digits` significant digits, as the locale writes it ("0.0123", "1.2e-05")."""
    return i18n.locale().toString(float(value), "g", digits)


def this_run() -> str:
    """What a run without a name is called."""
    return translate("RunWeights", "This run")


def run_name(record: Mapping[str, Any]) -> str:
    """A run's name as a person reads it. The names the app gives ("Run 3", "Trial 2 of
    digits_search") are stored in English, so a project reads the same in every language, and
    shown in the app's language; a name the person gave is shown as it is."""
    name = str(record.get("name") or record.get("id") or "")
    if not name:
        return this_run()
    if match := re.fullmatch(r"Run (\d+)", name):
        return translate("RunWeights", "Run {number}").format(number=match.group(1))
    if match := re.fullmatch(r"Trial (\d+) of (.+)", name, flags=re.DOTALL):
        text = translate("RunWeights", "Trial {number} of {study}")
        return text.format(number=match.group(1), study=match.group(2))
    return name


def weights_text(weights: RunWeights) -> str:
    """Which weights a view's figures belong to: "weights: best, epoch 7"."""
    return translate("RunWeights", "weights: {weights}").format(weights=weights.label)


def accuracy_text(accuracy: float | None) -> str:
    """A run's test accuracy as its views write it: "test accuracy 97.2%"."""
    return translate("RunWeights", "test accuracy {accuracy}").format(accuracy=percent(accuracy))


def describe_epochs(record: Mapping[str, Any]) -> str:
    """Both epochs' figures and which weights the run ended with, for a tooltip."""
    epochs = [row for row in record.get("epochs") or [] if isinstance(row, Mapping)]
    weights = RunWeights.of(record)
    if weights is None:
        return translate("RunWeights", "This run trained no epoch: it has no weights")
    lines = []
    for kind in ("best", "last"):
        figures = _figures(record.get(kind), epochs)
        if figures is None:
            epoch = record.get("best_epoch") if kind == "best" else epochs[-1].get("epoch")
            figures = epoch_figures(epochs, epoch)
        if figures is not None:
            loss = _number(figures.get("val_loss"))
            fields = {
                "epoch": i18n.number(figures["epoch"]),
                "accuracy": percent(_number(figures.get("val_accuracy"))),
                "loss": significant(loss, 4) if loss is not None else "–",
            }
            if kind == "best":
                line = translate(
                    "RunWeights",
                    "Best epoch {epoch}: validation accuracy {accuracy}, validation loss {loss}",
                )
            else:
                line = translate(
                    "RunWeights",
                    "Last epoch {epoch}: validation accuracy {accuracy}, validation loss {loss}",
                )
            lines.append(line.format(**fields))
    if weights.kind == "best":
        ended = translate(
            "RunWeights",
            "The run ended with the best epoch's weights (epoch {epoch}): the test figures, "
            "Open weights and Export use them",
        )
    else:
        ended = translate(
            "RunWeights",
            "The run ended with the last epoch's weights (epoch {epoch}): the test figures, "
            "Open weights and Export use them",
        )
    lines.append(ended.format(epoch=i18n.number(weights.epoch)))
    return "\n".join(lines)
