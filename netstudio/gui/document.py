"""The open project as the editor sees it: graph, shapes, problems, undo history, file state.

`Document` is the one place edits go through (`push`), and it says what each one changed. An
edit of the graph brings the shape inference up to date, re-validates, and announces it with
`analysed`. An edit of the ``data`` or ``training`` section is announced with
`section_changed` and analyses no part of the graph: only the problems between the data and
the network are checked again (cheap), and the shapes only when the data's sample shape
changed under an auto Input. Until PyTorch has loaded (it loads behind the window) analysis
waits and the canvas shows shapes as unknown.

A large network (more than `SLICED_NODES` nodes) is analysed the first time a slice at a time
on the event loop: the window shows the graph at once, `shapes_arrived` fills the shapes in as
they come, and `analysed` follows with the problems once all are known. An edit meanwhile
finishes the analysis first. MACs are counted after the shapes, apart from them (they cost
most of a layer's analysis), also a slice at a time: `macs_counted` says when they are all in.

The problems are the graph's own (`graph_problems`, from the incremental `Validator`: what
`validate` gives, recomputed only where an edit touched) and those between the
network and its data and loss (`data_problems`: an Input set by hand to a shape the data's
samples do not fit, an output the loss cannot compare with the data's targets), each on the
node at fault, so they show on the canvas and in the Problems list before anyone trains. A GAN
(the task "gan") is checked as one instead (`gan_problems`, naming both networks), and its
generator's auto Input takes the noise vector (`noise_size` values), not a data sample.

A finished run is a record, not an edit: `add_run` keeps it in ``project.runs`` outside the
undo history (no undo removes it), marks the project modified until the next save and says so
with `runs_changed`, which the run views listen to (deleting or renaming a run stays an undo
command, and says so too).

The project's starting weights (the tensors a run starts from: Model > Load weights…) are held
here in memory, `starting_weights`, read from beside the file (``<stem>.safetensors``) when
first asked for, changed only through an undo command (`set_starting_weights`, announced with
`starting_weights_changed`) and written beside the file on Save (beside the new file on Save
As).

A project holds several networks (``project.networks``); the document shows one of them at a
time (`show_network`, announced with `network_shown`): `graph`, `inference`, `problems` and
`info` are the shown network's, so the canvas and the panels follow the tab the person chose.
Each network keeps its own analysis (`NetworkAnalysis`) while the document is open; a block's
network is analysed with what arrives at the first Block that uses it. What training checks
reads is always the main network's (`main_analysis`), whichever network is shown. An edit of
any network re-analyses the shown one (the Block nodes of an edited network follow it).
"""

from __future__ import annotations

import copy
import shutil
import time
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from netstudio.core.blocks import BLOCK, own_name
from netstudio.core.catalogue import TensorInfo
from netstudio.core.errors import GraphError
from netstudio.core.events import Subscriptions
from netstudio.core.graph import NetworkGraph, Node
from netstudio.core.messages import QT_TRANSLATE_NOOP
from netstudio.core.shapes import NodeInfo, ShapeInference
from netstudio.core.validation import Problem, Validator
from netstudio.gui.commands import GraphCommand, push
from netstudio.gui.training.checks import data_network_problems
from netstudio.io import Project, save_project
from netstudio.training.sources import project_sample_shape

# The title of a project whose name is the default one (`netstudio.io.Project`'s), in the
# app's language (first in the module: lupdate hands the "#:" comments above a text to it).
UNNAMED = QT_TRANSLATE_NOOP("Document", "Untitled")
#: The project sections besides the graph whose edits `section_changed` announces.
SECTIONS = ("data", "training")

#: A network with more nodes than this is analysed the first time a slice at a time.
SLICED_NODES = 200
#: How long one slice of analysis or MAC counting may hold the event loop.
SLICE_S = 0.025


class NetworkAnalysis:
    """One network's shapes and problems, kept up to date edit by edit.

    feeds: the tensors its Input nodes take in place of their own shapes (a block's network
    shown on its own takes what arrives at a Block using it)."""

    def __init__(
        self,
        graph: NetworkGraph,
        data_shape: tuple[int, ...] | None,
        feeds: dict[str, TensorInfo] | None = None,
    ) -> None:
        self.graph = graph
        self.feeds = dict(feeds or {})
        self.inference = ShapeInference(graph, data_shape=data_shape, feeds=self.feeds)
        self.validator = Validator(graph, self.inference)
        #: The Input and Output nodes, while no node was added or removed.
        self._ends: tuple[list[Node], list[Node]] | None = None
        events = graph.events
        self._subscriptions = Subscriptions(
            [
                (events.node_added, self._on_nodes_changed),
                (events.node_removed, self._on_nodes_changed),
                (events.cleared, self._on_nodes_changed),
            ]
        )

    def _on_nodes_changed(self, node: Node | None = None) -> None:
        """Forget the ends when an Input or Output came or went (a layer added to a network of
        thousands keeps them)."""
        if node is None or node.spec.role in ("input", "output"):
            self._ends = None

    def ends(self) -> tuple[list[Node], list[Node]]:
        """The network's Input nodes and Output nodes."""
        if self._ends is None:
            self._ends = (self.graph.inputs(), self.graph.outputs())
        return self._ends

    def close(self) -> None:
        self._subscriptions.close()
        self.validator.close()
        self.inference.close()


class Document(QObject):
    """One open project (see module docstring)."""

    #: After an edit is analysed: (ids of nodes whose shapes or params changed, all problems).
    analysed = Signal(object, object)
    #: The shapes of these nodes arrived, while a large network is analysed a slice at a time
    #: (`analysed` follows once all are known, with the problems).
    shapes_arrived = Signal(object)
    #: Every analysed node's MACs are counted now (they come after the shapes).
    macs_counted = Signal()
    #: After every edit, undo and redo (once analysed). Panels listen to this, not to the
    #: undo stack: the stack signals while it is destroyed, this never does.
    edited = Signal()
    #: The project's "data" or "training" section changed (an edit, undo or redo), once the
    #: problems it makes or mends are known. A panel showing a section listens to this.
    section_changed = Signal(str)
    #: The project's modified state changed.
    modified_changed = Signal(bool)
    #: The project was saved under a new path (or got its first one).
    path_changed = Signal(object)
    #: ``project.runs`` changed: a run was added, or one was deleted or renamed (or undone).
    runs_changed = Signal()
    #: The starting weights changed (a load, Fit to data, or their undo).
    starting_weights_changed = Signal()
    #: Another network of the project is shown now (its name): the canvas and panels follow.
    network_shown = Signal(str)
    #: A network was added, removed or renamed, or another one became the main one.
    networks_changed = Signal()

    def __init__(
        self,
        project: Project | None = None,
        *,
        analysis: bool = True,
        modified: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.project = project if project is not None else Project()
        #: One sample's shape of the project's data, as far as it is known without loading
        #: it: the shape of every auto Input (read on a worker while PyTorch loads, where it
        #: takes reading the files: `_first_data_shape`).
        self.data_shape = self._first_data_shape(analysis)
        #: Each network's analysis, by the identity of its graph (a renamed network keeps it).
        self._analyses: dict[int, NetworkAnalysis] = {}
        #: The network shown on the canvas.
        self._shown: NetworkGraph = self.project.graph
        self._analysis_of(self._shown)
        self.undo_stack = QUndoStack(self)
        #: Every problem: the graph's and the data's, errors first.
        self.problems: list[Problem] = []
        self.graph_problems: list[Problem] = []
        self.data_problems: list[Problem] = []
        #: The sections as last announced, to tell which ones an edit changed.
        self._sections = {name: self._section_copy(name) for name in SECTIONS}
        #: A network changed (more than a node's position) since the shown one was analysed.
        self._graph_changed = False
        #: The networks' names and the main one's, as last announced.
        self._network_names = self._names_now()
        self.project.networks.changed.connect(self._on_graph_changed)
        self._analysis = analysis
        self._analysed_once = False
        #: Continues a first analysis that runs a slice at a time.
        self._slices = QTimer(self)
        self._slices.setSingleShot(True)
        self._slices.timeout.connect(self._analyse_slice)
        #: Counts the MACs a slice at a time once the shapes are known.
        self._mac_slices = QTimer(self)
        self._mac_slices.setSingleShot(True)
        self._mac_slices.timeout.connect(self._count_macs_slice)
        self._forced_modified = modified
        #: A run was added since the last save (records are not in the undo history, so the
        #: stack's clean state cannot tell).
        self._unsaved_runs = False
        #: Why Save must ask before writing to `path` (work restored after a crash whose file
        #: is gone or holds something else now); empty: Save writes without asking.
        self.save_warning = ""
        #: The starting weights (None: not read from beside the file yet), whether they
        #: changed since the last save, and why those beside the file could not be read.
        self._starting: dict[str, Any] | None = None
        self._starting_changed = False
        self.starting_weights_error = ""
        self.undo_stack.indexChanged.connect(self._after_edit)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        if analysis:
            self.analyse()

    # --- state ---------------------------------------------------------------------------------

    @property
    def graph(self) -> NetworkGraph:
        """The network shown (the main one unless another tab was chosen)."""
        return self._shown

    @property
    def shown_name(self) -> str:
        """The name of the network shown."""
        return own_name(self.project.networks, self._shown) or self.project.main

    @property
    def analysis(self) -> NetworkAnalysis:
        """The shown network's analysis."""
        return self._analyses[id(self._shown)]

    @property
    def main_analysis(self) -> NetworkAnalysis:
        """The main network's analysis (what training checks), whichever network is shown."""
        return self._analysis_of(self.project.graph, refresh=True)

    @property
    def inference(self) -> ShapeInference:
        return self.analysis.inference

    @property
    def validator(self) -> Validator:
        return self.analysis.validator

    @property
    def showing_main(self) -> bool:
        return self._shown is self.project.graph

    @property
    def path(self) -> Path | None:
        return self.project.path

    @property
    def file_name(self) -> str:
        """What the title bar calls the project: the file name, else the project's name."""
        if self.path is not None:
            return self.path.name
        if self.project.name in ("", UNNAMED):
            return self.tr(UNNAMED)  # the default name, in the app's language
        return self.project.name

    @property
    def modified(self) -> bool:
        return self._forced_modified or self._unsaved_runs or not self.undo_stack.isClean()

    @property
    def analysis_enabled(self) -> bool:
        return self._analysis

    @property
    def analysed_once(self) -> bool:
        """Whether shapes have been inferred at least once (PyTorch has loaded)."""
        return self._analysed_once

    @property
    def analysing(self) -> bool:
        """Whether a first analysis is under way a slice at a time."""
        return self._slices.isActive()

    @property
    def starting_weights(self) -> dict[str, Any]:
        """The tensors a run starts from, by the compiled model's state_dict keys ({}: fresh
        weights). Read from beside the file the first time (PyTorch must have loaded); a
        damaged file counts as none, and `starting_weights_error` says why."""
        if self._starting is None:
            from netstudio.training.starting_weights import WeightsFileError, read_starting_weights

            try:
                self._starting = read_starting_weights(self.project)
            except WeightsFileError as error:
                self._starting, self.starting_weights_error = {}, str(error)
        return self._starting

    def set_starting_weights(self, tensors: dict[str, Any]) -> None:
        """Hold `tensors` as the starting weights (from an undo command only)."""
        self._starting = dict(tensors)
        self._starting_changed = True
        self.starting_weights_error = ""
        self.starting_weights_changed.emit()

    def info(self, node_id: str) -> NodeInfo | None:
        """What shape inference knows of a node; None before the first analysis (or, while it
        runs a slice at a time, before it reached the node)."""
        if node_id not in self.graph:
            return None
        if self.analysing:
            return self.inference.known(node_id)
        if not self._analysed_once:
            return None
        return self.inference.info(node_id)

    def main_info(self, node_id: str) -> NodeInfo | None:
        """What shape inference knows of a node of the main network (see `info`)."""
        if self.showing_main:
            return self.info(node_id)
        if not self._analysed_once or node_id not in self.project.graph:
            return None
        return self.main_analysis.inference.info(node_id)

    def main_problems(self) -> list[Problem]:
        """The main network's own problems (those `graph_problems` holds while it is shown)."""
        if self.showing_main:
            return self.graph_problems
        return self.main_analysis.validator.problems() if self._analysed_once else []

    def main_ends(self) -> tuple[list[Node], list[Node]]:
        """The main network's Input and Output nodes."""
        return self.main_analysis.ends()

    def node_problems(self, node_id: str) -> list[Problem]:
        return [p for p in self.problems if p.node_id == node_id]

    # --- editing -------------------------------------------------------------------------------

    def push(self, command: GraphCommand) -> GraphError | None:
        """Do `command` and keep it in the history; returns the graph's refusal, if any."""
        return push(self.undo_stack, command)

    def add_run(self, record: dict[str, Any]) -> None:
        """Keep a finished (or stopped, or failed) run's record at the end of ``project.runs``.

        Not an undo step: a run is what happened, and no undo takes it away. The project is
        modified until it is saved (the record is not in the file yet)."""
        was_modified = self.modified
        self.project.runs.append(record)
        self._unsaved_runs = True
        self.runs_changed.emit()
        if not was_modified:
            self.modified_changed.emit(True)

    def enable_analysis(self) -> None:
        """Start inferring shapes (PyTorch is ready); runs the first analysis now."""
        if not self._analysis:
            self._analysis = True
            self.analyse()

    def analyse(self) -> None:
        """Bring shapes and problems up to date and announce them (the first time, a large
        network a slice at a time: see module docstring)."""
        self._graph_changed = False
        if not self._analysis:
            return
        if not self._analysed_once and not self.analysing and len(self.graph) > SLICED_NODES:
            self._analyse_slice()
            return
        self._slices.stop()
        self._finish_analysis(self.inference.update())

    def _analyse_slice(self) -> None:
        changed = self.inference.update(deadline=time.perf_counter() + SLICE_S)
        if not self.inference.dirty:
            self._finish_analysis(changed)
            return
        self._slices.start(0)
        if changed:
            self.shapes_arrived.emit(changed)

    def _finish_analysis(self, changed: set[str]) -> None:
        if not self._analysed_once:
            changed = {node.id for node in self.graph.nodes()}
            self._analysed_once = True
            if not self.showing_main:  # chosen before PyTorch loaded: take what the block gets
                self._analysis_of(self._shown, refresh=True)
        self.graph_problems = self.validator.problems()
        self.data_problems = self._check_data()
        self._combine_problems()
        self.analysed.emit(changed, self.problems)
        if self.inference.macs_pending and not self._mac_slices.isActive():
            self._mac_slices.start(0)

    def _count_macs_slice(self) -> None:
        """Count MACs for one slice of time; say so once all are counted."""
        if self.analysing or not self._analyses:
            return  # the analysis that finishes will start counting again (or it is closed)
        self.inference.count_macs(deadline=time.perf_counter() + SLICE_S)
        if self.inference.macs_pending:
            self._mac_slices.start(0)
        else:
            self.macs_counted.emit()

    def _after_edit(self, _index: int) -> None:
        """Analyse what the edit (or undo, or redo) changed, and say so."""
        self._follow_networks()
        sections = [name for name in SECTIONS if self._section_changed(name)]
        shapes_moved = bool({"data", "training"} & set(sections)) and self._update_data_shape(
            reread="data" in sections
        )
        if self._graph_changed or shapes_moved:
            self.analyse()
        elif sections:
            self.recheck_data()
        for name in sections:
            self.section_changed.emit(name)
        self.edited.emit()

    def _on_graph_changed(self, *_: Any) -> None:
        self._graph_changed = True

    def ends(self) -> tuple[list[Node], list[Node]]:
        """The shown network's Input nodes and Output nodes (kept between edits: finding them
        looks at every node)."""
        return self.analysis.ends()

    # --- the networks --------------------------------------------------------------------------

    def _names_now(self) -> tuple[tuple[str, ...], str]:
        return tuple(self.project.networks), self.project.main

    def _analysis_of(self, graph: NetworkGraph, refresh: bool = False) -> NetworkAnalysis:
        """`graph`'s analysis, made when first asked for; a block's network takes what arrives
        at the first Block using it (`refresh`: made again when that changed)."""
        found = self._analyses.get(id(graph))
        if found is not None and not refresh:
            return found
        feeds = self._feeds_for(graph) if graph is not self.project.graph else {}
        if found is not None and found.feeds == feeds:
            return found
        if found is not None:
            found.close()
        made = NetworkAnalysis(graph, self._data_shape_of(graph), feeds)
        self._analyses[id(graph)] = made
        return made

    def _data_shape_of(self, graph: NetworkGraph) -> tuple[int, ...] | None:
        """The shape `graph`'s auto Inputs take: the data's sample, but a GAN's noise vector
        for its generator (which makes samples from noise, never reads the data)."""
        try:
            config = self.project.training_config()
        except ValidationError:  # the Training panel says what is wrong
            return self.data_shape
        gan = config.gan
        if config.task != "gan" or gan is None:
            return self.data_shape
        if own_name(self.project.networks, graph) == gan.generator:
            return (gan.noise_size,)
        return self.data_shape

    def _feeds_for(self, graph: NetworkGraph) -> dict[str, TensorInfo]:
        """The tensors arriving at the first Block that uses `graph` (in the main network, else
        in a network already analysed), by the ids of `graph`'s Input nodes; {} when none is
        known."""
        name = own_name(self.project.networks, graph)
        if name is None or not self._analysed_once or not self._analysis:
            return {}
        ins = [node.id for node in graph.inputs()]
        holders = [self.project.graph] + [
            a.graph for a in self._analyses.values() if a.graph is not self.project.graph
        ]
        for holder in holders:
            if holder is graph:
                continue
            analysis = self._analyses.get(id(holder))
            if analysis is None:
                continue
            for node in holder.nodes():
                if node.type_id != BLOCK or node.params.get("network") != name:
                    continue
                inputs = analysis.inference.info(node.id).inputs
                if len(inputs) == len(ins) and all(t is not None for t in inputs):
                    return dict(zip(ins, inputs, strict=True))
        return {}

    def show_network(self, name: str) -> None:
        """Show the network `name` on the canvas and in the panels (`network_shown`)."""
        graph = self.project.networks[name]
        if graph is self._shown:
            return
        self._slices.stop()
        self._shown = graph
        self._analysis_of(graph, refresh=True)
        ready = self._analysis and self._analysed_once
        if ready:
            self.graph_problems = self.validator.problems()
            self.data_problems = self._check_data()
            self._combine_problems()
        self.network_shown.emit(name)
        if ready:
            self.analysed.emit({node.id for node in graph.nodes()}, self.problems)
            if self.inference.macs_pending and not self._mac_slices.isActive():
                self._mac_slices.start(0)

    def _follow_networks(self) -> None:
        """After an edit: say when networks came, went or were renamed; show the main network
        when the shown one is gone."""
        names = self._names_now()
        if names == self._network_names:
            return
        main_changed = names[1] != self._network_names[1]
        self._network_names = names
        if main_changed:  # the main network takes no feeds; the one before may take some now
            self._analysis_of(self._shown, refresh=True)
            self._graph_changed = True
        if own_name(self.project.networks, self._shown) is None:
            self._shown = self.project.networks[self.project.main]  # shown below
            self._shown_gone()
        self.networks_changed.emit()

    def _shown_gone(self) -> None:
        """The shown network was removed (an undo, a delete): show the main one."""
        self._analysis_of(self._shown, refresh=True)
        self._graph_changed = True
        self.network_shown.emit(self.project.main)

    # --- the data and the network --------------------------------------------------------------

    def _project_dir(self) -> Path | None:
        path = self.project.path
        return path.resolve().parent if path is not None else None

    def _section_copy(self, name: str) -> Any:
        return copy.deepcopy(getattr(self.project, name))

    def _section_changed(self, name: str) -> bool:
        """Whether section `name` differs from when it was last seen (and remember it now)."""
        current = getattr(self.project, name)
        if current == self._sections[name]:
            return False
        self._sections[name] = copy.deepcopy(current)
        return True

    def _first_data_shape(self, analysis: bool) -> tuple[int, ...] | None:
        """The data's sample shape on opening. Where that takes reading files (an image
        folder's first image, found in a listing of thousands) and PyTorch is still loading
        behind the window (no `analysis` yet), it is read on a worker and taken when it comes
        (None until then): the window is not held up for it."""
        from netstudio.training.folder_preview import shape_reads_files

        data, folder = self.project.data, self._project_dir()
        if analysis or not shape_reads_files(data, folder):
            return project_sample_shape(data, folder)
        from netstudio.gui.background import run_in_background

        wanted = copy.deepcopy(data)

        def read() -> None:
            run_in_background(
                lambda: project_sample_shape(wanted, folder),
                lambda shape: self._on_data_shape(wanted, folder, shape),
                context=self,
            )

        QTimer.singleShot(0, self, read)  # once the window is up (the job would slow it)
        return None

    def _on_data_shape(self, data: Any, folder: Path | None, shape: tuple[int, ...] | None) -> None:
        """The sample shape read on opening has come (see `_first_data_shape`); dropped when
        the data or the file's folder changed meanwhile (the change read it again)."""
        if data != self.project.data or folder != self._project_dir():
            return
        self.data_shape = shape
        if self._update_data_shape(reread=False) and self._analysis:
            self.analyse()
        else:
            self.recheck_data()

    def _update_data_shape(self, reread: bool = True) -> bool:
        """Take the data's sample shape again (`reread`; else only a GAN's noise may have
        changed); whether an auto Input's shape changed with it."""
        if reread:
            self.data_shape = project_sample_shape(self.project.data, self._project_dir())
        moved = False
        for analysis in self._analyses.values():
            changed = analysis.inference.set_data_shape(self._data_shape_of(analysis.graph))
            moved = moved or (changed and analysis is self.analysis)
        return moved

    def recheck_data(self) -> None:
        """Check the data and the loss against the network again (no graph analysis); announce
        the problems with `analysed` when they changed."""
        if not self._analysis or not self._analysed_once:
            return
        found = self._check_data()
        if found == self.data_problems:
            return
        self.data_problems = found
        self._combine_problems()
        self.analysed.emit(set(), self.problems)

    def _check_data(self) -> list[Problem]:
        return data_network_problems(self)

    def _combine_problems(self) -> None:
        # The data's problems are on the main network's nodes: shown with it only.
        found = self.graph_problems + (self.data_problems if self.showing_main else [])
        self.problems = sorted(found, key=lambda p: p.severity != "error")

    # --- files ---------------------------------------------------------------------------------

    def save(self, path: Path | None = None) -> None:
        """Write the project (atomically); raises OSError or ValueError with a clear message."""
        old = self.path
        save_project(self.project, path)
        self._save_starting_weights(old)
        self.save_warning = ""  # the file holds this project now
        flagged = self._forced_modified or self._unsaved_runs
        self._forced_modified = self._unsaved_runs = False
        stack_was_clean = self.undo_stack.isClean()
        self.undo_stack.setClean()  # announces "not modified" when the stack was not clean
        # A data folder or file relative to the project is found elsewhere now.
        reshaped = self.path != old and self._update_data_shape()
        if self.project.problems:  # what was left out on opening is gone from the file now
            self.project.problems = []
            self.analyse()
        elif reshaped:
            self.analyse()
        elif self.path != old:
            self.recheck_data()
        if flagged and stack_was_clean:
            self.modified_changed.emit(False)
        if self.path != old:
            self.path_changed.emit(self.path)

    def _save_starting_weights(self, old: Path | None) -> None:
        """Keep the starting weights beside the file just saved (see module docstring): those
        changed since the last save are written, those never read are copied as they are (no
        PyTorch needed), and a file that stays where it was is left alone."""
        from netstudio.training.starting_weights import starting_weights_path

        new = self.path
        assert new is not None
        moved = old is None or new.resolve() != old.resolve()
        if not (moved or self._starting_changed):
            return
        target = starting_weights_path(new)
        if self._starting is None:  # never read: bring the file along as it is, if any
            source = starting_weights_path(old) if old is not None else None
            if source is not None and source.is_file():
                shutil.copyfile(source, target)
            return
        if self._starting:
            from netstudio.training.starting_weights import write_starting_weights

            write_starting_weights(new, self._starting)
        elif not moved:  # the weights were taken away (an undo of a load): so is the file
            target.unlink(missing_ok=True)
        # Saved elsewhere without weights: a file of that name there is someone else's work
        # (weights exported beside it, say) and is never deleted.
        self._starting_changed = False

    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(self._forced_modified or self._unsaved_runs or not clean)

    def close(self) -> None:
        """Stop listening to the graph (the document is being replaced)."""
        self._analysis = False
        self.undo_stack.indexChanged.disconnect(self._after_edit)
        self.undo_stack.cleanChanged.disconnect(self._on_clean_changed)
        self._slices.stop()
        self._mac_slices.stop()
        self.project.networks.changed.disconnect(self._on_graph_changed)
        for analysis in self._analyses.values():
            analysis.close()
        self._analyses.clear()
