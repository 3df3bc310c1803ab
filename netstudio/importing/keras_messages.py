"""The words of a refused Keras import, as message templates (see `import_messages`, whose
catalogue context they share).

Fields: source, path: the model or file imported; where: `LAYER_AT` (the file and the Keras
layer), or the source and an operation; layer, name: names from the person's model; kind: a
Keras class (Dense, Conv2D) or op; shape, shapes: Keras's shapes as Python writes them (channels
last); supported, names: lists of Keras's own names; error, reason: Keras's or Python's words.
"""

from __future__ import annotations

from netstudio.core.messages import QT_TRANSLATE_NOOP, Template
from netstudio.importing.import_messages import CONTEXT

#: A Keras layer, named in a refusal: "model.keras: Keras layer 'dense' (Dense)".
LAYER_AT = Template(
    "keras.layer-at",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "{source}: Keras layer '{name}' ({kind})"),
)
#: A Keras layer or input, as the origin of a node in messages about it.
LAYER = Template(
    "keras.layer", CONTEXT, QT_TRANSLATE_NOOP("ImportMessages", "Keras layer '{name}'")
)
INPUT = Template(
    "keras.input", CONTEXT, QT_TRANSLATE_NOOP("ImportMessages", "Keras input '{name}'")
)

# Loading.
NOT_INSTALLED = Template(
    "keras.not-installed",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", 'Keras is not installed: pip install "netstudio[keras]"'),
)
OTHER_BACKEND = Template(
    "keras.other-backend",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "Keras is already running on its '{backend}' backend in this program; NetStudio reads "
        "Keras models on the PyTorch backend: set KERAS_BACKEND=torch before Keras is imported",
    ),
)
CANNOT_LOAD = Template(
    "keras.cannot-load",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "{path}: Keras cannot load the model: {reason}"),
)
STORES_CODE = QT_TRANSLATE_NOOP(
    "ImportMessages",
    "it stores Python code (a Lambda layer or a custom object), which is never run from a "
    "file; replace it with built-in layers, or import the Python file that builds the model",
)
NOT_KERAS_FILE = Template(
    "keras.not-keras-file",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages", "{path}: not a Keras model file (.keras) or Python file (.py)"
    ),
)
NOT_A_MODEL = Template(
    "keras.not-a-model",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "{source}: {kind} is not a Keras model"),
)
#: error: the refusal of the Python file (a `Message`).
TENSORFLOW = Template(
    "keras.tensorflow",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{error}: NetStudio runs Keras 3 on PyTorch, without TensorFlow; write `import keras` "
        "and `from keras import layers` instead of tensorflow.keras",
    ),
)
NAME_THE_MODEL = Template(
    "keras.name-the-model",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages", "{path}: name the model variable or the function that builds it"
    ),
)
#: found: the file's model variables and functions ("model, build()").
NAME_THE_MODEL_FOUND = Template(
    "keras.name-the-model-found",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{path}: name the model variable or the function that builds it (it has {found})",
    ),
)
NO_SUCH_NAME = Template(
    "keras.no-such-name",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "{path}: there is no '{name}'"),
)
NO_SUCH_NAME_FOUND = Template(
    "keras.no-such-name-found",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "{path}: there is no '{name}' (it has {found})"),
)
FUNCTION_ARGUMENTS = Template(
    "keras.function-arguments",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "{path}: {name}() {error}: give its arguments defaults"),
)
FUNCTION_FAILED = Template(
    "keras.function-failed",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "{path}: {name}() failed: {kind}: {error}"),
)
FUNCTION_FAILED_AT = Template(
    "keras.function-failed-at",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "{path}: {name}() failed: {kind}: {error} (line {line})"),
)
NOT_A_MODEL_OR_FUNCTION = Template(
    "keras.not-a-model-or-function",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{path}: '{name}' is a {kind}, not a Keras model or a function that returns one",
    ),
)
CHANNELS_FIRST = QT_TRANSLATE_NOOP(
    "ImportMessages",
    "images are channels-first in NetStudio: feed (N, C, H, W) where Keras took (N, H, W, C)",
)

# The model's graph.
SUBCLASSED = Template(
    "keras.subclassed",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{source}: {kind} is a subclassed Keras model (its own call()), which has no layer "
        "graph to read: build it with keras.Sequential or the functional API (keras.Input ... "
        "keras.Model(inputs, outputs))",
    ),
)
CANNOT_TAKE_SAMPLES = Template(
    "keras.cannot-take-samples",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages", "{source}: the model cannot take samples of shape {shape}: {reason}"
    ),
)
#: what: the model (`import_messages.THE_MODEL`); declared, given: sample shapes.
OTHER_SHAPE = Template(
    "keras.other-shape",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{source}: {what} takes samples of shape {declared}, not {given}; leave out the input "
        "shape or give Keras's own (channels last)",
    ),
)
NO_INPUT_SHAPE = Template(
    "keras.no-input-shape",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{source}: {what} has no input shape: give one sample's shape in Keras's order, e.g. "
        "32,32,3 (or add keras.Input)",
    ),
)
PARTLY_KNOWN_SHAPE = Template(
    "keras.partly-known-shape",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{source}: {what} has no input shape ({declared}): give one sample's shape in Keras's "
        "order, e.g. 32,32,3 (or add keras.Input)",
    ),
)
SEVERAL_INPUTS = Template(
    "keras.several-inputs",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{source}: the model takes {count} inputs; NetStudio imports models with one input",
    ),
)
SEVERAL_TENSORS = Template(
    "keras.several-tensors",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "{where} returns several tensors"),
)
MODEL_AS_LAYER = Template(
    "keras.model-as-layer",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{where}: a model used as a layer is not imported; build the whole network in one "
        "Sequential or functional model",
    ),
)
#: An operation: "model.keras: 'add'".
OPERATION_AT = Template(
    "keras.operation-at", CONTEXT, QT_TRANSLATE_NOOP("ImportMessages", "{source}: '{name}'")
)
NO_LAYER_FOR_OPERATION = Template(
    "keras.no-layer-for-operation",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{source}: the operation '{name}' ({kind}, keras.ops) has no NetStudio layer: use Keras "
        "layers ({supported}); x + y and x * y of two tensors are imported",
    ),
)

# Layers.
#: instead: one of the phrases below (what to do instead).
NO_LAYER = Template(
    "keras.no-layer",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{where} has no NetStudio layer: {instead} (NetStudio imports {supported})",
    ),
)
REBUILD = QT_TRANSLATE_NOOP("ImportMessages", "rebuild it from the layers NetStudio imports")
DATA_FORMAT = Template(
    "keras.data-format",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{where}: data_format={value} is not imported; use the default channels_last",
    ),
)
#: size: the images' height and width.
SAME_UNEVEN_CONV = Template(
    "keras.same-uneven-conv",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{where}: padding='same' pads one side more than the other for {size} images; use an "
        "odd kernel_size with strides 1, or padding='valid'",
    ),
)
DENSE_ON_IMAGES = Template(
    "keras.dense-on-images",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{where} on images {shape} is not imported: insert a Flatten or GlobalAveragePooling2D "
        "before it, or use a 1×1 Conv2D",
    ),
)
NORMALISED_AXIS = Template(
    "keras.normalised-axis",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{where}: only the feature or channel axis of a flat vector or an image is normalised in "
        "NetStudio (here axis {axis} of {shape})",
    ),
)
RENORM = Template(
    "keras.renorm",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "{where}: renorm=True is not imported"),
)
RELU_SETTINGS = Template(
    "keras.relu-settings",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{where}: only ReLU(), ReLU(max_value=6) and ReLU(negative_slope=a) are imported; use "
        "those or a LeakyReLU",
    ),
)
SOFTMAX_AXES = Template(
    "keras.softmax-axes",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "{where}: softmax over several axes"),
)
KEPT_SCALE = Template(
    "keras.note-kept-scale",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "Keras layer '{name}' kept its scale fixed; in NetStudio it is learned (starting from "
        "the same value)",
    ),
)
KEPT_SHIFT = Template(
    "keras.note-kept-shift",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "Keras layer '{name}' kept its shift fixed; in NetStudio it is learned (starting from "
        "the same value)",
    ),
)
#: mode: Keras's padding setting as Python writes it ('causal').
PADDING_MODE = Template(
    "keras.padding-mode",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "{where}: padding={mode} is not imported"),
)
SAME_AVERAGE = Template(
    "keras.same-average",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{where}: padding='same' averages fewer values at the borders, which AvgPool2d does "
        "not: use padding='valid'",
    ),
)
SAME_UNEVEN_POOL = Template(
    "keras.same-uneven-pool",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{where}: padding='same' pads unevenly for this size; use padding='valid' or a stride "
        "above 1",
    ),
)
RESHAPE = Template(
    "keras.reshape",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{where}: reshaping {shape} to {target} is not imported; NetStudio imports a Reshape of "
        "a flat vector or sequence, or to a flat vector",
    ),
)
MERGE_SHAPES = Template(
    "keras.merge-shapes",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{where}: {kind} needs two or more inputs of one shape and layout (got {shapes}); "
        "broadcasting and mixing flattened images with other vectors are not imported",
    ),
)
RANKS_DIFFER = Template(
    "keras.ranks-differ",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "{where}: inputs of different ranks"),
)
NOT_A_FEATURE_AXIS = Template(
    "keras.not-a-feature-axis",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "{where}: axis {axis} is not a feature axis of {shape}"),
)
UNKNOWN_SIZES = Template(
    "keras.unknown-sizes",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "{where}: output shape {shape} has unknown sizes"),
)
NEEDS_IMAGES = Template(
    "keras.needs-images",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages", "{where} needs images (height, width, channels), got {shape}"
    ),
)
#: activations: the names NetStudio imports.
CUSTOM_ACTIVATION = Template(
    "keras.custom-activation",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages", "{where} uses a custom activation: use one of {activations}"
    ),
)
ACTIVATION_NOT_IMPORTED = Template(
    "keras.activation-not-imported",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{where} uses the activation '{activation}', which is not imported: use one of "
        "{activations}",
    ),
)
