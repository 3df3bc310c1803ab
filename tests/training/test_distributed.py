"""`torchrun --nproc_per_node 2 -m netstudio train`: two CPU processes (gloo) train as one
process with the same global batch would (an uneven last batch included), share the evaluation
and still report the one-process figures, predictions and per-class report, train a GAN as one
process would, only rank 0 writes the run, --resume goes on, ranks that read different projects
are refused before anything is written, and the exported training script runs under torchrun.
A loss that becomes NaN on one rank only stops both ranks at that batch (classifier and GAN),
and a streamed image folder's unreadable images are counted and named over both ranks. A rank
whose whole share of a batch is unreadable takes the step with the others, and the run equals
the one-process run on the same readable images; an error in one rank's forward pass or in its
backward pass (out of memory, raised by a hook of this test on rank 1 alone) stops both ranks
with one line naming rank 1, said by rank 0 alone, the figures so far kept.

Starting torchrun and two processes that import torch costs seconds, so one launch does all of
it: this file, run as a script under torchrun (`_worker`), calls the command several times in
the same two processes and leaves what each rank saw in a JSON file; the tests read those,
while the one-process run to compare with trains here during the launch.
"""

from __future__ import annotations

import contextlib
import csv
import faulthandler
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

import numpy as np
import pytest
import torch

from netstudio.training import distributed
from netstudio.training.batches import TensorBatches, loader_batches, make_batches, split_batches
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
#: The GAN's 179 training samples in batches of 16 end in a batch of 3 (2 and 1 per rank).
GAN_SPLITS = {"val_fraction": 0.0, "test_fraction": 0.9}
GAN_COMMON = ["--epochs", "1", "--batch-size", "16", "--device", "cpu", "--json"]
#: With batches of 256 the digits' epoch is 5 batches: rank 1's loss becomes NaN at the 7th step,
#: epoch 2's batch 2 (after one whole epoch, whose figures the run keeps).
NAN_BATCH = 256
NAN_AT = 5 + 2
#: The streamed image folders: 300 images (3 may be left out), 216 train / 24 val / 60 test,
#: in batches of 32.
STREAMED = ["--epochs", "1", "--batch-size", "32", "--device", "cpu", "--json"]
PER_CLASS = 100
#: The partly read folder (`_partly_read_project`): batches of 4, 2 per rank; rank 1's whole
#: share of the 6th batch is unreadable, and one of rank 0's images of the 10th.
PARTIAL = ["--epochs", "1", "--batch-size", "4", "--device", "cpu", "--json"]
EMPTY_SHARE_AT = 6
#: What the hook of this test raises on rank 1 (as torch's CPU allocator says it).
OUT_OF_MEMORY = "DefaultCPUAllocator: can't allocate memory: you tried to allocate 800000000 bytes"
#: Seconds a command of the launch may take before its processes give up (with their stacks on
#: stderr): a rank left waiting in a collective fails the launch instead of blocking it.
WATCHDOG = 150
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


def test_each_rank_evaluates_its_own_part_of_a_split_on_both_paths(tmp_path: Path) -> None:
    from PIL import Image

    from netstudio.training.streaming import StreamSplit

    for n, world in ((11, 3), (173, 2), (1, 2), (0, 2)):  # disjoint, in order, the whole split
        parts = [distributed.part(n, (rank, world)) for rank in range(world)]
        assert [i for part in parts for i in part] == list(range(n))
        assert max(map(len, parts)) - min(map(len, parts)) <= 1
    assert distributed.part(7) == range(7)  # alone: all of it
    for i in range(11):
        Image.fromarray(np.full((4, 4), 20 * i, dtype=np.uint8)).save(tmp_path / f"{i}.png")
    samples = [(str(tmp_path / f"{i}.png"), i % 3) for i in range(11)]
    streamed = StreamSplit(samples, (4, 4), grayscale=True)
    preloaded = TensorSplit(torch.arange(11.0).reshape(11, 1), torch.arange(11) % 3)
    for split in (preloaded, streamed):
        whole = list(split_batches(split, 4, "cpu"))
        shared = [
            b
            for r in range(3)
            for b in split_batches(split, 4, "cpu", distributed.part(11, (r, 3)))
        ]
        assert len(shared) == 3  # 3, 4 and 4 samples: a batch each
        for got, wanted in zip(zip(*shared, strict=True), zip(*whole, strict=True), strict=True):
            assert torch.equal(torch.cat(got), torch.cat(wanted))


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
    """Run under torchrun (two processes): rows gathered and sums reduced, then the command's
    refusal, a run, a GAN's run, the run's resume and the exported script, one after the other;
    each rank writes what it saw to rank<R>.json."""
    from netstudio.cli import main
    from netstudio.training import batches, evaluation, gan
    from netstudio.training import trainer as training

    rank = int(os.environ["RANK"])
    seen: dict[str, object] = {}
    # which samples each evaluation pass of this rank read, and how the GAN cut its batches
    parts: list[list[int]] = []
    split_batches, make_batches = evaluation.split_batches, gan.make_batches
    batches.default_workers = lambda: 0  # type: ignore[assignment] # streamed: read in the rank

    def evaluating(split, size, device, part=None, *rest):  # a spy
        parts.append([part.start, part.stop] if part is not None else [])
        return split_batches(split, size, device, part, *rest)

    tested: dict[str, list] = {}  # the test predictions' positions and targets (a spy)
    test_pass = training.Trainer._test

    def testing(self, result) -> None:
        test_pass(self, result)
        if result.predictions is not None and result.predictions.positions is not None:
            tested["positions"] = result.predictions.positions.tolist()
            tested["targets"] = result.predictions.targets.tolist()

    training.Trainer._test = testing  # type: ignore[method-assign]

    def batching(*args, **kwargs):  # a spy
        seen["gan_shard"] = kwargs.get("shard")
        return make_batches(*args, **kwargs)

    evaluation.split_batches, gan.make_batches = evaluating, batching  # type: ignore[assignment]

    def command(name: str, argv: list[str]) -> None:
        _fresh_rendezvous(work / f"{name}.port", rank)
        text = io.StringIO()  # rank 0's stdout; the others print nothing
        parts.clear()
        tested.clear()
        faulthandler.dump_traceback_later(WATCHDOG, exit=True)  # a hang fails the launch
        try:
            with contextlib.redirect_stdout(text):
                seen[name] = main(argv)
        finally:
            faulthandler.cancel_dump_traceback_later()
        seen[f"{name}_stdout"] = text.getvalue()
        seen[f"{name}_parts"] = list(parts)
        seen[f"{name}_test"] = dict(tested)

    # uneven rows, none at all on rank 1 (it takes rank 0's row shape), gathered as tensors; the
    # first command goes on in this process group (and ends it)
    _fresh_rendezvous(work / "gather.port", rank)
    distributed.join("cpu")
    rows = torch.arange(6.0).reshape(3, 2) if rank == 0 else torch.empty(0)
    seen["gathered"] = distributed.gather_rows(rows).tolist()
    seen["gathered_ids"] = distributed.gather_rows(torch.arange(rank + 1) + 10 * rank).tolist()
    seen["sums"] = distributed.reduce_sums([0.5, float(rank)])

    project = str(work / "digits.net")
    # rank 1 reads another project file: refused on both ranks before anything is written
    mine = project if rank == 0 else str(work / "other.net")
    command("refused", ["train", mine, "--epochs", "1", "--out", str(work / "refused"), *COMMON])
    command("two", ["train", project, "--epochs", "1", "--out", str(work / "two"), *COMMON])
    command("gan", ["train", str(work / "gan.net"), "--out", str(work / "gan"), *GAN_COMMON])
    run_dir = work / "two.run"
    if rank == 0:
        _write_once(run_dir, json.loads(str(seen["two_stdout"]).splitlines()[-1])["run_dir"])
    command("resumed", ["train", project, "--epochs", "2", "--resume", _wait(run_dir), *COMMON])

    # rank 1's loss alone becomes NaN (a hook of this test): both ranks stop at that batch
    build_loss, discriminator_loss = training.build_loss, gan.discriminator_loss
    training.build_loss = lambda config: _poisoned(build_loss(config), rank, NAN_AT)  # type: ignore[assignment]
    gan.discriminator_loss = _poisoned(discriminator_loss, rank, 2)  # batch 2 of its epoch
    nan = ["--epochs", "2", "--batch-size", str(NAN_BATCH), "--out", str(work / "nan")]
    command("nan", ["train", project, *nan, "--device", "cpu", "--json"])
    command("gan_nan", ["train", str(work / "gan.net"), "--out", str(work / "gan_nan"), *GAN_COMMON])  # fmt: skip
    # rank 1 alone runs out of memory in its loss (the forward pass), at the NaN's batch
    training.build_loss = lambda config: _failing(build_loss(config), rank, NAN_AT, "forward")  # type: ignore[assignment]
    out = ["--epochs", "2", "--batch-size", str(NAN_BATCH), "--out", str(work / "forward_failed")]
    command("forward_failed", ["train", project, *out, "--device", "cpu", "--json"])
    training.build_loss, gan.discriminator_loss = build_loss, discriminator_loss
    # streamed image folders with unreadable images on both ranks
    for name in ("streamed", "streamed_many"):
        command(name, ["train", str(work / f"{name}.net"), "--out", str(work / name), *STREAMED])
    for name in ("partial", "gan_partial"):  # a rank's whole share of a batch is unreadable
        command(name, ["train", str(work / f"{name}.net"), "--out", str(work / name), *PARTIAL])

    script = _load_script(work / "train.py")
    _fresh_rendezvous(work / "script.port", rank)
    text = io.StringIO()
    with contextlib.redirect_stdout(text):
        out = str(work / "weights.safetensors")
        script.main(["--epochs", "1", "--out", out, "--save-every-rank"])
    seen["script_stdout"] = text.getvalue()
    (work / f"rank{rank}.json").write_text(json.dumps(seen))


def _poisoned(loss, rank: int, at: int):
    """`loss` (a loss module, or the GAN's discriminator loss) but that on rank 1 it becomes
    NaN at its `at`-th training step (a call with gradients: evaluations are not counted)."""
    steps = 0

    def measured(*args):
        nonlocal steps
        value = loss(*args)
        if torch.is_grad_enabled():
            steps += 1
            if rank == 1 and steps == at:
                return value * float("nan")
        return value

    return measured


def _backward_worker(work: Path) -> None:
    """Run under torchrun (two processes): the command trains digits.net, but rank 1 runs out
    of memory in its backward pass at the NaN's batch, where rank 0 waits for it in DDP's
    gradient all-reduce; each process ends with the command's exit code."""
    from netstudio.cli import main
    from netstudio.training import trainer as training

    rank = int(os.environ["RANK"])
    build_loss = training.build_loss
    training.build_loss = lambda config: _failing(build_loss(config), rank, NAN_AT, "backward")  # type: ignore[assignment]
    out = ["--epochs", "2", "--batch-size", str(NAN_BATCH), "--out", str(work / "backward_failed")]
    faulthandler.dump_traceback_later(WATCHDOG, exit=True)  # a hang fails the launch
    code = main(["train", str(work / "digits.net"), *out, "--device", "cpu", "--json"])
    sys.stdout.flush()
    sys.exit(code)


class _FailsBackward(torch.autograd.Function):
    """The identity, whose backward pass runs out of memory."""

    @staticmethod
    def forward(ctx, value: torch.Tensor) -> torch.Tensor:  # type: ignore[override]
        return value.clone()

    @staticmethod
    def backward(ctx, grad: torch.Tensor) -> torch.Tensor:  # type: ignore[override]
        raise RuntimeError(OUT_OF_MEMORY)


def _failing(loss, rank: int, at: int, where: str):
    """`loss` (a loss module) but that on rank 1, at its `at`-th training step, it runs out of
    memory: in the loss itself (`where` "forward") or in its backward pass ("backward")."""
    steps = 0

    def measured(*args):
        nonlocal steps
        value = loss(*args)
        if torch.is_grad_enabled():
            steps += 1
            if rank == 1 and steps == at:
                if where == "forward":
                    raise RuntimeError(OUT_OF_MEMORY)
                return _FailsBackward.apply(value)
        return value

    return measured


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
    gan: dict  # the one-process GAN run's JSON summary (1 epoch)
    streamed: dict[str, dict]  # each streamed folder's damaged images (`_streamed_project`)
    partial: dict[str, dict]  # the one-process runs' JSON summaries on the partly read folders
    backward: subprocess.CompletedProcess  # the launch whose rank 1 fails in its backward pass


def _streamed_project(work: Path, name: str, ranks: tuple[int, int], test: bool) -> dict:
    """NAME.net: the digits network (3 classes) on a folder of 300 grey 8×8 PNGs streamed from
    disk, in which `ranks` (how many of rank 0's, of rank 1's) of the training images the
    launch's epoch reads are damaged, and a test image beside one of another class when
    `test`. What was damaged: the folder, the paths, the test image's position, the labels."""
    from PIL import Image

    from netstudio.io import load_project, save_project
    from netstudio.training.batches import epoch_order, rank_slice
    from netstudio.training.config import TrainingConfig
    from netstudio.training.sources import load_data

    folder = work / name
    rng = np.random.default_rng(7)
    for index, kind in enumerate(("ant", "bee", "cow")):
        (folder / kind).mkdir(parents=True)
        for i in range(PER_CLASS):
            pixels = rng.integers(0, 120, (8, 8), dtype=np.uint8) + np.uint8(60 * index)
            Image.fromarray(pixels).save(folder / kind / f"{i}.png")
    project = load_project(EXAMPLES / "digits_mlp.net")
    project.graph.set_params("dropout", {"p": 0.0})
    last = [node for node in project.graph.nodes() if node.type_id == "Linear"][-1]
    project.graph.set_params(last.id, {"out_features": 3})
    project.data.clear()
    project.data.update(
        source="image_folder",
        root=str(folder),
        params={"resize": 8, "grayscale": True},
        streaming="always",
        normalize=False,
        val_fraction=0.1,
        test_fraction=0.2,
    )
    save_project(project, work / f"{name}.net")
    data = load_data(project.data_config(), work)
    batch = int(STREAMED[STREAMED.index("--batch-size") + 1])
    # the training images each rank reads in the epoch: its share of every global batch
    order = epoch_order(len(data.train), TrainingConfig.model_validate(project.training).seed, 0)
    batches = [order[start : start + batch] for start in range(0, len(order), batch)]
    reads = [torch.cat([rank_slice(b, (rank, 2)) for b in batches]).tolist() for rank in (0, 1)]
    damaged = [data.train.paths[i] for rank in (0, 1) for i in reads[rank][3 : 3 + ranks[rank]]]
    labels = data.test.y.tolist()
    broken = next(i for i in range(len(labels) - 1) if labels[i] != labels[i + 1])
    if test:
        damaged.append(data.test.paths[broken])
    for path in damaged:
        Path(path).write_bytes(b"not a png")
    return {"folder": str(folder), "damaged": damaged, "broken_test": broken, "labels": labels}


def _partly_read_project(work: Path, name: str, gan: bool = False) -> dict:
    """NAME.net: `_streamed_project`'s network (or with `gan` the digits GAN) on its folder, in
    which rank 1's whole share of the epoch's `EMPTY_SHARE_AT`-th batch of `PARTIAL` is
    damaged, and one of rank 0's images of the 10th (3 of 300: as many as may be left out)."""
    from netstudio.io import load_project, save_project
    from netstudio.training.batches import epoch_order, rank_slice
    from netstudio.training.config import TrainingConfig
    from netstudio.training.sources import load_data

    made = _streamed_project(work, name, (0, 0), test=False)
    project = load_project(work / f"{name}.net")
    if gan:  # the digits GAN on these 1×8×8 images
        data = dict(project.data)
        project = load_project(EXAMPLES / "digits_gan.net")
        project.data.clear()
        project.data.update(data)
        project.training["gan"].update(sample_grid=2)
        save_project(project, work / f"{name}.net")
    data = load_data(project.data_config(), work)
    batch = int(PARTIAL[PARTIAL.index("--batch-size") + 1])
    order = epoch_order(len(data.train), TrainingConfig.model_validate(project.training).seed, 0)
    batches = [order[start : start + batch] for start in range(0, len(order), batch)]
    share = rank_slice(batches[EMPTY_SHARE_AT - 1], (1, 2)).tolist()
    damaged = [data.train.paths[i] for i in share]
    damaged.append(data.train.paths[int(rank_slice(batches[9], (0, 2))[0])])
    for path in damaged:
        Path(path).write_bytes(b"not a png")
    return {**made, "damaged": damaged}


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
    gan = load_project(EXAMPLES / "digits_gan.net")
    gan.data.update(GAN_SPLITS)
    gan.training["gan"].update(d_steps=2, sample_grid=2)  # G steps on every other batch
    save_project(gan, work / "gan.net")
    streamed = {  # 3 may be left out: 3 are (one a test image), then 4 are
        "streamed": _streamed_project(work, "streamed", (1, 1), test=True),
        "streamed_many": _streamed_project(work, "streamed_many", (1, 3), test=False),
        "partial": _partly_read_project(work, "partial"),
        "gan_partial": _partly_read_project(work, "gan_partial", gan=True),
    }
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONWARNINGS": "ignore"}
    two = subprocess.Popen(
        [TORCHRUN, "--standalone", "--nproc_per_node", "2", __file__, str(work)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=work,
    )
    backward = subprocess.Popen(
        [TORCHRUN, "--standalone", "--nproc_per_node", "2", __file__, str(work), "backward"],
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
    text = io.StringIO()
    with contextlib.redirect_stdout(text):
        code = main(["train", str(work / "gan.net"), "--out", str(work / "gan_one"), *GAN_COMMON])
    assert code == 0
    gan_one = _summary(text.getvalue())
    partial_one = {}
    for name in ("partial", "gan_partial"):
        text = io.StringIO()
        with contextlib.redirect_stdout(text):
            code = main(["train", str(work / f"{name}.net"), "--out", str(work / f"{name}_one"), *PARTIAL])  # fmt: skip
        assert code == 0
        partial_one[name] = _summary(text.getvalue())
    try:
        _, stderr = two.communicate(timeout=600)  # each command has its WATCHDOG besides
    except subprocess.TimeoutExpired:
        two.kill()
        _, stderr = two.communicate()
        pytest.fail(f"the launch did not end in 10 minutes: {stderr[-3000:]}")
    assert two.returncode == 0, stderr[-3000:]
    ranks = [json.loads((work / f"rank{rank}.json").read_text()) for rank in (0, 1)]
    try:
        out, err = backward.communicate(timeout=300)
    except subprocess.TimeoutExpired:
        backward.kill()
        out, err = backward.communicate()
        pytest.fail(f"the failing launch did not end in 5 minutes: {err[-3000:]}")
    ended = subprocess.CompletedProcess(backward.args, backward.returncode, out, err)
    one_epochs = _epochs(one["run_dir"])
    return Launch(work, ranks, stderr, one, one_epochs, gan_one, streamed, partial_one, ended)


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
def test_rows_and_sums_of_every_rank_reach_every_rank(launch: Launch) -> None:
    for rank in launch.ranks:
        assert rank["gathered"] == [[0.0, 1.0], [2.0, 3.0], [4.0, 5.0]]
        assert rank["gathered_ids"] == [0, 10, 11]
        assert rank["sums"] == [1.0, 1.0]


@needs_torchrun
def test_the_ranks_share_the_evaluation_and_report_what_one_process_would(launch: Launch) -> None:
    from safetensors.torch import load_file

    from netstudio.io import load_project
    from netstudio.training.config import TrainingConfig
    from netstudio.training.evaluation import report_for
    from netstudio.training.sources import load_data
    from netstudio.training.trainer import Trainer

    rank0, rank1 = launch.ranks
    # the validation pass (173 samples), then the test pass (363): each rank a disjoint part
    for size, ours, theirs in zip((173, 363), rank0["two_parts"], rank1["two_parts"], strict=True):
        assert ours[0] == 0 and 0 < ours[1] == theirs[0] < size and theirs[1] == size
    # the same weights in one process: the same figures, predictions and per-class report (the
    # run folder holds the resumed run's end: the best epoch's weights, restored for the test)
    run_dir = Path(_summary(rank0["two_stdout"])["run_dir"])
    project = load_project(launch.work / "digits.net")
    config = TrainingConfig.model_validate({**project.training, "device": "cpu"})
    data = load_data(project.data_config(), launch.work)
    weights = load_file(str(run_dir / "last.safetensors"))
    trainer = Trainer(project.graph, data, config, starting_weights=weights)
    trainer._setup()  # the model and splits a run evaluates, without training
    val_loss, val_accuracy, _ = trainer.evaluate(trainer.data_splits["val"])
    test_loss, test_accuracy, predictions = trainer.evaluate(trainer.data_splits["test"], True)
    assert predictions is not None and len(predictions.targets) == 363
    report = report_for(predictions, trainer._targets)
    assert report is not None
    two = json.loads((run_dir / "result.json").read_text())
    epoch = _epochs(run_dir)[two["best_epoch"] - 1]
    close = {"rel": 1e-5, "abs": 1e-6}
    assert float(epoch["val_loss"]) == pytest.approx(val_loss, **close)
    assert float(epoch["val_accuracy"]) == pytest.approx(val_accuracy, **close)
    assert two["test_loss"] == pytest.approx(test_loss, **close)
    assert two["test_accuracy"] == pytest.approx(test_accuracy, **close)
    ours = report.to_dict()
    assert two["report"]["confusion"] == ours["confusion"]
    assert two["report"]["support"] == ours["support"] and sum(ours["support"]) == 363
    for key in ("precision", "recall", "f1"):
        assert two["report"][key] == pytest.approx(ours[key], **close), key
    assert two["report"]["macro_f1"] == pytest.approx(ours["macro_f1"], **close)


@needs_torchrun
def test_a_gan_trains_on_two_processes_as_on_one(launch: Launch) -> None:
    from safetensors.torch import load_file

    rank0, rank1 = launch.ranks
    assert rank0["gan"] == rank1["gan"] == 0
    assert ": 179 train" in rank0["gan_stdout"]
    assert [rank0["gan_shard"], rank1["gan_shard"]] == [[0, 2], [1, 2]]  # half of every batch
    two, one = _summary(rank0["gan_stdout"]), launch.gan
    for key in ("d_loss", "g_loss", "d_real", "d_fake"):
        assert two[key] == pytest.approx(one[key], rel=1e-5, abs=1e-6), key
    ours = load_file(str(Path(one["run_dir"]) / "last.safetensors"))
    theirs = load_file(str(Path(two["run_dir"]) / "last.safetensors"))
    assert ours.keys() == theirs.keys()
    for key, value in ours.items():
        torch.testing.assert_close(theirs[key], value, rtol=1e-4, atol=1e-5, msg=key)


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
def test_a_loss_that_becomes_nan_on_one_rank_stops_every_rank_at_that_batch(
    launch: Launch,
) -> None:
    from netstudio.cli import EXIT_FAILED

    rank0, rank1 = launch.ranks
    assert rank0["nan"] == rank1["nan"] == EXIT_FAILED  # as a one-process run that fails
    summary = _summary(rank0["nan_stdout"])
    assert summary["status"] == "failed" and summary["epochs"] == 1
    error = summary["error"]
    assert error["kind"] == "nan" and (error["epoch"], error["batch"]) == (2, 2)
    said = (
        "on rank 1, the loss became nan at epoch 2, batch 2: the weights are kept from the batch "
        "before. Lower the learning rate"
    )
    assert error["message"].startswith(said)
    assert launch.stderr.count(f"error: {said}") == 1  # rank 0 alone says it
    assert len(_epochs(summary["run_dir"])) == 1  # the first epoch's figures are kept
    # the GAN: rank 1's discriminator loss, at the second batch of the epoch
    assert rank0["gan_nan"] == rank1["gan_nan"] == EXIT_FAILED
    error = _summary(rank0["gan_nan_stdout"])["error"]
    said = "on rank 1, the discriminator 'discriminator''s loss became nan at epoch 1, batch 2"
    assert error["kind"] == "nan" and error["message"].startswith(said)
    assert launch.stderr.count(f"error: {said}") == 1


@needs_torchrun
def test_unreadable_images_are_counted_and_named_over_every_rank(launch: Launch) -> None:
    rank0, rank1 = launch.ranks
    # one damaged training image read by each rank and one test image: 3 of 300, all named
    streamed = launch.streamed["streamed"]
    assert rank0["streamed"] == rank1["streamed"] == 0
    run_dir = Path(_summary(rank0["streamed_stdout"])["run_dir"])
    result = json.loads((run_dir / "result.json").read_text())
    notes = [note for note in result["notes"] if note.startswith("left out")]
    folder = streamed["folder"]
    assert len(notes) == 1
    assert notes[0].startswith(f"left out 3 unreadable images of 300 under {folder} (up to 1%")
    assert all(path in notes[0] for path in streamed["damaged"])
    # the test predictions, gathered from both ranks, skip the damaged test image
    labels, broken = streamed["labels"], streamed["broken_test"]
    for rank in launch.ranks:
        tested = rank["streamed_test"]
        assert tested["positions"] == [i for i in range(len(labels)) if i != broken]
        assert tested["targets"] == [labels[i] for i in tested["positions"]]
    assert sum(result["report"]["support"]) == len(labels) - 1
    # 4 damaged training images, 1 read by rank 0 and 3 by rank 1: more than the 3 the folder
    # may leave out, though neither rank read more than 3: both ranks stop, naming them
    many = launch.streamed["streamed_many"]
    assert rank0["streamed_many"] == rank1["streamed_many"] == 1
    error = _summary(rank0["streamed_many_stdout"])["error"]
    said = f"4 of the 300 images under {many['folder']} cannot be read, more than the 1%"
    assert error["kind"] == "data" and error["message"].startswith(said)
    assert all(path in error["message"] for path in many["damaged"][:3])  # the first named
    assert launch.stderr.count(f"error: {said}") == 1


@needs_torchrun
def test_a_rank_whose_whole_share_is_unreadable_steps_and_the_run_equals_one_process(
    launch: Launch,
) -> None:
    from safetensors.torch import load_file

    rank0, rank1 = launch.ranks
    figures = {
        "partial": ("train_loss", "train_accuracy", "val_loss", "val_accuracy", "test_loss"),
        "gan_partial": ("g_loss", "d_fake"),  # (D's loss and D(x) weigh each rank's samples)
    }
    for name, keys in figures.items():
        assert rank0[name] == rank1[name] == 0, name  # a rank left waiting fails the launch
        two, one = _summary(rank0[f"{name}_stdout"]), launch.partial[name]
        assert two["status"] == one["status"] == "finished"
        # the batches weigh the images both ranks really trained on: the one-process run's
        for key in keys:
            assert two[key] == pytest.approx(one[key], rel=1e-5, abs=1e-6), (name, key)
        ours = load_file(str(Path(one["run_dir"]) / "last.safetensors"))
        theirs = load_file(str(Path(two["run_dir"]) / "last.safetensors"))
        assert ours.keys() == theirs.keys()
        for key, value in ours.items():
            torch.testing.assert_close(theirs[key], value, rtol=1e-4, atol=1e-5, msg=key)
        result = json.loads((Path(two["run_dir"]) / "result.json").read_text())
        notes = [note for note in result["notes"] if note.startswith("left out 3 unreadable")]
        assert len(notes) == 1, (name, result["notes"])
        assert all(path in notes[0] for path in launch.streamed[name]["damaged"])


@needs_torchrun
def test_an_error_on_one_rank_stops_every_rank_with_one_line_naming_it(launch: Launch) -> None:
    from netstudio.cli import EXIT_FAILED

    rank0, rank1 = launch.ranks
    said = "on rank 1, ran out of memory on the CPU at epoch 2, batch 2"
    # in rank 1's forward pass: every rank learns of it in the step, rank 0 alone says it
    assert rank0["forward_failed"] == rank1["forward_failed"] == EXIT_FAILED
    summary = _summary(rank0["forward_failed_stdout"])
    error = summary["error"]
    assert error["kind"] == "memory" and error["message"].startswith(said), error
    assert "lower the batch size (256 now)" in error["message"]
    assert (error["epoch"], error["batch"]) == (2, 2)
    assert summary["epochs"] == 1 and len(_epochs(summary["run_dir"])) == 1  # the epoch kept
    recorded = json.loads((Path(summary["run_dir"]) / "result.json").read_text())
    assert recorded["error"]["message"] == error["message"]
    assert launch.stderr.count(f"error: {said}") == 1, launch.stderr[-3000:]
    # in rank 1's backward pass, where rank 0 waits for it in DDP's gradient all-reduce: the
    # launch ends (rank 0 cannot learn of it in time: rank 1 says it), the first epoch kept
    backward = launch.backward
    assert backward.returncode != 0
    assert backward.stderr.count(f"error: {said}") == 1, backward.stderr[-3000:]
    assert backward.stderr.count("error: ") == 1  # nothing else said (a broken connection)
    runs = list((launch.work / "backward_failed").iterdir())
    assert len(runs) == 1 and len(_epochs(runs[0])) == 1


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
    if sys.argv[2:] == ["backward"]:
        _backward_worker(Path(sys.argv[1]))
    _worker(Path(sys.argv[1]))
