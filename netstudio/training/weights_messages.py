"""The words of a weights file refused as starting weights (`WeightsFileError`,
`netstudio.training.starting_weights`), as message templates (`netstudio.core.messages`): the
command line prints the English, Load Weights and the Training panel show them translated.

Fields: file, a file's name; folder, a folder's name; path, a whole path (the person's data);
names, the run weights' file names joined with " or "; kinds, the file suffixes NetStudio
reads; error, the reading library's own first line (English); found, the Python object the
file would make; problem, a message above (nested).
"""

from __future__ import annotations

from netstudio.core.messages import QT_TRANSLATE_NOOP, Template

CONTEXT = "StartingWeights"

NO_RUN_WEIGHTS = Template(
    "weights.no-run-weights",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "StartingWeights",
        "the folder {folder} holds no weights ({names}): choose the folder of a run that "
        "finished, or a weights file",
    ),
)
NOT_FOUND = Template(
    "weights.not-found", CONTEXT, QT_TRANSLATE_NOOP("StartingWeights", "{path} was not found")
)
NOT_WEIGHTS = Template(
    "weights.not-a-weights-file",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "StartingWeights",
        "{file} is not a weights file NetStudio reads: choose a {kinds} file or a run folder",
    ),
)
NOT_SAFETENSORS = Template(
    "weights.not-safetensors",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "StartingWeights",
        "{file} cannot be read: it is damaged or is not a safetensors file ({error})",
    ),
)
NOT_TORCH = Template(
    "weights.not-torch",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "StartingWeights", "{file} cannot be read: it is damaged or is not a PyTorch weights file"
    ),
)
NOT_TORCH_BECAUSE = Template(
    "weights.not-torch-because",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "StartingWeights",
        "{file} cannot be read: it is damaged or is not a PyTorch weights file ({error})",
    ),
)
UNSAFE = Template(
    "weights.unsafe-objects",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "StartingWeights",
        "{file} was refused: it holds Python objects other than tensors ({found}: a whole "
        "pickled model, or code), and loading those could run code; save the model's "
        "state_dict() with torch.save, or as .safetensors, and load that",
    ),
)
NO_STATE_DICT = Template(
    "weights.no-state-dict",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "StartingWeights",
        "{file} holds no tensors by name (a state_dict): save the model's state_dict() and "
        "load that",
    ),
)
PROJECT_WEIGHTS_BAD = Template(
    "weights.project-weights-bad",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "StartingWeights",
        "the project's starting weights {problem}; load weights again (or delete the file to "
        "start from fresh weights)",
    ),
)
