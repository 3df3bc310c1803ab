"""Weights brought into a project: read from a file, matched to its network, kept beside it.

A person brings weights in from a ``.safetensors`` file, a ``.pth``/``.pt``/``.bin`` file
(PyTorch's format, read with ``torch.load(weights_only=True)`` only: a file that holds anything
but tensors and plain values is refused, and nothing in it runs) or the folder of a finished run
of another project. `match_weights` pairs the file's tensors with the compiled network's by name
(the layer's node name, as `compile_graph` names its submodules; a torchvision-like key such as
``layer1.0.conv1.weight`` also finds the node named ``layer1_0_conv1``) and by shape, and
reports what matched, what the file lacks, what the network lacks and what has another shape,
before anything changes: loading only part of them is the caller's choice.

The weights a project starts from (its STARTING WEIGHTS) live beside its file as
``<project stem>.safetensors`` (what ``netstudio import --weights`` writes too), keyed like the
compiled model's state_dict: `starting_weights_path`, `read_starting_weights`,
`write_starting_weights`. The trainer starts from them (`start_from`): a tensor whose layer is
gone or has another shape now is skipped with a note, never a crash. `merged`, `without_node`
and `renamed` give the starting weights after a load, a Fit to data and a rename. No Qt here.
"""

from __future__ import annotations

import pickle
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from netstudio.core.graph import python_name
from netstudio.training import weights_messages as words

if TYPE_CHECKING:
    import torch
    from torch import fx, nn

    from netstudio.io import Project

#: The files weights are read from, by suffix: safetensors, or PyTorch's own (tensors only).
SAFETENSORS_SUFFIXES = (".safetensors",)
TORCH_SUFFIXES = (".pth", ".pt", ".bin")
#: Prefixes that wrappers add to every key (DataParallel, torch.compile): looked through.
_WRAPPER_PREFIXES = ("module.", "_orig_mod.")
#: Keys under which a PyTorch checkpoint file often keeps its state_dict.
_NESTED_KEYS = ("state_dict", "model_state_dict", "model", "weights", "net", "params")
#: How torch's weights-only reader names what it refused to load (a class or a function).
_UNSAFE_GLOBAL = re.compile(r"Unsupported global: GLOBAL (\S+)")
#: How many names a one-line summary lists before "…".
_SHOWN = 5


class WeightsFileError(Exception):
    """A weights file that cannot be read or is refused; the message is one line for people."""


# --- reading ------------------------------------------------------------------------------------


def read_weights_file(path: str | Path) -> dict[str, torch.Tensor]:
    """The tensors of a weights file or a run folder, by their keys in it, on the CPU.

    A folder is a run folder (its last weights, else its best). Raises WeightsFileError: the
    file is missing, damaged, of another kind, or holds more than tensors and plain values
    (then refused without running anything in it).
    """
    path = Path(path)
    if path.is_dir():
        from netstudio.export import RUN_WEIGHTS, run_weights_file

        found = run_weights_file(path)
        if found is None:
            raise WeightsFileError(
                words.NO_RUN_WEIGHTS(folder=path.name, names=" or ".join(RUN_WEIGHTS))
            )
        path = found
    if not path.is_file():
        raise WeightsFileError(words.NOT_FOUND(path=path))
    suffix = path.suffix.lower()
    if suffix in SAFETENSORS_SUFFIXES:
        return _read_safetensors(path)
    if suffix in TORCH_SUFFIXES:
        return _read_torch(path)
    kinds = ", ".join((*SAFETENSORS_SUFFIXES, *TORCH_SUFFIXES))
    raise WeightsFileError(words.NOT_WEIGHTS(file=path.name, kinds=kinds))


def _read_safetensors(path: Path) -> dict[str, torch.Tensor]:
    from safetensors.torch import load_file

    try:
        return load_file(str(path), device="cpu")
    except Exception as error:
        raise WeightsFileError(
            words.NOT_SAFETENSORS(file=path.name, error=_first_line(error))
        ) from None


def _read_torch(path: Path) -> dict[str, torch.Tensor]:
    import torch

    try:
        content = torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as error:
        # torch's own message suggests loading the file unsafely: never pass that on.
        found = _UNSAFE_GLOBAL.search(str(error))
        if found is None:
            raise WeightsFileError(words.NOT_TORCH(file=path.name)) from None
        raise WeightsFileError(words.UNSAFE(file=path.name, found=found.group(1))) from None
    except Exception as error:
        raise WeightsFileError(
            words.NOT_TORCH_BECAUSE(file=path.name, error=_first_line(error))
        ) from None
    tensors = _state_dict_in(content)
    if tensors is None:
        raise WeightsFileError(words.NO_STATE_DICT(file=path.name))
    return tensors


def _state_dict_in(content: object) -> dict[str, torch.Tensor] | None:
    """The tensors by name in what a PyTorch file held: the file's dict itself, or the one a
    checkpoint keeps under ``state_dict``, ``model`` ... (non-tensor entries are left out)."""
    import torch

    if not isinstance(content, Mapping):
        return None
    tensors = {
        str(k): v for k, v in content.items() if isinstance(k, str) and isinstance(v, torch.Tensor)
    }
    if tensors:
        return tensors
    for key in _NESTED_KEYS:
        found = _state_dict_in(content.get(key))
        if found:
            return found
    return None


# --- matching -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MatchedTensor:
    """A tensor of the file that fits the network: its key in the model and in the file."""

    key: str
    source_key: str
    shape: tuple[int, ...]
    node_id: str | None


@dataclass(frozen=True)
class MismatchedTensor:
    """A tensor whose name matches but whose shape does not: both shapes."""

    key: str
    source_key: str
    model_shape: tuple[int, ...]
    file_shape: tuple[int, ...]
    node_id: str | None


@dataclass
class WeightsReport:
    """What a weights file has for a network, before anything is changed.

    matched: the tensors that fit (name and shape). missing: the network's tensors (its
    state_dict keys) the file has nothing for. unexpected: the file's tensors the network has
    nothing for (keys as in the file, in its order). mismatched: name matches, shape differs.
    Matched and mismatched come in the network's order. tensors: the matched tensors under the
    network's keys and in its dtypes, what `apply_weights` loads.
    """

    source: str
    matched: list[MatchedTensor] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)
    mismatched: list[MismatchedTensor] = field(default_factory=list)
    tensors: dict[str, torch.Tensor] = field(default_factory=dict, repr=False)

    @property
    def complete(self) -> bool:
        """Every tensor of the network and of the file matched: loading changes everything."""
        return bool(self.matched) and not (self.missing or self.unexpected or self.mismatched)

    @property
    def partial(self) -> bool:
        """Some tensors matched but not all: loading them is a partial load."""
        return bool(self.matched) and not self.complete

    @property
    def matched_nodes(self) -> list[str]:
        """The ids of the nodes that get at least one tensor, in the network's order."""
        return list(dict.fromkeys(m.node_id for m in self.matched if m.node_id is not None))

    def lines(self) -> list[str]:
        """The report in a few lines for people: counts, then what did not fit, named."""
        out = [
            f"{self.source}: {len(self.matched)} tensors match, {len(self.missing)} missing, "
            f"{len(self.unexpected)} unexpected, {len(self.mismatched)} with another shape"
        ]
        if self.mismatched:
            shapes = [
                f"{m.key} {_shape(m.file_shape)} in the file, {_shape(m.model_shape)} here"
                for m in self.mismatched
            ]
            out.append("another shape: " + _listed(shapes))
        if self.missing:
            out.append("missing from the file (they keep their values): " + _listed(self.missing))
        if self.unexpected:
            out.append("not in this network: " + _listed(self.unexpected))
        return out


def match_weights(
    source: Mapping[str, torch.Tensor], model: nn.Module, source_name: str = "the weights"
) -> WeightsReport:
    """Pair the tensors of `source` (a file's, by its keys) with those of `model` (a compiled
    network, whose state_dict keys start with the layers' submodule names): see the module
    docstring. Nothing is changed; `apply_weights` loads the report's tensors."""
    from torch.fx import GraphModule

    from netstudio.core.compiler import node_for_module

    own = model.state_dict()
    report = WeightsReport(source_name)
    taken: set[str] = set()
    for source_key, tensor in source.items():
        key = _model_key(source_key, own, taken)
        if key is None:
            report.unexpected.append(source_key)
            continue
        taken.add(key)
        node_id = node_for_module(model, key) if isinstance(model, GraphModule) else None
        want = tuple(own[key].shape)
        if tuple(tensor.shape) != want:
            report.mismatched.append(
                MismatchedTensor(key, source_key, want, tuple(tensor.shape), node_id)
            )
            continue
        report.matched.append(MatchedTensor(key, source_key, want, node_id))
        report.tensors[key] = tensor.detach().to(own[key].dtype)
    order = {key: i for i, key in enumerate(own)}  # the network's order, whatever the file's
    report.matched.sort(key=lambda m: order[m.key])
    report.mismatched.sort(key=lambda m: order[m.key])
    report.tensors = {m.key: report.tensors[m.key] for m in report.matched}
    report.missing = [key for key in own if key not in taken]
    return report


def _model_key(source_key: str, own: Mapping[str, object], taken: set[str]) -> str | None:
    """The key of `own` that the file's `source_key` names, or None: the key itself, without a
    wrapper's prefix, or a dotted module path made into a node name (``layer1.0.conv1.weight``
    is ``layer1_0_conv1.weight``), the longest module path first."""
    candidates = [source_key]
    stripped = source_key
    while stripped.startswith(_WRAPPER_PREFIXES):
        stripped = stripped.split(".", 1)[1]
        candidates.append(stripped)
    parts = stripped.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        module = python_name("_".join(parts[:cut]))
        candidates.append(".".join([module, *parts[cut:]]))
    for key in candidates:
        if key in own and key not in taken:
            return key
    return None


def weights_report(path: str | Path, model: nn.Module) -> WeightsReport:
    """Read the weights file or run folder `path` and match it to `model` (`match_weights`);
    WeightsFileError when it cannot be read or is refused."""
    path = Path(path)
    return match_weights(read_weights_file(path), model, path.name)


def apply_weights(model: nn.Module, tensors: Mapping[str, torch.Tensor]) -> None:
    """Copy `tensors` (keys and shapes of `model`'s state_dict, as a report's `tensors`) into
    `model`; its other tensors keep their values."""
    import torch

    own = model.state_dict()
    with torch.no_grad():
        for key, tensor in tensors.items():
            own[key].copy_(tensor)


def project_model(project: Project) -> fx.GraphModule:
    """The project's network compiled (fresh weights, the project's seed) to match weights
    against; an auto Input takes its data's sample shape. Raises CompileError when invalid."""
    import torch

    from netstudio.core.compiler import compile_graph
    from netstudio.core.shapes import with_input_shape
    from netstudio.training.sources import project_sample_shape

    folder = Path(project.path).resolve().parent if project.path else None
    graph = with_input_shape(project.graph, project_sample_shape(project.data, folder))
    seed = project.training.get("seed", 0) if isinstance(project.training, dict) else 0
    torch.manual_seed(seed if isinstance(seed, int) and seed >= 0 else 0)
    return compile_graph(graph)


def node_keys(model: fx.GraphModule, node_id: str) -> list[str]:
    """The state_dict keys of `model` that belong to the node `node_id` (none: it has no
    tensors, or no layer in the model)."""
    from netstudio.core.compiler import node_for_module

    return [key for key in model.state_dict() if node_for_module(model, key) == node_id]


def without_keys(
    tensors: Mapping[str, torch.Tensor], keys: Iterable[str]
) -> dict[str, torch.Tensor]:
    """`tensors` less `keys`: starting weights without a node that starts afresh (Fit to data
    re-initialises its layer: drop `node_keys` of it)."""
    dropped = set(keys)
    return {key: tensor for key, tensor in tensors.items() if key not in dropped}


def without_node(
    tensors: Mapping[str, torch.Tensor], model: fx.GraphModule, node_id: str
) -> dict[str, torch.Tensor]:
    """`tensors` without those of the node `node_id` in `model`: what Fit to data keeps when it
    re-initialises that node's layer."""
    return without_keys(tensors, node_keys(model, node_id))


def merged(current: Mapping[str, torch.Tensor], report: WeightsReport) -> dict[str, torch.Tensor]:
    """The starting weights after the person accepts `report`: its matched tensors over the
    `current` ones (tensors the file did not match keep what they had)."""
    return {**current, **report.tensors}


def renamed(
    tensors: Mapping[str, torch.Tensor], old_name: str, new_name: str
) -> dict[str, torch.Tensor]:
    """`tensors` with the keys of the layer named `old_name` moved to `new_name`, so a renamed
    node keeps its starting weights (keys start with the layer's name as an identifier; two
    names that fold alike are numbered by the compiler, and such a key is then left as is)."""
    old, new = python_name(old_name) + ".", python_name(new_name) + "."
    return {(new + k[len(old) :] if k.startswith(old) else k): v for k, v in tensors.items()}


# --- the project's starting weights --------------------------------------------------------------


def starting_weights_path(project_path: str | Path) -> Path:
    """Where a project's starting weights live: ``<project stem>.safetensors`` beside it."""
    path = Path(project_path)
    return path.with_name(path.stem + ".safetensors")


def read_starting_weights(project: Project) -> dict[str, torch.Tensor]:
    """The starting weights kept beside `project`'s file; {} when it has none or was never
    saved (the app keeps an unsaved project's in memory). WeightsFileError when damaged."""
    if project.path is None:
        return {}
    path = starting_weights_path(project.path)
    if not path.is_file():
        return {}
    try:
        return _read_safetensors(path)
    except WeightsFileError as error:
        problem = error.args[0] if len(error.args) == 1 else str(error)
        raise WeightsFileError(words.PROJECT_WEIGHTS_BAD(problem=problem)) from None


def write_starting_weights(
    project_path: str | Path, tensors: Mapping[str, torch.Tensor]
) -> Path | None:
    """Keep `tensors` as the starting weights of the project saved at `project_path`, written
    atomically (a reader sees the old file or the new one); with no tensors the file is
    removed. Returns the file written, None when removed. OSError when it cannot be written."""
    from netstudio.training.checkpoints import save_state_dict

    path = starting_weights_path(project_path)
    if not tensors:
        path.unlink(missing_ok=True)
        return None
    save_state_dict(dict(tensors), path)
    return path


@dataclass(frozen=True)
class StartingWeights:
    """What `start_from` loaded: how many tensors, and a note for each kind that did not fit."""

    loaded: int
    notes: tuple[str, ...] = ()


def start_from(model: nn.Module, tensors: Mapping[str, torch.Tensor] | None) -> StartingWeights:
    """Load the starting weights `tensors` into `model` where name and shape fit, as a run
    starts; a tensor whose layer was renamed, removed or reshaped since is skipped, with a
    note for the run's log (never an error: those layers start afresh)."""
    if not tensors:
        return StartingWeights(0)
    own = model.state_dict()
    fits = {k: v for k, v in tensors.items() if k in own and tuple(v.shape) == tuple(own[k].shape)}
    reshaped = [
        f"{k} {_shape(tuple(v.shape))} (now {_shape(tuple(own[k].shape))})"
        for k, v in tensors.items()
        if k in own and k not in fits
    ]
    gone = [k for k in tensors if k not in own]
    apply_weights(model, {k: v.to(own[k].dtype) for k, v in fits.items()})
    notes = []
    if reshaped:
        notes.append(
            f"{len(reshaped)} starting tensors no longer fit their layer's shape and were "
            f"skipped (those layers start afresh): {_listed(reshaped)}"
        )
    if gone:
        notes.append(
            f"{len(gone)} starting tensors name no layer of the network (renamed or removed) "
            f"and were skipped: {_listed(gone)}"
        )
    return StartingWeights(len(fits), tuple(notes))


def _shape(shape: tuple[int, ...]) -> str:
    return "(" + "×".join(map(str, shape)) + ")" if shape else "(scalar)"


def _listed(items: list[str]) -> str:
    shown = ", ".join(items[:_SHOWN])
    return shown + (f" and {len(items) - _SHOWN} more" if len(items) > _SHOWN else "")


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
