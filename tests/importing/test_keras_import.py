"""Importing Keras models: the tutorials' Sequential and functional code, from a .keras file
or the Python file that builds it, with Keras's parameter count and Keras's outputs."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import numpy as np
import pytest
import torch

os.environ["KERAS_BACKEND"] = "torch"
keras = pytest.importorskip("keras")
layers = keras.layers

from netstudio.cli import main  # noqa: E402
from netstudio.core.compiler import compile_graph  # noqa: E402
from netstudio.core.shapes import ShapeInference  # noqa: E402
from netstudio.importing import ImportedModel, ModelImportError  # noqa: E402
from netstudio.importing.keras_import import from_keras, from_keras_model  # noqa: E402

BUILDER = """
import keras
from keras import layers


def build(classes=10):
    return keras.Sequential(
        [
            keras.Input((8, 8, 1)),
            layers.Conv2D(4, 3, activation="relu"),
            layers.Flatten(),
            layers.Dense(classes, activation="softmax", name="head"),
        ]
    )


model = build(3)
"""


def seed_cnn() -> keras.Model:
    """The seed 004 CNN of the tutorials (CIFAR-10 sized)."""
    return keras.Sequential(
        [
            keras.Input((32, 32, 3)),
            layers.Conv2D(32, 3, activation="relu"),
            layers.MaxPooling2D(),
            layers.Conv2D(64, 3, activation="relu"),
            layers.MaxPooling2D(),
            layers.Conv2D(64, 3, activation="relu"),
            layers.Flatten(),
            layers.Dense(64, activation="relu"),
            layers.Dense(10),
        ]
    )


def largest_difference(imported: ImportedModel, model: keras.Model, x: np.ndarray) -> float:
    """Max abs difference between Keras on NHWC `x` and the compiled import on it as NCHW."""
    net = compile_graph(imported.project.graph)
    net.load_state_dict(imported.weights)
    net.eval()
    expected = model(x, training=False).detach().cpu().numpy()
    inputs = torch.from_numpy(x)
    with torch.no_grad():
        got = net(inputs.permute(0, 3, 1, 2) if inputs.dim() == 4 else inputs).numpy()
    assert got.shape == expected.shape
    return float(np.abs(got - expected).max())


def images(*shape: int) -> np.ndarray:
    return np.random.default_rng(0).standard_normal(shape).astype(np.float32)


def test_the_seed_cnn_has_keras_parameter_count_and_outputs() -> None:
    model = seed_cnn()
    imported = from_keras_model(model, "seed")
    graph = imported.project.graph
    types = [node.type_id for node in graph.nodes()]
    assert types.count("Conv2d") == 3 and types.count("ReLU") == 4
    assert types.count("Linear") == 2 and "Function" not in types
    assert graph.node_by_name("input").params["shape"] == (3, 32, 32)
    assert ShapeInference(graph).total_params() == model.count_params() == 122_570
    # Flatten is channels-last in Keras: only reordered Dense rows give the same outputs
    assert largest_difference(imported, model, images(4, 32, 32, 3)) < 1e-4


def test_a_functional_model_with_add_batchnorm_and_dropout() -> None:
    inputs = keras.Input((9, 9, 3))
    x = layers.Conv2D(8, 3, strides=2, padding="same", use_bias=False)(inputs)  # pads unevenly
    x = layers.BatchNormalization(name="norm")(x)
    x = layers.Activation("relu")(x)
    skip = layers.Conv2D(8, 1, strides=2)(inputs)
    x = layers.Add()([x, skip])
    x = layers.MaxPooling2D(padding="same")(layers.Dropout(0.3)(x))  # 5×5 → 3×3
    flat = layers.BatchNormalization()(layers.Flatten()(x))
    pooled = layers.GlobalAveragePooling2D()(x)
    x = layers.Concatenate()([flat, pooled])
    outputs = layers.Dense(5, activation="softmax")(layers.Dropout(0.5)(x))
    model = keras.Model(inputs, outputs)
    rng = np.random.default_rng(1)
    for variable in model.non_trainable_variables:  # moving statistics unlike the defaults
        variable.assign(rng.uniform(0.5, 1.5, variable.shape).astype(np.float32))

    imported = from_keras_model(model, "functional")
    graph = imported.project.graph
    norm = graph.node_by_name("norm").params
    assert norm["eps"] == pytest.approx(1e-3) and norm["momentum"] == pytest.approx(0.01)
    assert {"Add", "Concat", "Dropout", "BatchNorm1d", "BatchNorm2d"} <= {
        node.type_id for node in graph.nodes()
    }
    trainable = sum(int(np.prod(v.shape)) for v in model.trainable_variables)
    assert ShapeInference(graph).total_params() == trainable
    assert largest_difference(imported, model, images(3, 9, 9, 3)) < 1e-4


def test_a_saved_keras_file_imports_with_its_weights(tmp_path: Path) -> None:
    model = seed_cnn()
    model.save(tmp_path / "cnn.keras")
    imported = from_keras(tmp_path / "cnn.keras")
    assert imported.project.name == "cnn"
    assert largest_difference(imported, model, images(2, 32, 32, 3)) < 1e-4
    written = imported.save(tmp_path / "cnn.net")
    assert [p.name for p in written] == ["cnn.net", "cnn.safetensors"]


def test_a_keras_file_with_code_in_it_is_refused_unrun(tmp_path: Path) -> None:
    model = keras.Sequential([keras.Input((4,)), layers.Lambda(lambda x: x * 2)])
    model.save(tmp_path / "lambda.keras")
    with pytest.raises(ModelImportError, match="never run from a file"):
        from_keras(tmp_path / "lambda.keras")


def test_a_python_file_that_builds_the_model(tmp_path: Path) -> None:
    source = tmp_path / "tutorial.py"
    source.write_text(BUILDER)
    by_variable = from_keras(source)  # the file's only model variable
    assert by_variable.project.name == "model"
    assert by_variable.project.graph.node_by_name("head").params["out_features"] == 3
    by_function = from_keras(source, "build")
    assert by_function.project.graph.node_by_name("head").params["out_features"] == 10
    assert by_function.project.graph.node_by_name("head_softmax").type_id == "Softmax"


def test_a_model_without_input_takes_the_shape_given() -> None:
    model = keras.Sequential([layers.Dense(4, activation="leaky_relu", name="hidden")])
    with pytest.raises(ModelImportError, match="no input shape"):
        from_keras_model(model, "mlp")
    imported = from_keras_model(model, "mlp", (6,))
    assert imported.project.graph.node_by_name("hidden_leaky_relu").params["negative_slope"] == 0.2
    assert largest_difference(imported, model, images(2, 6)) < 1e-5


def test_a_layer_with_no_counterpart_is_named_with_what_to_use() -> None:
    model = keras.Sequential(
        [keras.Input((8, 8, 3)), layers.Rescaling(1 / 255, name="scale"), layers.Flatten()]
    )
    with pytest.raises(ModelImportError) as caught:
        from_keras_model(model, "m")
    message = str(caught.value)
    assert "Keras layer 'scale' (Rescaling)" in message
    assert "let the data source scale the images" in message and "Conv2D" in message


def test_a_file_without_the_name_lists_what_it_has(tmp_path: Path) -> None:
    source = tmp_path / "tutorial.py"
    source.write_text(BUILDER)
    with pytest.raises(ModelImportError, match=r"there is no 'net' \(it has build\(\), model\)"):
        from_keras(source, "net")


def test_without_keras_the_message_says_what_to_install(monkeypatch, tmp_path: Path) -> None:
    source = tmp_path / "cnn.keras"
    source.write_bytes(b"")
    monkeypatch.setitem(sys.modules, "keras", None)  # `import keras` raises ImportError
    with pytest.raises(ModelImportError) as caught:
        from_keras(source)
    assert str(caught.value) == 'Keras is not installed: pip install "netstudio[keras]"'


def test_the_command_line_imports_a_keras_python_file(tmp_path: Path, capsys) -> None:
    source = tmp_path / "tutorial.py"
    source.write_text(BUILDER)
    out = tmp_path / "net.net"
    code = main(["import", str(source), "-o", str(out), "--class", "build"])
    printed = capsys.readouterr().out
    assert code == 0
    assert "imported build: 7 nodes, 1,490 parameters with their weights" in printed
    assert "note: images are channels-first" in printed
    assert out.is_file() and out.with_suffix(".safetensors").is_file()
