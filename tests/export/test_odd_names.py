"""Names that are not plain Python identifiers, and exports that fail: no broken file, no temp.

Nodes ``ﬁ`` and ``fi`` once shared one attribute after Python's NFKC normalisation, ``fc²``
exported a file that did not parse, a NUL in the project name made the exported docstring
unreadable, and a failed export left its ``.tmp`` file behind.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import torch

from netstudio.core.graph import NetworkGraph
from netstudio.export import ExportError, export_project
from netstudio.export import python_file as python_file_module
from netstudio.export.code import literal
from netstudio.export.formats import compiled_model, example_inputs
from netstudio.io import Project

#: A NUL, a lone surrogate, closing quotes, a backslash, a right-to-left override, a line break.
ODD_PROJECT_NAME = 'Odd\x00 net \ud800 """ \\ \u202e x\nend'


def odd_project() -> Project:
    """x → ﬁ → fi → fc² → (two outputs: 'ｏｕｔ' and 'out')."""
    graph = NetworkGraph()
    graph.add_node("Input", node_id="x", name="x", params={"shape": (4,)})
    last = "x"
    for node_id, name, units in [("a", "ﬁ", 3), ("b", "fi", 5), ("c", "fc²", 2)]:
        graph.add_node("Linear", node_id=node_id, name=name, params={"out_features": units})
        graph.connect(last, "out", node_id, "in")
        last = node_id
    for node_id, name in [("o1", "ｏｕｔ"), ("o2", "out")]:
        graph.add_node("Output", node_id=node_id, name=name)
        graph.connect(last, "out", node_id, "in")
    return Project(graph, name=ODD_PROJECT_NAME)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".tmp" in p.name)


def test_odd_names_export_a_python_file_that_parses_and_runs(tmp_path: Path, load_module) -> None:
    project = odd_project()
    path = export_project(project, "python", tmp_path / "odd.py")[0]
    text = path.read_text(encoding="utf-8")
    ast.parse(text)
    assert "\x00" not in text and "\u202e" not in text
    module = load_module(path)
    exported = module.load_model().eval()
    compiled = compiled_model(project.graph)
    assert [name for name, _ in exported.named_children()] == ["fi", "fi_2", "fc2"]
    exported.load_state_dict(compiled.state_dict())
    x = example_inputs(project.graph)
    with torch.no_grad():
        for got, expected in zip(exported(*x), compiled(*x), strict=True):
            torch.testing.assert_close(got, expected)
    assert leftovers(tmp_path) == []


@pytest.mark.filterwarnings("ignore:`torch.jit.load` is deprecated:FutureWarning")
def test_odd_names_export_to_torchscript(tmp_path: Path) -> None:
    path = export_project(odd_project(), "torchscript", tmp_path / "odd.pt")[0]
    loaded = torch.jit.load(str(path))
    assert loaded(torch.randn(3, 4))[0].shape == (3, 2)
    assert leftovers(tmp_path) == []


def test_two_outputs_alike_under_nfkc_get_two_onnx_names(tmp_path: Path) -> None:
    pytest.importorskip("onnxscript")
    onnx = pytest.importorskip("onnx")
    path = export_project(odd_project(), "onnx", tmp_path / "odd.onnx")[0]
    names = [output.name for output in onnx.load(str(path)).graph.output]
    assert names == ["out", "out_2"]
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(
    "text", ["a\x00b", "line\u2028separator", "lone \ud800", "tab\tand\x1b[31m", 'q"uo\\te']
)
def test_text_literals_in_generated_code_are_valid_python(text: str) -> None:
    source = f"value = {literal(text)}\n"
    assert source.encode("utf-8")  # no lone surrogate in the file itself
    scope: dict[str, object] = {}
    exec(compile(ast.parse(source), "<literal>", "exec"), scope)  # our own generated line
    assert scope["value"] == text


@pytest.mark.filterwarnings("ignore:`torch.jit.load` is deprecated:FutureWarning")
def test_a_failed_torchscript_check_leaves_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "model.pt"
    target.write_bytes(b"the previous export")

    def broken_load(*args: object, **kwargs: object) -> None:
        raise RuntimeError("unexpected end of archive\nmore detail")

    monkeypatch.setattr(torch.jit, "load", broken_load)
    with pytest.raises(
        ExportError, match=r"^TorchScript export failed: unexpected end of archive$"
    ):
        export_project(odd_project(), "torchscript", target)
    assert target.read_bytes() == b"the previous export"
    assert leftovers(tmp_path) == []


def test_python_code_that_does_not_parse_is_never_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = python_file_module.python_source

    def spoiled(*args: object, **kwargs: object) -> tuple[str, object]:
        text, model = real(*args, **kwargs)
        return text + "def broken(:\n", model

    monkeypatch.setattr(python_file_module, "python_source", spoiled)
    with pytest.raises(
        ExportError, match=r"would not run \(line \d+: .*\), so nothing was written"
    ):
        export_project(odd_project(), "python", tmp_path / "model.py")
    assert list(tmp_path.iterdir()) == []


def test_a_write_that_fails_is_an_export_error_and_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(self: Path, target: Path) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", full)
    for format, name in [("python", "model.py"), ("torchscript", "model.pt")]:
        with pytest.raises(ExportError, match=f"cannot write .*{name}: No space left on device"):
            export_project(odd_project(), format, tmp_path / name)
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []
