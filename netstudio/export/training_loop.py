"""The loop of an exported training script: schedule stepping, evaluation, processes, ``main``.

This part is the same for every project; it reads the settings from the constants written
above it (EPOCHS, L1, GRAD_CLIP, WARMUP_EPOCHS, FROZEN, ...) and calls the generated
`make_loss`, `make_optimizer`, `make_scheduler`, `target_for`, `augment`, `load_splits` and
`load_model`, and NetStudio's freezing functions copied beside them (`freeze_modules`,
`keep_batchnorm_eval`, `learning_weights`, `add_group_like`).
It runs unchanged under ``torchrun --nproc_per_node N``: each process trains on its own shard
of every epoch's shuffled examples, DistributedDataParallel averages the gradients, and only
rank 0 prints and saves.
"""

from __future__ import annotations


def loop_blocks() -> list[list[str]]:
    """`Schedule`, `unfreeze`, `predict`, `evaluate`, `start_processes` and `train`, one block
    each."""
    return [block.strip("\n").splitlines() for block in _STATIC]


def main_block() -> list[str]:
    """``main``, the command line of the script, and its ``__main__`` guard."""
    return _MAIN.strip("\n").splitlines()


_STATIC = (
    '''
class Schedule:
    """Linear warm-up over WARMUP_EPOCHS, then the scheduler, stepped as NetStudio does."""

    def __init__(self, optimizer: torch.optim.Optimizer, epochs: int, steps: int) -> None:
        self.optimizer = optimizer
        self.warmup_steps = WARMUP_EPOCHS * steps
        self.count = 0
        self.base_lrs = [group["lr"] for group in optimizer.param_groups]
        self.inner = make_scheduler(optimizer, epochs, max(1, steps))
        if self.warmup_steps:
            self._set_warmup_lr()

    def _set_warmup_lr(self) -> None:
        scale = min(1.0, (self.count + 1) / (self.warmup_steps + 1))
        for group, base in zip(self.optimizer.param_groups, self.base_lrs, strict=True):
            group["lr"] = base * scale

    def after_batch(self) -> None:
        self.count += 1
        if self.count <= self.warmup_steps:
            self._set_warmup_lr()
        elif SCHEDULE_PER_BATCH and self.inner.last_epoch + 1 < self.inner.total_steps:
            self.inner.step()

    def after_epoch(self, loss: float) -> None:
        if self.count < self.warmup_steps or self.inner is None:
            return
        if self.count == self.warmup_steps and self.warmup_steps:
            for group, base in zip(self.optimizer.param_groups, self.base_lrs, strict=True):
                group["lr"] = base
        elif SCHEDULE_ON_LOSS:
            if math.isfinite(loss):
                self.inner.step(loss)
        elif not SCHEDULE_PER_BATCH:
            self.inner.step()

    def add_group(self, params: list[torch.Tensor], multiplier: float, modules: list[str]) -> None:
        """Let `params` learn from now on, at `multiplier` × the rate the schedule reached."""
        warming_up = self.count < self.warmup_steps
        add_group_like(
            self.optimizer, self.inner, self.base_lrs, params, multiplier, modules, warming_up
        )
''',
    '''
def unfreeze(model: nn.Module, schedule: Schedule, epoch: int) -> list[str]:
    """The layers gradual unfreezing lets learn from the start of `epoch` (0-based): the next
    of UNFREEZE_ORDER every UNFREEZE_EVERY epochs, each in a parameter group of its own."""
    if not UNFREEZE_EVERY or epoch <= 0 or epoch % UNFREEZE_EVERY:
        return []
    step = epoch // UNFREEZE_EVERY
    names = list(UNFREEZE_ORDER[step - 1 : step])
    for name in names:
        params = list(model.get_submodule(name).parameters())
        for param in params:
            param.requires_grad_(True)
        if params:
            schedule.add_group(params, LR_MULTIPLIERS.get(name, 1.0), [name])
    return names
''',
    '''
def predict(out: torch.Tensor) -> torch.Tensor:
    """The predicted class of each sample."""
    if out.dim() == 2 and out.shape[1] == 1:
        return (out[:, 0] > THRESHOLD).long()
    return out.argmax(dim=1)
''',
    '''
@torch.no_grad()
def evaluate(
    model: nn.Module, loss_fn: nn.Module, x: torch.Tensor, y: torch.Tensor
) -> tuple[float, float | None]:
    """Mean loss and accuracy (None unless classifying) over a whole split."""
    if len(x) == 0:
        return math.nan, None
    model.eval()
    loss_sum, correct = 0.0, 0
    for start in range(0, len(x), 1024):
        xb, yb = x[start : start + 1024], y[start : start + 1024]
        out = model(xb)
        loss_sum += float(loss_fn(out, target_for(xb, yb, out))) * len(xb)
        if ACCURACY:
            correct += int((predict(out) == yb).sum())
    return loss_sum / len(x), correct / len(x) if ACCURACY else None
''',
    '''
def start_processes(device: str) -> tuple[int, int, torch.device]:
    """Rank, number of processes and device: one process, or one of torchrun's."""
    world = int(os.environ.get("WORLD_SIZE", "1"))
    cuda = torch.cuda.is_available() and device in ("auto", "cuda")
    local = int(os.environ.get("LOCAL_RANK", "0"))
    if world > 1:
        if cuda:
            torch.cuda.set_device(local)
        dist.init_process_group("nccl" if cuda else "gloo")
    rank = dist.get_rank() if world > 1 else 0
    if cuda:
        return rank, world, torch.device("cuda", local)
    return rank, world, torch.device("cpu" if device == "auto" else device)
''',
    '''
def train(args: argparse.Namespace) -> dict[str, torch.Tensor]:
    """Train with the project's settings; returns the final weights."""
    rank, world, device = start_processes(args.device)
    torch.manual_seed(args.seed)
    splits = load_splits(args.data_root, args.download)
    splits = {name: (x.to(device), y.to(device)) for name, (x, y) in splits.items()}
    model = load_model(args.weights).to(device)
    freeze_modules(model, FROZEN)
    frozen = list(FROZEN)
    if not any(p.requires_grad for p in model.parameters()):
        raise SystemExit("every layer that learns is frozen: remove a layer from FROZEN")
    net = model
    ids = [device.index] if device.type == "cuda" else None
    if world > 1:
        net = DistributedDataParallel(model, device_ids=ids)
    x, y = splits["train"]
    shard = len(x) // world  # every process gets as many examples, so as many steps
    drop = 1 if shard % args.batch_size == 1 and shard > 1 else 0  # BatchNorm needs 2
    starts = range(0, shard - drop, args.batch_size)
    loss_fn = make_loss()
    optimizer = make_optimizer(model)
    schedule = Schedule(optimizer, args.epochs, len(starts))
    l1_weights = learning_weights(model)
    best, best_state, stale = math.inf, None, 0

    def say(text: str) -> None:
        if rank == 0:
            print(text, flush=True)

    say(f"training on {device}, {world} process(es), {len(x)} training examples")
    for epoch in range(args.epochs):
        freed = unfreeze(model, schedule, epoch)
        if freed:
            say(f"epoch {epoch + 1}: unfroze {', '.join(freed)}")
            frozen = [name for name in frozen if name not in freed]
            l1_weights = learning_weights(model)
            if world > 1:  # DistributedDataParallel averages the gradients it was built with
                net = DistributedDataParallel(model, device_ids=ids)
        net.train()
        if FROZEN_BATCHNORM_EVAL:
            keep_batchnorm_eval(model, frozen)
        order = torch.randperm(len(x), generator=torch.Generator().manual_seed(args.seed + epoch))
        draws = torch.Generator().manual_seed(args.seed + 7919 * (epoch + 1) + rank)
        mine = order[rank * shard : (rank + 1) * shard].to(device)
        totals = torch.zeros(3, device=device)  # loss sum, correct, seen
        for start in starts:
            index = mine[start : start + args.batch_size]
            xb, yb = augment(x[index], draws), y[index]
            out = net(xb)
            loss = loss_fn(out, target_for(xb, yb, out))
            if L1:
                loss = loss + L1 * sum(w.abs().sum() for w in l1_weights)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            if GRAD_CLIP:
                nn.utils.clip_grad_norm_(model.parameters(), GRAD_CLIP)
            optimizer.step()
            schedule.after_batch()
            totals[0] += loss.detach() * len(xb)
            totals[2] += len(xb)
            if ACCURACY:
                totals[1] += (predict(out.detach()) == yb).sum()
        if world > 1:
            dist.all_reduce(totals)
            for buffer in model.buffers():  # BatchNorm statistics: rank 0's for everyone
                dist.broadcast(buffer, 0)
        train_loss = float(totals[0] / totals[2].clamp(min=1))
        val_loss, val_accuracy = evaluate(model, loss_fn, *splits["val"])
        line = f"epoch {epoch + 1}/{args.epochs}: train loss {train_loss:.4f}"
        if ACCURACY:
            line += f", train accuracy {float(totals[1] / totals[2].clamp(min=1)):.2%}"
        if not math.isnan(val_loss):
            line += f", val loss {val_loss:.4f}"
        if val_accuracy is not None:
            line += f", val accuracy {val_accuracy:.2%}"
        say(line)
        schedule.after_epoch(train_loss if math.isnan(val_loss) else val_loss)
        watched = train_loss
        if WATCH == "val_accuracy" and val_accuracy is not None:
            watched = -val_accuracy
        elif WATCH in ("val_loss", "val_accuracy") and not math.isnan(val_loss):
            watched = val_loss
        if watched < best - MIN_DELTA:
            best, best_state, stale = watched, copy.deepcopy(model.state_dict()), 0
        else:
            stale += 1
        if EARLY_STOPPING and stale >= PATIENCE:
            say(f"early stop: no improvement for {PATIENCE} epochs")
            break
    if EARLY_STOPPING and RESTORE_BEST and best_state is not None:
        model.load_state_dict(best_state)
    test_loss, test_accuracy = evaluate(model, loss_fn, *splits["test"])
    if not math.isnan(test_loss):
        result = f"test loss {test_loss:.4f}"
        if test_accuracy is not None:
            result += f", test accuracy {test_accuracy:.2%}"
        say(result)
    state = {k: v.detach().cpu().contiguous() for k, v in model.state_dict().items()}
    if args.out is not None:
        if rank == 0:
            save_file(state, str(args.out))
            say(f"weights saved to {args.out}")
        if args.save_every_rank:
            save_file(state, str(args.out.with_suffix(f".rank{rank}.safetensors")))
    if world > 1:
        dist.barrier()  # every process done with its files before the group goes away
        dist.destroy_process_group()
    return state
''',
)

_MAIN = """
def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Train the network with the settings exported from NetStudio; runs "
        "unchanged under torchrun --nproc_per_node N (one shard of the data per process)."
    )
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE, help="per process")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--data-root", type=Path, default=Path("data"))
    parser.add_argument("--download", action="store_true", help="fetch missing datasets")
    parser.add_argument("--device", default="auto", choices=("auto", "cpu", "cuda", "mps"))
    parser.add_argument(
        "--weights",
        type=Path,
        default=WEIGHTS if WEIGHTS is not None and WEIGHTS.is_file() else None,
        help="start from these weights (default: the weights exported beside this script)",
    )
    parser.add_argument("--out", type=Path, help="save the trained weights here")
    parser.add_argument(
        "--save-every-rank",
        action="store_true",
        help="with --out, every process also saves its own copy (OUT.rankN.safetensors), "
        "to check that the processes agree",
    )
    train(parser.parse_args(argv))


if __name__ == "__main__":
    main()
"""
