"""`torchrun --nproc_per_node 2 -m netstudio train`: two CPU processes (gloo) train as one
process with the same global batch would (an uneven last batch and the evaluation metrics
included), only rank 0 writes the run, --resume goes on, ranks that read different projects are
refused before anything is written, and the exported training script runs under torchrun too.

Starting torchrun and two processes that import torch costs seconds, so one launch does all of
it: this file, run as a script under torchrun (`_worker`), calls the command several times in
the same two processes and leaves what each rank saw in a JSON file; the tests read those,
while the one-process run to compare with trains here during the launch.
"""

from __future__ import annotations

import contextlib
import csv
import importlib.util
import io
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest
import torch

from netstudio.training import distributed
from netstudio.training.batches import TensorBatches, loader_batches, make_batches
from netstudio.training.loaded_data import TensorSplit

EXAMPLES = Path(__file__).resolve().parents[2] / "netstudio" / "examples"
TORCHRUN = shutil.which("torchrun", path=str(Path(sys.executable).parent)) or shutil.which(
    "torchrun"
)
#: The global batch: the digits' 1,261 training samples end in a batch of 45 (23 and 22 per rank).
BATCH = 64
#: Fractions that leave odd splits: 1,261 train / 173 validation / 363 test samples.
SPLITS = {"val_fraction": 0.12, "test_fraction": 0.202}
COMMON = ["--batch-size", str(BATCH), "--device", "cpu", "--json"]
needs_torchrun = pytest.mark.skipif(
    TORCHRUN is None, reason="torchrun is not installed beside this Python"
)


def test_the_ranks_share_each_global_batch_on_both_paths() -> None:
    x = torch.arange(53, dtype=torch.float32).reshape(53, 1)
    split = TensorSplit(x, torch.arange(53) % 3)
    whole = [y for _, y in TensorBatches(split, 8, seed=2)]
    for make in (
        lambda shard: make_batches(split, 8, train=True, seed=2, shard=shard),
        lambda shard: loader_batches(split, 8, seed=2, shard=shard),
    ):
        parts = [list(make((rank, 2))) for rank in (0, 1)]
        assert len(parts[0]) == len(parts[1]) == len(whole)  # every rank takes every step
        for step, wanted in enumerate(whole):
            got = torch.cat([parts[0][step][1], parts[1][step][1]])
            assert sorted(got.tolist()) == sorted(wanted.tolist())
    # a last global batch of one sample cannot feed two ranks: it is left out on both
    odd = TensorSplit(x[:17], torch.arange(17) % 3)
    assert len(make_batches(odd, 8, train=True, shard=(1, 2))) == 2


def test_the_first_rank_that_differs_is_named_with_what_differs() -> None:
    same, other = distributed.digest("a"), distributed.digest("b")
    names = ["project", "training"]
    assert distributed.first_difference([[same, same]] * 3, names) is None
    message = distributed.first_difference(
        [[same, same], [same, same], [other, other]], names, "/p/digits.net"
    )
    assert message is not None
    assert message.startswith(
        "rank 2 read a different project file from rank 0 (rank 0 read /p/digits.net): "
    )
    message = distributed.first_difference([[same, same], [same, other]], names)
    assert message is not None and message.startswith("rank 1 read different training settings")
    message = distributed.first_difference([[same], [other]], ["data"])
    assert message is not None and message.startswith("rank 1 read different data (other files")
    assert distributed.share(7, 13) == 1.0  # alone: every loss as it is


def test_the_data_digest_follows_the_samples_read_and_their_split() -> None:
    from netstudio.training.data_config import DataConfig
    from netstudio.training.sources import load_data

    def digest(**fields: object) -> bytes:
        return distributed.data_digest(load_data(DataConfig(source="digits", **fields)))  # type: ignore[arg-type]

    assert digest() == digest()
    assert digest(seed=1) != digest()  # other samples in each split


# --- one torchrun launch ------------------------------------------------------------------------


def _worker(work: Path) -> None:
    """Run under torchrun (two processes): the command's refusal, a run, its resume and the
    exported script, one after the other; each rank writes what it saw to rank<R>.json."""
    from netstudio.cli import main

    rank = int(os.environ["RANK"])
    seen: dict[str, object] = {}

    def command(name: str, argv: list[str]) -> None:
        _fresh_rendezvous(work / f"{name}.port", rank)
        text = io.StringIO()  # rank 0's stdout; the others print nothing
        with contextlib.redirect_stdout(text):
            seen[name] = main(argv)
        seen[f"{name}_stdout"] = text.getvalue()

    project = str(work / "digits.net")
    # rank 1 reads another project file: refused on both ranks before anything is written
    mine = project if rank == 0 else str(work / "other.net")
    command("refused", ["train", mine, "--epochs", "1", "--out", str(work / "refused"), *COMMON])
    command("two", ["train", project, "--epochs", "1", "--out", str(work / "two"), *COMMON])
    run_dir = work / "two.run"
    if rank == 0:
        _write_once(run_dir, json.loads(str(seen["two_stdout"]).splitlines()[-1])["run_dir"])
    command("resumed", ["train", project, "--epochs", "2", "--resume", _wait(run_dir), *COMMON])

    script = _load_script(work / "train.py")
    _fresh_rendezvous(work / "script.port", rank)
    text = io.StringIO()
    with contextlib.redirect_stdout(text):
        out = str(work / "weights.safetensors")
        script.main(["--epochs", "1", "--out", out, "--save-every-rank"])
    seen["script_stdout"] = text.getvalue()
    (work / f"rank{rank}.json").write_text(json.dumps(seen))


def _fresh_rendezvous(port_file: Path, rank: int) -> None:
    """A new store for the next process group, hosted by rank 0 on a free port it names in
    `port_file`: one process that creates a second group on torchrun's own store can meet the
    other's stale address there and fail to connect."""
    import socket

    if rank == 0:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        _write_once(port_file, str(port))
    os.environ["TORCHELASTIC_USE_AGENT_STORE"] = "False"
    os.environ["MASTER_ADDR"] = "127.0.0.1"
    os.environ["MASTER_PORT"] = _wait(port_file)


def _write_once(path: Path, text: str) -> None:
    partial = path.with_name(path.name + ".part")
    partial.write_text(text)
    partial.replace(path)


def _wait(path: Path) -> str:
    """The text rank 0 leaves in `path` (the other ranks wait for it, a minute at most)."""
    deadline = time.monotonic() + 60
    while not path.exists():
        if time.monotonic() > deadline:
            raise TimeoutError(f"rank 0 never wrote {path}")
        time.sleep(0.02)
    return path.read_text()


@dataclass
class Launch:
    """What the two-process launch and the one-process run beside it left."""

    work: Path
    ranks: list[dict]
    stderr: str
    one: dict  # the one-process run's JSON summary (2 epochs)
    one_epochs: list[dict[str, str]]  # its epochs.csv rows


def _summary(stdout: str) -> dict:
    return json.loads(stdout.strip().splitlines()[-1])


def _epochs(run_dir: str | Path) -> list[dict[str, str]]:
    with open(Path(run_dir) / "epochs.csv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _load_script(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"exported_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def launch(tmp_path_factory: pytest.TempPathFactory) -> Launch:
    """Starts the launch, trains the one-process run while it runs, then waits for it."""
    from netstudio.cli import main
    from netstudio.export import export_project
    from netstudio.io import load_project, save_project

    assert TORCHRUN is not None
    work = tmp_path_factory.mktemp("distributed")
    project = load_project(EXAMPLES / "digits_mlp.net")
    # no dropout: random masks differ between one and two processes
    project.graph.set_params("dropout", {"p": 0.0})
    project.data.update(SPLITS)
    save_project(project, work / "digits.net")
    export_project(project, "python", work / "train.py", with_training=True)
    first_hidden = next(n for n in project.graph.nodes() if n.type_id == "Linear")
    project.graph.set_params(first_hidden.id, {"out_features": 17})
    save_project(project, work / "other.net")
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONWARNINGS": "ignore"}
    two = subprocess.Popen(
        [TORCHRUN, "--standalone", "--nproc_per_node", "2", __file__, str(work)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=work,
    )
    text = io.StringIO()
    with contextlib.redirect_stdout(text):
        code = main(
            [
                "train",
                str(work / "digits.net"),
                "--epochs",
                "2",
                "--out",
                str(work / "one"),
                *COMMON,
            ]
        )
    assert code == 0
    one = _summary(text.getvalue())
    _, stderr = two.communicate(timeout=180)
    assert two.returncode == 0, stderr[-3000:]
    ranks = [json.loads((work / f"rank{rank}.json").read_text()) for rank in (0, 1)]
    return Launch(work, ranks, stderr, one, _epochs(one["run_dir"]))


@needs_torchrun
def test_ranks_that_read_different_projects_are_refused_before_writing(launch: Launch) -> None:
    assert [rank["refused"] for rank in launch.ranks] == [1, 1]
    line = (
        "error: rank 1 read a different project file from rank 0 (rank 0 read "
        f"{launch.work / 'digits.net'}): every process of a distributed run must train the same "
        "project"
    )
    assert launch.stderr.count(line) == 1  # one process per machine says it
    assert not (launch.work / "refused").exists()  # no run folder
    refused = _summary(launch.ranks[0]["refused_stdout"])
    assert refused["status"] == "failed"
    assert refused["error"]["message"].startswith("rank 1 read a different project file")


@needs_torchrun
def test_two_processes_train_as_one_process_and_rank_0_alone_writes(launch: Launch) -> None:
    rank0, rank1 = launch.ranks
    assert rank0["two"] == rank1["two"] == 0
    assert rank0["two_stdout"].count("training on cpu") == 1 and rank1["two_stdout"] == ""
    two = _summary(rank0["two_stdout"])
    runs = list((launch.work / "two").iterdir())
    assert len(runs) == 1 and Path(two["run_dir"]) == runs[0]  # rank 0 alone writes
    # an uneven last global batch (45: 23 and 22), and validation and test splits that divide
    # by neither the batch nor the ranks: nothing is padded or counted twice
    assert ": 1261 train / 173 val / 363 test," in rank0["two_stdout"]
    ours, theirs = launch.one_epochs[0], _epochs(two["run_dir"])[0]
    for key in ("train_loss", "train_accuracy", "val_loss", "val_accuracy"):
        assert float(theirs[key]) == pytest.approx(float(ours[key]), rel=1e-5, abs=1e-6), key


@needs_torchrun
def test_a_distributed_run_resumes_and_ends_as_the_one_process_run(launch: Launch) -> None:
    rank0 = launch.ranks[0]
    assert launch.ranks[1]["resumed"] == rank0["resumed"] == 0
    assert "resuming after epoch 1" in rank0["resumed_stdout"]
    after = _summary(rank0["resumed_stdout"])
    assert after["epochs"] == 2
    for key in ("train_loss", "val_loss", "val_accuracy", "test_loss", "test_accuracy"):
        assert after[key] == pytest.approx(launch.one[key], rel=1e-4, abs=1e-6), key


@needs_torchrun
def test_the_exported_script_runs_under_torchrun_and_the_processes_agree(
    launch: Launch,
) -> None:
    from safetensors.torch import load_file

    out = launch.ranks[0]["script_stdout"]
    assert "training on cpu, 2 process(es)" in out
    assert out.count("epoch 1/1:") == 1 and launch.ranks[1]["script_stdout"] == ""
    weights = load_file(str(launch.work / "weights.safetensors"))
    for rank in (0, 1):
        copy = load_file(str(launch.work / f"weights.rank{rank}.safetensors"))
        for key, value in weights.items():
            assert torch.equal(value, copy[key]), f"rank {rank} disagrees on {key}"
    torch.manual_seed(0)  # the script's seed, set before it builds the model
    initial = _load_script(launch.work / "train.py").load_model().state_dict()
    assert weights.keys() == initial.keys()
    assert any(not torch.equal(weights[k], initial[k]) for k in initial), "nothing trained"


if __name__ == "__main__":  # under torchrun, from the `launch` fixture
    _worker(Path(sys.argv[1]))
