"""Every visible string is wrapped for translation: the main window built under a pseudo-locale,
whose translator marks each string it finds in the catalogues as ⟦…⟧, shows no text a person
reads that is not marked (user data such as node names and layer types aside).

An unmarked text is either not wrapped (`self.tr`, `QCoreApplication.translate`), or wrapped
in a way lupdate does not see, or looked up under another context than the catalogue's
(`self.tr` in a subclass): each is an offender, reported with its widget path.

`AREAS` lists the parts of the window walked; `NOT_YET` the texts of parts whose helpers have
not wrapped them yet. To cover one more area: wrap it, run `python -m netstudio.translations
update`, translate, add the area here (or delete its `NOT_YET` lines). NETSTUDIO_I18N_ALL=1
walks everything and lists all that is left to wrap.
"""

from __future__ import annotations

import re
import shutil
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from fnmatch import fnmatch
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTabBar,
    QToolBar,
    QWidget,
)

from netstudio.gui import i18n
from netstudio.gui.i18n import LANGUAGES
from netstudio.gui.main_window import APP_NAME, MainWindow
from netstudio.gui.training.settings import OPTIMIZERS
from netstudio.translations.catalogues import AREAS as CATALOGUE_AREAS
from netstudio.translations.catalogues import catalogue

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
Texts = Iterator[tuple[str, str]]


class PseudoTranslator(QTranslator):
    """Returns ⟦source⟧ for every string of the zh_CN catalogues, nothing for any other."""

    def __init__(self) -> None:
        super().__init__()
        self.known: set[tuple[str, str]] = set()
        for area in CATALOGUE_AREAS:
            root = ET.parse(catalogue("zh_CN", area)).getroot()
            for context in root.iter("context"):
                name = context.findtext("name") or ""
                self.known |= {(name, m.findtext("source") or "") for m in context.iter("message")}

    def isEmpty(self) -> bool:
        return False

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return f"⟦{source}⟧" if (context, source) in self.known else None


def _action_texts(action: QAction, path: str) -> Texts:
    yield f"{path}/text", action.text()
    yield f"{path}/toolTip", action.toolTip()
    yield f"{path}/statusTip", action.statusTip()


def _menu_texts(menu: QMenu, path: str) -> Texts:
    yield f"{path}/title", menu.title()
    for action in menu.actions():
        if action.isSeparator():
            continue
        sub = action.menu()
        if isinstance(sub, QMenu):
            yield from _menu_texts(sub, f"{path}/{sub.objectName() or sub.title()}")
        else:
            name = action.objectName() or _dock_of(action) or action.text()
            yield from _action_texts(action, f"{path}/{name}")


def _dock_of(action: QAction) -> str:
    """The dock a View > Panels entry shows ("" for other actions)."""
    parent = action.parent()
    return parent.objectName() if isinstance(parent, QDockWidget) else ""


def widget_texts(widget: QWidget, path: str) -> Texts:
    """The texts a person reads in `widget` and its children: labels, buttons, group boxes,
    tabs, placeholders, combo items, tooltips."""
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisibleTo(widget) and child is not widget:
            continue
        where = f"{path}/{child.objectName() or type(child).__name__}"
        if isinstance(child, QGroupBox):
            yield f"{where}/title", child.title()
        elif isinstance(child, QLineEdit):
            yield f"{where}/placeholder", child.placeholderText()
        elif isinstance(child, QComboBox):
            for i in range(child.count()):
                yield f"{where}/item {i}", child.itemText(i)
        elif isinstance(child, QTabBar):
            for i in range(child.count()):
                yield f"{where}/tab {i}", child.tabText(i)
        text = getattr(child, "text", None)  # labels, buttons, StatusText…; not typed fields
        if callable(text) and not isinstance(child, (QLineEdit, QComboBox)):
            value = text()
            if isinstance(value, str):
                yield f"{where}/text", value
        yield f"{where}/toolTip", child.toolTip()


def _window_title(window: MainWindow) -> Texts:
    yield "window/title", window.windowTitle()


def _menus(window: MainWindow) -> Texts:
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            yield from _menu_texts(menu, f"menus/{menu.objectName()}")


def _toolbar(window: MainWindow) -> Texts:
    for toolbar in window.findChildren(QToolBar):
        yield f"toolbar/{toolbar.objectName()}/title", toolbar.windowTitle()
        for action in toolbar.actions():
            if not action.isSeparator() and action.objectName():
                yield from _action_texts(action, f"toolbar/{action.objectName()}")
        for widget in toolbar.findChildren(QWidget):
            if widget.parent() is toolbar and widget.objectName():
                yield from widget_texts(widget, f"toolbar/{widget.objectName()}")


def _dock_titles(window: MainWindow) -> Texts:
    for dock in window.findChildren(QDockWidget):
        yield f"docks/{dock.objectName()}/title", dock.windowTitle()


def _dock_contents(window: MainWindow) -> Texts:
    for dock in window.findChildren(QDockWidget):
        if dock.widget() is not None:
            yield from widget_texts(dock.widget(), f"docks/{dock.objectName()}")


def _status_bar(window: MainWindow) -> Texts:
    yield "statusbar/message", window.statusBar().currentMessage()
    yield from widget_texts(window.statusBar(), "statusbar")


def _training(window: MainWindow) -> Texts:
    """The Training panel (every settings group's title, the GAN's hidden one too), the
    Curves panel with its plots' titles, axis labels and legends, and the LR preview."""
    ui = window.training_ui
    for path, text in widget_texts(ui.panel, "training/panel"):
        if not _is_number(text):  # a field's value ("1e-08") is the person's setting
            yield path, text
    for title, group in ui.panel.form.groups.items():
        yield f"training/groups/{title}/title", group.title()
    yield from widget_texts(ui.curves, "training/curves")
    plots = {f"curves/{key}": plot for key, plot in ui.curves.plots.items()}
    plots["lr_preview"] = ui.panel.form.preview.getPlotItem()
    for name, plot in plots.items():
        yield f"training/{name}/title", plot.titleLabel.text
        for side in ("left", "bottom"):
            yield f"training/{name}/axis {side}", plot.getAxis(side).labelText
        if plot.legend is not None:
            for _, label in plot.legend.items:
                yield f"training/{name}/legend", label.text


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", ""))
    except ValueError:
        return False
    return True


def _canvas(window: MainWindow) -> Texts:
    """The canvas: its cards' subtitles and tooltips, the ports' tooltips, the find bar (no
    match, then a match), the overview map, the quick-add popup, the network tabs' tooltips,
    and the canvas's and tabs' context menus."""
    from PySide6.QtCore import QPointF

    view, scene, tabs = window.view, window.scene, window.network_tabs
    yield "canvas/view/accessibleName", view.accessibleName()
    pytorch = re.compile(r"\bp=[\d.e-]+")  # Dropout's own argument, as PyTorch names it
    for node_id, item in scene.nodes.items():
        yield f"canvas/nodes/{node_id}/subtitle", pytorch.sub("", item.subtitle)
        yield f"canvas/nodes/{node_id}/toolTip", pytorch.sub("", item.toolTip())
        for port in item.ports():
            yield f"canvas/nodes/{node_id}/ports/{port.name}/toolTip", port.toolTip()
    bar = view.find_bar
    bar.open()
    for search in ("no such layer", next(window.document.graph.nodes()).name):
        bar.field.setText(search)
        yield from widget_texts(bar, f"canvas/find_bar ({search})")
    bar.close_bar()
    yield "canvas/overview/toolTip", view.overview.toolTip()
    yield "canvas/overview/accessibleName", view.overview.accessibleName()
    popup = window.editing.quick_add(QPointF(0, 0))
    yield from widget_texts(popup, "canvas/quick_add")
    popup.hide()
    networks = set(window.document.project.networks)
    for i in range(tabs.bar.count()):
        tip = tabs.bar.tabToolTip(i)
        for name in sorted(networks, key=len, reverse=True):  # network names are data
            tip = tip.replace(name, "")
        yield f"canvas/network_tabs/tab {i}/toolTip", tip
    for action in [*view.actions(), *(a for a in tabs._menu_actions if a is not None)]:
        if not action.isSeparator():
            yield from _action_texts(action, f"canvas/menu/{action.objectName()}")


def _inside(window: MainWindow) -> Texts:
    """Previews and training health (area "inside"): a run's health on show (a dead ReLU's
    warning), the cards coloured by it with the legend, the Training health list, and the
    Inspector's preview and health curves of a node; the cards' preview words."""
    from netstudio.gui.preview_images import preview_texts
    from netstudio.training.health_records import EpochHealth, NodeStats
    from netstudio.training.health_warnings import health_warnings

    inside = window.inside
    assert window.document is not None
    graph = window.document.graph
    dead = {"relu1": NodeStats(0.0, 0.0, 1.0), "fc1": NodeStats(0.1, 1.0, 0.0, grad_norm=0.5)}
    epochs = [EpochHealth(1, 5, dead)]
    inside.health.show(epochs, health_warnings(graph, epochs), "Run 1")
    window.menu_actions.colour_by["grad_norm"].trigger()
    legend = inside.health.legend
    assert legend is not None
    yield "inside/legend/text", legend.text()
    yield "inside/legend/toolTip", legend.toolTip()
    window.menu_actions.colour_by["zeros"].trigger()
    yield "inside/legend/zeros", legend.text()
    yield "inside/card/fc1/health", window.scene.nodes["fc1"].health_tip
    yield from widget_texts(inside.health_list, "inside/health_list")
    items = inside.health_list.list
    for i in range(items.count()):
        yield f"inside/health_list/item {i}", items.item(i).text()
    inside.insight.show_node("relu1")
    yield from widget_texts(inside.insight, "inside/insight")
    for key, plot in inside.insight.plots.items():
        yield f"inside/insight/{key}/title", plot.getPlotItem().titleLabel.text
    import torch

    from netstudio.core.previews import NOTHING_ARRIVES, NodePreview

    odd = NodePreview("fc1", torch.zeros(1, 3), (1, 3), -1.0, 2.0, nan=2, inf=1)
    yield from zip(("inside/card/span", "inside/card/alert"), preview_texts(odd), strict=True)
    none = NodePreview("fc1", missing=NOTHING_ARRIVES())
    yield "inside/card/no preview", preview_texts(none)[0]
    window.menu_actions.colour_by[None].trigger()
    inside.health.show([], [], "")
    yield "inside/health_list/empty", inside.health_list.heading.text()


def _panels(window: MainWindow) -> Texts:
    """Area "panels": the Layers palette (each category; each layer's tooltip, whose type name
    stays as PyTorch writes it), the Inspector of every node (its tuning part shown) and of a
    selection of several, and the Summary table with a frozen layer and loaded weights."""
    from PySide6.QtCore import Qt

    from netstudio.core.catalogue import catalogue
    from netstudio.core.summary import ModelSummary, SummaryRow

    names = sorted({spec.name for spec in catalogue()}, key=len, reverse=True)

    def plain(text: str) -> str:  # markup, layer type names and p=0.5 are PyTorch's words
        text = re.sub(r"\bp=[\d.e-]+", "", re.sub(r"<[^>]*>", " ", text))
        text = re.sub(r"\bN(×\d+)+", "", text)  # a shape
        for name in names:
            text = re.sub(rf"\b{re.escape(name)}\b", "", text)
        return text

    def words(texts: Texts) -> Texts:  # a field's value ("1e-05", "float32") is the setting
        for path, text in texts:
            if not ("/param_" in path and (_is_number(text) or "/item " in path)):
                yield path, plain(text)

    palette = window.palette_panel
    yield from widget_texts(palette, "panels/palette")
    for row in range(palette.model.rowCount()):
        group = palette.model.item(row)
        yield f"panels/palette/{row}/text", group.text()
        for child in range(group.rowCount()):
            item = group.child(child)
            yield f"panels/palette/{row}/{child}/toolTip", plain(item.toolTip())
    inspector, document = window.inspector, window.document
    assert document is not None
    yield "panels/inspector/hint", inspector.hint.text()
    ids = [node.id for node in document.graph.nodes()]
    for node_id in ids:
        inspector.show_node(node_id)
        inspector.tuning.show()  # shown once the node is known to have parameters
        page = inspector.scroll.widget()
        yield from words(widget_texts(page, f"panels/inspector/{node_id}"))
    inspector.show_selection(ids)
    yield from widget_texts(inspector.selection_page, "panels/inspector/selection")
    graph = document.graph
    rows = [
        SummaryRow(n.id, n.name, n.spec.name, n.spec.describe(n.params), "N×10", 10, 10, None)
        for n in graph.nodes()
    ]
    table = window.summary.table
    table.set_summary(ModelSummary(rows, 10 * len(rows), 10 * len(rows), 10 * len(rows)))
    table.set_tuning({ids[1]}, 4)
    for column in range(table.columnCount()):
        header = table.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        yield f"panels/summary/header {column}", header
        for row in range(table.rowCount()):
            index = table.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                yield f"panels/summary/{row}/{column}/{role.name}", plain(index.data(role) or "")


def _evaluation(window: MainWindow) -> Texts:
    """Area "evaluation": the Evaluation and Try it docks before a run; a classification run
    shown (its header naming the weights, the per-class table, the confusion matrix's tooltips,
    a right and a wrong cell's samples, Try it's pad and chart); a regression run (header, axes,
    Try it refusing it) and a reconstruction; the Weights tooltip; a reopen error. Markup
    (the run's name in bold) is no text."""
    for path, text in _evaluation_texts(window):
        yield path, re.sub(r"<[^>]*>", "", text)


def _evaluation_texts(window: MainWindow) -> Texts:
    import numpy as np
    import torch
    from PySide6.QtCore import Qt

    from netstudio.gui.evaluation.reopen import ReopenError, run_folder
    from netstudio.gui.evaluation.run_weights import describe_epochs
    from netstudio.gui.training.session import FinishedRun
    from netstudio.training.data_config import DataConfig
    from netstudio.training.metrics import Predictions, classification_report, regression_report
    from netstudio.training.results import RunResult
    from netstudio.training.sources import load_data

    ui = window.evaluation_ui
    evaluation, try_it = ui.evaluation_panel, ui.try_it_panel
    for name in ("evaluation_dock", "try_it_dock"):
        yield from widget_texts(ui.docks[name].widget(), f"evaluation/{name} (empty)")
    assert window.document is not None
    data = load_data(DataConfig.model_validate(window.document.project.data))
    targets = data.test.y.numpy()
    predicted = np.where(np.arange(len(targets)) % 7 == 0, (targets + 1) % 10, targets)
    result = RunResult(status="finished", test_accuracy=float((predicted == targets).mean()))
    result.predictions = Predictions(targets, predicted, np.full(len(targets), 0.9))
    result.report = classification_report(targets, predicted, data.classes)
    epochs = [{"epoch": 1, "val_loss": 0.5, "val_accuracy": 0.9}, {"epoch": 2, "val_loss": 0.6}]
    record = {"weights": "best", "epochs": epochs, "best_epoch": 1}  # no name: "This run"
    model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(64, 10)).eval()
    ui.show_run(FinishedRun(record, result, model, data))
    yield "evaluation/header", evaluation.header.text()
    yield "evaluation/weights tooltip", describe_epochs(record)
    report, matrix = evaluation.report, evaluation.matrix.model()
    for column in range(report.columnCount()):
        yield f"evaluation/report/header {column}", report.horizontalHeaderItem(column).text()
    tip = Qt.ItemDataRole.ToolTipRole
    for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
        yield f"evaluation/matrix/{orientation.name}", matrix.headerData(0, orientation, tip)
    for true, pred in ((2, 2), (2, 3)):
        yield f"evaluation/matrix/{true},{pred}", matrix.data(matrix.index(true, pred), tip)
        evaluation.show_cell(true, pred)
        yield from widget_texts(evaluation, f"evaluation/panel (cell {true},{pred})")
        for thumb in evaluation.samples.grid.rows[0][1][:1]:
            yield f"evaluation/samples/{true},{pred}/caption", thumb.caption
            yield f"evaluation/samples/{true},{pred}/toolTip", thumb.tooltip
    yield from widget_texts(try_it, "evaluation/try_it (a classifier)")
    yield "evaluation/try_it/axis", try_it.chart.getPlotItem().getAxis("left").labelText
    values = np.linspace(0, 1, 20, dtype=np.float32).reshape(20, 1)
    regression = RunResult(status="finished", predictions=Predictions(values, values * 0.9))
    regression.report = regression_report(values, values * 0.9)
    record = {"weights": "last", "epochs": epochs, "training": {"task": "regression"}}
    ui.show_run(FinishedRun(record, regression, model, None))
    yield "evaluation/header (regression)", evaluation.header.text()
    for side in ("left", "bottom"):
        yield f"evaluation/scatter/{side}", evaluation.scatter.getPlotItem().getAxis(side).labelText
    yield from widget_texts(try_it, "evaluation/try_it (not a classifier)")
    images = np.random.default_rng(0).random((4, 1, 8, 8), dtype=np.float32)
    rebuilt = RunResult(status="finished", predictions=Predictions(images, images * 0.9))
    rebuilt.report = regression_report(images, images * 0.9)
    record = {**record, "training": {"task": "reconstruction"}}
    ui.show_run(FinishedRun(record, rebuilt, None, None))
    yield "evaluation/header (reconstruction)", evaluation.header.text()
    for label, _ in evaluation.pairs.rows:
        yield "evaluation/reconstruction/row", label
    try:
        run_folder({}, None)
    except ReopenError as error:
        yield "evaluation/reopen error", str(error)


def _app(window: MainWindow) -> Texts:
    """Area "app": File > Export and Import (each tab), the Examples gallery, the Load weights
    report, the Help pages, Open Recent, the questions and messages of gui/dialogs.py (the
    recovery offer, unsaved changes, stop training, save over), and the undo texts Edit shows.
    Qt's own standard buttons (Cancel, Close) are Qt's catalogue's, not walked."""
    from datetime import datetime
    from unittest import mock

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox

    from netstudio.gui import commands, dialogs
    from netstudio.gui.examples_dialog import ExamplesDialog
    from netstudio.gui.export_dialog import ExportDialog
    from netstudio.gui.help_pages import GettingStartedDialog, ShortcutsDialog, menu_titles
    from netstudio.gui.import_dialog import ImportDialog
    from netstudio.gui.load_weights_dialog import LoadWeightsDialog, report_text
    from netstudio.gui.recovery import Recovery
    from netstudio.training.starting_weights import MatchedTensor, MismatchedTensor, WeightsReport

    def texts(widget: QWidget, path: str) -> Texts:
        for box in widget.findChildren(QDialogButtonBox):
            for button in box.buttons():
                if box.standardButton(button) != QDialogButtonBox.StandardButton.NoButton:
                    button.setObjectName("qt_standard_button")
        yield f"{path}/windowTitle", widget.windowTitle()
        for where, text in widget_texts(widget, path):
            if "/qt_standard_button/" not in where:
                yield where, re.sub(r"<[^>]*>", " ", text)  # rich text's markup

    document = window.document
    assert document is not None
    export = ExportDialog(document.project, window)
    yield from texts(export, "app/export")
    for i in range(export.weights.count()):
        tip = export.weights.itemData(i, Qt.ItemDataRole.ToolTipRole)
        yield f"app/export/export_weights/item {i}/toolTip", tip or ""
    for i in range(export.format.count()):
        tip = export.format.itemData(i, Qt.ItemDataRole.ToolTipRole)
        yield f"app/export/export_format/item {i}/toolTip", tip or ""
    imports = ImportDialog(window)
    for tab in range(imports.tabs.count()):
        imports.tabs.setCurrentIndex(tab)
        for where, text in texts(imports, f"app/import/tab {tab}"):
            # The architectures' and data sources' names are not the app's words.
            if not fnmatch(where, "*/import_torchvision/item *") and not fnmatch(
                where, "*/import_data/item [1-9]*"
            ):
                yield where, text
    for text in ("", "3, x"):
        imports.py_file.setText(text)
        imports.py_class.setText("Net" if text else "")
        imports.tabs.setCurrentIndex(0)
        imports.py_shape.setText(text)
        imports.start()
        yield f"app/import/status ({text!r})", imports.status.text()
    yield from texts(ExamplesDialog(parent=window), "app/examples")

    source = "pretrained.safetensors"
    matched = [MatchedTensor("fc1.weight", "fc1.weight", (32, 64), "fc1")]
    mismatched = [MismatchedTensor("fc2.weight", "fc2.weight", (10, 32), (5, 32), "fc2")]
    for report in (
        WeightsReport(source, matched),
        WeightsReport(source, matched, ["b"] * 10, ["c"], mismatched),
        WeightsReport(source, [], ["fc1.weight"]),
    ):
        page = LoadWeightsDialog(report, window)
        for where, text in texts(page, f"app/load_weights/{len(report.missing)}"):
            yield where, text.replace(source, "")
        for line in report_text(report).splitlines():
            if not line.startswith("    ") or "…" in line:  # not a tensor's key
                yield "app/load_weights/report", line.strip()

    yield from texts(GettingStartedDialog(window.menu_actions, window), "app/getting_started")
    shortcuts = ShortcutsDialog(window.menu_actions.all(), menu_titles(window.menuBar()), window)
    yield from texts(shortcuts, "app/shortcuts")
    table = shortcuts.table
    for column in range(table.columnCount()):
        yield f"app/shortcuts/header {column}", table.horizontalHeaderItem(column).text()
    for row in range(table.rowCount()):
        for column in (0, 2):  # column 1: the keys, as Qt names them
            yield f"app/shortcuts/{row}/{column}", table.item(row, column).text()

    recent = window.menuBar().findChild(QMenu, "menu_recent")
    assert recent is not None
    window.files.fill_recent_menu(recent)
    paths = sorted((str(p) for p in window.files.recent()), key=len, reverse=True)
    for action in recent.actions():
        if not action.isSeparator():
            for where, text in _action_texts(action, "app/recent"):
                for path in paths:  # the tooltips name the file: the person's data
                    text = text.replace(path, "")
                yield where, text

    boxes: list[tuple[str, str]] = []

    def shown(box: QMessageBox) -> int:
        name = box.objectName()
        boxes.extend((f"app/{name}/{kind}", text) for kind, text in [
            ("title", box.windowTitle()), ("text", box.text()),
            ("informative", box.informativeText()),
        ])  # fmt: skip
        for button in box.buttons():
            if box.standardButton(button) == QMessageBox.StandardButton.NoButton:
                boxes.append((f"app/{name}/button", button.text()))
        return 0

    def question(parent, title, text, *args) -> QMessageBox.StandardButton:
        boxes.extend([("app/save_changes/title", title), ("app/save_changes/text", text)])
        return QMessageBox.StandardButton.Cancel

    gone = Recovery(Path("gone.net"), Path("/nowhere/gone.net"), "gone.net", datetime.now())
    with (
        mock.patch.object(QMessageBox, "exec", shown),
        mock.patch.object(QMessageBox, "question", question),
    ):
        dialogs.ask_stop_run(window)
        dialogs.ask_restore(window, "gone.net", "")
        dialogs.ask_save_over(window, Path("gone.net"), gone.save_warning())
        dialogs.ask_save_changes(window, "gone.net")
    for where, text in boxes:
        yield where, text.replace("gone.net", "")

    graph = document.graph
    first, second = (node.id for node in list(graph.nodes())[:2])
    edge = next(iter(graph.out_edges(first)))
    undo_texts = [
        commands.AddNodeCommand(graph, "Linear", (0.0, 0.0)),
        commands.RemoveNodesCommand(graph, [first]),
        commands.RemoveNodesCommand(graph, [first, second]),
        commands.DeleteCommand(graph, [first], list(graph.out_edges(second))),
        commands.ConnectCommand(graph, edge.src, edge.src_port, edge.dst, edge.dst_port),
        commands.SetParamsCommand(graph, second, {"out_features": 3}),
        commands.DisconnectCommand(graph, edge),
        commands.MoveNodesCommand(graph, {first: ((0, 0), (1, 1)), second: ((0, 0), (1, 1))}),
        commands.RenameCommand(graph, first, "other"),
        commands.PasteCommand(graph, {"nodes": [{}, {}]}, (0.0, 0.0)),
        commands.InsertIntoWireCommand(graph, edge, node_id=first),
        commands.SetViewFlowCommand(document, "down"),
        commands.DeleteRunsCommand(document, []),
        commands.RenameRunCommand(document, {}, "other"),
    ]
    for command in undo_texts:
        yield f"app/undo/{type(command).__name__}", command.text().replace("other", "")
    refused = commands.InsertIntoWireCommand(graph, edge, node_id=first).attempt()
    yield "app/undo/refused", str(refused)  # an Input has no input: nothing changes


def _data(window: MainWindow) -> Texts:
    """The Data panel (every source's settings group in turn, the memory group, the plan
    line) and the Data preview with the digits loaded (its groups, a sample's tooltip and
    context menu); dataset names and file names are data."""
    panel = window.evaluation_ui.data_panel
    preview = panel.preview
    from netstudio.training.sources import all_sources

    names = sorted((s.name for s in all_sources()), key=len, reverse=True)
    files = [s.files for s in all_sources() if s.files]

    def plain(text: str) -> str:
        for word in [*files, *names]:
            text = text.replace(word, "")
        return text

    panel.ready = lambda: True  # the walk's window does not wait for its first analysis
    panel.refresh()
    start = time.monotonic()
    while panel.preview_data is None or not panel.loading_plan.text():
        QCoreApplication.processEvents()
        assert time.monotonic() - start < 30, "the data preview never loaded"
    yield "data/status", plain(panel.status.text()).replace("8×8", "")
    for path, text in widget_texts(panel, "data/panel"):
        if not _is_number(re.sub(r" (px|MB|%)$", "", text)):  # a field's value, with its unit
            yield path, plain(text)
    for path, text in widget_texts(preview, "data/preview"):
        yield path, plain(text)
    thumb = preview.sample_grid.rows[0][1][0]
    yield "data/preview/sample/toolTip", thumb.tooltip.replace(preview.sample_grid.rows[0][0], "")
    menu = preview.sample_menu(preview.sample_grid, preview.sample_grid._layout()[0][2].center())
    assert menu is not None
    for action in menu.actions():
        yield from _action_texts(action, "data/preview/menu")
    for source in all_sources():  # each source's own settings group
        panel.params_box.show_config(panel.config(), source)
        for path, text in widget_texts(panel.params_box, f"data/source/{source.id}"):
            # a choice's items ("regression", "tab") are the values the project stores
            if not _is_number(text) and not fnmatch(path, "*/param_*/item *"):
                yield path, plain(text)
        yield f"data/source/{source.id}/title", plain(panel.params_box.title())


def _search(window: MainWindow) -> Texts:
    """Area "search" (and the Runs table): the Search panel with a searched parameter and
    trials of every state, its status lines and charts, the "Search this…" dialog (a range, a
    list), the Runs table with a trial's run (headers, tooltips, status words) and its
    messages. Study, node and file names are data."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox

    from netstudio.gui.search_commands import set_search_parameter
    from netstudio.gui.search_dialog import SearchDialog
    from netstudio.gui.search_fields import SearchSpot

    panel = window.search_ui.panel
    document = window.document
    assert document is not None
    set_search_parameter(document, "training.optimizer.lr", {"kind": "float", "low": 1e-4,
                         "high": 0.1, "log": True})  # fmt: skip
    panel.trials = {
        0: {
            "number": 0,
            "state": "complete",
            "value": 0.9,
            "params": {"training.optimizer.lr": 0.01},
            "seconds": 1.5,
        },
        1: {"number": 1, "state": "pruned", "value": 0.5, "params": {}, "seconds": 0.5},
        2: {"number": 2, "state": "fail", "error": "stopped by Ctrl+C", "params": {}},
    }
    panel._show_trials()
    for path, text in widget_texts(panel, "search/panel"):
        yield path, text.replace("Hyperband", "")  # Optuna's pruner, by its name
    table = panel.table
    for column in range(table.columnCount()):
        yield f"search/trials/header {column}", table.horizontalHeaderItem(column).text()
        for row in range(table.rowCount()):
            item = table.item(row, column)
            if column == 3:
                yield f"search/trials/{row}/state", item.text()
            yield f"search/trials/{row}/{column}/toolTip", item.toolTip()
    for column in range(panel.parameters.columnCount()):
        yield (
            f"search/parameters/header {column}",
            panel.parameters.horizontalHeaderItem(column).text(),
        )
    charts = panel.charts
    charts.trial_started(3)
    for name, plot in {"best": charts.best_plot, "running": charts.running_plot,
                       "importance": charts.importance_plot}.items():  # fmt: skip
        item = plot.getPlotItem()
        yield f"search/charts/{name}/title", item.titleLabel.text
        for side in ("left", "bottom"):
            yield f"search/charts/{name}/axis {side}", item.getAxis(side).labelText
    panel.worker.stopping = False
    for text in (panel._ended_text(3, panel.best(), True), panel._ended_text(1, None, False)):
        yield "search/status/ended", text
    panel.start()  # the digits example is not saved beside a study: refused, with the fix
    yield "search/status/start", panel.status.text()
    study = "digits_study"
    panel.study_name = study
    panel._on_watched(("maximize", []))
    yield "search/status/watching", panel.status.text().replace(study, "")
    panel.apply_best()
    yield "search/status/applied", panel.status.text()
    yield "search/undo", document.undo_stack.undoText().replace("training.optimizer.lr", "")
    for kind, value in (("float", 0.01), ("choice", "adam")):
        spot = SearchSpot("training.optimizer.lr", "lr", value, kind, 0.0, 1.0, ["adam", "sgd"])  # type: ignore[arg-type]
        dialog = SearchDialog(spot, document, {"kind": "float", "low": 1, "high": 2}, window)
        for box in dialog.findChildren(QDialogButtonBox):  # Qt's own Cancel: Qt's catalogue
            for button in box.buttons():
                if box.standardButton(button) == QDialogButtonBox.StandardButton.Cancel:
                    button.setObjectName("qt_standard_button")
        yield f"search/dialog {kind}/title", dialog.windowTitle().replace("lr", "")
        for path, text in widget_texts(dialog, f"search/dialog {kind}"):
            text = re.sub(r"<[^>]*>", " ", text).replace("training.optimizer.lr", "")
            if "/qt_standard_button/" not in path and "/search_choices" not in path:
                yield path, re.sub(r"\blr\b", "", text).replace("adam", "")
        dialog.low.setText("x")
        dialog.accept()
        yield f"search/dialog {kind}/message", dialog.message.text()
        dialog.close()
    runs = window.evaluation_ui.runs_panel
    epochs = [{"epoch": 1, "val_accuracy": 0.5, "val_loss": 1.0}]
    trial = {"study": study, "number": 0, "params": {"training.optimizer.lr": 0.01}}
    document.add_run({"id": "r1", "name": "r1", "status": "finished", "epochs": epochs,
                      "trial": trial, "training": {"optimizer": {"lr": 0.01}}})  # fmt: skip
    document.add_run({"id": "r2", "name": "r2", "status": "failed", "epochs": epochs,
                      "error": {"kind": "memory", "message": "x"}})  # fmt: skip
    runs.select_rows([0, 1])
    for path, text in widget_texts(runs, "runs/panel"):
        yield path, text.replace("r1", "").replace("r2", "")
    model = runs.model
    for column in range(model.columnCount()):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            yield (
                f"runs/header {column}/{role.name}",
                model.headerData(column, Qt.Orientation.Horizontal, role) or "",
            )
        for row in range(model.rowCount()):
            if column in (2, 8):  # status, trial
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    text = str(model.data(model.index(row, column), role) or "")
                    text = re.sub(r"training\.optimizer\.lr = [\d.e-]+", "", text)
                    yield (
                        f"runs/{row}/{column}/{role.name}",
                        text.replace(study, "").replace("x", ""),
                    )
    yield "runs/plot/axis left", runs.plot.getPlotItem().getAxis("left").labelText
    yield "runs/plot/axis bottom", runs.plot.getPlotItem().getAxis("bottom").labelText


def _gallery_reference_and_refusals(window: MainWindow) -> Texts:
    """Area "app" (and the core's messages it shows): the Examples gallery's names and
    descriptions (file names are data), the Import dialog's "Train on" sources (a dataset's own
    name is data), Help > Layer reference (a layer with every kind of parameter, a merge, one
    without parameters, a search matching nothing), and the Inspector refusing a value and a
    name."""
    from netstudio.gui.examples_dialog import ExamplesDialog
    from netstudio.gui.import_dialog import ImportDialog
    from netstudio.gui.layer_reference import LayerReferenceDialog

    gallery = ExamplesDialog(parent=window)
    for row in range(gallery.list.count()):
        item = gallery.list.item(row)
        tip = re.sub(r"<i>[^<]*</i>", "", item.toolTip())  # the example's file name
        yield f"examples/{row}/text", item.text()
        yield f"examples/{row}/toolTip", re.sub(r"<[^>]*>", " ", tip)
    datasets = {"MNIST", "Fashion-MNIST", "Kuzushiji-MNIST", "CIFAR-10", "XOR", "CSV"}
    imports = ImportDialog(window)
    for row in range(imports.data.count()):
        text = imports.data.itemText(row)
        if text not in datasets:
            yield f"import/import_data/item {row}", text
    reference = LayerReferenceDialog(parent=window)
    yield "layer_reference/windowTitle", reference.windowTitle()
    for where, text in widget_texts(reference, "layer_reference"):
        if text != "Close":  # Qt's own standard button: Qt's catalogue
            yield where, text
    for type_id in ("Conv2d", "Add", "Identity", "Upsample", "BatchNorm1d", "Dropout"):
        spec = reference.layers.get(type_id)
        assert reference.show_layer(type_id)
        text = reference.page.toPlainText()
        choices = [str(c) for p in spec.params for c in p.choices]
        for word in sorted({spec.name, spec.type_id, *choices}, key=len, reverse=True):
            text = re.sub(rf"\b{re.escape(word)}\b", "", text)
        for line in text.splitlines():
            if not _is_number(line.strip()):  # a default value (1e-05)
                yield f"layer_reference/{type_id}", line
    reference.search.setText("no such layer at all")
    yield "layer_reference/nothing", reference.page.toPlainText()
    inspector = window.inspector
    inspector.show_node("fc1")
    inspector._commit_param("out_features", 0)
    yield "inspector/refused value", inspector.errors["out_features"].text()
    assert inspector.name_edit is not None
    inspector.name_edit.setText("fc2")
    inspector._commit_name()
    yield "inspector/refused name", inspector.errors[""].text()
    inspector.name_edit.setText("fc1")
    inspector._commit_name()


#: Every part of the window the walk knows.
COLLECTORS: dict[str, Callable[[MainWindow], Texts]] = {
    "window title": _window_title,
    "menus": _menus,
    "toolbar": _toolbar,
    "dock titles": _dock_titles,
    "dock contents": _dock_contents,
    "status bar": _status_bar,
    "training": _training,
    "canvas": _canvas,
    "inside": _inside,
    "panels": _panels,
    "app": _app,
    "evaluation": _evaluation,
    "data": _data,
    "search": _search,
    "gallery, reference, refusals": _gallery_reference_and_refusals,
}
#: The parts checked now (helpers widen it as they wrap more: "dock contents" next).
AREAS = ["window title", "menus", "toolbar", "dock titles", "status bar"]
AREAS += ["training"]  # gui/training: the Training and Curves panels, the LR preview
AREAS += ["canvas"]  # the canvas, its cards, find bar, overview, quick-add, network tabs
AREAS += ["inside"]  # previews' words, health list and legend, the Inspector's insight
AREAS += ["panels"]  # the Layers palette, the Inspector, the Summary table
AREAS += ["app"]  # File and Help dialogs, Open Recent, questions, messages, undo texts
AREAS += ["evaluation"]  # Evaluation and Try it, with runs shown; a run's weights in words
AREAS += ["data"]  # the Data panel, every source's settings, the Data preview
AREAS += ["search"]  # the Search and Runs docks with trials and runs shown, Search this…
AREAS += ["gallery, reference, refusals"]  # Examples, Import's data, Layer reference, Inspector
AREAS += ["dock contents"]  # every dock's widgets, whatever area they belong to
#: Texts in those parts that belong to areas not wrapped yet: path pattern -> catalogue area.
NOT_YET: dict[str, str] = {}


#: Names that stay as they are in every language: datasets and formats (the Data panel's
#: sources), Optuna's pruner, and a unit.
NAMES_THAT_STAY = ("XOR", "MNIST", "Fashion-MNIST", "Kuzushiji-MNIST", "CIFAR-10", "CSV")
NAMES_THAT_STAY += ("Hyperband", "px")
#: A number in scientific notation ("1e-08"): its "e" is not a word.
SCIENTIFIC = re.compile(r"\d(?:\.\d+)?e[-+]?\d+")


def _data_words(window: MainWindow) -> list[str]:
    """Texts that are the person's data or names that stay as they are: node names, layer
    types (PyTorch identifiers), the app's name, each language's own name."""
    words = {APP_NAME, *LANGUAGES.values(), *NAMES_THAT_STAY}
    words |= {name for _, name in OPTIMIZERS}  # PyTorch's class names (Adam, SGD)
    document = window.document
    if document is not None:
        for node in document.graph.nodes():
            words |= {node.name, node.type_id, node.spec.name}
    return sorted(words, key=len, reverse=True)


def offenders(window: MainWindow, areas: list[str], skip: dict[str, str]) -> list[str]:
    """Every visible text of `areas` of `window` not wholly marked ⟦…⟧, "path: text"."""
    data = _data_words(window)
    found = []
    for area in areas:
        for path, text in COLLECTORS[area](window):
            if any(fnmatch(path, pattern) for pattern in skip):
                continue
            rest = text
            while re.search(r"⟦[^⟦⟧]*⟧", rest):
                rest = re.sub(r"⟦[^⟦⟧]*⟧", "", rest)
            for word in data:
                rest = rest.replace(word, "")
            rest = SCIENTIFIC.sub("", re.sub(r"<[^<>]*>", "", rest))  # and rich text's tags
            if re.search(r"[^\W\d_]", rest):  # a letter outside the marks
                found.append(f"{path}: {text!r}")
    return found


@pytest.fixture
def pseudo_window(qtbot, tmp_path: Path, monkeypatch) -> Iterator[MainWindow]:
    """The digits example in a main window built under the pseudo-locale."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    translator = PseudoTranslator()
    app = QCoreApplication.instance()
    assert app is not None
    i18n.ensure_installed()  # English's plural forms first: the last installed is asked first
    app.installTranslator(translator)
    try:
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings, analysis_ready=False)
        qtbot.addWidget(window)
        path = Path(shutil.copy(EXAMPLES / "digits_mlp.net", tmp_path / "digits_mlp.net"))
        assert window.open_file(path)
        window.show()
        qtbot.waitExposed(window)
        yield window
    finally:
        app.removeTranslator(translator)


def test_the_pseudo_translator_marks_only_what_the_catalogues_hold(pseudo_window) -> None:
    translate = QCoreApplication.translate
    assert translate("MainWindow", "&File") == "⟦&File⟧"
    assert translate("MainWindow", "not a catalogued string") == "not a catalogued string"
    assert pseudo_window.menuBar().actions()[0].text() == "⟦&File⟧"


def test_every_visible_string_of_the_wrapped_areas_is_translated(pseudo_window) -> None:
    window = pseudo_window
    window.menu_actions.freeze.setEnabled(True)  # any state: the texts are the same
    found = offenders(window, AREAS, NOT_YET)
    assert not found, "visible strings not wrapped for translation:\n" + "\n".join(found)
    walked = [path for area in AREAS for path, _ in COLLECTORS[area](window)]
    assert any(p.startswith("menus/menu_file/file_open") for p in walked)
    assert "statusbar/validity_label/text" in walked and "docks/problems_dock/title" in walked


def test_the_walk_finds_an_unwrapped_string(pseudo_window) -> None:
    """The test can fail: a menu entry set with a plain string is reported with its path."""
    pseudo_window.menu_actions.fit.setText("Fit to View")
    found = offenders(pseudo_window, ["menus"], NOT_YET)
    assert "menus/menu_view/view_fit/text: 'Fit to View'" in found
