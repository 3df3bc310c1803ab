"""torchvision architectures by name: never downloaded, weights only from a local file."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
import torchvision
from safetensors.torch import save_file

from netstudio.core.shapes import ShapeInference
from netstudio.importing import ModelImportError
from netstudio.importing.torchvision_models import SUPPORTED, from_torchvision


def test_the_required_architectures_are_listed() -> None:
    assert {"resnet18", "vgg11", "mobilenet_v2"} <= set(SUPPORTED)


def test_vgg11_imports_and_compiles() -> None:
    imported = from_torchvision("vgg11", (3, 32, 32), num_classes=10)
    graph = imported.project.graph  # compiled with its weights already, or it would raise
    assert [n.type_id for n in graph.nodes()].count("Conv2d") == 8
    assert graph.node_by_name("classifier.6").params["out_features"] == 10
    assert imported.weights["classifier_6.weight"].shape == (10, 4096)
    inference = ShapeInference(graph)
    assert inference.info(graph.outputs()[0].id).output.shape == (2, 10)


@pytest.mark.parametrize("suffix", [".safetensors", ".pth"])
def test_weights_come_from_a_local_file(tmp_path: Path, suffix: str, same_outputs) -> None:
    torch.manual_seed(1)
    source = torchvision.models.resnet18(weights=None).eval()
    path = tmp_path / f"resnet{suffix}"
    if suffix == ".safetensors":
        save_file(source.state_dict(), str(path))
    else:
        torch.save({"state_dict": source.state_dict()}, path)
    imported = from_torchvision("resnet18", (3, 32, 32), path)
    same_outputs(imported, source, torch.randn(2, 3, 32, 32))


def test_unknown_names_and_wrong_weights_are_explained(tmp_path: Path) -> None:
    with pytest.raises(ModelImportError, match=r"'vit_b_16' is not a supported .*resnet18"):
        from_torchvision("vit_b_16")
    with pytest.raises(ModelImportError, match="no such weights file"):
        from_torchvision("resnet18", (3, 32, 32), tmp_path / "missing.pth")
    wrong = tmp_path / "wrong.safetensors"
    save_file({"fc.weight": torch.zeros(3, 3)}, str(wrong))
    with pytest.raises(ModelImportError, match="do not fit torchvision's resnet18"):
        from_torchvision("resnet18", (3, 32, 32), wrong)
    junk = tmp_path / "junk.pth"
    junk.write_bytes(b"not a checkpoint")
    with pytest.raises(ModelImportError, match="cannot read weights"):
        from_torchvision("resnet18", (3, 32, 32), junk)
