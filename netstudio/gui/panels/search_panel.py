"""The Search panel: the project's search set out, run in a worker process, its trials live.

Top: the searched parameters (each with its range or choices; one that no longer fits the
project, a node deleted since, is marked with the fix, and Search refuses to start naming it),
with Edit… and Remove; the budget (trials and/or minutes), each trial's epochs, the objective
and its direction, the sampler and the pruner — every change one undo step of the project's
"search" section. Where the study is kept (the SQLite file beside the project, or a database
URL typed here, its password never shown) and its name are the panel's, not the project's.

Search (Train > Search, Ctrl+F5) runs `netstudio tune` in a worker process (`SearchProcess`):
the trial table fills as trials end (number, values, objective, state, time), beside the
charts (`SearchCharts`: best so far, the running trial, importances, parallel coordinates);
each trial's run joins the Runs history as a record tagged with its trial (`search_records`). Apply best writes the best trial's values into the project as
one undo step. Watch reads a study another machine is running from its database and fills the
table from it.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netstudio.gui import i18n
from netstudio.gui.background import LatestJob
from netstudio.gui.document import Document
from netstudio.gui.panels.search_charts import SearchCharts
from netstudio.gui.panels.search_trials import (
    DIRECTIONS,
    OBJECTIVES,
    PRUNERS,
    SAMPLERS,
    SearchTrialTable,
    choice_items,
)
from netstudio.gui.search_commands import (
    ApplyParamsCommand,
    SetSearchCommand,
    search_section,
    set_search_parameter,
)
from netstudio.gui.search_fields import domain_text
from netstudio.gui.search_records import read_study, trial_record
from netstudio.gui.search_worker import SearchProcess
from netstudio.gui.style import ERROR_COLOUR

#: How often a watched study is read again (ms).
WATCH_MS = 5000


class SearchPanel(QWidget):
    """The search of the current document (see module docstring)."""

    #: Something to say in the status bar.
    message = Signal(str)
    #: Whether a search is running now.
    running_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        i18n.ensure_installed()  # English's plural forms ("1 trial") when built alone
        self.setObjectName("search_panel")
        self.document: Document | None = None
        self.worker = SearchProcess(self)
        self.worker.reported.connect(self._on_event)
        self.worker.finished.connect(self._on_finished)
        #: The trials shown, by number: the `trial` events (or the watched study's trials).
        self.trials: dict[int, dict[str, Any]] = {}
        self.goal = "maximize"
        self.study_name = ""
        self._storage_url = ""
        #: The document whose search runs (its trials' runs join only that one).
        self._run_document: Document | None = None
        #: Reads a watched study off the GUI thread.
        self._reader = LatestJob(self)
        self._watch_timer = QTimer(self)
        self._watch_timer.setInterval(WATCH_MS)
        self._watch_timer.timeout.connect(self._read_watched)
        self._build()

    # --- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        outer.addWidget(splitter)
        scroll = QScrollArea(splitter)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        left = QWidget(scroll)
        scroll.setWidget(left)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        self.parameters = QTableWidget(0, 3, left)
        self.parameters.setObjectName("search_parameters")
        self.parameters.setHorizontalHeaderLabels(
            [self.tr("Searched"), self.tr("Values"), self.tr("Problem")]
        )
        self.parameters.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.parameters.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.parameters.verticalHeader().hide()
        self.parameters.horizontalHeader().setStretchLastSection(True)
        for index in (0, 1):
            self.parameters.horizontalHeader().setSectionResizeMode(
                index, QHeaderView.ResizeMode.ResizeToContents
            )
        self.parameters.setMinimumHeight(80)
        self.parameters.setMaximumHeight(150)
        self.parameters.itemSelectionChanged.connect(self._update_buttons)
        self.parameters.doubleClicked.connect(lambda *_: self.edit_selected())
        column.addWidget(self.parameters)
        row = QHBoxLayout()
        self.edit_button = self._button(
            self.tr("Edit…"), "search_edit", self.tr("Change the selected range")
        )
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button = self._button(
            self.tr("Remove"), "search_remove", self.tr("Stop searching it")
        )
        self.remove_button.clicked.connect(self.remove_selected)
        row.addWidget(self.edit_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        column.addLayout(row)
        form = QFormLayout()
        self.trials_box = self._spin("search_trials", 0, 1_000_000, self.tr("no limit"))
        self.minutes_box = self._spin(
            "search_minutes", 0, 100_000, self.tr("no limit"), self.tr(" min")
        )
        self.epochs_box = self._spin("search_epochs", 0, 100_000, self.tr("as Training says"))
        self.objective = self._combo("search_objective", OBJECTIVES)
        self.direction = self._combo("search_direction", DIRECTIONS)
        self.sampler = self._combo("search_sampler", SAMPLERS)
        self.pruner = self._combo("search_pruner", PRUNERS)
        self.storage = QLineEdit(self)
        self.storage.setObjectName("search_storage")
        self.storage.setPlaceholderText(self.tr("beside the project (<name>.tune.db)"))
        self.storage.setToolTip(
            self.tr(
                "Where the study is kept: empty for the file beside the project, or a database "
                "URL (postgresql://user@host/db) that several machines share"
            )
        )
        self.storage.editingFinished.connect(self._take_storage)
        self.study = QLineEdit(self)
        self.study.setObjectName("search_study")
        self.study.setPlaceholderText(self.tr("the project's name"))
        form.addRow(self.tr("Trials"), self.trials_box)
        form.addRow(self.tr("Time limit"), self.minutes_box)
        form.addRow(self.tr("Epochs a trial"), self.epochs_box)
        form.addRow(self.tr("Objective"), self.objective)
        form.addRow(self.tr("Direction"), self.direction)
        form.addRow(self.tr("Sampler"), self.sampler)
        form.addRow(self.tr("Pruner"), self.pruner)
        form.addRow(self.tr("Study database"), self.storage)
        form.addRow(self.tr("Study name"), self.study)
        column.addLayout(form)
        buttons = QHBoxLayout()
        self.search_button = self._button(
            self.tr("Search"), "search_run", self.tr("Run the search (Ctrl+F5)")
        )
        self.search_button.clicked.connect(self.start)
        self.stop_button = self._button(
            self.tr("Stop"), "search_halt", self.tr("End the running trial")
        )
        self.stop_button.clicked.connect(self.stop)
        self.watch_button = self._button(
            self.tr("Watch"),
            "search_watch",
            self.tr("Show the trials of the study in the database above"),
        )
        self.watch_button.clicked.connect(self.watch)
        for button in (self.search_button, self.stop_button, self.watch_button):
            buttons.addWidget(button)
        column.addLayout(buttons)
        self.status = QLabel(self)
        self.status.setObjectName("search_status")
        self.status.setWordWrap(True)
        column.addWidget(self.status)
        column.addStretch(1)
        right = QWidget(splitter)
        results = QVBoxLayout(right)
        results.setContentsMargins(0, 0, 0, 0)
        self.table = SearchTrialTable(right)
        results.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.apply_button = self._button(
            self.tr("Apply best"),
            "search_apply_best",
            self.tr("Write the best trial's values into the project"),
        )
        self.apply_button.clicked.connect(self.apply_best)
        row.addStretch(1)
        row.addWidget(self.apply_button)
        results.addLayout(row)
        self.charts = SearchCharts(splitter, lambda: (self.storage_url(), self.study_name))
        splitter.setSizes([330, 420, 480])
        self._update_buttons()

    def _button(self, text: str, name: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setToolTip(tip)
        return button

    def _spin(self, name: str, low: int, high: int, off: str, suffix: str = "") -> QSpinBox:
        box = QSpinBox(self)
        box.setObjectName(name)
        box.setRange(low, high)
        box.setSpecialValueText(off)
        box.setSuffix(suffix)
        box.setKeyboardTracking(False)
        box.valueChanged.connect(lambda _v: self._write_settings())
        return box

    def _combo(self, name: str, items: tuple[tuple[Any, str], ...]) -> QComboBox:
        box = QComboBox(self)
        box.setObjectName(name)
        for value, label in choice_items(items):
            box.addItem(label, value)
        box.activated.connect(lambda _i: self._write_settings())
        return box

    # --- the document --------------------------------------------------------------------------

    def set_document(self, document: Document) -> None:
        if self.document is not None:
            self.document.edited.disconnect(self.refresh)
        self.document = document
        document.edited.connect(self.refresh)
        self._watch_timer.stop()
        if self.worker.running:  # the search was the project's before: it stops after its batch
            self.worker.stop()
        self.trials.clear()
        self._show_trials()
        self.status.clear()
        self.refresh()

    def refresh(self) -> None:
        """Show the project's search section (after any edit, undo or redo)."""
        document = self.document
        if document is None:
            return
        section = search_section(document)
        widgets = (
            self.trials_box,
            self.minutes_box,
            self.epochs_box,
            self.objective,
            self.direction,
            self.sampler,
            self.pruner,
        )
        for widget in widgets:
            widget.blockSignals(True)
        self.trials_box.setValue(int(section.get("trials", 20) or 0))
        self.minutes_box.setValue(round((section.get("seconds") or 0) / 60))
        self.epochs_box.setValue(int(section.get("epochs") or 0))
        objective = section.get("objective") or {}
        self._choose(self.objective, objective.get("metric", "val_accuracy"))
        self._choose(self.direction, objective.get("direction"))
        self._choose(self.sampler, section.get("sampler", "tpe"))
        self._choose(self.pruner, section.get("pruner", "median"))
        for widget in widgets:
            widget.blockSignals(False)
        problems = self.problems()
        parameters = [p for p in section.get("parameters", []) if isinstance(p, dict)]
        self.parameters.setRowCount(len(parameters))
        for row, parameter in enumerate(parameters):
            problem = i18n.translated(problems.get(row, ""))
            cells = (
                str(parameter.get("target")),
                domain_text(parameter.get("domain") or {}),
                problem,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(problem or text)
                if problem:
                    item.setForeground(Qt.GlobalColor.red)
                self.parameters.setItem(row, column, item)
        self._update_buttons()

    @staticmethod
    def _choose(box: QComboBox, value: Any) -> None:
        index = box.findData(value)
        box.setCurrentIndex(index if index >= 0 else 0)

    def problems(self) -> dict[int, str]:
        """Why each searched parameter cannot run as it is, by its row (-1: the section's)."""
        from netstudio.search.checks import check_search

        document = self.document
        if document is None:
            return {}
        found: dict[int, str] = {}
        for problem in check_search(document.project).problems:
            index = re.match(r"search\.parameters\[(\d+)\]", problem.path)
            row = int(index.group(1)) if index else -1
            found.setdefault(row, problem.message)
        return found

    def _write_settings(self) -> None:
        """The budget, objective, sampler and pruner as one undo step of the search section."""
        document = self.document
        if document is None:
            return
        section = search_section(document)
        section["trials"] = self.trials_box.value() or None
        section["seconds"] = self.minutes_box.value() * 60 or None
        section["epochs"] = self.epochs_box.value() or None
        objective = {"metric": self.objective.currentData()}
        if self.direction.currentData() is not None:
            objective["direction"] = self.direction.currentData()
        section["objective"] = objective
        section["sampler"] = self.sampler.currentData()
        section["pruner"] = self.pruner.currentData()
        if section != search_section(document):
            document.undo_stack.push(
                SetSearchCommand(document, section, self.tr("Change the search"))
            )

    def _selected_target(self) -> str | None:
        rows = {index.row() for index in self.parameters.selectedIndexes()}
        if len(rows) != 1:
            return None
        item = self.parameters.item(rows.pop(), 0)
        return item.text() if item is not None else None

    def edit_selected(self) -> None:
        """Edit the selected parameter's range or choices in the Search this… dialog."""
        from netstudio.gui.search_dialog import SearchDialog
        from netstudio.gui.search_fields import SearchSpot

        document, target = self.document, self._selected_target()
        if document is None or target is None:
            return
        domain = next(
            (
                dict(p.get("domain") or {})
                for p in search_section(document).get("parameters", [])
                if isinstance(p, dict) and p.get("target") == target
            ),
            {},
        )
        kind = domain.get("kind", "float")
        choices = list(domain.get("values") or []) if kind == "choice" else []
        spot = SearchSpot(target, target, None, kind, choices=choices)
        dialog = SearchDialog(spot, document, domain, self)
        dialog.chosen.connect(lambda new: set_search_parameter(document, target, new))
        self.dialog = dialog
        dialog.open()

    def remove_selected(self) -> None:
        if self.document is not None and (target := self._selected_target()) is not None:
            set_search_parameter(self.document, target, None)

    # --- storage -------------------------------------------------------------------------------

    def _take_storage(self) -> None:
        """Keep the typed URL; show it with its password hidden."""
        from netstudio.search.study import shown_url

        text = self.storage.text().strip()
        if "***" in text and self._storage_url:
            text = text.replace("***", _password(self._storage_url))
        self._storage_url = text
        self.storage.setText(shown_url(text) if text else "")

    def storage_url(self) -> str:
        """The study's database: the typed URL, else the SQLite file beside the project."""
        from netstudio.search.study import default_storage

        if self.storage.text().strip() and not self._storage_url:
            self._take_storage()
        if self._storage_url:
            return self._storage_url
        document = self.document
        if document is None or document.path is None:
            return ""
        return default_storage(document.path)

    def _study_name(self) -> str:
        document = self.document
        typed = self.study.text().strip()
        if typed:
            return typed
        if document is not None and document.path is not None:
            return document.path.stem
        return (document.project.name if document is not None else "") or "search"

    # --- running -------------------------------------------------------------------------------

    def start(self) -> None:
        """Run the search; refused, with the fix, when it cannot run as it is set up."""
        document = self.document
        if document is None or self.worker.running:
            return
        problems = self.problems()
        if problems:
            first = i18n.translated(problems[min(problems)])
            self._say(
                self.tr("The search cannot start: {problem}").format(problem=first), error=True
            )
            return
        url = self.storage_url()
        if not url:
            self._say(
                self.tr(
                    "The search cannot start: save the project first (its study is kept beside "
                    "it), or give a study database"
                ),
                error=True,
            )
            return
        self._watch_timer.stop()  # the table shows this search's trials now
        section = search_section(document)
        self.study_name = self._study_name()
        self.trials.clear()
        self._show_trials()
        self._running_number = None
        self.worker.start(
            document.project,
            storage=url,
            study=self.study_name,
            trials=section.get("trials", 20),
            seconds=section.get("seconds"),
        )
        self._run_document = document
        self._say(self.tr("Searching: study {name}…").format(name=self.study_name))
        self._update_buttons()
        self.running_changed.emit(True)

    def stop(self) -> None:
        """End the search: the running trial stops within one batch; Search resumes it."""
        if self.worker.running:
            self.worker.stop()
            self._say(self.tr("Stopping after this batch…"))
            self._update_buttons()

    def _on_event(self, item: dict[str, Any]) -> None:
        kind = item.get("event")
        if kind == "study":
            self.goal = str(item.get("goal", "maximize"))
        elif kind == "started" and isinstance(item.get("number"), int):
            self.charts.trial_started(item["number"])
        elif kind == "epoch":
            value = item.get(self.objective.currentData())
            if isinstance(value, (int, float)):
                self.charts.epoch_ended(float(value))
        elif kind == "trial" and isinstance(item.get("number"), int):
            self.trials[item["number"]] = item
            self._show_trials()
            self._add_run(item)

    def _on_finished(self, completed: bool, error: str) -> None:
        self._running_number = None
        if error:
            self._say(self.tr("The search could not run: {error}").format(error=error), error=True)
        else:
            self._say(self._ended_text(len(self.trials), self.best(), self.worker.stopping))
        self._update_buttons()
        self.running_changed.emit(False)

    def _ended_text(self, done: int, best: dict[str, Any] | None, stopped: bool) -> str:
        """What the status line says when the search ends (or Stop ended it)."""
        if best is None:
            if stopped:
                return self.tr(
                    "Search stopped: %Ln trial(s); Search goes on with the study", "", done
                )
            return self.tr("Search ended: %Ln trial(s)", "", done)
        number = str(best["number"])
        if stopped:
            text = self.tr(
                "Search stopped: %Ln trial(s); best: trial {number}; Search goes on with the study",
                "",
                done,
            )
        else:
            text = self.tr("Search ended: %Ln trial(s); best: trial {number}", "", done)
        return text.format(number=number)

    def _add_run(self, item: dict[str, Any]) -> None:
        """Keep the trial's run in the project's Runs history: a record, tagged with its
        trial, never an undo step."""
        document = self._run_document
        if document is None or document is not self.document:
            return
        record = trial_record(item, self.study_name, document)
        if record is not None:
            document.add_run(record)

    # --- watching ------------------------------------------------------------------------------

    def watch(self) -> None:
        """Fill the trial table from the study in the database, now and every few seconds
        (read off the GUI thread)."""
        url, name = self.storage_url(), self._study_name()
        if not url:
            self._say(self.tr("Give the study database to watch"), error=True)
            return
        self.study_name = name
        self._say(self.tr("Reading study {name}…").format(name=name))
        self._watch_timer.start()
        self._read_watched()

    def _read_watched(self) -> None:
        url, name = self.storage_url(), self.study_name
        if url and not self._reader.busy:
            self._reader.submit(
                lambda: read_study(url, name), self._on_watched, self._on_watch_failed
            )

    def _on_watched(self, found: tuple[str, list[dict[str, Any]]]) -> None:
        self.goal, trials = found
        self.trials = {t["number"]: t for t in trials}
        self._show_trials()
        self._say(
            self.tr("Watching study {name}: {count} trials").format(
                name=self.study_name, count=i18n.number(len(trials))
            )
        )

    def _on_watch_failed(self, error: BaseException) -> None:
        self._watch_timer.stop()
        self._say(i18n.translated(str(error)), error=True)

    # --- results -------------------------------------------------------------------------------

    def best(self) -> dict[str, Any] | None:
        """The best completed trial shown (None: none completed)."""
        done = [
            t
            for t in self.trials.values()
            if t.get("state") == "complete" and isinstance(t.get("value"), (int, float))
        ]
        if not done:
            return None
        pick = max if self.goal == "maximize" else min
        return pick(done, key=lambda t: t["value"])

    def _show_trials(self) -> None:
        self.table.show_trials(self.trials)
        self.charts.show_trials(self.trials, self.goal)
        self._update_buttons()

    def apply_best(self) -> None:
        """Write the best trial's values into the project: one undo step."""
        from netstudio.search.targets import SearchError

        document, best = self.document, self.best()
        if document is None or best is None:
            return
        try:
            command = ApplyParamsCommand(
                document,
                best.get("params") or {},
                self.tr("Apply search trial {number}").format(number=best["number"]),
            )
        except SearchError as error:
            self._say(
                self.tr("Apply best: {error}").format(error=i18n.translated(str(error))), error=True
            )
            return
        document.undo_stack.push(command)
        self._say(self.tr("Applied trial {number}'s values").format(number=best["number"]))

    def _update_buttons(self) -> None:
        running = self.worker.running
        self.search_button.setEnabled(not running and self.document is not None)
        self.stop_button.setEnabled(running and not self.worker.stopping)
        self.apply_button.setEnabled(self.best() is not None)
        has_row = self._selected_target() is not None
        self.edit_button.setEnabled(has_row)
        self.remove_button.setEnabled(has_row)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")
        self.message.emit(text)


def _password(url: str) -> str:
    found = re.search(r"://[^:/@]*:([^@]*)@", url)
    return found.group(1) if found else ""
