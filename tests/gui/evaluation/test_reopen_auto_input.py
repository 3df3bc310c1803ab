"""Open weights of a run whose network has an auto Input: the Input takes the run's data shape."""

from __future__ import annotations

from pathlib import Path

from netstudio.core.compiler import compile_graph
from netstudio.core.graph import NetworkGraph
from netstudio.core.shapes import with_input_shape
from netstudio.gui.evaluation.reopen import reopen_run
from netstudio.training.checkpoints import save_weights


def test_the_weights_of_an_auto_input_network_open_with_the_data_shape(tmp_path: Path) -> None:
    graph = NetworkGraph()
    graph.add_node("Input", node_id="input")  # auto: the digits' 1×8×8 samples
    graph.add_node("Flatten", node_id="flat")
    graph.add_node("Linear", node_id="fc", params={"out_features": 10})
    graph.add_node("Output", node_id="output")
    for src, dst in (("input", "flat"), ("flat", "fc"), ("fc", "output")):
        graph.connect(src, "out", dst, "in")
    folder = tmp_path / "run"
    folder.mkdir()
    save_weights(compile_graph(with_input_shape(graph, (1, 8, 8))), folder / "last.safetensors")
    record = {"name": "Run 1", "run_dir": str(folder), "data": {"source": "digits"}}
    finished = reopen_run(record, graph, None)
    assert finished.model.fc.in_features == 64
    assert finished.result.failure is None
    assert finished.result.test_accuracy is not None  # evaluated on the run's digits
