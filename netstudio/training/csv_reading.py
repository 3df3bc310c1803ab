"""Reading a CSV file's rows as text, and its cells as numbers: the whole file
(`read_table`, which an exported script copies too), or chunk by chunk (`read_chunks`); the
first row alone (`first_rows`); and its lines counted without parsing it (`count_lines`).

A cell that is not a number (or is empty, or not finite) is a `DataError` naming the file,
line and column (`numbers`); a row with another number of values than the header names the
line and the columns.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from netstudio.training import data_messages as words
from netstudio.training.loaded_data import DataError, DataFix

if TYPE_CHECKING:
    import numpy as np


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


def first_rows(path: Path, delimiter: str, has_header: bool) -> Table | None:
    """The header (when there is one) and the first data row of the CSV file at `path`, read
    without reading the rest; None when the file has no data row."""
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            for header, row, line in _rows(handle, delimiter, has_header):
                return Table(path, _columns(header, row), [row], [line])
    except csv.Error:
        return None  # loading the file says what is wrong with it
    return None


def count_lines(path: Path) -> int:
    """The lines of the file at `path` (a last line without a line break counts), read as bytes
    in blocks: an upper bound of its rows for the memory plan and the loading progress, at a
    small share of the time parsing it takes. OSError when it cannot be read."""
    newlines = returns = 0
    last = b""
    with open(path, "rb") as handle:
        while block := handle.read(2**20):
            newlines += block.count(b"\n")
            if not newlines:  # perhaps old Mac line breaks ("\r" alone)
                returns += block.count(b"\r")
            last = block[-1:]
    return (newlines or returns) + (last not in (b"\n", b"\r", b""))


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
