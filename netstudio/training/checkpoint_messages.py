"""The words of checkpoint and device problems (`CheckpointError`, `DeviceError`), as message
templates (`netstudio.core.messages`): the command line prints the English, the app shows
them translated.

Fields: path and folder, paths; error, the first line of the error behind it (a library's
own words, never translated); what, one of the DAMAGED_… clauses below; names, parameter
names as the model has them ("fc1.weight, fc1.bias").
"""

from __future__ import annotations

from netstudio.core.messages import QT_TRANSLATE_NOOP, Template

CONTEXT = "Checkpoints"

#: Two clauses of one list, in order ("missing fc1.bias; wrong shape …").
AND = Template("checkpoint.and", CONTEXT, QT_TRANSLATE_NOOP("Checkpoints", "{first}; {then}"))

UNREADABLE_WEIGHTS = Template(
    "checkpoint.unreadable-weights",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Checkpoints",
        "cannot read the weights in {path}: the file is damaged or is not a safetensors weights "
        "file ({error})",
    ),
)
MISSING = Template(
    "checkpoint.missing", CONTEXT, QT_TRANSLATE_NOOP("Checkpoints", "missing {names}")
)
NOT_IN_MODEL = Template(
    "checkpoint.not-in-model", CONTEXT, QT_TRANSLATE_NOOP("Checkpoints", "not in the model {names}")
)
WRONG_SHAPE = Template(
    "checkpoint.wrong-shape", CONTEXT, QT_TRANSLATE_NOOP("Checkpoints", "wrong shape {shapes}")
)
#: One weight of the wrong shape: "fc1.weight (10, 4) vs (10, 8)" (the file's, the model's).
SHAPE_VS = Template(
    "checkpoint.shape-vs", CONTEXT, QT_TRANSLATE_NOOP("Checkpoints", "{name} {saved} vs {own}")
)
MISMATCH = Template(
    "checkpoint.mismatch",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Checkpoints",
        "the weights in {path} do not fit this network ({parts}): they were saved from a "
        "different architecture",
    ),
)
NO_CHECKPOINT = Template(
    "checkpoint.none",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Checkpoints",
        "no checkpoint in {folder}: expected {weights} and {state} (a run folder's 'checkpoint' "
        "sub-folder)",
    ),
)
UNSAFE_STATE = Template(
    "checkpoint.unsafe-state",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Checkpoints",
        "cannot read the training state in {path}: it is damaged, or holds objects other than "
        "tensors and plain values (such files are never loaded); train a new run",
    ),
)
UNREADABLE_STATE = Template(
    "checkpoint.unreadable-state",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Checkpoints", "cannot read the training state in {path}: {error}; train a new run"
    ),
)
DAMAGED = Template(
    "checkpoint.damaged",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Checkpoints",
        "the training state in {path} is damaged: {what}; it cannot be resumed, train a new run",
    ),
)
DAMAGED_NOT_DICT = Template(
    "checkpoint.damaged-not-dict",
    CONTEXT,
    QT_TRANSLATE_NOOP("Checkpoints", "it holds {kind}, not a dictionary"),
)
DAMAGED_MISSING = Template(
    "checkpoint.damaged-missing", CONTEXT, QT_TRANSLATE_NOOP("Checkpoints", "'{key}' is missing")
)
DAMAGED_KIND = Template(
    "checkpoint.damaged-kind",
    CONTEXT,
    QT_TRANSLATE_NOOP("Checkpoints", "'{key}' is {kind}, not {expected}"),
)
DAMAGED_KINDS = Template(
    "checkpoint.damaged-kinds",
    CONTEXT,
    QT_TRANSLATE_NOOP("Checkpoints", "'kinds' is not the optimizer and schedule names"),
)
DAMAGED_OPTIMIZER = Template(
    "checkpoint.damaged-optimizer",
    CONTEXT,
    QT_TRANSLATE_NOOP("Checkpoints", "'optimizer' is not an optimizer's state"),
)
DAMAGED_SCHEDULE = Template(
    "checkpoint.damaged-schedule",
    CONTEXT,
    QT_TRANSLATE_NOOP("Checkpoints", "'schedule' is not a learning-rate schedule's state"),
)
DAMAGED_HISTORY = Template(
    "checkpoint.damaged-history",
    CONTEXT,
    QT_TRANSLATE_NOOP("Checkpoints", "'history' holds {count} epochs, 'epoch' says {epoch}"),
)
DAMAGED_EARLY = Template(
    "checkpoint.damaged-early",
    CONTEXT,
    QT_TRANSLATE_NOOP("Checkpoints", "'early' is not early-stopping bookkeeping"),
)
DAMAGED_RNG = Template(
    "checkpoint.damaged-rng",
    CONTEXT,
    QT_TRANSLATE_NOOP("Checkpoints", "'rng' is not random number generator state"),
)
# One epoch of the history ("'history' entry 3 has no whole epoch number").
ENTRY_NOT_METRICS = Template(
    "checkpoint.entry-not-metrics",
    CONTEXT,
    QT_TRANSLATE_NOOP("Checkpoints", "'history' entry {entry} is not one epoch's metrics"),
)
ENTRY_UNFROZEN = Template(
    "checkpoint.entry-unfrozen",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Checkpoints",
        "'history' entry {entry} has unfrozen nodes that are not a list of node ids",
    ),
)
ENTRY_NO_EPOCH = Template(
    "checkpoint.entry-no-epoch",
    CONTEXT,
    QT_TRANSLATE_NOOP("Checkpoints", "'history' entry {entry} has no whole epoch number"),
)
ENTRY_KIND = Template(
    "checkpoint.entry-kind",
    CONTEXT,
    QT_TRANSLATE_NOOP("Checkpoints", "'history' entry {entry} has a {name} of {kind}"),
)
RNG_MISFIT = Template(
    "checkpoint.rng-misfit",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Checkpoints",
        "the checkpoint's random number generator state does not fit: {error}; train a new run",
    ),
)

# Devices.
DEVICES = "Devices"

NO_CUDA = Template(
    "device.no-cuda",
    DEVICES,
    QT_TRANSLATE_NOOP(
        "Devices",
        "CUDA was asked for but no CUDA GPU is available here: choose the device auto or cpu",
    ),
)
NO_MPS = Template(
    "device.no-mps",
    DEVICES,
    QT_TRANSLATE_NOOP("Devices", "MPS was asked for but this machine has no Apple GPU: use cpu"),
)
UNKNOWN_DEVICE = Template(
    "device.unknown",
    DEVICES,
    QT_TRANSLATE_NOOP("Devices", "unknown device {choice}: use auto, cpu, cuda or mps"),
)
