"""One standalone ``.py`` file: the network class and, on request, its training script.

The file imports torch (and, for training, the data libraries the source needs), never
NetStudio. Trained weights go beside it as ``<stem>.safetensors``, which `load_model` reads.
The text is parsed (`ast.parse`) before it is written: whatever a project's names hold, an
export gives a file Python reads, or an error and no file.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import TYPE_CHECKING

from netstudio.core.python_source import parse
from netstudio.export import export_messages as said
from netstudio.export.code import Imports, class_name, literal
from netstudio.export.errors import ExportError
from netstudio.export.formats import replacing
from netstudio.export.python_code import ModelSource, model_source
from netstudio.export.source_copy import SourceBundle

if TYPE_CHECKING:
    import torch

    from netstudio.io import Project
    from netstudio.training.config import TrainingConfig
    from netstudio.training.data_config import DataConfig


def python_source(
    project: Project,
    *,
    weights_name: str | None = None,
    with_training: bool = False,
    script_name: str = "model.py",
) -> tuple[str, ModelSource]:
    """The file's text and the exported class (whose `compiled` twin takes the weights).

    With training, the project's settings come first, as constants the code below reads.

    weights_name: the safetensors file beside the script that `load_model` reads by default.
    """
    from netstudio.export.training_gan import gan_python_source, is_gan

    if with_training and is_gan(project):  # two networks and a loop of their own
        return gan_python_source(project, script_name)
    imports = Imports()
    imports.add("__future__", "annotations")
    bundle = SourceBundle(imports)
    name = network_name(project, script_name)
    title = _plain(name) or "Network"
    model = model_source(project.graph, class_name(name), title, imports, bundle)
    settings: list[list[str]] = []
    if with_training:
        blocks, usage = _training(project, model, imports, bundle, weights_name, script_name)
        settings, blocks = [blocks[0]], blocks[1:]
    else:
        blocks, usage = _model_only(model, imports, weights_name)
    doc = [f'"""{title}: exported from NetStudio as plain PyTorch.', "", *usage, '"""']
    definitions = [text.splitlines() for text in bundle.definitions()]
    # isort wants one blank line between the imports and the settings, two before a def
    lines = [*doc, "", *imports.render(), *([""] + settings[0] if settings else [])]
    for part in [*definitions, *model.block_classes, model.lines, *blocks]:
        lines.extend(["", "", *part])
    text = "\n".join(lines) + "\n"
    _check_unique_definitions(text, model)
    return text, model


def _check_unique_definitions(text: str, model: ModelSource) -> None:
    """ExportError when two top-level classes or functions of the file share a name (a block
    network named like a helper the training code copies, say), which would make the file
    run the wrong one; nothing to check when the text does not parse (`checked_source` says
    so)."""
    try:
        tree = parse(text)
    except (SyntaxError, ValueError):
        return
    seen: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            if node.name in seen:
                blocks = [lines[0] for lines in model.block_classes]
                taken = (
                    said.BLOCK_CLASS_TAKEN
                    if any(f"class {node.name}(" in line for line in blocks)
                    else said.NETWORK_CLASS_TAKEN
                )
                raise ExportError(taken(name=node.name))
            seen.add(node.name)


def write_python(
    project: Project,
    path: Path,
    state: dict[str, torch.Tensor] | None,
    with_training: bool = False,
) -> list[Path]:
    """Write the script to `path` and, when `state` is given, its weights beside it."""
    from netstudio.training.checkpoints import save_state_dict

    weights = path.with_suffix(".safetensors") if state is not None else None
    text, model = python_source(
        project,
        weights_name=weights.name if weights is not None else None,
        with_training=with_training,
        script_name=path.name,
    )
    if state is not None:
        own = set(model.compiled.state_dict())
        if own != set(state):  # the caller checked them against the compiled model
            raise ExportError(said.WEIGHTS_DO_NOT_FIT())
    content = checked_source(text, path)
    with replacing(path) as tmp:
        tmp.write_bytes(content)
    if weights is not None and state is not None:
        try:
            save_state_dict(state, weights)
        except OSError as error:
            raise ExportError(
                said.CANNOT_WRITE(path=weights, error=error.strerror or error)
            ) from None
        return [path, weights]
    return [path]


def checked_source(text: str, path: Path) -> bytes:
    """`text` as UTF-8 once it is known to parse as Python; ExportError (nothing written)
    when it does not: that is a NetStudio bug, so the message asks for a report."""
    try:
        parse(text, filename=path.name)
        return text.encode("utf-8")
    except SyntaxError as error:
        detail: str = said.AT_LINE(line=str(error.lineno), error=error.msg)
    except (ValueError, UnicodeError) as error:  # a NUL or a lone surrogate in the text
        detail = str(error).splitlines()[0] if str(error) else type(error).__name__
    raise ExportError(said.WOULD_NOT_RUN(file=path.name, detail=detail))


def _model_only(
    model: ModelSource, imports: Imports, weights_name: str | None
) -> tuple[list[list[str]], list[str]]:
    if weights_name is not None:
        imports.add("pathlib", "Path")
        imports.add("safetensors.torch", "load_file")
    name = model.class_name
    examples = ", ".join(_example(i.shape, i.dtype) for i in model.inputs)
    shapes = (
        "tuple(output.shape)" if model.output_count == 1 else "[tuple(o.shape) for o in output]"
    )
    blocks: list[list[str]] = []
    if weights_name is not None:
        blocks.append([f"WEIGHTS = Path(__file__).with_name({literal(weights_name)})"])
        loader = [
            f"def load_model(weights: str | Path | None = WEIGHTS) -> {name}:",
            f'    """A {name}; with `weights`, the weights from that safetensors file."""',
            f"    model = {name}()",
            "    if weights is not None:",
            "        model.load_state_dict(load_file(weights))",
            "    return model",
        ]
        usage = [
            f"    model = load_model()  # with the trained weights from {_plain(weights_name)}",
        ]
    else:
        loader = [
            f"def load_model() -> {name}:",
            f'    """A {name} with fresh weights."""',
            f"    return {name}()",
        ]
        usage = ["    model = load_model()"]
    blocks.append(loader)
    blocks.append(
        [
            'if __name__ == "__main__":',
            "    model = load_model().eval()",
            "    with torch.no_grad():",
            f"        output = model({examples})",
            f'    print(f"{name}: output {{{shapes}}}")',
        ]
    )
    return blocks, ["Use it:", "", *usage, "    output = model(batch)"]


def _training(
    project: Project,
    model: ModelSource,
    imports: Imports,
    bundle: SourceBundle,
    weights_name: str | None,
    script_name: str,
) -> tuple[list[list[str]], list[str]]:
    from netstudio.export.training_augment import augment_block
    from netstudio.export.training_data import classifies, data_blocks
    from netstudio.export.training_script import training_blocks

    if len(model.inputs) != 1 or model.output_count != 1:
        raise ExportError(said.ONE_INPUT_ONE_OUTPUT())
    data, config = project_settings(project)
    imports.add("torch")
    data_part = data_blocks(data, imports, bundle)
    training_part = training_blocks(config, classifies(data), model, imports, weights_name, bundle)
    settings = ["# The project's settings.", *data_part[0], *training_part[0]]
    blocks = [settings, *data_part[1:], augment_block(data, bundle), *training_part[1:]]
    usage = [
        "Train it with the project's settings, on one process or several:",
        "",
        f"    python {_plain(script_name)} --epochs 10 --data-root data --out weights.safetensors",
        f"    torchrun --nproc_per_node 4 {_plain(script_name)} --out weights.safetensors",
    ]
    return blocks, usage


def project_settings(project: Project) -> tuple[DataConfig, TrainingConfig]:
    """The project's data and training settings, typed; ExportError naming the first that is
    not valid."""
    from pydantic import ValidationError

    from netstudio.training.config import TrainingConfig
    from netstudio.training.data_config import DataConfig

    try:
        return (
            DataConfig.model_validate(project.data),
            TrainingConfig.model_validate(project.training),
        )
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ExportError(said.SETTINGS_NOT_VALID(where=where, error=first["msg"])) from None


def _example(shape: tuple[int, ...], dtype: str) -> str:
    dims = ", ".join(["2", *(str(d) for d in shape)])
    if dtype == "int64":
        return f"torch.zeros({dims}, dtype=torch.long)"
    return f"torch.randn({dims})"


def network_name(project: Project, script_name: str | None = None) -> str:
    """What the exported class is called after: the project's name, or for a project never
    named ("Untitled"), its file's name (``my_net.net`` gives ``MyNet``), else the name of the
    file being written."""
    name = project.name.strip()
    if name and name != "Untitled":
        return name
    if project.path is not None:
        return project.path.stem
    return Path(script_name).stem if script_name else name


def _plain(text: str) -> str:
    """`text` safe inside a docstring on one line: no backslash, no closing quotes, and no
    character that is not printable (a NUL, a control or a lone surrogate becomes a space)."""
    printable = "".join(ch if ch.isprintable() else " " for ch in text)
    return " ".join(printable.replace("\\", "/").replace('"""', "'''").split())
