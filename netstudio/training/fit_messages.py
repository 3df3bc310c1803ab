"""The words of what does not fit together before a run: the network's ends and the data
(`netstudio.training.compat`), Fit to data (`netstudio.training.head_fit`), and training settings
that exclude each other (`netstudio.training.config`), as message templates
(`netstudio.core.messages`): the command line prints the English, the Problems panel, the
Inspector and the Training panel show them translated.

Fields: loss, a loss's id (cross_entropy: never translated); have, the output's values (a
`values` message); numbers already written for people ("3,072": want, count, shape sizes);
classes, a class count; node, a node's label ("Linear 'fc1'"); id, a node id; error,
pydantic's own words (English).
"""

from __future__ import annotations

from netstudio.core.messages import QT_TRANSLATE_NOOP, Count, Message, Phrase, Template

CONTEXT = "FitMessages"

# --- the output against the targets (compat.py) ----------------------------------------------

#: Who takes the data when the Input's label is not known.
THE_INPUT = Phrase(CONTEXT, QT_TRANSLATE_NOOP("FitMessages", "the Input"))
ONE_VALUE = Template("fit.one-value", CONTEXT, QT_TRANSLATE_NOOP("FitMessages", "1 value"))
VALUES = Template("fit.values", CONTEXT, QT_TRANSLATE_NOOP("FitMessages", "{count} values"))
INPUT_TAKES = Template(
    "fit.input-takes",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "FitMessages",
        "{label} takes {shape} ({want} values) but the data's samples are {data_shape} "
        "({have} values): clear its shape to follow the data, or set it to {dims}",
    ),
)
RECONSTRUCTION = Template(
    "fit.reconstruction-values",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "FitMessages",
        "Reconstruction compares the output with the input's {want} values but the output "
        "gives {have}: make the last layer give {want} values",
    ),
)
NO_CLASSES_IN_REGRESSION = Template(
    "fit.class-loss-in-regression",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "FitMessages",
        "{loss} needs class labels but the task is regression: choose MSE, L1 or Huber",
    ),
)
ONE_SCORE_PER_CLASS = Template(
    "fit.one-score-per-class",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "FitMessages",
        "{loss} needs one score per class: the data has {classes} classes but the output gives "
        "{have}: set the last Linear to {classes} units",
    ),
)
ONE_SCORE_PER_CLASS_OR_ONE = Template(
    "fit.one-score-per-class-or-one",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "FitMessages",
        "{loss} needs one score per class: the data has {classes} classes but the output gives "
        "{have}: set the last Linear to {classes} units, or use bce_with_logits with 1 unit",
    ),
)
ONE_UNIT_PER_CLASS = Template(
    "fit.one-unit-cannot-tell",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "FitMessages",
        "{loss} needs one score per class: the data has {classes} classes but the output gives "
        "{have} (one unit cannot tell classes apart): set the last Linear to {classes} units",
    ),
)
ONE_UNIT_PER_CLASS_OR_ONE = Template(
    "fit.one-unit-cannot-tell-or-one",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "FitMessages",
        "{loss} needs one score per class: the data has {classes} classes but the output gives "
        "{have} (one unit cannot tell classes apart): set the last Linear to {classes} units, "
        "or use bce_with_logits with 1 unit",
    ),
)
ONE_VALUE_PER_CLASS = Template(
    "fit.one-value-per-class",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "FitMessages",
        "{loss} compares one value per class: the data has {classes} classes but the output "
        "gives {have}: {fix}",
    ),
)
FIX_BINARY = Template(
    "fit.fix-binary",
    CONTEXT,
    QT_TRANSLATE_NOOP("FitMessages", "set the last Linear to 1 unit (or 2, one per class)"),
)
FIX_CLASSES = Template(
    "fit.fix-classes",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "FitMessages", "set the last Linear to {classes} units, or use cross_entropy"
    ),
)
ONE_TARGET = Template(
    "fit.one-target-value",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "FitMessages",
        "The data has 1 target value per sample but the output gives {have}: set the last "
        "Linear to 1 unit",
    ),
)
TARGETS = Template(
    "fit.target-values",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "FitMessages",
        "The data has {count} target values per sample but the output gives {have}: set the "
        "last Linear to {count} units",
    ),
)

# --- Fit to data (head_fit.py) ------------------------------------------------------------------

NO_SUCH_NODE = Template(
    "fit.no-such-node", CONTEXT, QT_TRANSLATE_NOOP("FitMessages", "no node '{id}' in the network")
)
NOT_A_HEAD = Template(
    "fit.not-a-head",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "FitMessages", "{node} has no units to fit to the data: choose a Linear layer"
    ),
)
NO_HEAD = Template(
    "fit.no-head",
    CONTEXT,
    QT_TRANSLATE_NOOP("FitMessages", "the network has no Linear layer to fit to the data: add one"),
)
SETTINGS_NOT_VALID = Template(
    "fit.settings-not-valid",
    CONTEXT,
    QT_TRANSLATE_NOOP("FitMessages", "the project's settings are not valid: {error}"),
)
RECONSTRUCTS = Template(
    "fit.reconstructs",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "FitMessages",
        "the network reconstructs its input: its last layer gives the input's values back, "
        "not one value per class",
    ),
)
HAS_CLASSES = Template(
    "fit.data-has-classes",
    CONTEXT,
    QT_TRANSLATE_NOOP("FitMessages", "the data has {classes} classes"),
)
HAS_ONE_TARGET = Template(
    "fit.data-has-one-target",
    CONTEXT,
    QT_TRANSLATE_NOOP("FitMessages", "the data has 1 target value per sample"),
)
HAS_TARGETS = Template(
    "fit.data-has-targets",
    CONTEXT,
    QT_TRANSLATE_NOOP("FitMessages", "the data has {count} target values per sample"),
)

# --- settings that exclude each other (config.py) -----------------------------------------------

NESTEROV = Template(
    "fit.nesterov-needs-momentum",
    CONTEXT,
    QT_TRANSLATE_NOOP("FitMessages", "nesterov needs the SGD optimizer with momentum above 0"),
)
TWO_NETWORKS = Template(
    "fit.gan-two-networks",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "FitMessages",
        "the generator and the discriminator must be two networks: name another one",
    ),
)


def values(count: int) -> Message:
    """ "1 value", "3,072 values": a count of values (English keeps its plural)."""
    return ONE_VALUE() if count == 1 else VALUES(count=Count(count))
