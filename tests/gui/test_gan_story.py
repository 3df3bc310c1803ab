"""A person opens the digits GAN example and trains it in the app: no false Problems, the
Training panel says "Generative adversarial" with the GAN's settings, Train runs it, the run is in
the Runs table with its sample grids, and the Curves panel draws the D and G losses and shows the
latest grid of samples."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLabel, QSpinBox, QWidget

from netstudio.gui.main_window import MainWindow
from netstudio.gui.training.curves import GAN_TITLES
from tests.shots import save_shot

RUN_TIMEOUT = 60_000


def _settle(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.document.analysed_once, timeout=20_000)
    qtbot.waitUntil(lambda: not window.previews.busy, timeout=20_000)


def test_the_digits_gan_opens_without_problems_trains_and_draws_its_curves(
    hands, qtbot, window: MainWindow, open_example
) -> None:
    open_example("digits_gan.net")
    window.resize(1400, 900)
    _settle(qtbot, window)
    document = window.document

    # No Problems: the generator takes noise, the discriminator ends in one value.
    assert document.problems == [], [str(p) for p in document.problems]
    assert window.previews.problems == []
    assert "noise vector of 32 values" in window.previews.sample_text
    document.show_network("discriminator")
    _settle(qtbot, window)
    assert window.previews.problems == [] and "training sample 1" in window.previews.sample_text
    document.show_network("generator")
    _settle(qtbot, window)

    # The Training panel reads the GAN.
    window.training_dock.raise_()
    task = window.findChild(QComboBox, "training_task")
    assert task.currentText() == "Generative adversarial"
    assert window.findChild(QComboBox, "training_gan_generator").currentText() == "generator"
    assert window.findChild(QComboBox, "training_gan_discriminator").currentText() == (
        "discriminator"
    )
    noise = window.findChild(QSpinBox, "training_gan_noise_size")
    assert noise.value() == 32
    for hidden in ("training_optimizer_type", "training_loss_type", "training_schedule_type"):
        assert not window.findChild(QWidget, hidden).isVisible()

    # Each GAN setting is one undo step: a noise size the generator's Input does not take is a
    # Problem naming both networks; Undo puts it back and the Problem goes.
    hands.type_into(noise, "16")
    assert document.project.training["gan"]["noise_size"] == 16
    qtbot.waitUntil(lambda: len(document.problems) == 1, timeout=5_000)
    assert "noise has 16 values" in document.problems[0].message
    assert "'generator'" in document.problems[0].message
    hands.action(window, "edit_undo").trigger()
    assert document.project.training["gan"]["noise_size"] == 32 and noise.value() == 32
    qtbot.waitUntil(lambda: document.problems == [], timeout=5_000)
    steps = document.undo_stack.index()
    rate = window.findChild(QDoubleSpinBox, "training_gan_discriminator_optimizer_lr")
    hands.type_into(rate, "0.0005")
    assert document.project.training["gan"]["discriminator_optimizer"]["lr"] == 0.0005
    assert document.undo_stack.index() == steps + 1
    hands.action(window, "edit_undo").trigger()
    assert document.project.training["gan"]["discriminator_optimizer"]["lr"] == 0.001
    # The discriminator cannot be the generator: refused, said under the form, nothing changed.
    window.findChild(QComboBox, "training_gan_discriminator").setCurrentIndex(0)
    assert document.project.training["gan"]["discriminator"] == "discriminator"
    assert "two networks" in window.findChild(QLabel, "training_settings_error").text()
    save_shot(window.training_ui.panel, "pS/gan_settings")
    hands.type_into(window.findChild(QSpinBox, "training_epochs"), "2")
    assert document.project.training["epochs"] == 2

    # Train (F5): the run finishes and the Runs table has it, with its sample grids.
    session = window.training_ui.session
    assert session.problems() == []
    with qtbot.waitSignal(session.run_finished, timeout=RUN_TIMEOUT) as finished:
        hands.action(window, "train_start").trigger()
    run = finished.args[0]
    assert run.record["status"] == "finished", run.record["error"]
    assert window.evaluation_ui.runs_panel.model.rowCount() == 1
    folder = Path(run.record["run_dir"])
    if not folder.is_absolute():
        folder = document.path.parent / folder
    assert (folder / "samples_epoch_002.png").is_file()

    # The curves: D and G loss for both epochs, D(x) and D(G(z)) in 0..1, the latest samples.
    curves = window.training_ui.curves
    window.training_ui.curves_dock.raise_()
    qtbot.waitUntil(lambda: curves.buffers["g_loss"].size == 2, timeout=5_000)
    for name in ("d_loss", "g_loss"):
        assert list(curves.buffers[name].x) == [1.0, 2.0]
        assert all(value > 0 for value in curves.buffers[name].y)
    for name in ("d_real", "d_fake"):
        assert all(0.0 <= value <= 1.0 for value in curves.buffers[name].y)
    assert curves.plots["loss"].titleLabel.text == GAN_TITLES["loss"]
    header, columns = curves.table("loss")  # what Save as CSV writes
    assert header == ["epoch", "D loss", "G loss"] and len(columns[0]) == 2
    samples = window.findChild(QLabel, "curves_gan_samples")
    assert samples.isVisible() and not samples.pixmap().isNull()
    assert curves.samples_path == folder / "samples_epoch_002.png"
    assert list(document.project.networks) == ["generator", "discriminator"]
    curves.redraw()
    qtbot.wait(50)  # the sample grid's place in the layout
    save_shot(window, "pS/gan_trained")


def test_a_gan_generator_with_an_auto_input_takes_the_noise_not_the_data(
    hands, qtbot, window: MainWindow, open_example
) -> None:
    # The generator's Input cleared (auto): it follows the noise (32 values), not the 1×8×8
    # digits, so its shapes still make one digit and nothing is a Problem.
    open_example("digits_gan.net")
    _settle(qtbot, window)
    document = window.document
    window.scene.select_nodes(["noise"])
    field = window.inspector.editors["shape"].widget
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(field, Qt.Key.Key_Backspace)
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert document.project.graph.node("noise").params["shape"] is None
    qtbot.waitUntil(lambda: document.info("output").output is not None, timeout=5_000)
    assert tuple(document.info("noise").output.shape[1:]) == (32,)
    assert tuple(document.info("output").output.shape[1:]) == (1, 8, 8)
    assert document.problems == [], [str(p) for p in document.problems]
    # A noise size of 16: the auto Input follows it at once (a Training setting, one undo step).
    hands.type_into(window.findChild(QSpinBox, "training_gan_noise_size"), "16")
    qtbot.waitUntil(lambda: tuple(document.info("noise").output.shape[1:]) == (16,), timeout=5_000)
    assert document.problems == []


def test_a_classification_project_set_to_a_gan_names_the_missing_networks(
    qtbot, window: MainWindow, open_example
) -> None:
    open_example("digits_mlp.net")
    _settle(qtbot, window)
    document = window.document
    assert document.problems == []
    task = window.findChild(QComboBox, "training_task")
    task.setCurrentIndex(task.findData("gan"))
    assert document.project.training["task"] == "gan"
    qtbot.waitUntil(lambda: len(document.problems) == 1, timeout=5_000)
    text = document.problems[0].message
    assert "no network 'generator' or 'discriminator'" in text, text
    generator = window.findChild(QComboBox, "training_gan_generator")
    assert generator.currentText() == "generator (no such network)"
    assert window.training_ui.session.problems()[0].startswith("The GAN's generator")
    window.menu_actions.undo.trigger()
    assert task.currentText() == "Classification"
    qtbot.waitUntil(lambda: document.problems == [], timeout=5_000)
