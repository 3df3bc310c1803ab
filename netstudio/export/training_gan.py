"""The exported training script of a GAN project: both networks and a plain PyTorch GAN loop.

The script holds the generator's and the discriminator's classes (as the Python export writes
any network), the project's data reader (`training_data`), the GAN settings as constants, one
optimizer per network (`training_objectives`) and the loop NetStudio's GAN trainer runs
(`netstudio.training.gan`): a discriminator step every batch, a generator step every D_STEPS
batches, the non-saturating BCE or hinge loss, one line per epoch (D loss, G loss, D(x),
D(G(z))), a grid of a fixed noise batch's samples after every epoch (samples_epoch_003.png)
and, with --out, both networks' weights in one safetensors file, each under its name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from netstudio.export.code import Imports, class_name, literal, wrap_call
from netstudio.export.errors import ExportError
from netstudio.export.python_code import ModelSource, model_source
from netstudio.export.source_copy import SourceBundle
from netstudio.export.training_objectives import _OPTIMIZERS, _call_arguments
from netstudio.training.config import GanConfig, OptimizerConfig

if TYPE_CHECKING:
    from netstudio.io import Project


def is_gan(project: Project) -> bool:
    """Whether `project` trains as a GAN (its training section says the task "gan")."""
    training = project.training if isinstance(project.training, dict) else {}
    return training.get("task") == "gan"


def gan_python_source(project: Project, script_name: str) -> tuple[str, ModelSource]:
    """The whole script's text and the generator's class (see the module docstring)."""
    from netstudio.export.python_file import project_settings
    from netstudio.export.training_data import classifies, data_blocks

    data, config = project_settings(project)
    from netstudio.training.gan_checks import gan_problems
    from netstudio.training.sources import project_sample_shape

    gan = config.gan or GanConfig()
    networks = dict(project.network_items())
    shape = project_sample_shape(data, project.path.parent if project.path else None)
    problems = gan_problems(networks, gan, shape)
    if problems:
        raise ExportError(problems[0].message)
    imports = Imports()
    imports.add("__future__", "annotations")
    bundle = SourceBundle(imports)
    g_class, d_class = class_name(gan.generator), class_name(gan.discriminator)
    if g_class == d_class:
        d_class += "Discriminator"
    generator = model_source(
        networks[gan.generator],
        g_class,
        f"Network '{gan.generator}': the generator",
        imports,
        bundle,
    )
    discriminator = model_source(
        networks[gan.discriminator],
        d_class,
        f"Network '{gan.discriminator}': the discriminator",
        imports,
        bundle,
    )
    (d_input,) = discriminator.inputs
    for module, name in (
        ("argparse", None),
        ("math", None),
        ("torch", None),
        ("safetensors.torch", "save_file"),
        ("torch.nn", "functional"),
    ):
        imports.add(module, name, "F" if name == "functional" else None)
    data_part = data_blocks(data, imports, bundle)
    constants = [
        "# The project's settings.",
        *data_part[0],
        f"EPOCHS = {config.epochs}",
        f"BATCH_SIZE = {config.batch_size}",
        f"SEED = {config.seed}",
        f"INPUT_SHAPE = {literal(d_input.shape)}",
        "INPUT_DTYPE = torch.float32",
        f"CLASSIFIES = {classifies(data)!r}",
        f"GENERATOR = {literal(gan.generator)}",
        f"DISCRIMINATOR = {literal(gan.discriminator)}",
        f"NOISE_SIZE = {gan.noise_size}",
        f"NOISE = {literal(gan.noise)}",
        f"LOSS = {literal(gan.loss)}",
        f"D_STEPS = {gan.d_steps}",
        f"SAMPLE_GRID = {gan.sample_grid}",
        f"REAL_SCALE = {gan.real_scale == 'minus_one_to_one'!r}",
    ]
    blocks = [
        *data_part[1:],
        _optimizer("make_generator_optimizer", "the generator", gan.generator_optimizer),
        _optimizer(
            "make_discriminator_optimizer", "the discriminator", gan.discriminator_optimizer
        ),
        *(part.strip("\n").splitlines() for part in _LOOP),
        _main(g_class, d_class),
    ]
    doc = [
        f'"""{project.name}: a GAN exported from NetStudio as plain PyTorch.',
        "",
        "Train it with the project's settings:",
        "",
        f"    python {script_name} --epochs 10 --out weights.safetensors --samples samples",
        '"""',
    ]
    definitions = [text.splitlines() for text in bundle.definitions()]
    lines = [*doc, "", *imports.render(), "", *constants]
    models = [*generator.block_classes, generator.lines]
    models += [c for c in discriminator.block_classes if c not in generator.block_classes]
    models.append(discriminator.lines)
    for part in [*definitions, *models, *blocks]:
        lines.extend(["", "", *part])
    return "\n".join(lines) + "\n", generator


def _optimizer(function: str, what: str, opt: OptimizerConfig) -> list[str]:
    import torch

    name, fields = _OPTIMIZERS[opt.type]
    values = {field: getattr(opt, field) for field in fields}
    args = _call_arguments(getattr(torch.optim, name), values, "model.parameters()")
    return [
        f"def {function}(model: nn.Module) -> torch.optim.Optimizer:",
        f'    """{name} for {what}, with the project\'s settings."""',
        *wrap_call(f"return torch.optim.{name}", args, 4),
    ]


def _main(g_class: str, d_class: str) -> list[str]:
    return [
        "def main(argv: list[str] | None = None) -> None:",
        "    parser = argparse.ArgumentParser(",
        '        description="Train the GAN with the settings exported from NetStudio."',
        "    )",
        '    parser.add_argument("--epochs", type=int, default=EPOCHS)',
        '    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)',
        '    parser.add_argument("--seed", type=int, default=SEED)',
        '    parser.add_argument("--data-root", type=Path, default=Path("data"))',
        '    parser.add_argument("--download", action="store_true", help="fetch missing datasets")',
        '    parser.add_argument("--device", default="cpu")',
        '    parser.add_argument("--out", type=Path, help="save both networks\' weights here")',
        '    parser.add_argument("--samples", type=Path, help="folder for the sample grids")',
        f"    train(parser.parse_args(argv), {g_class}, {d_class})",
        "",
        "",
        'if __name__ == "__main__":',
        "    main()",
    ]


_LOOP = (
    '''
def noise(n: int, device: str, generator: torch.Generator | None = None) -> torch.Tensor:
    """`n` noise vectors: standard normal, or uniform in [-1, 1]."""
    if NOISE == "uniform":
        return torch.rand(n, NOISE_SIZE, device=device, generator=generator) * 2 - 1
    return torch.randn(n, NOISE_SIZE, device=device, generator=generator)
''',
    '''
def losses_d(d_real: torch.Tensor, d_fake: torch.Tensor) -> torch.Tensor:
    """The discriminator's loss: BCE with logits (real 1, generated 0), or the hinge."""
    if LOSS == "hinge":
        return F.relu(1 - d_real).mean() + F.relu(1 + d_fake).mean()
    return F.softplus(-d_real).mean() + F.softplus(d_fake).mean()
''',
    '''
def losses_g(d_fake: torch.Tensor) -> torch.Tensor:
    """The generator's loss: the non-saturating BCE, or the hinge's -D(G(z))."""
    if LOSS == "hinge":
        return -d_fake.mean()
    return F.softplus(-d_fake).mean()
''',
    '''
def save_grid(samples: torch.Tensor, path: Path, low: float, high: float) -> None:
    """The samples (N, C, H, W; C 1 or 3) as a PNG grid, low..high as black..white."""
    from PIL import Image

    x = samples.detach().float().cpu()
    if x.dim() == 3:
        x = x.unsqueeze(1)
    if x.dim() != 4 or x.shape[1] not in (1, 3):
        return
    x = ((x - low) / max(high - low, 1e-12)).clamp(0, 1)
    n, c, h, w = x.shape
    cols = math.ceil(n / SAMPLE_GRID)
    grid = torch.full((c, SAMPLE_GRID * (h + 1) + 1, cols * (w + 1) + 1), 0.5)
    for i in range(n):
        r, k = divmod(i, cols)
        grid[:, 1 + r * (h + 1) : 1 + r * (h + 1) + h, 1 + k * (w + 1) : 1 + k * (w + 1) + w] = x[i]
    pixels = grid.mul(255).round().to(torch.uint8).permute(1, 2, 0).numpy()
    image = Image.fromarray(pixels[:, :, 0] if c == 1 else pixels, "L" if c == 1 else "RGB")
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path)
''',
    '''
def train(args: argparse.Namespace, generator_class: type, discriminator_class: type) -> None:
    """Alternate discriminator and generator steps as NetStudio's GAN trainer does."""
    torch.manual_seed(args.seed)
    device = args.device
    generator = generator_class().to(device)
    discriminator = discriminator_class().to(device)
    x = load_splits(args.data_root, args.download)["train"][0].to(device)
    low, high = float(x.min()), float(x.max())
    scale = REAL_SCALE and high > low
    a, b = (2 / (high - low), -1 - 2 * low / (high - low)) if scale else (1.0, 0.0)
    shown = (-1.0, 1.0) if scale else (low, high)
    g_opt = make_generator_optimizer(generator)
    d_opt = make_discriminator_optimizer(discriminator)
    fixed = noise(SAMPLE_GRID**2, device, torch.Generator(device=device).manual_seed(args.seed))
    order = torch.Generator().manual_seed(args.seed)
    drop_last = len(x) % args.batch_size == 1 and len(x) > 1
    for epoch in range(1, args.epochs + 1):
        generator.train()
        discriminator.train()
        sums, seen, g_steps = [0.0, 0.0, 0.0, 0.0], 0, 0
        perm = torch.randperm(len(x), generator=order).to(device)
        stop = len(x) - (len(x) % args.batch_size if drop_last else 0)
        for index, start in enumerate(range(0, stop, args.batch_size)):
            real = x[perm[start : start + args.batch_size]]
            n = len(real)
            real = real * a + b if scale else real
            fake = generator(noise(n, device))
            d_real = discriminator(real).reshape(n)
            d_fake = discriminator(fake.detach().reshape(n, *INPUT_SHAPE)).reshape(n)
            d_loss = losses_d(d_real, d_fake)
            d_opt.zero_grad(set_to_none=True)
            d_loss.backward()
            d_opt.step()
            if (index + 1) % D_STEPS == 0:
                g_loss = losses_g(discriminator(fake.reshape(n, *INPUT_SHAPE)).reshape(n))
                g_opt.zero_grad(set_to_none=True)
                g_loss.backward()
                g_opt.step()
                sums[1] += float(g_loss.detach())
                g_steps += 1
            sums[0] += float(d_loss.detach()) * n
            sums[2] += float(torch.sigmoid(d_real.detach()).mean()) * n
            sums[3] += float(torch.sigmoid(d_fake.detach()).mean()) * n
            seen += n
        print(
            f"epoch {epoch} · D loss {sums[0] / seen:.4f} · "
            f"G loss {sums[1] / max(1, g_steps):.4f} · D(x) {sums[2] / seen:.3f} · "
            f"D(G(z)) {sums[3] / seen:.3f}",
            flush=True,
        )
        if args.samples is not None:
            generator.eval()
            with torch.no_grad():
                made = generator(fixed)
            save_grid(made, args.samples / f"samples_epoch_{epoch:03d}.png", *shown)
    if args.out is not None:
        state = {f"{GENERATOR}.{k}": v for k, v in generator.state_dict().items()}
        state.update({f"{DISCRIMINATOR}.{k}": v for k, v in discriminator.state_dict().items()})
        save_file({k: v.detach().contiguous().cpu() for k, v in state.items()}, str(args.out))
''',
)
