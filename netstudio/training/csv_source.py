"""A table of numbers in a CSV file: choose the label column(s) and the feature columns.

Features must be numbers; a cell that is not (or is empty, or not finite) is a `DataError`
naming the file, line and column. Classification labels may be any text: each distinct value
becomes a class (numbers sorted by value, text sorted alphabetically) and keeps its name.

A table over the memory budget (or when the data settings ask for it) is read in chunks of
`CHUNK_ROWS` rows, its numbers written once to a temporary file that the training streams
from (`streaming_formats`); only the labels stay in memory.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from netstudio.core.params import ParamSpec, p_bool, p_choice
from netstudio.training import data_messages as words
from netstudio.training.loaded_data import DataError, DataFix, LoadedData, RawData, prepare
from netstudio.training.memory_budget import plan_loading
from netstudio.training.sources import DataSource

if TYPE_CHECKING:
    import numpy as np

    from netstudio.training.data_config import DataConfig

DELIMITERS = {",": ",", ";": ";", "tab": "\t", "|": "|"}
#: Rows read at a time when a table streams.
CHUNK_ROWS = 10_000
#: Bytes the preloaded path holds at its peak per byte of CSV file: every cell as a Python
#: string in a list of rows, then as float64 and float32 numbers (measured: 13.9 on a 15 MB
#: table of 100,000 rows of 20 numbers with 4 decimals; streaming it peaked at 3.2).
CSV_BYTES_PER_FILE_BYTE = 14


@dataclass
class Table:
    """The rows of a CSV file as text, with the file line each row came from."""

    path: Path
    columns: list[str]
    rows: list[list[str]]
    lines: list[int]

    def where(self, row: int, column: int) -> str:
        return words.CSV_WHERE(
            file=self.path.name, line=self.lines[row], column=self.columns[column]
        )


def _rows(
    handle: TextIO, delimiter: str, has_header: bool
) -> Iterator[tuple[list[str] | None, list[str], int]]:
    """(header, row, line number) for every non-blank data row of an open CSV file."""
    reader = csv.reader(handle, delimiter=delimiter)
    header: list[str] | None = None
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        if has_header and header is None:
            header = [cell.strip() for cell in row]
            continue
        yield header, row, reader.line_num


def _columns(header: list[str] | None, row: list[str]) -> list[str]:
    return header if header is not None else [str(i) for i in range(len(row))]


def read_table(path: Path, delimiter: str, has_header: bool) -> Table:
    """Read every non-blank row; headerless columns are named "0", "1", ..."""
    if not path.is_file():
        raise DataError(words.CSV_NOT_FOUND(path=path), fixes=(DataFix.CHOOSE_FILE,))
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            found = list(_rows(handle, delimiter, has_header))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise DataError(words.CSV_UNREADABLE(path=path, error=str(exc))) from exc
    if not found:
        raise DataError(words.NO_DATA_ROWS(file=path.name))
    rows = [row for _, row, _ in found]
    lines = [line for _, _, line in found]
    columns = _columns(found[0][0], rows[0])
    for row, line in zip(rows, lines, strict=True):
        if len(row) != len(columns):
            raise DataError(
                words.VALUE_COUNT(
                    file=path.name,
                    line=line,
                    count=len(row),
                    expected=len(columns),
                    columns=", ".join(columns),
                )
            )
    return Table(path, columns, rows, lines)


def read_chunks(path: Path, delimiter: str, has_header: bool, size: int) -> Iterator[Table]:
    """The non-blank rows of the CSV file at `path` as tables of up to `size` rows, read as
    they are asked for; DataError as `read_table` raises it."""
    if not path.is_file():
        raise DataError(words.CSV_NOT_FOUND(path=path), fixes=(DataFix.CHOOSE_FILE,))
    columns: list[str] | None = None
    rows: list[list[str]] = []
    lines: list[int] = []
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            for header, row, line in _rows(handle, delimiter, has_header):
                if columns is None:
                    columns = _columns(header, row)
                if len(row) != len(columns):
                    raise DataError(
                        words.VALUE_COUNT(
                            file=path.name,
                            line=line,
                            count=len(row),
                            expected=len(columns),
                            columns=", ".join(columns),
                        )
                    )
                rows.append(row)
                lines.append(line)
                if len(rows) == size:
                    yield Table(path, columns, rows, lines)
                    rows, lines = [], []
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise DataError(words.CSV_UNREADABLE(path=path, error=str(exc))) from exc
    if columns is None:
        raise DataError(words.NO_DATA_ROWS(file=path.name))
    if rows:
        yield Table(path, columns, rows, lines)


def _first_rows(path: Path, delimiter: str, has_header: bool) -> Table | None:
    """The header (when there is one) and the first data row of the CSV file at `path`, read
    without reading the rest; None when the file has no data row."""
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            for header, row, line in _rows(handle, delimiter, has_header):
                return Table(path, _columns(header, row), [row], [line])
    except csv.Error:
        return None  # loading the file says what is wrong with it
    return None


def numbers(table: Table, columns: list[int]) -> np.ndarray:
    """The `columns` of every row as float32 (N, len(columns)); DataError naming a bad cell."""
    import numpy as np

    cells = [[row[c] for c in columns] for row in table.rows]
    try:
        values = np.array(cells, dtype=np.float64).reshape(len(cells), len(columns))
        if np.isfinite(values).all():
            return values.astype(np.float32)
    except ValueError:
        pass
    for r, row in enumerate(cells):  # find the first bad cell, to name it
        for c, cell in zip(columns, row, strict=True):
            try:
                value = float(cell)
            except ValueError:
                where = table.where(r, c)
                raise DataError(
                    words.NOT_A_NUMBER(where=where, cell=cell)
                    if cell.strip()
                    else words.EMPTY_NOT_A_NUMBER(where=where)
                ) from None
            if not math.isfinite(value):
                raise DataError(words.NOT_FINITE(where=table.where(r, c), cell=cell))
    raise DataError(words.A_CELL_NOT_A_NUMBER(file=table.path.name))  # numpy and float() disagree


def class_names(values: list[str]) -> list[str]:
    """Distinct labels in class order: by value when all are numbers, else alphabetical."""
    distinct = set(values)
    try:
        return sorted(distinct, key=float)
    except ValueError:
        return sorted(distinct)


@dataclass(frozen=True, kw_only=True)
class CsvSource(DataSource):
    """Rows of a CSV file as feature vectors and labels (or regression targets)."""

    can_stream: bool = True

    def sample_shape(self, params: dict[str, Any], root: Path | None) -> tuple[int, ...] | None:
        """(feature columns,): from the header and the first row only."""
        path = self._path(params["file"], root)
        table = _first_rows(path, DELIMITERS[params["delimiter"]], params["has_header"])
        if table is None:
            return None
        _, features = self._columns(table, params)
        return (len(features),)

    def read(self, params: dict[str, Any], root: Path | None, seed: int) -> RawData:
        import torch

        delimiter, header = DELIMITERS[params["delimiter"]], params["has_header"]
        path = self._path(params["file"], root)
        table = read_table(path, delimiter, header)
        labels, features = self._columns(table, params)
        x, y, classes = self._arrays(table, labels, features, params["task"], None)
        test_x = test_y = None
        if params["test_file"]:
            test = read_table(self._path(params["test_file"], root), delimiter, header)
            if test.columns != table.columns:
                raise DataError(
                    words.COLUMNS_DIFFER(
                        file=test.path.name,
                        columns=", ".join(test.columns),
                        other=table.path.name,
                        theirs=", ".join(table.columns),
                    )
                )
            test_x, test_y, _ = self._arrays(test, labels, features, params["task"], classes)
        return RawData(
            name=f"{self.name} {path.name}",
            task=params["task"],
            x=torch.from_numpy(x),
            y=torch.from_numpy(y),
            classes=classes,
            test_x=torch.from_numpy(test_x) if test_x is not None else None,
            test_y=torch.from_numpy(test_y) if test_y is not None else None,
        )

    def load_within(
        self, params: dict[str, Any], config: DataConfig, root: Path | None, budget: int
    ) -> LoadedData:
        """Preloaded when the table fits `budget` (estimated from the files' sizes) or
        streaming is off, else streamed (see module docstring)."""
        path = self._path(params["file"], root)
        test_path = self._path(params["test_file"], root) if params["test_file"] else None
        sizes = [p.stat().st_size for p in (path, test_path) if p is not None and p.is_file()]
        needed = sum(sizes) * CSV_BYTES_PER_FILE_BYTE if path.is_file() else None
        plan = plan_loading(config.streaming, needed, budget, True, self.name)
        if not plan.streaming:
            data = prepare(self.read(params, root, config.seed), config, source_id=self.id)
            data.loading = plan.reason
            return data
        from netstudio.training.streaming_formats import stream_splits

        rows, y, classes, columns = self._streamed(path, params, None, None)
        test = None
        if test_path is not None:
            test_rows, test_y, _, _ = self._streamed(test_path, params, classes, (path, columns))
            test = (test_rows, test_y)
        return stream_splits(
            name=f"{self.name} {path.name}",
            task=params["task"],
            rows=rows,
            y=y,
            classes=classes,
            config=config,
            source_id=self.id,
            reason=words.NUMBERS_COPIED(reason=plan.reason),
            test=test,
        )

    def _streamed(
        self,
        path: Path,
        params: dict[str, Any],
        classes: list[str] | None,
        like: tuple[Path, list[str]] | None,
    ) -> tuple[Any, Any, list[str] | None, list[str]]:
        """The feature rows of the CSV file at `path` in a temporary `RowFile`, its targets,
        its classes (`classes`, or found in the file) and its columns, read in chunks and
        checked as `read` checks them; `like` is the training file and its columns, which a
        test file must have."""
        import numpy as np
        import torch

        from netstudio.training.streaming_formats import temporary_rows

        delimiter, header = DELIMITERS[params["delimiter"]], params["has_header"]
        task = params["task"]
        found: dict[str, Any] = {}
        values: list[str] = []
        targets: list[np.ndarray] = []
        index = {name: i for i, name in enumerate(classes)} if classes is not None else None

        def features() -> Iterator[np.ndarray]:
            for table in read_chunks(path, delimiter, header, CHUNK_ROWS):
                if not found:
                    if like is not None and table.columns != like[1]:
                        raise DataError(
                            words.COLUMNS_DIFFER(
                                file=path.name,
                                columns=", ".join(table.columns),
                                other=like[0].name,
                                theirs=", ".join(like[1]),
                            )
                        )
                    found["columns"] = table.columns
                    found["labels"], found["features"] = self._columns(table, params)
                labels = found["labels"]
                x = numbers(table, found["features"])
                if task == "regression":
                    targets.append(numbers(table, labels))
                else:
                    chunk = [row[labels[0]].strip() for row in table.rows]
                    for r, value in enumerate(chunk):
                        if not value:
                            raise DataError(words.LABEL_EMPTY(where=table.where(r, labels[0])))
                        if index is not None and value not in index:
                            raise DataError(
                                words.NOT_A_TRAINING_CLASS(
                                    where=table.where(r, labels[0]), value=value
                                )
                            )
                    values.extend(chunk)
                yield x

        rows = temporary_rows(features(), "f4")
        if task == "regression":
            return rows, torch.from_numpy(np.concatenate(targets)), None, found["columns"]
        if classes is None:
            classes = class_names(values)
            if len(classes) < 2:
                column = found["columns"][found["labels"][0]]
                raise DataError(words.SINGLE_VALUE(file=path.name, column=column))
            index = {name: i for i, name in enumerate(classes)}
        assert index is not None
        y = torch.tensor([index[value] for value in values], dtype=torch.int64)
        return rows, y, classes, found["columns"]

    @staticmethod
    def _path(name: str, root: Path | None) -> Path:
        if not name:
            raise DataError(
                words.CSV_NO_FILE(),
                fixes=(DataFix.CHOOSE_FILE,),
            )
        path = Path(name).expanduser()
        if not path.is_absolute():
            if root is None:
                raise DataError(
                    words.CSV_RELATIVE(name=name),
                    fixes=(DataFix.CHOOSE_FILE, DataFix.SAVE_PROJECT),
                )
            path = root / path
        return path

    @staticmethod
    def _columns(table: Table, params: dict[str, Any]) -> tuple[list[int], list[int]]:
        def find(names: str) -> list[int]:
            found = []
            for name in (part.strip() for part in names.split(",")):
                if name not in table.columns:
                    raise DataError(
                        words.NO_COLUMN(
                            file=table.path.name, name=name, columns=", ".join(table.columns)
                        )
                    )
                found.append(table.columns.index(name))
            return found

        labels = find(params["label_column"]) if params["label_column"].strip() else [-1]
        labels = [i % len(table.columns) for i in labels]
        if params["task"] == "classification" and len(labels) != 1:
            raise DataError(words.ONE_LABEL_COLUMN())
        if params["feature_columns"].strip():
            features = find(params["feature_columns"])
        else:
            features = [i for i in range(len(table.columns)) if i not in labels]
        if not features:
            raise DataError(words.NO_FEATURES(file=table.path.name))
        if overlap := set(features) & set(labels):
            names = ", ".join(table.columns[i] for i in sorted(overlap))
            raise DataError(words.FEATURE_AND_LABEL(names=names))
        return labels, features

    @staticmethod
    def _arrays(
        table: Table,
        labels: list[int],
        features: list[int],
        task: str,
        classes: list[str] | None,
    ) -> tuple[np.ndarray, np.ndarray, list[str] | None]:
        import numpy as np

        x = numbers(table, features)
        if task == "regression":
            return x, numbers(table, labels), None
        values = [row[labels[0]].strip() for row in table.rows]
        for r, value in enumerate(values):
            if not value:
                raise DataError(words.LABEL_EMPTY(where=table.where(r, labels[0])))
        if classes is None:
            classes = class_names(values)
            if len(classes) < 2:
                raise DataError(
                    words.SINGLE_VALUE(file=table.path.name, column=table.columns[labels[0]])
                )
        index = {name: i for i, name in enumerate(classes)}
        for r, value in enumerate(values):
            if value not in index:
                raise DataError(
                    words.NOT_A_TRAINING_CLASS(where=table.where(r, labels[0]), value=value)
                )
        y = np.array([index[value] for value in values], dtype=np.int64)
        return x, y, classes


def _p_str(name: str, default: str, doc: str) -> ParamSpec:
    return ParamSpec(name, "str", default, doc)


SOURCES: tuple[DataSource, ...] = (
    CsvSource(
        id="csv",
        name="CSV",
        description="A table of numbers: one row per example, a label column and feature columns.",
        params=(
            _p_str("file", "data.csv", "CSV file, relative to the data folder."),
            _p_str(
                "label_column",
                "",
                "Column holding the label (for regression, comma-separated target columns); empty means the last column.",
            ),
            _p_str(
                "feature_columns",
                "",
                "Comma-separated feature columns; empty means every other column.",
            ),
            p_choice(
                "task", "classification", ("classification", "regression"), "What to predict."
            ),
            p_choice("delimiter", ",", tuple(DELIMITERS), "Character between the values."),
            p_bool("has_header", True, "The first row names the columns."),
            _p_str(
                "test_file",
                "",
                "CSV file with the test rows; empty holds out test_fraction of the file.",
            ),
        ),
        files="a CSV file",
    ),
)
