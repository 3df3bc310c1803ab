"""Story: a person searches the digits MLP's learning rate and fc1's width from the app.

"Search this…" on the Training panel's learning rate and on the Inspector's out_features,
three one-epoch trials run by Train > Search in a worker process, the trial table fills,
Apply best writes the best trial's values (Ctrl+Z takes them back), and each trial's run is in
the Runs history by its trial. A search whose parameter names a deleted node refuses to start
and names the fix; a URL's password is never shown.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractSpinBox, QPushButton

from netstudio.gui.main_window import MainWindow
from netstudio.gui.panels.run_table import TRIAL
from netstudio.gui.search_commands import SetSearchCommand
from netstudio.gui.search_fields import SEARCH_THIS, search_offer
from netstudio.io import load_project


def search_this(window: MainWindow, field: QAbstractSpinBox):
    """Right-click `field`, choose "Search this…": the dialog it opens."""
    menu = search_offer(field).menu()
    (entry,) = [a for a in menu.actions() if a.objectName() == SEARCH_THIS]
    assert entry.isEnabled()
    entry.trigger()
    dialog = window.search_ui.host.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_search_from_the_fields_apply_best_and_undo(
    digits_window: MainWindow, hands, qtbot, monkeypatch
) -> None:
    monkeypatch.setenv("OMP_NUM_THREADS", "1")  # tiny trials on a shared machine
    window, document = digits_window, digits_window.document
    lr = window.findChild(QAbstractSpinBox, "training_optimizer_lr")
    dialog = search_this(window, lr)
    assert dialog.log.isChecked() and float(dialog.low.text()) < 0.002 < float(dialog.high.text())
    hands.type_into(dialog.low, "0.0005", enter=False)
    hands.type_into(dialog.high, "0.05", enter=False)
    dialog.findChild(QPushButton, "search_ok").click()
    assert lr.toolTip().startswith("searched: 0.0005 … 0.05 (log)")
    assert lr.font().underline()
    hands.action(window, "edit_undo").trigger()  # one undo step: the mark goes with it
    assert not document.project.search.get("parameters") and not lr.font().underline()
    assert not lr.toolTip().startswith("searched")
    hands.action(window, "edit_redo").trigger()
    assert lr.font().underline()

    window.scene.nodes["fc1"].setSelected(True)
    width = window.inspector.findChild(QAbstractSpinBox, "param_out_features")
    qtbot.waitUntil(lambda: width.isVisible())
    dialog = search_this(window, width)
    hands.type_into(dialog.low, "8", enter=False)
    hands.type_into(dialog.high, "32", enter=False)
    dialog.findChild(QPushButton, "search_ok").click()
    targets = [p["target"] for p in document.project.search["parameters"]]
    assert targets == ["training.optimizer.lr", "fc1.out_features"]

    panel = window.search_ui.panel
    hands.type_into(panel.trials_box, "3")
    hands.type_into(panel.epochs_box, "1")
    assert document.project.search["trials"] == 3 and document.project.search["epochs"] == 1
    before = (document.project.training["optimizer"]["lr"], 128)
    hands.action(window, "search_start").trigger()
    assert panel.worker.running
    qtbot.waitUntil(lambda: not panel.worker.running, timeout=90_000)

    assert panel.table.rowCount() == 3, panel.status.text()
    states = [panel.table.item(row, 3).text() for row in range(3)]
    assert set(states) <= {"complete", "pruned", "failed"} and "complete" in states
    best = panel.best()
    assert best is not None
    panel.apply_button.click()
    assert document.project.training["optimizer"]["lr"] == best["params"]["training.optimizer.lr"]
    assert document.graph.node("fc1").params["out_features"] == best["params"]["fc1.out_features"]

    hands.action(window, "edit_undo").trigger()
    after_undo = (
        document.project.training["optimizer"]["lr"],
        document.graph.node("fc1").params["out_features"],
    )
    assert after_undo == before

    runs_panel = window.evaluation_ui.runs_panel
    runs = runs_panel.model.runs
    names = [run["name"] for run in runs]
    assert names == [f"Trial {n} of digits_mlp" for n in range(3)]
    assert all(run["id"].endswith(f"trial{n}") for n, run in enumerate(runs))
    # Each run is tagged with its trial: study, number and the values it tried.
    for n, run in enumerate(runs):
        assert run["trial"]["study"] == "digits_mlp" and run["trial"]["number"] == n
        assert run["trial"]["params"] == panel.trials[n]["params"]
    assert not runs_panel.table.isColumnHidden(TRIAL)
    assert [runs_panel.model.text(n, TRIAL) for n in range(3)] == [
        f"{n} of digits_mlp" for n in range(3)
    ]
    hands.action(window, "file_save").trigger()  # the tags are on file, read back as they were
    assert load_project(document.path).runs == runs


def test_a_search_of_a_deleted_node_refuses_to_start_with_the_fix(
    digits_window: MainWindow, hands
) -> None:
    window, document = digits_window, digits_window.document
    search = {"parameters": [{"target": "dropout.p", "domain": {"kind": "float", "low": 0.0,
                                                               "high": 0.5}}]}  # fmt: skip
    document.undo_stack.push(SetSearchCommand(document, search, "Search dropout.p"))
    window.scene.nodes["dropout"].setSelected(True)
    hands.action(window, "edit_delete").trigger()
    assert "dropout" not in document.graph

    hands.action(window, "search_start").trigger()
    panel = window.search_ui.panel
    assert not panel.worker.running
    said = panel.status.text()
    assert "cannot start" in said and "there is no node dropout" in said
    assert "remove it from the search" in said
    assert "there is no node dropout" in panel.parameters.item(0, 2).text()


def test_an_unreachable_database_is_one_line_naming_it_and_nothing_changes(
    digits_window: MainWindow, hands, qtbot
) -> None:
    window, document = digits_window, digits_window.document
    search = {"trials": 1, "epochs": 1, "parameters": [
        {"target": "dropout.p", "domain": {"kind": "float", "low": 0.0, "high": 0.5}}]}  # fmt: skip
    document.undo_stack.push(SetSearchCommand(document, search, "Search dropout.p"))
    steps, files = document.undo_stack.index(), sorted(document.path.parent.iterdir())
    panel = window.search_ui.panel
    hands.type_into(panel.storage, "postgresql://ann:s3cret@127.0.0.1:9/studies")
    hands.action(window, "search_start").trigger()
    qtbot.waitUntil(lambda: not panel.worker.running, timeout=60_000)
    said = panel.status.text()
    assert said.startswith(
        "The search could not run: cannot reach the study database "
        "postgresql://ann:***@127.0.0.1:9/studies: "
    ), said
    assert "\n" not in said and "s3cret" not in said
    assert panel.table.rowCount() == 0 and document.project.runs == []
    assert document.undo_stack.index() == steps and document.project.search == search
    assert sorted(document.path.parent.iterdir()) == files


def test_a_range_the_field_does_not_take_is_refused_in_the_dialog(
    digits_window: MainWindow, hands, qtbot
) -> None:
    window, document = digits_window, digits_window.document
    window.scene.nodes["dropout"].setSelected(True)
    p = window.inspector.findChild(QAbstractSpinBox, "param_p")
    qtbot.waitUntil(lambda: p.isVisible())
    dialog = search_this(window, p)
    hands.type_into(dialog.high, "2", enter=False)
    dialog.findChild(QPushButton, "search_ok").click()
    assert dialog.isVisible()
    assert "dropout.p" in dialog.message.text() and "the high end 2" in dialog.message.text()
    assert not document.project.search.get("parameters")
    dialog.reject()


def test_a_database_password_is_never_shown(digits_window: MainWindow, hands) -> None:
    panel = digits_window.search_ui.panel
    hands.type_into(panel.storage, "postgresql://me:secret@db.example/studies")
    assert "secret" not in panel.storage.text() and "***" in panel.storage.text()
    assert panel.storage_url() == "postgresql://me:secret@db.example/studies"


def test_the_data_panel_fields_offer_their_settings(digits_window: MainWindow) -> None:
    split = digits_window.evaluation_ui.data_panel.findChild(QAbstractSpinBox, "data_val")
    spot = search_offer(split).current_spot()
    assert spot is not None and spot.target == "data.val_fraction"
    assert spot.value == digits_window.document.project.data.get("val_fraction", spot.value)


def test_watch_fills_the_trial_table_from_a_study_run_elsewhere(
    digits_window: MainWindow, hands, qtbot, tmp_path
) -> None:
    import optuna

    url = f"sqlite:///{tmp_path / 'elsewhere.db'}"
    study = optuna.create_study(study_name="shared", storage=url, direction="maximize")
    for accuracy in (0.8, 0.9):
        trial = study.ask()
        trial.suggest_float("training.optimizer.lr", 1e-4, 1e-1, log=True)
        study.tell(trial, accuracy)
    study.enqueue_trial({"training.optimizer.lr": 0.003})  # a third one, waiting its turn
    panel = digits_window.search_ui.panel
    hands.type_into(panel.storage, url)
    hands.type_into(panel.study, "shared")
    panel.watch_button.click()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 3, timeout=10_000)
    states = [panel.table.item(row, 3).text() for row in range(3)]
    assert states[:2] == ["complete", "complete"]
    assert panel.best()["number"] == 1


def test_a_data_source_parameter_is_searched_as_the_datas(blank_window: MainWindow) -> None:
    from pathlib import Path

    window = blank_window
    assert window.open_file(Path(__file__).resolve().parents[2] / "examples" / "spiral_toy.net")
    noise = window.evaluation_ui.data_panel.findChild(QAbstractSpinBox, "param_noise")
    spot = search_offer(noise).current_spot()
    assert spot is not None and spot.target == "data.params.noise" and spot.kind == "float"
