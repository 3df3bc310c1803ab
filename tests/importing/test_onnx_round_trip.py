"""NetStudio reads back the ONNX it writes: project → ONNX (the app's exporter) → project (the
app's importer), and the re-imported project, compiled with the imported weights, gives what
onnxruntime gives on the ONNX file. Every example project and two torchvision models.

The examples' ONNX files are also the export's own check (one export each, the slow part):
onnxruntime on the file gives what the project's network gives, for any batch size."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pytest
import torch

onnx = pytest.importorskip("onnx")
pytest.importorskip("onnxscript")
ort = pytest.importorskip("onnxruntime")

from netstudio.core.compiler import compile_graph  # noqa: E402
from netstudio.core.graph import NetworkGraph  # noqa: E402
from netstudio.export import export_project  # noqa: E402
from netstudio.export.formats import compiled_model, example_inputs  # noqa: E402
from netstudio.importing import ImportedModel  # noqa: E402
from netstudio.importing.onnx_import import from_onnx  # noqa: E402
from netstudio.importing.torchvision_models import from_torchvision  # noqa: E402
from netstudio.io import Project, load_project  # noqa: E402
from netstudio.package_data import examples_dir  # noqa: E402
from netstudio.training.starting_weights import read_starting_weights, start_from  # noqa: E402

#: Every example project (the blocks of residual_blocks.net come back as the flat layers).
EXAMPLES = sorted(path.stem for path in examples_dir().glob("*.net"))

#: Layers the ONNX exporter folds away in eval mode (into the convolution before, or nothing).
FOLDED = {"BatchNorm1d", "BatchNorm2d", "Dropout", "Dropout2d", "Identity"}


def round_trip(project: Project, path: Path, weights: dict | None = None) -> ImportedModel:
    export_project(project, "onnx", path, starting_weights=weights)
    return from_onnx(path)


def max_difference(imported: ImportedModel, path: Path, label: str) -> float:
    """Largest |onnxruntime − re-imported project| on a batch of 2, relative to the largest
    output (float32 keeps ~7 digits whatever the outputs' size); both printed."""
    (x,) = example_inputs(imported.project.graph, batch=2)
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    expected = session.run(None, {session.get_inputs()[0].name: x.numpy()})[0]
    model = compile_graph(imported.project.graph)
    model.load_state_dict(imported.weights)
    with torch.no_grad():
        got = model.eval()(x).numpy()
    assert got.shape == expected.shape
    difference = float(np.abs(got - expected).max())
    scale = float(np.abs(expected).max())
    print(f"{label}: max abs difference {difference:.3g} (outputs up to {scale:.3g})")
    assert difference < 1e-4
    return difference / max(scale, 1e-30)


def layer_counts(project: Project) -> Counter[str]:
    """The layers of `project` by type, without the ones ONNX folds away, Flatten and
    Unflatten as Reshape (a head's ``view(N, -1)``, a Flatten and an Unflatten write the same
    ONNX Reshape)."""
    return _counts(project.graph, dict(project.network_items()))


def _counts(graph: NetworkGraph, networks: dict[str, NetworkGraph]) -> Counter[str]:
    """As `layer_counts`, a Block counted as its network's layers times its repeat count."""
    counts: Counter[str] = Counter()
    for node in graph.nodes():
        if node.type_id == "Block":
            inner = _counts(networks[node.params["network"]], networks)
            for type_id, count in inner.items():
                if type_id not in ("Input", "Output"):
                    counts[type_id] += count * node.params["repeat"]
        elif node.type_id not in FOLDED:
            reshapes = node.type_id in ("Flatten", "Unflatten")
            counts["Reshape" if reshapes else node.type_id] += 1
    return counts


def assert_matches_the_network(project: Project, path: Path) -> None:
    """onnxruntime on `path` gives what the project's network gives as an export holds it
    (seeded with the project's seed, then its starting weights), for batches of 1 and 7 (the
    export traced 2: the batch dimension is dynamic)."""
    onnx.checker.check_model(str(path))
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    model = compiled_model(project.graph, seed=project.training.get("seed", 0))
    start_from(model, read_starting_weights(project))
    for batch in (1, 7):
        x = example_inputs(project.graph, batch=batch)
        feed = {arg.name: t.numpy() for arg, t in zip(session.get_inputs(), x, strict=True)}
        (got,) = session.run(None, feed)
        with torch.no_grad():
            torch.testing.assert_close(torch.from_numpy(got), model(*x), atol=1e-5, rtol=1e-4)


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_example_exports_to_onnx_and_reads_it_back(tmp_path: Path, name: str) -> None:
    project = load_project(examples_dir() / f"{name}.net")
    imported = round_trip(project, tmp_path / f"{name}.onnx")
    assert_matches_the_network(project, tmp_path / f"{name}.onnx")
    assert max_difference(imported, tmp_path / f"{name}.onnx", name) < 1e-5
    assert layer_counts(imported.project) == layer_counts(project)
    assert recurrent_options(imported.project) == recurrent_options(project)


def recurrent_options(project: Project) -> list[dict]:
    """Each recurrent layer's options but its input size (auto in a project, filled from the
    weights by the importer): hidden size, stacked layers, direction, sequence or last step."""
    return [
        {key: value for key, value in node.params.items() if key != "input_size"}
        for node in project.graph.nodes()
        if node.type_id in ("RNN", "LSTM", "GRU")
    ]


@pytest.mark.parametrize("name", ["resnet18", "mobilenet_v2"])
def test_torchvision_models_read_back_their_onnx(tmp_path: Path, name: str) -> None:
    """Imported from torchvision (seeded random weights, 3×64×64), exported to ONNX with those
    weights and imported back. Each test builds only its own model: two test processes would
    otherwise each export both, the slowest exports of the suite."""
    torch.manual_seed(0)
    source = from_torchvision(name, (3, 64, 64), num_classes=10)
    path = tmp_path / f"{name}.onnx"
    imported = round_trip(source.project, path, source.weights)
    assert max_difference(imported, path, name) < 1e-4
    types = layer_counts(imported.project)
    assert "Function" not in types
    assert types == layer_counts(source.project)
