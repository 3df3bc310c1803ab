"""A table of numbers in a CSV file: choose the label column(s) and the feature columns.

Features must be numbers; a cell that is not (or is empty, or not finite) is a `DataError`
naming the file, line and column. Classification labels may be any text: each distinct value
becomes a class (numbers sorted by value, text sorted alphabetically) and keeps its name.

Both paths read the table in chunks of about `CHUNK_CELLS` cells, each chunk's text turned into
float32 numbers at once (a cell's text takes ~20 times its number), and report how many rows
are read (`loading_progress`). Preloaded, the chunks are joined in memory; over the memory
budget (or when the data settings ask for it) they are written once to a temporary file that
the training streams from (`streaming_formats`), and only the labels stay in memory. The
budget is planned with `memory_budget.table_bytes` from a count of the file's lines, its
columns and the chunk size (`CsvSource.memory_needed`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netstudio.core.params import ParamSpec, p_bool, p_choice
from netstudio.training import data_messages as words
from netstudio.training.csv_reading import (
    Table,
    class_names,
    count_lines,
    first_rows,
    numbers,
    read_chunks,
)
from netstudio.training.csv_reading import read_table as read_table  # exported scripts copy it
from netstudio.training.loaded_data import DataError, DataFix, LoadedData, RawData, prepare
from netstudio.training.loading_progress import loading_steps
from netstudio.training.memory_budget import plan_loading, table_bytes
from netstudio.training.sources import DataSource

if TYPE_CHECKING:
    import numpy as np

    from netstudio.training.data_config import DataConfig

DELIMITERS = {",": ",", ";": ";", "tab": "\t", "|": "|"}
#: Cells read (as text) at a time, on both paths, in whole rows; one loading-progress step a
#: chunk. Their text takes ~3 MB (`memory_budget.TEXT_CELL_BYTES`).
CHUNK_CELLS = 40_000


def chunk_rows(columns: int) -> int:
    """The rows of a chunk of a table of `columns` columns."""
    return max(1, CHUNK_CELLS // max(1, columns))


def _filled(chunks: Iterator[np.ndarray], rows: int) -> np.ndarray:
    """The `chunks` (each (n, k)) one after the other in one array, made for `rows` rows (an
    upper bound: the file's lines) and filled as they come, so the numbers are never held
    twice; grown, should there be more."""
    import numpy as np

    into: np.ndarray | None = None
    at = 0
    for chunk in chunks:
        if into is None:
            into = np.empty((max(rows, len(chunk)), *chunk.shape[1:]), dtype=chunk.dtype)
        if at + len(chunk) > len(into):
            into = np.concatenate([into[:at], chunk])
        else:
            into[at : at + len(chunk)] = chunk
        at += len(chunk)
    assert into is not None  # read_chunks raises DataError for a file without rows
    return into[:at]


@dataclass(frozen=True, kw_only=True)
class CsvSource(DataSource):
    """Rows of a CSV file as feature vectors and labels (or regression targets)."""

    can_stream: bool = True

    def sample_shape(self, params: dict[str, Any], root: Path | None) -> tuple[int, ...] | None:
        """(feature columns,): from the header and the first row only."""
        path = self._path(params["file"], root)
        table = first_rows(path, DELIMITERS[params["delimiter"]], params["has_header"])
        if table is None:
            return None
        _, features = self._columns(table, params)
        return (len(features),)

    def memory_needed(self, params: dict[str, Any], root: Path | None) -> int | None:
        """Peak bytes of the preloaded path (`memory_budget.table_bytes`), from the files' line
        counts (an upper bound of their rows), the columns the settings take and the chunk size,
        without parsing the files; None when a file cannot be read, or the settings do not fit
        it (loading it says why)."""
        try:
            return self._needed(params, root, self._line_counts(params, root))
        except DataError:
            return None

    def read(self, params: dict[str, Any], root: Path | None, seed: int) -> RawData:
        return self._raw(params, root, self._line_counts(params, root))

    def load_within(
        self, params: dict[str, Any], config: DataConfig, root: Path | None, budget: int
    ) -> LoadedData:
        """Preloaded when the table fits `budget` (`memory_needed`) or streaming is off, else
        streamed (see module docstring)."""
        lines = self._line_counts(params, root)
        needed = self._needed(params, root, lines)
        plan = plan_loading(config.streaming, needed, budget, True, self.name)
        if not plan.streaming:
            data = prepare(self._raw(params, root, lines), config, source_id=self.id)
            data.loading = plan.reason
            return data
        from netstudio.training.streaming_formats import stream_splits

        path = self._path(params["file"], root)
        rows, y, classes, columns = self._read(path, params, None, None, lines, stream=True)
        test = None
        if params["test_file"]:
            test_path = self._path(params["test_file"], root)
            like = (path, columns)
            test_rows, test_y, _, _ = self._read(test_path, params, classes, like, lines, True)
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

    def _line_counts(self, params: dict[str, Any], root: Path | None) -> dict[Path, int]:
        """The data lines (`count_lines`, less the header) of the training and test files that
        are there and readable."""
        names = [params["file"], *([params["test_file"]] if params["test_file"] else [])]
        found = {}
        for path in (self._path(name, root) for name in names):
            try:
                found[path] = max(0, count_lines(path) - bool(params["has_header"]))
            except OSError:
                continue  # reading it says what is wrong
        return found

    def _needed(
        self, params: dict[str, Any], root: Path | None, lines: dict[Path, int]
    ) -> int | None:
        """`memory_needed`, with the files' data `lines` counted (`_line_counts`)."""
        path = self._path(params["file"], root)
        if path not in lines or len(lines) < 1 + bool(params["test_file"]):
            return None
        try:
            first = first_rows(path, DELIMITERS[params["delimiter"]], params["has_header"])
        except (OSError, UnicodeDecodeError):
            return None
        if first is None:
            return None
        labels, features = self._columns(first, params)
        classify = params["task"] == "classification"
        values = len(features) + (0 if classify else len(labels))  # regression targets too
        columns = len(first.columns)
        chunk = min(chunk_rows(columns), max(lines.values())) * columns
        return table_bytes(sum(lines.values()), values, chunk, stratified=classify)

    def _raw(self, params: dict[str, Any], root: Path | None, lines: dict[Path, int]) -> RawData:
        """The whole table (and the test file's) in memory, read in chunks."""
        import torch

        path = self._path(params["file"], root)
        x, y, classes, columns = self._read(path, params, None, None, lines, stream=False)
        test_x = test_y = None
        if params["test_file"]:
            test_path = self._path(params["test_file"], root)
            like = (path, columns)
            test_x, test_y, _, _ = self._read(test_path, params, classes, like, lines, False)
        return RawData(
            name=f"{self.name} {path.name}",
            task=params["task"],
            x=torch.from_numpy(x),
            y=y,
            classes=classes,
            test_x=torch.from_numpy(test_x) if test_x is not None else None,
            test_y=test_y,
        )

    def _read(
        self,
        path: Path,
        params: dict[str, Any],
        classes: list[str] | None,
        like: tuple[Path, list[str]] | None,
        lines: dict[Path, int],
        stream: bool,
    ) -> tuple[Any, Any, list[str] | None, list[str]]:
        """The feature rows of the CSV file at `path` (in memory as one float32 array, or with
        `stream` in a temporary `RowFile`), its targets, its classes (`classes`, or found in
        the file) and its columns, read in chunks (`chunk_rows`) and checked cell by cell;
        `like` is the training file and its columns, which a test file must have. `lines`
        holds its data lines, the loading progress's total."""
        import numpy as np
        import torch

        delimiter, header = DELIMITERS[params["delimiter"]], params["has_header"]
        task = params["task"]
        found: dict[str, Any] = {}
        targets: list[np.ndarray] = []  # regression targets, or each row's label code
        # A label's code: its index in `classes` when they are given, else in order of first
        # appearance (mapped to the sorted classes at the end), so no label text is kept.
        codes = {name: i for i, name in enumerate(classes)} if classes is not None else {}

        def features() -> Iterator[np.ndarray]:
            total = lines.get(path, 0)
            try:
                first = first_rows(path, delimiter, header)
            except (OSError, UnicodeDecodeError):
                first = None  # read_chunks says what is wrong with the file
            size = chunk_rows(len(first.columns) if first is not None else 1)
            with loading_steps(words.READING(name=path.name), total, "rows") as step:
                for table in read_chunks(path, delimiter, header, size):
                    if not found:
                        found["columns"] = self._same_columns(table, like)
                        found["labels"], found["features"] = self._columns(table, params)
                    x = numbers(table, found["features"])
                    if task == "regression":
                        targets.append(numbers(table, found["labels"]))
                    else:
                        targets.append(self._label_codes(table, found["labels"][0], codes, classes))
                    step(len(table.rows))
                    del table  # its text goes before the next chunk's is read
                    yield x
                step(total)  # the count was an upper bound: blank lines are no rows

        kept: Any
        if stream:
            from netstudio.training.streaming_formats import temporary_rows

            kept = temporary_rows(features(), "f4")
        else:
            kept = _filled(features(), lines.get(path, 0))
        if task == "regression":
            y = torch.from_numpy(np.concatenate(targets))
        else:
            y, classes = self._classes(np.concatenate(targets), codes, classes, path, found)
        return kept, y, classes, found["columns"]

    @staticmethod
    def _same_columns(table: Table, like: tuple[Path, list[str]] | None) -> list[str]:
        """`table`'s columns; DataError when they are not those of `like` (the training file)."""
        if like is not None and table.columns != like[1]:
            raise DataError(
                words.COLUMNS_DIFFER(
                    file=table.path.name,
                    columns=", ".join(table.columns),
                    other=like[0].name,
                    theirs=", ".join(like[1]),
                )
            )
        return table.columns

    @staticmethod
    def _label_codes(
        table: Table, column: int, codes: dict[str, int], classes: list[str] | None
    ) -> np.ndarray:
        """Each row's label code (`_read`); DataError naming an empty label, or one that is not
        among the `classes` given."""
        import numpy as np

        chunk = np.empty(len(table.rows), dtype=np.int64)
        for r, row in enumerate(table.rows):
            value = row[column].strip()
            if not value:
                raise DataError(words.LABEL_EMPTY(where=table.where(r, column)))
            code = codes.get(value)
            if code is None:
                if classes is not None:
                    where = table.where(r, column)
                    raise DataError(words.NOT_A_TRAINING_CLASS(where=where, value=value))
                code = codes[value] = len(codes)
            chunk[r] = code
        return chunk

    @staticmethod
    def _classes(
        codes_read: np.ndarray,
        codes: dict[str, int],
        classes: list[str] | None,
        path: Path,
        found: dict[str, Any],
    ) -> tuple[Any, list[str]]:
        """The class indices (int64) of the label codes read, and the classes (those given, or
        the labels found in class order: `class_names`); DataError when only one was found."""
        import numpy as np
        import torch

        if classes is not None:
            return torch.from_numpy(codes_read), classes
        classes = class_names(list(codes))
        if len(classes) < 2:
            column = found["columns"][found["labels"][0]]
            raise DataError(words.SINGLE_VALUE(file=path.name, column=column))
        index = {name: i for i, name in enumerate(classes)}
        order = np.array([index[name] for name in codes], dtype=np.int64)
        return torch.from_numpy(order[codes_read]), classes

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
