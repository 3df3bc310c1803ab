"""File > Examples: the example projects as a gallery of thumbnails, opened as templates.

Each thumbnail is drawn from the example's own graph (its nodes where they sit, coloured by
category, and its wires), so it is never out of date with the file. Names and descriptions are
shown in the person's language (`example_words`); the files keep their English.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netstudio.core.graph import NetworkGraph
from netstudio.gui.canvas.node_item import WIDTH
from netstudio.gui.dialogs import show_message
from netstudio.gui.document import Document
from netstudio.gui.example_words import example_text
from netstudio.gui.style import category_colour
from netstudio.io import Project, ProjectFileError, load_project
from netstudio.package_data import examples_dir

if TYPE_CHECKING:
    from netstudio.gui.main_window import MainWindow

EXAMPLES = examples_dir()
THUMB = QSize(240, 130)
NODE_HEIGHT = 72.0
MAX_SCALE = 0.5  # a small network is drawn no larger than this, not blown up
PATH_ROLE = Qt.ItemDataRole.UserRole + 1


def wrapped_boxes(graph: NetworkGraph, size: QSize = THUMB) -> dict[str, QRectF]:
    """Each node's box for a thumbnail of `size`, in graph units.

    The file's own layout flows left to right, so a long network is a long thin strip. Its
    columns (nodes that share an x) are wrapped into rows, each row running the other way from
    the one above (a snake: the wire at each turn is short), with as many rows as makes the
    drawing largest in the thumbnail.
    """
    nodes = list(graph.nodes())
    if not nodes:
        return {}
    xs = sorted({round(n.position[0]) for n in nodes})
    column = {x: i for i, x in enumerate(xs)}
    top = min(n.position[1] for n in nodes)
    height = max(n.position[1] for n in nodes) - top + NODE_HEIGHT
    step = WIDTH * 1.5  # a column and the gap after it
    row_step = height + NODE_HEIGHT * 0.75

    def scale(rows: int) -> float:
        per_row = -(-len(xs) // rows)
        width = per_row * step - (step - WIDTH)
        tall = rows * row_step - (row_step - height)
        return min(size.width() / width, size.height() / tall, MAX_SCALE)

    rows = max(range(1, len(xs) + 1), key=scale)  # the fewest rows of the largest drawing
    per_row = -(-len(xs) // rows)
    boxes = {}
    for node in nodes:
        index = column[round(node.position[0])]
        row, place = divmod(index, per_row)
        if row % 2:
            place = per_row - 1 - place
        x = place * step
        y = row * row_step + node.position[1] - top
        boxes[node.id] = QRectF(x, y, WIDTH, NODE_HEIGHT)
    return boxes


def _wire(a: QRectF, b: QRectF) -> QPainterPath:
    """A curve from box `a` to box `b`: side to side, or bottom to top at a row's turn."""
    if abs(b.center().x() - a.center().x()) < a.width() / 2:
        start, end = QPointF(a.center().x(), a.bottom()), QPointF(b.center().x(), b.top())
        if b.center().y() < a.center().y():
            start, end = QPointF(a.center().x(), a.top()), QPointF(b.center().x(), b.bottom())
        reach = QPointF(0, (end.y() - start.y()) / 2)
    else:
        forward = b.center().x() > a.center().x()
        start = QPointF(a.right() if forward else a.left(), a.center().y())
        end = QPointF(b.left() if forward else b.right(), b.center().y())
        reach = QPointF(max(8.0, abs(end.x() - start.x()) / 2) * (1 if forward else -1), 0)
    path = QPainterPath(start)
    path.cubicTo(start + reach, end - reach, end)
    return path


def graph_thumbnail(graph: NetworkGraph, size: QSize = THUMB, scale: int = 2) -> QPixmap:
    """The network drawn small: a rounded block per node, a curve per wire (`wrapped_boxes`)."""
    pixmap = QPixmap(size * scale)
    pixmap.setDevicePixelRatio(scale)
    pixmap.fill(QColor("#f4f5f7"))
    boxes = wrapped_boxes(graph, size)
    if not boxes:
        return pixmap
    bounds = QRectF()
    for box in boxes.values():
        bounds = bounds.united(box)
    margin = 10.0
    factor = min(
        (size.width() - 2 * margin) / bounds.width(), (size.height() - 2 * margin) / bounds.height()
    )
    factor = min(factor, MAX_SCALE)
    offset = QPointF(
        (size.width() - bounds.width() * factor) / 2, (size.height() - bounds.height() * factor) / 2
    )

    def place(box: QRectF) -> QRectF:
        top_left = (box.topLeft() - bounds.topLeft()) * factor + offset
        return QRectF(top_left, box.size() * factor)

    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#8a8f98"), 1.2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for edge in graph.edges():
        painter.drawPath(_wire(place(boxes[edge.src]), place(boxes[edge.dst])))
    for node in graph.nodes():
        box = place(boxes[node.id])
        colour = category_colour(node.spec.category)
        painter.setPen(QPen(colour.darker(130), 1.0))
        painter.setBrush(colour.lighter(125))
        radius = max(1.5, 8 * factor)
        painter.drawRoundedRect(box, radius, radius)
    painter.end()
    return pixmap


class ExamplesDialog(QDialog):
    """The gallery; `chosen` carries the example file picked (double-click or Open)."""

    chosen = Signal(Path)

    def __init__(self, folder: Path = EXAMPLES, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("examples_dialog")
        self.setWindowTitle(self.tr("Examples"))
        self.list = QListWidget(self)
        self.list.setObjectName("examples_list")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(THUMB)
        self.list.setGridSize(QSize(THUMB.width() + 24, THUMB.height() + 64))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(True)
        self.list.setSpacing(6)
        self.list.itemActivated.connect(self._open)
        for path in sorted(folder.glob("*.net")):
            try:
                project = load_project(path)
            except ProjectFileError:
                continue  # a broken example is not offered
            name = example_text(project.name)
            item = QListWidgetItem(QIcon(graph_thumbnail(project.graph)), name)
            item.setData(PATH_ROLE, path)
            description = example_text(project.description)
            item.setToolTip(f"<b>{name}</b><br>{description}<br><i>{path.name}</i>")
            self.list.addItem(item)
        note = QLabel(
            self.tr("An example opens as a new, unsaved project; the file itself stays."), self
        )
        note.setEnabled(False)
        buttons = QDialogButtonBox(self)
        open_button = buttons.addButton(self.tr("Open"), QDialogButtonBox.ButtonRole.AcceptRole)
        open_button.setObjectName("examples_open")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(lambda: self._open(self.list.currentItem()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(4 * (THUMB.width() + 30) + 40, 2 * (THUMB.height() + 70) + 110)
        if self.list.count():
            self.list.setCurrentRow(0)

    def _open(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        self.chosen.emit(item.data(PATH_ROLE))
        self.accept()


def show_examples(window: MainWindow) -> ExamplesDialog:
    """The example gallery over `window`; the one chosen opens as a new, unsaved project."""
    dialog = ExamplesDialog(parent=window)
    dialog.chosen.connect(lambda path: open_example(window, path))
    dialog.open()
    return dialog


def as_template(project: Project, path: Path) -> Project:
    """`project`, read from `path`, made a new project with no file: saving asks where, so the
    example stays as it is.

    A relative data folder is relative to the example's file; the copy has no file to be
    relative to, so it names the folder beside the example instead (never the working folder).
    The new project's name and description are the example's in the person's language: the
    project is theirs from now on.
    """
    project.path = None
    project.name = example_text(project.name)
    project.description = example_text(project.description)
    data = project.data
    root = data.get("root") if isinstance(data, dict) else None
    if isinstance(root, str) and root and not Path(root).expanduser().is_absolute():
        data["root"] = os.path.abspath(path.parent / root)
    return project


def open_example(window: MainWindow, path: Path) -> bool:
    """Open an example as a template (`as_template`)."""
    if not window.files.maybe_save():
        return False
    try:
        project = load_project(path)
    except ProjectFileError as error:
        title = QCoreApplication.translate("ExamplesDialog", "Cannot open the example")
        show_message(window, title, window.files.error_text(error))
        return False
    window.set_document(Document(as_template(project, path), analysis=window.analysis_ready))
    window.view.show_network()
    return True
