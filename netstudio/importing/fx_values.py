"""What a traced torch.fx node stands for while an `nn.Module` is imported.

The example run gives every fx node a value, summarised as a `TensorMeta` (shape and dtype)
for a tensor; the translator then maps each node to a `Ref` (a tensor of the graph being
built), a `TracedTuple` (``x.chunk(2)``), a `RecurrentOutput` (an LSTM's ``(output, state)``),
a Python constant, or a marker of the batch size. Python numbers computed from shapes are kept
as constants, except the batch size, which no layer may depend on: `BATCH_SIZE` and
`FROM_BATCH` mark it, and `mentions_batch` finds them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from netstudio.core.messages import QT_TRANSLATE_NOOP
from netstudio.importing.errors import ModelImportError
from netstudio.importing.function_rules import Ref

if TYPE_CHECKING:
    from torch import fx

    from netstudio.importing.fx_translator import FxTranslator

#: Batch size of the example run. Dimension 0 of every tensor is this, and only this.
BATCH = 2


class _Batch:
    """The batch size as a traced Python number (``x.size(0)``)."""

    def __repr__(self) -> str:
        return "<batch size>"


class _FromBatch:
    """A number computed from the batch size (``x.size(0) * 2``)."""


BATCH_SIZE = _Batch()
FROM_BATCH = _FromBatch()


class TensorMeta:
    """What the example run saw of a tensor: shape and dtype."""

    def __init__(self, shape: tuple[int, ...], dtype: str) -> None:
        self.shape, self.dtype = shape, dtype


class TracedTuple:
    """A traced tuple of tensors (``x.chunk(2)``, an LSTM's ``(output, state)``)."""

    def __init__(self, translator: FxTranslator, n: fx.Node, args: Any, kwargs: Any) -> None:
        self.translator, self.n, self.args, self.kwargs = translator, n, args, kwargs
        self.count = len(translator.seen[n])
        self._items: dict[int, Ref] = {}

    def item(self, index: int, at: fx.Node) -> Ref:
        if isinstance(index, bool) or not isinstance(index, int):
            raise self.translator.error(
                at,
                QT_TRANSLATE_NOOP("ImportMessages", "indexes a tuple of tensors with a non-number"),
            )
        index = index + self.count if index < 0 else index
        if index not in self._items:
            self._items[index] = self.translator.op_node(
                self.n, self.args, self.kwargs, item=index, name=at.name
            )
        return self._items[index]

    def all(self) -> tuple[Ref, ...]:
        return tuple(self.item(i, self.n) for i in range(self.count))


class RecurrentOutput(TracedTuple):
    """A recurrent layer's ``(output, hidden state)``.

    With `last` the layer passes on its last step only (its "last" output option), which is
    what every use of the output (``out[:, -1]``) and of the hidden state (``h[-1]``) reads
    (`FxTranslator` checks that before it makes the layer). Otherwise the output is the whole
    sequence, and the hidden state cannot be used.
    """

    def __init__(self, translator: FxTranslator, n: fx.Node, output: Ref, last: bool) -> None:
        self.translator, self.n, self.output, self.last = translator, n, output, last
        self.count = 2

    def item(self, index: int, at: fx.Node) -> Any:
        if index in (0, -2):
            return LastStep(self.output) if self.last else self.output
        if self.translator.gm.get_submodule(str(self.n.target)).__class__.__name__ == "LSTM":
            return RecurrentState(self, at)  # (h, c)
        return self.hidden(at)

    def hidden(self, at: fx.Node) -> Any:
        """The final hidden state: readable for its last layer when the output is the last step."""
        if self.last:
            return LastStep(self.output)
        return Unusable(  # an error only when used: ``out, _ = self.lstm(x)`` is fine
            self.translator.error(
                at,
                QT_TRANSLATE_NOOP(
                    "ImportMessages",
                    "uses the hidden state of a recurrent layer in a way NetStudio cannot "
                    "follow: its RNN, LSTM and GRU layers pass on the output sequence, or the "
                    "last step (read it as out[:, -1] or, one direction only, h[-1], with no "
                    "other use of the sequence)",
                ),
            )
        )

    def all(self) -> tuple[Ref, ...]:
        return (self.item(0, self.n), self.item(1, self.n))


class RecurrentState(TracedTuple):
    """An LSTM's ``(h, c)``: h as `RecurrentOutput.hidden`; the cell state c is not passed on."""

    def __init__(self, owner: RecurrentOutput, n: fx.Node) -> None:
        self.owner, self.translator, self.n = owner, owner.translator, n
        self.count = 2

    def item(self, index: int, at: fx.Node) -> Any:
        if index in (0, -2):
            return self.owner.hidden(at)
        return Unusable(
            self.translator.error(
                at,
                QT_TRANSLATE_NOOP(
                    "ImportMessages",
                    "uses the cell state c of an LSTM: NetStudio's LSTM layer passes on its "
                    "output sequence or last step only; use out[:, -1] or h[-1]",
                ),
            )
        )

    def all(self) -> tuple[Ref, ...]:
        return (self.item(0, self.n), self.item(1, self.n))


class LastStep:
    """A recurrent layer's output or hidden state that is read only at its last step: the
    layer's "last" output `ref` is what that read gives."""

    def __init__(self, ref: Ref) -> None:
        self.ref = ref


class Unusable:
    """A traced value NetStudio cannot pass on; `error` is raised where it is used."""

    def __init__(self, error: ModelImportError) -> None:
        self.error = error


def check_usable(value: Any) -> None:
    for v in walk(value):
        if isinstance(v, Unusable):
            raise v.error


def expand(value: Any) -> Any:
    """`value` with every tuple-of-tensors result replaced by its items."""
    if isinstance(value, TracedTuple):
        return value.all()
    if isinstance(value, tuple):
        return tuple(expand(v) for v in value)
    if isinstance(value, list):
        return [expand(v) for v in value]
    if isinstance(value, dict):
        return {k: expand(v) for k, v in value.items()}
    if isinstance(value, slice):
        return slice(expand(value.start), expand(value.stop), expand(value.step))
    return value


def walk(value: Any) -> Iterator[Any]:
    """`value` and everything inside it (tuples, lists, dict values, slice bounds)."""
    yield value
    if isinstance(value, (tuple, list)):
        for v in value:
            yield from walk(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from walk(v)
    elif isinstance(value, slice):
        for v in (value.start, value.stop, value.step):
            yield from walk(v)


def refs_in(value: Any) -> list[Ref]:
    return [v for v in walk(value) if isinstance(v, Ref)]


def mentions_batch(value: Any) -> bool:
    return any(v is BATCH_SIZE or v is FROM_BATCH for v in walk(value))
