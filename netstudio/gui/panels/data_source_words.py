"""The data sources' own words in the person's language: each source's description, and its
settings' labels and one-line docs (the sources live in ``netstudio.training``, which never
imports Qt; their English is the catalogue's source text, looked up here under the context
"DataSources"). Dataset names (MNIST, CIFAR-10) and file names stay as they are.

`tests/gui/test_i18n_data.py` checks that every source's words are listed: a new source or a
changed description fails it until it is listed (and translated) here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from netstudio.core.messages import QT_TRANSLATE_NOOP

CONTEXT = "DataSources"

#: Every text of the sources shown in the Data panel (lupdate reads them from here).
WORDS = (
    QT_TRANSLATE_NOOP(
        "DataSources",
        "1,797 real handwritten digits, 8×8 pixels, 10 classes, bundled with scikit-learn: works offline and trains in seconds.",
    ),
    QT_TRANSLATE_NOOP(
        "DataSources", "Interleaved spiral arms, one per class: not linearly separable."
    ),
    QT_TRANSLATE_NOOP("DataSources", "Two interleaving half circles."),
    QT_TRANSLATE_NOOP("DataSources", "A small circle inside a large one."),
    QT_TRANSLATE_NOOP(
        "DataSources", "Points in the four quadrants; the class is whether x and y share a sign."
    ),
    QT_TRANSLATE_NOOP("DataSources", "Isotropic Gaussian clusters, one per class."),
    QT_TRANSLATE_NOOP(
        "DataSources",
        "Noisy sine, square and sawtooth waves (one value per step, random frequency, phase and amplitude): classify the shape. A sequence task for RNN, LSTM and GRU layers.",
    ),
    QT_TRANSLATE_NOOP("DataSources", "70,000 handwritten digits, 28×28 grey, 10 classes."),
    QT_TRANSLATE_NOOP(
        "DataSources",
        "70,000 Zalando clothing images, 28×28 grey, 10 classes (a harder drop-in for MNIST).",
    ),
    QT_TRANSLATE_NOOP("DataSources", "70,000 cursive Japanese characters, 28×28 grey, 10 classes."),
    QT_TRANSLATE_NOOP(
        "DataSources", "60,000 colour photos, 32×32, 10 classes (airplane, car, bird, ...)."
    ),
    QT_TRANSLATE_NOOP(
        "DataSources",
        "Your own images, one sub-folder per class; train/ and test/ sub-folders give an official test split.",
    ),
    QT_TRANSLATE_NOOP(
        "DataSources",
        "A table of numbers: one row per example, a label column and feature columns.",
    ),
    QT_TRANSLATE_NOOP("DataSources", "Digits"),
    QT_TRANSLATE_NOOP(
        "DataSources",
        "The digits kept, each a class numbered in the order listed (e.g. 5, 6, 7, 8, 9 for a five-class task).",
    ),
    QT_TRANSLATE_NOOP("DataSources", "Classes"),
    QT_TRANSLATE_NOOP("DataSources", "Number of arms (classes)."),
    QT_TRANSLATE_NOOP("DataSources", "Points per class"),
    QT_TRANSLATE_NOOP("DataSources", "Points on each arm."),
    QT_TRANSLATE_NOOP("DataSources", "Noise"),
    QT_TRANSLATE_NOOP("DataSources", "Standard deviation of the added noise."),
    QT_TRANSLATE_NOOP("DataSources", "Samples"),
    QT_TRANSLATE_NOOP("DataSources", "Number of points in all."),
    QT_TRANSLATE_NOOP("DataSources", "Factor"),
    QT_TRANSLATE_NOOP("DataSources", "Radius of the inner circle relative to the outer."),
    QT_TRANSLATE_NOOP("DataSources", "Number of clusters (classes)."),
    QT_TRANSLATE_NOOP("DataSources", "Spread"),
    QT_TRANSLATE_NOOP("DataSources", "Standard deviation of each cluster."),
    QT_TRANSLATE_NOOP("DataSources", "Number of sequences in all."),
    QT_TRANSLATE_NOOP("DataSources", "Length"),
    QT_TRANSLATE_NOOP("DataSources", "Steps in each sequence."),
    QT_TRANSLATE_NOOP("DataSources", "Download"),
    QT_TRANSLATE_NOOP(
        "DataSources",
        "Fetch the files into the data folder when they are missing (needs a network).",
    ),
    QT_TRANSLATE_NOOP("DataSources", "Resize"),
    QT_TRANSLATE_NOOP(
        "DataSources",
        "Resize every image to this many pixels square; 0 keeps the size (all images must then have the same size).",
    ),
    QT_TRANSLATE_NOOP("DataSources", "Grayscale"),
    QT_TRANSLATE_NOOP("DataSources", "Read the images as one grey channel instead of RGB."),
    QT_TRANSLATE_NOOP("DataSources", "File"),
    QT_TRANSLATE_NOOP("DataSources", "CSV file, relative to the data folder."),
    QT_TRANSLATE_NOOP("DataSources", "Label column"),
    QT_TRANSLATE_NOOP(
        "DataSources",
        "Column holding the label (for regression, comma-separated target columns); empty means the last column.",
    ),
    QT_TRANSLATE_NOOP("DataSources", "Feature columns"),
    QT_TRANSLATE_NOOP(
        "DataSources", "Comma-separated feature columns; empty means every other column."
    ),
    QT_TRANSLATE_NOOP("DataSources", "Task"),
    QT_TRANSLATE_NOOP("DataSources", "What to predict."),
    QT_TRANSLATE_NOOP("DataSources", "Delimiter"),
    QT_TRANSLATE_NOOP("DataSources", "Character between the values."),
    QT_TRANSLATE_NOOP("DataSources", "Has header"),
    QT_TRANSLATE_NOOP("DataSources", "The first row names the columns."),
    QT_TRANSLATE_NOOP("DataSources", "Test file"),
    QT_TRANSLATE_NOOP(
        "DataSources", "CSV file with the test rows; empty holds out test_fraction of the file."
    ),
)

#: The sources' names that are words (a dataset's own name, MNIST or CIFAR-10, stays as it is).
NAMES = (
    QT_TRANSLATE_NOOP("DataSources", "Digits (8×8)"),
    QT_TRANSLATE_NOOP("DataSources", "Spiral"),
    QT_TRANSLATE_NOOP("DataSources", "Two moons"),
    QT_TRANSLATE_NOOP("DataSources", "Circles"),
    QT_TRANSLATE_NOOP("DataSources", "Gaussian blobs"),
    QT_TRANSLATE_NOOP("DataSources", "Wave shapes"),
    QT_TRANSLATE_NOOP("DataSources", "Image folder"),
)

#: The sources' settings' choices that are words, shown translated in their combo boxes
#: (`param_editors.ChoiceEditor`: context "Choices"; a layer's choices are PyTorch's values
#: and have no entry, so they show as they are).
CHOICES = (
    QT_TRANSLATE_NOOP("Choices", "classification"),
    QT_TRANSLATE_NOOP("Choices", "regression"),
    QT_TRANSLATE_NOOP("Choices", "tab"),
)


def source_text(text: str) -> str:
    """A data source's `text` (a description, a setting's label or doc) in the person's
    language; as it is where the catalogue has none."""
    return QCoreApplication.translate(CONTEXT, text) if text else text
