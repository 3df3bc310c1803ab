"""Previews on the canvas: every node's output for one real sample, kept up to date as it is edited.

`CanvasPreviews` follows the shown document. After each analysed edit it takes a snapshot of the
network (its nodes, wires and resolved parameters, on the GUI thread: cheap) and hands it to a
`LatestJob`: on a pool thread, one `PreviewEngine` (kept between jobs) recomputes only what the
edit changed, and draws a picture of each changed output. A newer edit supersedes a job still
waiting; the GUI thread only copies pictures into the node cards (as QPixmaps, once each), so
typing and dragging never wait. The sample is training sample `index` of the project's data
(loaded once per data section; Previous/Next in the Inspector step through it, and one picked in
the Data preview jumps to it: `show_sample`), or an input given by Try it (`show_input`); a GAN's
generator takes noise, not data, so it is shown one fixed noise vector of the GAN's noise size
(seed 0, the GAN's distribution), while its discriminator is shown the training sample; the
weights are fresh seeded ones, or a run's (`set_weights`). A Block node shows its last copy's
output (each copy's network and shapes are part of the snapshot). A layer that fails on the
sample says so on its card and in the Problems list, with the fix.

Previews are on by default for networks of fewer than `DEFAULT_LIMIT` nodes (View > Previews).

What the previews say is in the app's language (context ``CanvasPreviews``); the sample's
description and the reasons there is no preview are worded on the pool thread
(`QCoreApplication.translate` is thread-safe), a preview's own messages are the core's
(`netstudio.core.previews`), translated with `i18n.translated`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap

from netstudio.core.errors import CycleError
from netstudio.core.graph import Edge, NetworkGraph, Node
from netstudio.core.validation import Problem
from netstudio.gui import i18n
from netstudio.gui.background import LatestJob
from netstudio.gui.preview_images import preview_image, preview_texts

__all__ = ["CanvasPreviews", "GraphSnapshot", "PreviewResult", "preview_texts"]

if TYPE_CHECKING:
    import torch

    from netstudio.core.previews import NodePreview, PreviewEngine
    from netstudio.core.shapes import NodeInfo
    from netstudio.gui.canvas.scene import CanvasScene
    from netstudio.gui.document import Document

#: Previews are on by default for networks with fewer nodes than this.
DEFAULT_LIMIT = 150
translate = QCoreApplication.translate  # lupdate finds calls named translate(...)


@dataclass(frozen=True)
class _Info:
    """The part of a node's shape inference a preview needs (see `PreviewEngine`); a Block
    node's copies, each its network's snapshot and shapes."""

    resolved: dict[str, Any]
    ok: bool
    error: str | None
    copies: tuple[_FrozenInference, ...] = ()


class _FrozenInference:
    """Shape inference as it stood when the snapshot was taken: nothing to update. graph: the
    snapshot of the network it analysed (a Block's copy reads its network from it)."""

    def __init__(self, infos: dict[str, _Info], graph: GraphSnapshot | None = None) -> None:
        self._infos = infos
        self.graph = graph

    def update(self) -> set[str]:
        return set()

    def info(self, node_id: str) -> _Info:
        return self._infos[node_id]

    def close(self) -> None:
        pass


class GraphSnapshot:
    """A network as it stood, for a pool thread to read while the person edits the real one:
    the methods of `NetworkGraph` a `PreviewEngine` reads."""

    def __init__(self, graph: NetworkGraph) -> None:
        self._nodes = {node.id: replace(node) for node in graph.nodes()}
        self._into = {(e.dst, e.dst_port): e for e in graph.edges()}
        self._order: list[str] | None = None

    def topological_order(self) -> list[str]:
        """Node ids, each after those it reads from (worked out on the pool thread)."""
        if self._order is None:
            after: dict[str, list[str]] = {node_id: [] for node_id in self._nodes}
            waiting = dict.fromkeys(self._nodes, 0)
            for edge in self._into.values():
                after[edge.src].append(edge.dst)
                waiting[edge.dst] += 1
            ready = [node_id for node_id, count in waiting.items() if count == 0]
            order = []
            while ready:
                node_id = ready.pop()
                order.append(node_id)
                for later in after[node_id]:
                    waiting[later] -= 1
                    if waiting[later] == 0:
                        ready.append(later)
            if len(order) != len(self._nodes):
                raise CycleError("the graph has a cycle")
            self._order = order
        return list(self._order)

    def node(self, node_id: str) -> Node:
        return self._nodes[node_id]

    def edge_into(self, node_id: str, port: str) -> Edge | None:
        return self._into.get((node_id, port))

    def inputs(self) -> list[Node]:
        return [node for node in self._nodes.values() if node.spec.role == "input"]

    def outputs(self) -> list[Node]:
        return [node for node in self._nodes.values() if node.spec.role == "output"]

    def __contains__(self, node_id: object) -> bool:
        return node_id in self._nodes


@dataclass
class PreviewResult:
    """What one job found: every node's preview and picture, how many nodes it ran, and the
    sample's description (or why there is no sample)."""

    previews: dict[str, NodePreview]
    images: dict[str, QImage]
    computed: int
    sample: str
    error: str = ""


class _Work:
    """What the pool thread keeps between jobs for one document: the engine, the data and the
    pictures drawn. Only jobs touch it, and a `LatestJob` runs one at a time."""

    def __init__(self) -> None:
        self.engine: PreviewEngine | None = None
        self.data_key: str | None = None
        self.data: Any = None
        self.sample_key: Any = None
        self.weights_key: Any = None
        self.images: dict[str, tuple[NodePreview, QImage]] = {}

    def run(
        self,
        graph: GraphSnapshot,
        infos: dict[str, _Info],
        data: tuple[str, dict[str, Any], Path | None],
        sample: tuple[Any, Any],
        weights: tuple[Any, Mapping[str, Mapping[str, torch.Tensor]] | None],
    ) -> PreviewResult:
        from netstudio.core.previews import PreviewEngine

        sample_key, given = sample
        if sample_key[0] == "noise":
            given, description = _noise_sample(*sample_key[1:])
        elif given is None:
            try:
                given, description = self._training_sample(*data, index=sample_key[1])
            except Exception as error:  # no data, no previews: say why
                said = translate("CanvasPreviews", "Previews: {reason}")
                return PreviewResult({}, {}, 0, "", said.format(reason=i18n.error_said(error)))
        else:
            description = translate("CanvasPreviews", "the input in Try it")
        engine = self.engine
        inference = _FrozenInference(infos)
        try:
            if engine is None:
                engine = PreviewEngine(graph, given, inference=inference)  # type: ignore[arg-type]
                self.engine, self.sample_key = engine, sample_key
            engine.graph, engine.inference = graph, inference  # type: ignore[assignment]
            if sample_key != self.sample_key:
                engine.set_sample(given)
                self.sample_key = sample_key
        except ValueError as error:  # several Inputs: one sample cannot say which is which
            said = translate("CanvasPreviews", "No previews: {reason}")
            return PreviewResult({}, {}, 0, "", said.format(reason=i18n.error_said(error)))
        if weights[0] != self.weights_key:
            engine.set_weights(weights[1])
            self.weights_key = weights[0]
        try:
            previews = dict(engine.update())
        except CycleError:
            said = translate("CanvasPreviews", "No previews: the network has a cycle")
            return PreviewResult({}, {}, 0, "", said)
        images: dict[str, QImage] = {}
        for node_id, preview in previews.items():
            drawn = self.images.get(node_id)
            if drawn is None or drawn[0] is not preview:
                picture = preview_image(preview.value) if preview.value is not None else QImage()
                drawn = self.images[node_id] = (preview, picture)
            images[node_id] = drawn[1]
        for gone in set(self.images) - set(previews):
            del self.images[gone]
        return PreviewResult(previews, images, engine.computed, description)

    def _training_sample(
        self, key: str, config: dict[str, Any], project_dir: Path | None, index: int
    ) -> tuple[torch.Tensor, str]:
        from netstudio.training.data_config import DataConfig
        from netstudio.training.loaded_data import TensorSplit
        from netstudio.training.sources import get_source, load_data

        if key != self.data_key:
            data_config = DataConfig.model_validate(config)
            if get_source(data_config.source).can_stream:  # one image decoded, not the folder
                data_config = data_config.model_copy(update={"streaming": "always"})
            self.data = load_data(data_config, project_dir)
            self.data_key = key
        split = self.data.train
        count = len(split)
        if not count:
            raise ValueError(translate("CanvasPreviews", "the training split has no samples"))
        index %= count
        x, y = (split.x[index], split.y[index]) if isinstance(split, TensorSplit) else split[index]
        numbers = {"index": i18n.number(index + 1), "count": i18n.number(count)}
        classes = self.data.classes
        if classes is not None and y.numel() == 1 and 0 <= int(y) < len(classes):
            said = translate("CanvasPreviews", "training sample {index} of {count}, label {label}")
            return x, said.format(label=classes[int(y)], **numbers)
        return x, translate("CanvasPreviews", "training sample {index} of {count}").format(
            **numbers
        )


def _frozen_infos(
    graph: NetworkGraph, info_of: Callable[[str], NodeInfo | None]
) -> dict[str, _Info] | None:
    """What a preview needs of each node's shapes (None while some are still unknown); a
    Block node's copies too, each a snapshot of its network and that copy's shapes (a copy
    that is the same analysis as the one before shares its snapshot)."""
    infos = {}
    for node in graph.nodes():
        info = info_of(node.id)
        if info is None:
            return None
        copies: list[_FrozenInference] = []
        if info.copies:
            inner = GraphSnapshot(info.copies[0].graph)
            frozen: dict[int, _FrozenInference] = {}
            for copy in info.copies:
                if id(copy) not in frozen:
                    found = _frozen_infos(copy.graph, copy.known)
                    if found is None:
                        return None
                    frozen[id(copy)] = _FrozenInference(found, inner)
                copies.append(frozen[id(copy)])
        infos[node.id] = _Info(dict(info.resolved), info.ok, info.error, tuple(copies))
    return infos


def _noise_sample(size: int, kind: str) -> tuple[torch.Tensor, str]:
    """The fixed noise vector a GAN's generator is previewed on (the same after every edit)."""
    import torch

    from netstudio.training.config import GanConfig
    from netstudio.training.gan import draw_noise

    gan = GanConfig(noise_size=size, noise=kind)  # type: ignore[arg-type]
    noise = draw_noise(gan, 1, "cpu", torch.Generator().manual_seed(0))[0]
    if kind == "uniform":
        said = translate(
            "CanvasPreviews", "a fixed uniform noise vector of {size} values (the GAN's generator)"
        )
    else:
        said = translate(
            "CanvasPreviews", "a fixed normal noise vector of {size} values (the GAN's generator)"
        )
    return noise, said.format(size=i18n.number(size))


def _gan_noise(document: Document) -> tuple[int, str] | None:
    """(noise size, distribution) when the shown network is the GAN's generator, else None."""
    from pydantic import ValidationError

    from netstudio.training.config import TrainingConfig

    try:
        config = TrainingConfig.model_validate(document.project.training)
    except ValidationError:
        return None
    gan = config.gan
    if config.task != "gan" or gan is None or document.shown_name != gan.generator:
        return None
    return gan.noise_size, gan.noise


class CanvasPreviews(QObject):
    """The canvas's previews (see module docstring)."""

    #: New previews are on the cards (tests and the Inspector wait for it).
    updated = Signal()
    #: Something to tell the person in the status bar.
    message = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.job = LatestJob(self)
        self.document: Document | None = None
        self.scene: CanvasScene | None = None
        self.shown = False
        self.index = 0
        self.sample_text = ""
        self.previews: dict[str, NodePreview] = {}
        self.pixmaps: dict[str, tuple[QImage, QPixmap]] = {}
        self.images: dict[str, QImage] = {}
        #: How many nodes the last job ran (the others were unchanged).
        self.computed = 0
        #: The previews' errors, as the Problems list shows them.
        self.problems: list[Problem] = []
        self._work = _Work()
        self._input: tuple[int, torch.Tensor] | None = None
        self._inputs_given = 0
        self._weights: tuple[int, Mapping[str, Mapping[str, torch.Tensor]] | None] = (0, None)
        #: After an edit, the snapshot is taken on the next turn of the event loop: the edit
        #: and its redraw do not wait for it, and a burst of edits makes one.
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self.refresh)
        #: The model whose weights the previews use (None: fresh ones).
        self.weights_model: Any = None

    @property
    def busy(self) -> bool:
        """Previews are on their way (an edit's, waiting for the next turn, or computing)."""
        return self._soon.isActive() or self.job.busy

    # --- what the window tells it --------------------------------------------------------------

    def set_document(self, document: Document, scene: CanvasScene) -> None:
        """Follow `document` shown in `scene`; previews start over (fresh weights, sample 1)."""
        if self.document is not None:
            self.document.analysed.disconnect(self._on_analysed)
        self.job.cancel()
        if document is not self.document:  # another project; another of its networks keeps it
            self.shown = len(document.graph) < DEFAULT_LIMIT
        self.document, self.scene = document, scene
        self._work = _Work()
        self.index, self._input, self._weights = 0, None, (0, None)
        self.weights_model = None
        self.previews, self.pixmaps, self.images, self.problems = {}, {}, {}, []
        document.analysed.connect(self._on_analysed)
        self._show_space()
        self.refresh()

    def set_shown(self, shown: bool) -> None:
        """Show previews on the cards (computing them), or take them away."""
        self.shown = shown
        self._show_space()
        if shown:
            self.refresh()
        else:
            self.job.cancel()
            self.problems = []
            self.updated.emit()

    def step_sample(self, step: int) -> None:
        """Show the next (1) or previous (-1) training sample (Try it's input is let go)."""
        self._input = None
        self.index += step
        self.refresh()

    def show_sample(self, index: int) -> None:
        """Show training sample `index` (0 first; one picked in the Data preview), Try it's
        input let go."""
        self._input = None
        self.index = index
        self.refresh()

    def show_input(self, tensor: torch.Tensor | None) -> None:
        """Show `tensor` (one sample, as Try it gives the network) instead of a training
        sample; None: back to the training sample."""
        if tensor is None:
            self._input = None
        else:
            self._inputs_given += 1
            self._input = (self._inputs_given, tensor.detach().cpu())
        self.refresh()

    def set_weights(self, weights: Mapping[str, Mapping[str, torch.Tensor]] | None) -> None:
        """Compute with these weights by node id (a run's), or fresh ones (None)."""
        self._weights = (self._weights[0] + 1, weights)
        self.refresh()

    def refresh(self) -> None:
        """Recompute what changed, in the background (a waiting request is replaced)."""
        document = self.document
        if not self.shown or document is None or not document.analysed_once:
            return
        graph = document.graph
        snapshot = GraphSnapshot(graph)
        infos = _frozen_infos(graph, document.info)
        if infos is None:
            return  # shapes still arriving: `analysed` comes again
        directory = document.path.parent if document.path is not None else None
        config = dict(document.project.data)
        data = (json.dumps(config, sort_keys=True, default=str) + str(directory), config, directory)
        noise = _gan_noise(document)
        if self._input is not None:
            sample = (("input", self._input[0]), self._input[1])
        elif noise is not None:
            sample = (("noise", *noise), None)
        else:
            sample = (("train", self.index), None)
        work = self._work
        self.job.submit(
            lambda: work.run(snapshot, infos, data, sample, self._weights),
            lambda result: self._arrived(work, result),
            lambda error: self.message.emit(
                self.tr("Previews could not be computed: {reason}").format(
                    reason=i18n.error_said(error)
                )
            ),
        )

    # --- results -------------------------------------------------------------------------------

    def _on_analysed(self, _changed: Any, _problems: Any) -> None:
        if self.shown:
            self._show_space()  # a new node's card makes room too
            self._soon.start()

    def _arrived(self, work: _Work, result: PreviewResult) -> None:
        if work is not self._work or not self.shown or self.scene is None:
            return  # another document's, or previews were turned off meanwhile
        self.previews, self.computed = result.previews, result.computed
        self.sample_text = result.sample or result.error
        self.images = result.images
        graph = self.document.graph if self.document is not None else None
        problems = []
        for node_id, item in self.scene.nodes.items():
            preview = result.previews.get(node_id)
            if preview is None:
                item.set_preview(None, result.error)
                continue
            item.set_preview(self.pixmap(node_id), *preview_texts(preview))
            if preview.error is not None and graph is not None and node_id in graph:
                problems.append(Problem("error", node_id, preview.error))
        self.problems = problems
        self.updated.emit()

    def pixmap(self, node_id: str) -> QPixmap | None:
        """The card's picture of `node_id`'s preview (made from the job's image once)."""
        image = self.images.get(node_id)
        if image is None or image.isNull():
            return None
        cached = self.pixmaps.get(node_id)
        if cached is None or cached[0] is not image:
            cached = self.pixmaps[node_id] = (image, QPixmap.fromImage(image))
        return cached[1]

    def _show_space(self) -> None:
        if self.scene is None:
            return
        for item in self.scene.nodes.values():
            if item.preview_shown != self.shown:
                item.set_preview_shown(self.shown)
                # The card changed size: the scene files its new rectangle, and wires go round.
                self.scene._on_item_moved(item)
            if not self.shown:
                item.set_preview(None, "")
