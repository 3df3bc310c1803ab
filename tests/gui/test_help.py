"""The Help menu's pages: the shortcuts table lists every action that has a shortcut and
searches it, the layer reference lists the whole catalogue with each layer's parameters, and
Getting started opens the digits example as an untitled copy after asking about unsaved
changes."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPoint, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QLabel, QMenu, QMessageBox, QPushButton

from netstudio.core.catalogue import catalogue
from netstudio.gui.help_pages import GettingStartedDialog, ShortcutsDialog
from netstudio.gui.layer_reference import (
    LayerReferenceDialog,
    param_default,
    param_range,
    param_type,
)
from netstudio.gui.main_window import MainWindow
from netstudio.io import load_project

DIGITS = Path(__file__).resolve().parents[2] / "examples" / "digits_mlp.net"


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, analysis_ready=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _open_page(window: MainWindow, hands, name: str, kind: type[QDialog]) -> QDialog:
    hands.action(window, name).trigger()
    dialogs = [d for d in window.findChildren(kind) if d.isVisible()]
    assert len(dialogs) == 1, name
    return dialogs[0]


def test_help_menu_holds_the_pages_with_f1_for_getting_started(window: MainWindow) -> None:
    menu = window.menuBar().findChild(QMenu, "menu_help")
    names = [a.objectName() for a in menu.actions() if not a.isSeparator()]
    assert names == ["help_getting_started", "help_shortcuts", "help_layer_reference", "help_about"]
    started = window.menu_actions.getting_started
    assert QKeySequence("F1") in started.shortcuts()
    for action in (started, window.menu_actions.shortcuts, window.menu_actions.layer_reference):
        assert action.toolTip()


def test_shortcuts_page_lists_every_action_with_a_shortcut(window: MainWindow, hands) -> None:
    expected = {a.objectName() for a in window.findChildren(QAction) if not a.shortcut().isEmpty()}
    assert "" not in expected and "help_getting_started" in expected
    page = _open_page(window, hands, "help_shortcuts", ShortcutsDialog)
    listed = page.visible_actions()
    assert sorted(listed) == sorted(expected)
    rows = {action.objectName(): row for row, action in enumerate(page.shown_actions)}
    save = rows["file_save"]
    native = QKeySequence(QKeySequence.StandardKey.Save).toString(
        QKeySequence.SequenceFormat.NativeText
    )
    assert page.table.item(save, 0).text() == "File › Save"
    assert native in page.table.item(save, 1).text()
    assert page.table.item(save, 2).text() == "Save the project"
    assert page.table.item(rows["help_getting_started"], 1).text() == "F1"


def test_shortcuts_search_keeps_the_matching_rows(window: MainWindow, hands) -> None:
    page = _open_page(window, hands, "help_shortcuts", ShortcutsDialog)
    everything = page.visible_actions()
    hands.type_into(page.search, "zoom", enter=False)
    assert sorted(page.visible_actions()) == ["view_zoom_in", "view_zoom_out", "view_zoom_reset"]
    hands.type_into(page.search, "F5", enter=False)
    assert sorted(page.visible_actions()) == ["search_start", "train_start", "train_stop"]
    hands.type_into(page.search, "no such action", enter=False)
    assert page.visible_actions() == []
    page.search.clear()
    assert page.visible_actions() == everything


def test_shortcuts_page_follows_the_declared_actions(window: MainWindow, hands) -> None:
    """An action declared later, with a key, is on the page without the page changing."""
    extra = QAction("&Frobnicate", window)
    extra.setObjectName("model_frobnicate")
    extra.setShortcut(QKeySequence("Ctrl+Alt+F"))
    extra.setStatusTip("Frobnicate the network")
    window.menu_actions.frobnicate = extra  # type: ignore[attr-defined]
    page = _open_page(window, hands, "help_shortcuts", ShortcutsDialog)
    assert "model_frobnicate" in page.visible_actions()
    hands.type_into(page.search, "frobnicate", enter=False)
    assert page.visible_actions() == ["model_frobnicate"]


def test_layer_reference_lists_the_whole_catalogue(window: MainWindow, hands) -> None:
    page = _open_page(window, hands, "help_layer_reference", LayerReferenceDialog)
    layers = catalogue()
    assert sorted(page.listed_layers()) == sorted(layers.type_ids())
    categories = [page.filter.index(r, 0).data() for r in range(page.filter.rowCount())]
    assert categories == list(layers.by_category())


def test_layer_reference_shows_a_layers_parameters(window: MainWindow, hands) -> None:
    page = _open_page(window, hands, "help_layer_reference", LayerReferenceDialog)
    assert page.show_layer("Conv2d")
    text = page.page.toPlainText()
    spec = catalogue().get("Conv2d")
    assert spec.doc in text
    for param in spec.params:
        assert param.display_name in text and param.doc in text
    assert "2 whole numbers" in text and "(3, 3)" in text and "each 1 to 65536" in text
    assert "one of: zeros, reflect, replicate, circular" in text
    assert page.show_layer("ReLU")
    assert "Conv2d" not in page.page.toPlainText()


def test_layer_reference_search(window: MainWindow, hands) -> None:
    page = _open_page(window, hands, "help_layer_reference", LayerReferenceDialog)
    hands.type_into(page.search, "lstm", enter=False)
    assert page.listed_layers() == ["LSTM"]
    assert "hidden size" in page.page.toPlainText()  # the one match is shown
    assert not page.show_layer("Conv2d")
    hands.type_into(page.search, "filters", enter=False)  # a word of the docs
    assert "Conv2d" in page.listed_layers() and "Linear" not in page.listed_layers()


def test_parameter_descriptions() -> None:
    conv = catalogue().get("Conv2d")
    in_channels, padding = conv.param("in_channels"), conv.param("padding")
    assert (param_type(in_channels), param_default(in_channels)) == (
        "whole number, or auto",
        "auto",
    )
    assert param_range(padding) == "each 0 to 65536"
    assert param_default(conv.param("bias")) == "on"
    assert param_range(conv.param("bias")) == ""


def _make_unsaved_change(window: MainWindow, hands) -> str:
    node = hands.drop_layer(window, "Sigmoid", QPoint(0, 0))
    assert window.document.modified
    return node


def test_getting_started_opens_the_digits_example_after_asking(
    window: MainWindow, hands, monkeypatch
) -> None:
    dropped = _make_unsaved_change(window, hands)
    asked = []

    def question(*args, **kwargs):
        asked.append(args)
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "question", question)
    page = _open_page(window, hands, "help_getting_started", GettingStartedDialog)
    button = page.findChild(QPushButton, "help_open_digits")
    assert button is not None and button.text() == "Open the digits example"
    button.click()
    assert len(asked) == 1
    document = window.document
    assert document.path is None and not document.modified
    expected = {node.id for node in load_project(DIGITS).graph.nodes()}
    assert {node.id for node in document.graph} == expected
    assert dropped not in expected
    assert not page.isVisible()


def test_getting_started_keeps_the_project_when_the_question_is_cancelled(
    window: MainWindow, hands, monkeypatch
) -> None:
    dropped = _make_unsaved_change(window, hands)
    cancel = QMessageBox.StandardButton.Cancel
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: cancel)
    page = _open_page(window, hands, "help_getting_started", GettingStartedDialog)
    before = window.document
    page.example_button.click()
    assert window.document is before and dropped in {node.id for node in before.graph}
    assert page.isVisible()


def test_getting_started_names_the_apps_keys_and_menus(window: MainWindow, hands) -> None:
    page = _open_page(window, hands, "help_getting_started", GettingStartedDialog)
    text = page.findChild(QLabel, "help_steps").text()
    for words in ("Layers", "Tab", "output port", "Data", "Train › Train", "F5"):
        assert words in text
    assert "--" not in text  # the app's keys and menus, never command-line flags
