"""Units kept in a spreadsheet: ``units.xlsx`` (four sheets) or a ``units-csv/`` folder (four CSV files).

Both hold the same four tables; the first non-empty row of each names its columns:

- ``units``: id, name_id, name_en, type, parent, region, stage, predicate_year, predicate_decree
- ``indicators``: unit_id, indicator, status, note, date
- ``history``: unit_id, year, stage, result, decree
- ``actions``: unit_id, action_id, action_en (one next action per row, in order)

Only ``units`` is required. Each unit becomes one record whose ``data`` is shaped exactly like a ``units/<id>.yml``
file, so that :mod:`p2ham.units.load` validates both alike; every field remembers the cell it came from, and a
problem reads ``data/units.xlsx:7: sheet units, column stage: message`` (a CSV file:
``data/units-csv/units.csv:7: column stage: message``). Row numbers are those the spreadsheet program shows; a field
whose column is missing points at the header row. See DATA.md for the layout as office staff read it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from p2ham.core.errors import Problem, display
from p2ham.core.yamlfile import FieldPath, read_text
from p2ham.units.records import Located

XLSX_NAME = "units.xlsx"
CSV_DIR_NAME = "units-csv"
UNITS = "units"
TABLES: dict[str, tuple[str, ...]] = {
    UNITS: ("id", "name_id", "name_en", "type", "parent", "region", "stage", "predicate_year", "predicate_decree"),
    "indicators": ("unit_id", "indicator", "status", "note", "date"),
    "history": ("unit_id", "year", "stage", "result", "decree"),
    "actions": ("unit_id", "action_id", "action_en"),
}
# Columns every table must have: without one, each row would repeat the same problem, so it is reported once
REQUIRED: dict[str, tuple[str, ...]] = {
    UNITS: ("id", "name_id", "name_en", "type", "region", "stage"),
    "indicators": ("unit_id", "indicator", "status"),
    "history": ("unit_id", "year", "stage"),
    "actions": ("unit_id", "action_id", "action_en"),
}
INT_COLUMNS = frozenset({"year", "predicate_year"})
_WHOLE_NUMBER = re.compile(r"[+-]?\d+(?:\.0*)?")
# column -> field of the unit (units table) or of one entry (other tables)
_FIELDS: dict[str, dict[str, FieldPath]] = {
    UNITS: {"id": ("id",), "name_id": ("name", "id"), "name_en": ("name", "en"), "type": ("type",),
            "parent": ("parent",), "region": ("region",), "stage": ("stage",),
            "predicate_year": ("predicate", "year"), "predicate_decree": ("predicate", "decree")},
    "indicators": {"status": ("status",), "note": ("note",), "date": ("date",)},
    "history": {"year": ("year",), "stage": ("stage",), "result": ("result",), "decree": ("decree",)},
    "actions": {"action_id": ("id",), "action_en": ("en",)},
}


@dataclass(frozen=True)
class Place:
    """Where a field came from, as a problem names it."""

    file: str
    line: int
    field: str


@dataclass
class SheetRecord:
    """One unit read from a spreadsheet: its data, and the cell every field of it came from."""

    data: dict[str, Any]
    places: dict[FieldPath, Place] = field(default_factory=dict, repr=False)

    def problem(self, path: FieldPath, message: str) -> Problem:
        for end in range(len(path), -1, -1):  # the nearest field that has a place; () is the unit's row
            place = self.places.get(path[:end])
            if place is not None:
                return Problem(place.file, place.line, place.field, message)
        raise KeyError(path)  # pragma: no cover - every record has the place of its row


@dataclass
class Table:
    """One sheet or CSV file: its columns and its non-empty rows, cells cleaned and empty cells left out."""

    name: str  # units, indicators, history or actions
    file: str  # as problems show it
    sheet: str | None  # the sheet's name in a workbook; None for a CSV file
    header_line: int = 0
    columns: set[str] = field(default_factory=set)
    rows: list[tuple[int, dict[str, Any]]] = field(default_factory=list)

    def label(self, column: str | None) -> str:
        """The field part of a problem: 'sheet units, column stage', or 'column stage' in a CSV file."""
        parts = [f"sheet {self.sheet}"] if self.sheet is not None else []
        if column is not None:
            parts.append(f"column {column}")
        return ", ".join(parts)

    def place(self, line: int, column: str | None = None) -> Place:
        """A cell of a row (the whole row when column is None); the header row when the table lacks that column."""
        if column is not None and column not in self.columns:
            line = self.header_line
        return Place(self.file, line, self.label(column))

    def problem(self, line: int, column: str | None, message: str) -> Problem:
        place = self.place(line, column)
        return Problem(place.file, place.line, place.field, message)

    def where(self) -> str:
        """How a message names this table: 'sheet units' or 'units.csv'."""
        return f"sheet {self.sheet}" if self.sheet is not None else f"{self.name}.csv"


def clean(value: Any, column: str) -> Any:
    """A cell's value as a unit YAML file would hold it; None for an empty cell."""
    if value is None:
        return None
    if isinstance(value, str):
        value = value.strip()
        if not value:
            return None
        if column in INT_COLUMNS and _WHOLE_NUMBER.fullmatch(value):
            return int(value.split(".", 1)[0])
        return value
    if isinstance(value, dt.datetime):  # before dt.date: a datetime is a date too
        return value.date().isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # whole numbers may be stored as floats: 2023.0 is 2023
    if isinstance(value, int | float) and column not in INT_COLUMNS:
        return str(value)  # a decree number or a note Excel took for a number is text, as the schema expects
    return value


def read_table(name: str, file: str, sheet: str | None, rows: Iterable[tuple[int, list[Any]]],
               column_label: Callable[[int], str] = str) -> tuple[Table | None, list[Problem]]:
    """A table from raw rows (row number, cell values): the header from the first non-empty row, then data rows.

    None when the table is empty or lacks a column it needs (reported once, at the header row).
    ``column_label`` names a column by its 1-based position, for a value in a column without a header.
    """
    table = Table(name=name, file=file, sheet=sheet)
    problems: list[Problem] = []
    known = TABLES[name]
    by_position: dict[int, str] = {}
    ignored: set[int] = set()  # columns with an unknown header: reported once, at the header
    for line, cells in rows:
        texts = [None if cell is None else (str(cell).strip() or None) for cell in cells]
        if not any(texts):
            continue
        if not table.header_line:
            table.header_line = line
            for position, header in enumerate(texts):
                if header is None:
                    continue
                if header not in known:
                    problems.append(table.problem(line, header, f"unknown column '{header}': the columns of "
                                                                f"{table.where()} are {', '.join(known)}"))
                    ignored.add(position)
                elif header in table.columns:
                    problems.append(table.problem(line, header, "this column appears twice"))
                    ignored.add(position)
                else:
                    table.columns.add(header)
                    by_position[position] = header
            continue
        values: dict[str, Any] = {}
        for position, cell in enumerate(cells):
            column = by_position.get(position)
            if column is not None:
                value = clean(cell, column)
                if value is not None:
                    values[column] = value
            elif texts[position] is not None and position not in ignored:
                problems.append(Problem(file, line, table.label(column_label(position + 1)),
                                        "a value in a column that has no name in the header row"))
        table.rows.append((line, values))
    if not table.header_line:
        if name == UNITS:
            problems.append(Problem(file, 0, table.label(None), f"{table.where()} is empty: its first row names "
                                                                f"the columns {', '.join(known)}"))
        return None, problems
    missing = [column for column in REQUIRED[name] if column not in table.columns]
    for column in missing:
        problems.append(table.problem(table.header_line, column, f"missing column: {table.where()} needs the "
                                                                 f"columns {', '.join(REQUIRED[name])}"))
    return (None if missing else table), problems


def _unit_record(units: Table, line: int, values: dict[str, Any]) -> SheetRecord:
    places: dict[FieldPath, Place] = {(): units.place(line), ("name",): units.place(line, "name_id"),
                                  ("predicate",): units.place(line, "predicate_year")}
    for column, path in _FIELDS[UNITS].items():
        places[path] = units.place(line, column)
    data: dict[str, Any] = {}
    if "id" in values:
        data["id"] = values["id"]
    data["name"] = {key: values[column] for key, column in (("id", "name_id"), ("en", "name_en")) if column in values}
    for key in ("type", "parent", "region", "stage"):
        if key in values:
            data[key] = values[key]
    predicate = {key: values[column] for key, column in (("year", "predicate_year"), ("decree", "predicate_decree"))
                 if column in values}
    if predicate:
        data["predicate"] = predicate
    data.update(history=[], indicators={}, next_actions=[])
    return SheetRecord(data=data, places=places)


def build_records(tables: dict[str, Table]) -> tuple[list[Located], list[Problem]]:
    """One record per row of the units table, with its indicators, history and next actions."""
    units = tables[UNITS]
    records: list[Located] = []
    by_id: dict[str, SheetRecord] = {}  # the first unit of each id: a duplicate is reported by the loader
    for line, values in units.rows:
        record = _unit_record(units, line, values)
        records.append(record)
        unit_id = values.get("id")
        if isinstance(unit_id, str):
            by_id.setdefault(unit_id, record)
    problems: list[Problem] = []
    for name in ("indicators", "history", "actions"):
        table = tables.get(name)
        if table is None:
            continue
        for line, values in table.rows:
            unit_id = values.get("unit_id")
            found = by_id.get(unit_id) if isinstance(unit_id, str) else None
            if unit_id is None:
                problems.append(table.problem(line, "unit_id", "empty: write the id of the unit this row is for"))
                continue
            if found is None:
                problems.append(table.problem(line, "unit_id", f"no unit '{unit_id}' in {units.where()}"))
                continue
            problems += _add_row(found, table, line, values)
    return records, problems


def _add_row(record: SheetRecord, table: Table, line: int, values: dict[str, Any]) -> list[Problem]:
    columns = _FIELDS[table.name]
    entry = {path[0]: values[column] for column, path in columns.items() if column in values}
    if table.name == "indicators":
        indicator = values.get("indicator")
        if indicator is None:
            return [table.problem(line, "indicator", "empty: write an indicator id from framework.yml")]
        indicator = str(indicator)
        first = record.places.get(("indicators", indicator))
        if first is not None:
            return [table.problem(line, "indicator", f"indicator '{indicator}' appears twice for unit "
                                                     f"'{values['unit_id']}' (first on row {first.line})")]
        record.data["indicators"][indicator] = entry
        base: FieldPath = ("indicators", indicator)
        record.places[base] = table.place(line, "indicator")
    else:
        key = "history" if table.name == "history" else "next_actions"
        base = (key, len(record.data[key]))
        record.data[key].append(entry)
        record.places[base] = table.place(line)
    for column, path in columns.items():
        record.places[(*base, *path)] = table.place(line, column)
    return []


def _workbook_rows(path: Path) -> tuple[list[str], dict[str, list[tuple[int, list[Any]]]]]:
    """The workbook's sheet names, and the numbered rows of the sheets named like a table; raises if damaged."""
    import openpyxl  # only when there is a workbook to read

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheets: dict[str, list[tuple[int, list[Any]]]] = {}
        for sheet_name in workbook.sheetnames:
            if sheet_name in TABLES:
                sheet = workbook[sheet_name]
                sheet.reset_dimensions()  # some programs write a wrong size: read every row there is
                sheets[sheet_name] = [(line, list(cells))
                                      for line, cells in enumerate(sheet.iter_rows(values_only=True), start=1)]
        return list(workbook.sheetnames), sheets
    finally:
        workbook.close()


def read_xlsx(path: Path) -> tuple[list[Located], list[Problem]]:
    """The units of a workbook with the sheets units, and optionally indicators, history and actions."""
    from openpyxl.utils import get_column_letter

    name = display(path)
    try:
        with warnings.catch_warnings():  # e.g. "Data Validation extension is not supported": nothing to act on
            warnings.simplefilter("ignore", UserWarning)
            sheet_names, sheets = _workbook_rows(path)
    except Exception as exc:  # a damaged file raises anything (zip, XML, KeyError...), also while rows are parsed
        reason = str(exc).strip() or type(exc).__name__
        return [], [Problem(name, 0, "", f"cannot read this Excel workbook ({reason}): open it in Excel or "
                                         "LibreOffice and save it again as .xlsx")]
    problems: list[Problem] = []
    for sheet_name in sheet_names:
        if sheet_name not in TABLES and sheet_name.strip().lower() in TABLES:
            problems.append(Problem(name, 0, f"sheet {sheet_name}",
                                    f"rename the sheet '{sheet_name.strip().lower()}', exactly"))
        # other sheets (notes, instructions) are the office's own
    if UNITS not in sheets:
        problems.append(Problem(name, 0, "", f"no sheet named '{UNITS}' (the workbook has "
                                             f"{', '.join(sheet_names) or 'no sheets'}): it lists the units"))
    tables: dict[str, Table] = {}
    for sheet_name, rows in sheets.items():
        table, found = read_table(sheet_name, name, sheet_name, rows, get_column_letter)
        problems += found
        if table is not None:
            tables[sheet_name] = table
    return _units(tables, problems)


def _units(tables: dict[str, Table], problems: list[Problem]) -> tuple[list[Located], list[Problem]]:
    """The unit records of the tables read, with every problem met; none without a units table."""
    if UNITS not in tables:
        return [], problems
    records, found = build_records(tables)
    return records, problems + found


def _csv_rows(path: Path) -> tuple[list[tuple[int, list[Any]]] | None, list[Problem]]:
    """A CSV file's rows, numbered as a spreadsheet program shows them; UTF-8, comma or semicolon."""
    name = display(path)
    text, problems = read_text(path, "not UTF-8 text: in Excel, save as 'CSV UTF-8 (Comma delimited)'")
    if text is None:
        return None, problems
    header = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if header.count(";") > header.count(",") else ","  # Excel in Indonesian saves with ';'
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[Any]]] = []
    try:
        for cells in reader:
            rows.append((len(rows) + 1, list(cells)))
    except csv.Error as exc:
        return None, [Problem(name, reader.line_num, "", f"CSV syntax: {exc}")]
    return rows, []


def read_csv_folder(folder: Path) -> tuple[list[Located], list[Problem]]:
    """The units of a folder with units.csv, and optionally indicators.csv, history.csv and actions.csv."""
    problems: list[Problem] = []
    expected = [f"{name}.csv" for name in TABLES]
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() == ".csv" and path.name not in expected:
            problems.append(Problem(display(path), 0, "", f"unknown file: this folder holds {', '.join(expected)}"))
    tables: dict[str, Table] = {}
    for name in TABLES:
        path = folder / f"{name}.csv"
        if not path.is_file():
            if name == UNITS:
                problems.append(Problem(display(path), 0, "", "file not found: it lists the units, one a row"))
            continue
        rows, found = _csv_rows(path)
        problems += found
        if rows is None:
            continue
        table, found = read_table(name, display(path), None, rows)
        problems += found
        if table is not None:
            tables[name] = table
    return _units(tables, problems)


def read_all(folder: Path) -> Iterator[tuple[list[Located], list[Problem]]]:
    """Records from ``units.xlsx`` and ``units-csv/`` in the folder, each with the problems met reading it."""
    workbook = folder / XLSX_NAME
    if workbook.exists():
        yield read_xlsx(workbook)
    csv_dir = folder / CSV_DIR_NAME
    if csv_dir.is_dir():
        yield read_csv_folder(csv_dir)
    elif csv_dir.exists():
        yield [], [Problem(display(csv_dir), 0, "", f"should be a folder holding {', '.join(TABLES)} as .csv files")]
