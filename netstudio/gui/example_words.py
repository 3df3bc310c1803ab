"""The example projects' names and descriptions in the person's language (File > Examples).

The examples keep their English in their files (a project's name and description are its own
data once opened); the gallery looks each up here under the context "Examples". A test checks
that every example's name and description is listed: a new example or a changed description
fails it until it is listed (and translated) here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from netstudio.core.messages import QT_TRANSLATE_NOOP

CONTEXT = "Examples"

#: Each example's name and description, as its file writes them (lupdate reads them here).
WORDS = (
    QT_TRANSLATE_NOOP("Examples", "CIFAR-10 CNN"),
    QT_TRANSLATE_NOOP(
        "Examples", "Two convolution blocks and two dense layers for 32×32 colour images."
    ),
    QT_TRANSLATE_NOOP("Examples", "Digits GAN"),
    QT_TRANSLATE_NOOP(
        "Examples",
        "A generative adversarial network on the bundled 8×8 digits: the generator turns 32 random numbers into a digit, the discriminator tells its digits from the real ones. Trains on a CPU in under a minute; the run folder keeps a grid of samples per epoch.",
    ),
    QT_TRANSLATE_NOOP("Examples", "Digits MLP"),
    QT_TRANSLATE_NOOP(
        "Examples",
        "scikit-learn's bundled 8×8 handwritten digits (real, offline): trains in seconds on a CPU.",
    ),
    QT_TRANSLATE_NOOP("Examples", "Digits MLP search"),
    QT_TRANSLATE_NOOP(
        "Examples",
        "The digits MLP with a ready search space: learning rate (log 1e-4 to 0.1), fc1's width (16 to 256) and the dropout probability (0 to 0.5). Run it from the Search panel: Train ▸ Search (Ctrl+F5).",
    ),
    QT_TRANSLATE_NOOP("Examples", "Fashion-MNIST CNN"),
    QT_TRANSLATE_NOOP(
        "Examples",
        "A small two-block CNN for 28×28 pictures of clothing (10 kinds), with left-right flips as augmentation.",
    ),
    QT_TRANSLATE_NOOP("Examples", "MNIST autoencoder"),
    QT_TRANSLATE_NOOP(
        "Examples",
        "Squeezes each digit through 32 numbers and rebuilds it (784-128-32-128-784): the target is the input. Pixels stay in [0, 1] to match the Sigmoid output.",
    ),
    QT_TRANSLATE_NOOP("Examples", "MNIST GAN"),
    QT_TRANSLATE_NOOP(
        "Examples",
        "A GAN on the real MNIST digits (28×28): the generator (64-256-512-784) turns 64 random numbers into a digit, the discriminator (784-512-256-1) tells its digits from the real ones. Needs the MNIST files under data/MNIST/raw; the run folder keeps a grid of samples per epoch.",
    ),
    QT_TRANSLATE_NOOP("Examples", "MNIST MLP"),
    QT_TRANSLATE_NOOP(
        "Examples", "The classic 784-256-128-10 multilayer perceptron for handwritten digits."
    ),
    QT_TRANSLATE_NOOP("Examples", "Residual blocks"),
    QT_TRANSLATE_NOOP(
        "Examples",
        "One residual block (convolution branch + identity skip, joined by Add) drawn once as its own network and used three times by a Block node, on the bundled 8×8 digits.",
    ),
    QT_TRANSLATE_NOOP("Examples", "Residual CNN"),
    QT_TRANSLATE_NOOP(
        "Examples", "Two residual blocks (convolution branch + identity skip, joined by Add)."
    ),
    QT_TRANSLATE_NOOP("Examples", "Wave shapes LSTM"),
    QT_TRANSLATE_NOOP(
        "Examples",
        "An LSTM reads a noisy wave step by step and tells a sine from a square from a sawtooth by its last hidden state. Generated in code; trains in seconds.",
    ),
    QT_TRANSLATE_NOOP("Examples", "Spiral toy"),
    QT_TRANSLATE_NOOP(
        "Examples",
        "Three interleaved spiral arms: no straight line separates them, two hidden layers do. Generated in code; trains in seconds.",
    ),
    QT_TRANSLATE_NOOP("Examples", "Transfer learning: digits 5–9"),
    QT_TRANSLATE_NOOP(
        "Examples",
        "The two convolutions start from weights learnt on the digits 0–4 (transfer_digits.safetensors) and are frozen; only the head learns the digits 5–9, from 71 examples. Compare with the same network trained from scratch.",
    ),
)

# Looked up by value, through a name lupdate does not collect.
_lookup = QCoreApplication.translate


def example_text(text: str) -> str:
    """An example's name or description in the person's language; as it is where the
    catalogue has none (an example added without its words here)."""
    return _lookup(CONTEXT, text) if text else text
