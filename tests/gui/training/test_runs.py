"""Training from the GUI: runs start from the Train action, report live, end with a record in
the project, and survive saving and reopening."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from netstudio.gui import dialogs
from netstudio.gui.main_window import MainWindow
from netstudio.io import load_project

RUN_TIMEOUT = 30_000


def train(qtbot, window: MainWindow):
    session = window.training_ui.session
    with qtbot.waitSignal(session.run_finished, timeout=RUN_TIMEOUT) as finished:
        window.menu_actions.train.trigger()
    return finished.args[0]


def test_the_spiral_toy_trains_from_the_train_action(qtbot, window, open_example) -> None:
    path = open_example("spiral_toy.net", {"epochs": 4})
    run = train(qtbot, window)
    record = run.record
    assert record["status"] == "finished" and len(record["epochs"]) == 4
    assert record["name"] == "Run 1" and record["error"] is None
    assert record["test_accuracy"] is not None and record["weights"] == "last"
    assert record["last"]["epoch"] == 4 and record["best"]["epoch"] == record["best_epoch"]
    assert record["training"]["epochs"] == 4 and record["data"]["source"] == "spiral"
    folder = path.parent / record["run_dir"]
    assert record["run_dir"].startswith("spiral_toy.runs") and folder.name == record["id"]
    assert (folder / "last.safetensors").is_file() and (folder / "epochs.csv").is_file()
    assert window.training_ui.session.last_run is run and run.model is not None
    assert run.data is not None and run.result.predictions is not None

    curves = window.training_ui.curves
    assert curves.buffers["batch_loss"].size > 0 and curves.buffers["train_loss"].size == 4
    curves.redraw()
    x, _ = curves.curves["val_loss"].getData()
    assert len(x) == 4
    assert "Finished after 4 epochs" in window.training_ui.panel.status.text()
    assert window.training_ui.panel.progress.value() == 1000

    # The record is part of the project, outside the undo history, and survives saving and
    # reopening.
    document = window.document
    assert document.project.runs == [record] and document.modified
    assert document.undo_stack.count() == 0
    document.save()
    again = load_project(path)
    assert again.runs == [record]
    assert window.open_file(path)
    assert window.document.project.runs == [record]


def test_digits_trains_one_epoch_and_names_runs_in_order(qtbot, window, open_example) -> None:
    open_example("digits_mlp.net", {"epochs": 1})
    first = train(qtbot, window)
    second = train(qtbot, window)
    assert first.record["status"] == second.record["status"] == "finished"
    assert first.record["test_accuracy"] > 0.5
    assert [r["name"] for r in window.document.project.runs] == ["Run 1", "Run 2"]


def test_an_unsaved_project_trains_into_the_app_data_folder(qtbot, window, tmp_path) -> None:
    window.open_file(Path(__file__).resolve().parents[3] / "examples" / "spiral_toy.net")
    window.document.project.path = None  # as if built from scratch, never saved
    window.document.project.training = {"epochs": 1}
    run = train(qtbot, window)
    assert run.record["status"] == "finished"
    folder = Path(run.record["run_dir"])
    assert folder.is_absolute() and folder.parent == tmp_path / "unsaved-runs"
    assert (folder / "last.safetensors").is_file()


def test_pause_holds_the_batches_and_resume_goes_on(qtbot, window, open_example) -> None:
    open_example("spiral_toy.net", {"epochs": 200, "batch_size": 8})
    session = window.training_ui.session
    batches: list[int] = []
    session.batches_ended.connect(lambda b: batches.append(len(b)))
    window.menu_actions.train.trigger()
    qtbot.waitUntil(lambda: sum(batches) > 5, timeout=RUN_TIMEOUT)
    window.menu_actions.pause.trigger()
    assert session.paused and window.menu_actions.pause.text() == "&Resume"
    worker = session.worker
    for _ in range(25):  # the batch in flight ends and is flushed (later on a loaded machine)
        before = (worker.batches_run, sum(batches))
        qtbot.wait(200)
        if (worker.batches_run, sum(batches)) == before:
            break
    held, shown = worker.batches_run, sum(batches)
    qtbot.wait(300)
    assert worker.batches_run == held and sum(batches) == shown
    assert "Paused" in window.training_ui.panel.status.text()
    window.menu_actions.pause.trigger()
    assert not session.paused
    qtbot.waitUntil(lambda: worker.batches_run > held + 5, timeout=RUN_TIMEOUT)
    with qtbot.waitSignal(session.run_finished, timeout=RUN_TIMEOUT) as finished:
        window.menu_actions.stop.trigger()
    assert finished.args[0].record["status"] == "stopped"


def test_stop_takes_effect_within_one_batch(qtbot, window, open_example) -> None:
    open_example("spiral_toy.net", {"epochs": 200, "batch_size": 8})
    session = window.training_ui.session
    window.menu_actions.train.trigger()
    worker = session.worker
    qtbot.waitUntil(lambda: worker.batches_run > 20, timeout=RUN_TIMEOUT)
    with qtbot.waitSignal(session.run_finished, timeout=RUN_TIMEOUT) as finished:
        at_stop = worker.batches_run
        window.menu_actions.stop.trigger()
    run = finished.args[0]
    assert run.record["status"] == "stopped"
    assert worker.outcome.batches_run - at_stop <= 1
    assert run.record["epochs"]  # the metrics so far are kept
    assert window.document.project.runs[-1] is run.record


def test_editing_is_locked_during_a_run_and_unlocked_after(qtbot, window, open_example) -> None:
    open_example("spiral_toy.net", {"epochs": 200, "batch_size": 8})
    a = window.menu_actions
    window.scene.select_nodes(["fc1"])
    assert a.delete.isEnabled() and window.palette_panel.isEnabled()
    a.train.trigger()
    panel = window.training_ui.panel
    assert window.training_ui.session.running
    assert not a.train.isEnabled() and a.stop.isEnabled() and a.pause.isEnabled()
    for name in ("delete", "paste", "cut", "duplicate", "auto_layout", "open", "new"):
        assert not getattr(a, name).isEnabled(), name
    assert not a.undo.isEnabled()
    assert not window.palette_panel.isEnabled() and not window.inspector.isEnabled()
    assert not window.view.acceptDrops() and not panel.form.isEnabled()
    assert panel.locked.isVisible() and "editing is locked" in panel.locked.label.text()
    assert window.training_ui.status.isVisible()
    moving = window.scene.nodes["fc1"].flags()
    assert not moving & moving.ItemIsMovable
    with qtbot.waitSignal(window.training_ui.session.run_finished, timeout=RUN_TIMEOUT):
        a.stop.trigger()
    assert a.train.isEnabled() and not a.stop.isEnabled() and a.delete.isEnabled()
    assert window.undo_group.activeStack() is window.document.undo_stack  # given back
    assert not a.undo.isEnabled()  # the run is a record, not an edit to undo
    assert window.palette_panel.isEnabled() and window.inspector.isEnabled()
    assert window.view.acceptDrops() and panel.form.isEnabled()
    assert not panel.locked.isVisible()
    assert window.scene.nodes["fc1"].flags() & moving.ItemIsMovable


def test_closing_the_window_asks_then_stops_the_run_and_keeps_its_record(
    qtbot, window, open_example, monkeypatch
) -> None:
    open_example("spiral_toy.net", {"epochs": 500, "batch_size": 8})
    session = window.training_ui.session
    window.menu_actions.train.trigger()
    qtbot.waitUntil(lambda: session.worker.batches_run > 3, timeout=RUN_TIMEOUT)
    thread = session.worker_thread
    asked: list[bool] = []
    monkeypatch.setattr(dialogs, "ask_stop_run", lambda parent: asked.append(False) or False)
    assert not window.close()  # Cancel: the run goes on
    assert asked and thread.isRunning() and session.running and window.isVisible()
    monkeypatch.setattr(dialogs, "ask_stop_run", lambda parent: asked.append(True) or True)
    window.close()
    assert asked == [False, True]
    assert not thread.isRunning() and not session.running
    assert window.document.project.runs[-1]["status"] == "stopped"


def test_the_stop_question_offers_stop_and_close_with_cancel_first(qtbot, monkeypatch) -> None:
    shown: list[QMessageBox] = []

    def answer(box: QMessageBox) -> int:
        shown.append(box)
        box.button(QMessageBox.StandardButton.Cancel).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    assert dialogs.ask_stop_run(None) is False  # type: ignore[arg-type]
    box = shown[0]
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    assert "Stop and Close" in [button.text() for button in box.buttons()]
    assert "kept" in box.informativeText()
