"""The training settings' tooltips, in the language installed.

A field's tooltip is its pydantic description (`netstudio.training.config`, headless, English),
capitalised. The descriptions are marked here for translation, in the context
"TrainingFields", word for word as the form shows them: `tooltip` looks a description up and
falls back to the English when the model's wording has changed since (a test keeps the two in
step).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from netstudio.core.messages import QT_TRANSLATE_NOOP

#: Every description of `TrainingConfig`'s fields, as the form shows it.
DESCRIPTIONS = (
    QT_TRANSLATE_NOOP("TrainingFields", "Cross-entropy only"),
    QT_TRANSLATE_NOOP("TrainingFields", "Huber only: where L2 turns into L1"),
    QT_TRANSLATE_NOOP("TrainingFields", "Learning rate"),
    QT_TRANSLATE_NOOP("TrainingFields", "SGD and RMSprop"),
    QT_TRANSLATE_NOOP("TrainingFields", "SGD with momentum only"),
    QT_TRANSLATE_NOOP("TrainingFields", "Adam and AdamW"),
    QT_TRANSLATE_NOOP("TrainingFields", "RMSprop smoothing"),
    QT_TRANSLATE_NOOP("TrainingFields", "Step: epochs between decays"),
    QT_TRANSLATE_NOOP("TrainingFields", "Step, multistep, exponential: decay factor"),
    QT_TRANSLATE_NOOP("TrainingFields", "Multistep"),
    QT_TRANSLATE_NOOP("TrainingFields", "Cosine: final learning rate"),
    QT_TRANSLATE_NOOP("TrainingFields", "One-cycle peak (default: 10× lr)"),
    QT_TRANSLATE_NOOP("TrainingFields", "Reduce-on-plateau: epochs without improvement"),
    QT_TRANSLATE_NOOP("TrainingFields", "Reduce-on-plateau: decay factor"),
    QT_TRANSLATE_NOOP("TrainingFields", "Epochs without improvement before stopping"),
    QT_TRANSLATE_NOOP("TrainingFields", "Smallest change that counts as improvement"),
    QT_TRANSLATE_NOOP("TrainingFields", "End with the best epoch's weights"),
    QT_TRANSLATE_NOOP("TrainingFields", "L2 penalty through the optimizer"),
    QT_TRANSLATE_NOOP("TrainingFields", "L1 penalty on the weights, added to the loss"),
    QT_TRANSLATE_NOOP("TrainingFields", "Clip the gradient norm to this"),
    QT_TRANSLATE_NOOP("TrainingFields", "Frozen BatchNorm layers stay in eval"),
    QT_TRANSLATE_NOOP("TrainingFields", "Epochs between two unfreezings"),
    QT_TRANSLATE_NOOP("TrainingFields", "Network that makes samples"),
    QT_TRANSLATE_NOOP("TrainingFields", "Network that judges"),
    QT_TRANSLATE_NOOP("TrainingFields", "Values in one noise vector"),
    QT_TRANSLATE_NOOP("TrainingFields", "Discriminator steps per generator step"),
    QT_TRANSLATE_NOOP("TrainingFields", "The sample grid's rows (and columns)"),
    QT_TRANSLATE_NOOP("TrainingFields", "Float16 autocast on CUDA"),
)


def shown(description: str) -> str:
    """A field's description as the form shows it (capitalised, in English)."""
    return description[:1].upper() + description[1:]


def tooltip(description: str) -> str:
    """The tooltip of a field described by `description`, in the language installed."""
    return QCoreApplication.translate("TrainingFields", shown(description))
