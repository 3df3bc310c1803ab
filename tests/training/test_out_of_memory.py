"""Out of memory is recognised on every device and said for people: how much was asked, where,
in which node, and what to shrink; a run that ran out before training writes no weights."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
import torch

from netstudio.training.config import TrainingConfig
from netstudio.training.failures import asked_for, human_bytes, is_out_of_memory
from netstudio.training.trainer import Trainer

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CPU_TEXT = (
    "[enforce fail at alloc_cpu.cpp:127] err == 0. DefaultCPUAllocator: can't allocate memory: "
    "you tried to allocate 1024000000 bytes. Error code 12 (Cannot allocate memory)"
)
CUDA_TEXT = (
    "CUDA out of memory. Tried to allocate 2.00 GiB. GPU 0 has a total capacity of 79.10 GiB of "
    "which 1.20 GiB is free."
)
MLP = [
    ("Linear", "fc1", {"out_features": 16}),
    ("ReLU", "relu1", {}),
    ("Linear", "fc2", {"out_features": 3}),
]


@pytest.mark.parametrize(
    ("error", "asked"),
    [
        (RuntimeError(CPU_TEXT), " (it asked for 976.6 MB more)"),
        (torch.OutOfMemoryError(CUDA_TEXT), " (it asked for 2.00 GiB more)"),
        (MemoryError(), ""),
    ],
    ids=["cpu-allocator", "cuda", "python"],
)
def test_every_allocator_failure_is_out_of_memory(error: BaseException, asked: str) -> None:
    assert is_out_of_memory(error)
    assert asked_for(error) == asked


def test_other_runtime_errors_are_not_out_of_memory() -> None:
    assert not is_out_of_memory(RuntimeError("mat1 and mat2 shapes cannot be multiplied"))
    assert not is_out_of_memory(ValueError("out of memory"))  # only allocators' errors


def test_sizes_are_said_in_human_units() -> None:
    assert human_bytes(500) == "500 B"
    assert human_bytes(1536) == "1.5 KB"
    assert human_bytes(256 * 10**12) == "232.8 TB"


def test_out_of_memory_in_a_layer_names_it_and_what_to_shrink(
    blob_data, chain_graph: Callable, monkeypatch: pytest.MonkeyPatch
) -> None:
    forward = torch.nn.Linear.forward

    def exhausted(self, x):
        if x.device.type == "meta":  # shape inference, before the run
            return forward(self, x)
        raise torch.OutOfMemoryError(CUDA_TEXT)

    monkeypatch.setattr(torch.nn.Linear, "forward", exhausted)
    config = TrainingConfig(epochs=1, batch_size=16, device="cpu")
    result = Trainer(chain_graph([4], MLP), blob_data, config).run()
    failure = result.failure
    assert failure.kind == "memory" and failure.node_id == "fc1"
    assert failure.message == (
        "ran out of memory on the CPU in Linear 'fc1' at epoch 1, batch 1 (it asked for 2.00 GiB "
        "more): lower the batch size (16 now) or the out_features of Linear 'fc1' (16 now)"
    )


def test_out_of_memory_moving_the_network_to_the_device_is_said_so(
    blob_data, chain_graph: Callable, monkeypatch: pytest.MonkeyPatch
) -> None:
    def exhausted(self, *args, **kwargs):
        raise torch.OutOfMemoryError(CUDA_TEXT)

    monkeypatch.setattr(torch.fx.GraphModule, "to", exhausted, raising=False)
    config = TrainingConfig(epochs=1, batch_size=16, device="cpu")
    failure = Trainer(chain_graph([4], MLP), blob_data, config).run().failure
    assert failure.kind == "memory"
    assert failure.message == (
        "ran out of memory moving the network's weights (524 B) to the CPU (it asked for 2.00 GiB "
        "more): use a smaller network, or train on another device"
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is enforced on Linux")
def test_under_a_memory_limit_out_of_memory_is_recognised_and_writes_no_weights(
    tmp_path: Path,
) -> None:
    """The real CPU allocator, in a process whose address space ends 128 MB past what it uses
    after loading: a 244 MB layer cannot be built, and a 390 MB batch cannot run forward."""
    script = textwrap.dedent(
        """
        import json, resource, sys
        from pathlib import Path

        import torch
        from sklearn.datasets import load_digits

        import netstudio.training.trainer
        from netstudio.cli import main

        torch.set_num_threads(1)
        load_digits()  # what loading the data and checking the network import, before the limit
        main(["check", sys.argv[1]])
        status = Path("/proc/self/status").read_text().splitlines()
        used = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize:"))
        limit = used + 128 * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        for project, out in zip(sys.argv[1::2], sys.argv[2::2]):
            code = main(["train", project, "--out", out, "--epochs", "1", "--device", "cpu"])
            print(f"exit {code}", file=sys.stderr)
        """
    )
    args = []
    for name, out_features, batch_size in (("build", 1_000_000, 32), ("forward", 100_000, 1024)):
        project = json.loads((EXAMPLES / "digits_mlp.net").read_text())
        for node in project["networks"][0]["graph"]["nodes"]:
            if node["id"] == "fc1":
                node["params"]["out_features"] = out_features
        project["training"]["batch_size"] = batch_size
        path = tmp_path / f"{name}.net"
        path.write_text(json.dumps(project))
        args += [str(path), str(tmp_path / name)]
    done = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=120
    )
    errors = [line for line in done.stderr.splitlines() if line.startswith("error: ")]
    assert done.stderr.count("exit 1") == 2, done.stderr
    assert errors == [
        "error: fc1: ran out of memory building Linear 'fc1' on the CPU (it asked for 244.1 MB "
        "more): lower its out_features (1,000,000 now)",
        "error: fc1: ran out of memory on the CPU in Linear 'fc1' at epoch 1, batch 1 (it asked "
        "for 390.6 MB more): lower the batch size (1,024 now) or the out_features of Linear "
        "'fc1' (100,000 now)",
    ], done.stderr
    for name in ("build", "forward"):
        (folder,) = (tmp_path / name).iterdir()
        result = json.loads((folder / "result.json").read_text())
        assert result["status"] == "failed" and result["error"]["kind"] == "memory"
        assert not list(folder.rglob("*.safetensors"))  # nothing trained, nothing written
