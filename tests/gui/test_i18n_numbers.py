"""Numbers a person reads are written the locale's way: in a locale that groups digits with a
dot (German), the status bar and the Summary read "235.146", a size "918,5 KB", a plural's
count "1.234 errors", and a message
made without a window (its counts passed as `Count`, grouped "3,072" in the CLI's English)
shows its counts through the locale too, here in the Chinese app."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from netstudio.core.messages import Count
from netstudio.gui import i18n
from netstudio.gui.main_window import MainWindow
from netstudio.training.compat import check_input_shape


@pytest.fixture
def german() -> Iterator[None]:
    """German number formatting (the texts stay English) for one test, the default after."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        yield
    finally:
        QLocale.setDefault(before)


def test_numbers_are_grouped_the_locales_way(
    qtbot, german, window: MainWindow, open_example: Callable[..., Path]
) -> None:
    open_example("mnist_mlp.net")
    qtbot.waitUntil(lambda: "params" in window.validity_label.text(), timeout=20000)
    assert window.validity_label.text() == "✓ valid · 235.146 params · 918,5 KB"
    model = window.summary.model()
    assert model.index(model.rowCount() - 1, 3).data() == "235.146"

    # A plural's count (%Ln) too, with the English catalogue's forms.
    assert window.tr("✗ %Ln error(s)", "", 1) == "✗ 1 error"
    assert window.tr("✗ %Ln error(s)", "", 1234) == "✗ 1.234 errors"

    problem = check_input_shape((784,), (3, 32, 32))[0]
    assert "3,072" in problem and isinstance(problem.args["have"], Count)  # the CLI's English
    i18n.install("zh_CN")
    try:
        shown = i18n.translated(problem)
    finally:
        i18n.install("en")
    assert "3.072" in shown and "3,072" not in shown and "784" in shown
    assert shown != problem  # Chinese, not the English text


def test_plot_ticks_are_written_the_locales_way(german, window: MainWindow) -> None:
    """The axes of the app's plots (Curves, Data preview, the learning-rate preview...) write
    their ticks like every other number: pyqtgraph's own axis writes "10000" in any locale."""
    from netstudio.gui.panels.plots import make_plot

    curves = window.training_ui.curves.plots  # built on first read
    axes = [plot.getAxis("left") for plot in curves.values()]
    axes.append(make_plot().getPlotItem().getAxis("bottom"))
    for axis in axes:
        assert axis.tickStrings([0, 5000, 10000], 1, 5000) == ["0", "5.000", "10.000"]
        assert axis.tickStrings([0.5, 1.0], 1, 0.5) == ["0,5", "1,0"]
        assert axis.tickStrings([1e-5, 2e-5], 1, 1e-5)[0] in ("1e-05", "0,00001")
