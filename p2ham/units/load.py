"""Reading and checking the unit data folder. Every problem is found and reported at once, as
``file:line: field: problem``, before anything is built; nothing here raises a Python traceback at the user.

Folder layout (``data/`` by default; ``P2HAM_DATA`` points elsewhere):

- ``framework.yml``: criteria with indicators, stages, results, unit types (see :class:`schema.Framework`)
- ``dataset.yml``: the office, the date the data is "as of", the target, whether it is a sample
- ``units/<id>.yml``: one file per unit (see :class:`schema.Unit`)
- optionally ``units.xlsx`` or ``units-csv/*.csv``: units kept in a spreadsheet (see :mod:`p2ham.units.sheets`)
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from p2ham.core.errors import ContentError, Problem, display
from p2ham.core.schema import validate
from p2ham.core.yamlfile import FieldPath, load_mapping
from p2ham.units import sheets
from p2ham.units.records import Located, source_of
from p2ham.units.schema import Dataset, Framework, Unit

DATA_ENV = "P2HAM_DATA"
DEFAULT_DATA_DIR = "data"


def data_dir(explicit: str | os.PathLike[str] | None = None, base: Path | None = None) -> Path:
    """The data folder: an explicit path, else $P2HAM_DATA, else ./data (relative to ``base``)."""
    chosen = explicit or os.environ.get(DATA_ENV) or DEFAULT_DATA_DIR
    path = Path(chosen)
    return path if path.is_absolute() or base is None else base / path


@dataclass
class UnitData:
    """Everything the pages are built from, checked."""

    framework: Framework
    dataset: Dataset
    units: list[Unit]
    sources: dict[str, str]  # unit id -> the file it came from
    _by_id: dict[str, Unit] = field(default_factory=dict, repr=False)

    def unit(self, unit_id: str) -> Unit:
        """A unit by its id (the data was checked: every parent exists)."""
        if not self._by_id:
            self._by_id.update((unit.id, unit) for unit in self.units)
        return self._by_id[unit_id]


def _duplicates(items: Iterable[tuple[str, FieldPath]], record: Located, what: str) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for item_id, path in items:
        if item_id in seen:
            problems.append(record.problem(path, f"duplicate {what} id '{item_id}'"))
        seen.add(item_id)
    return problems


def check_framework(framework: Framework, record: Located) -> list[Problem]:
    problems = []
    problems += _duplicates(((s.id, ("stages", i, "id")) for i, s in enumerate(framework.stages)), record, "stage")
    problems += _duplicates(((r.id, ("results", i, "id")) for i, r in enumerate(framework.results)), record, "result")
    problems += _duplicates(((t.id, ("unit_types", i, "id")) for i, t in enumerate(framework.unit_types)), record,
                            "unit type")
    problems += _duplicates(((c.id, ("criteria", i, "id")) for i, c in enumerate(framework.criteria)), record,
                            "criterion")
    problems += _duplicates(((ind.id, ("criteria", i, "indicators", j, "id"))
                             for i, c in enumerate(framework.criteria) for j, ind in enumerate(c.indicators)),
                            record, "indicator")
    return problems


def check_unit(raw: Any, record: Located, framework: Framework, expected_id: str | None) -> list[Problem]:
    """Framework rules on a unit's raw fields. Works on the raw record, so that a unit with a schema problem
    elsewhere still gets these problems reported in the same run; values of the wrong kind are left to the schema.
    """
    if not isinstance(raw, dict):
        return []
    stages = {s.id for s in framework.stages}
    results = {r.id for r in framework.results}
    types = {t.id for t in framework.unit_types}
    indicators = {i.id for c in framework.criteria for i in c.indicators}
    problems = []

    def unknown(path: FieldPath, kind: str, value: object, known: set[str]) -> None:
        if isinstance(value, str) and value not in known:
            problems.append(record.problem(path, f"unknown {kind} '{value}': the framework lists "
                                                 f"{', '.join(sorted(known))}"))

    unit_id = raw.get("id")
    if expected_id is not None and isinstance(unit_id, str) and unit_id != expected_id:
        problems.append(record.problem(("id",), f"'{unit_id}' differs from the file name '{expected_id}'"))
    unknown(("type",), "unit type", raw.get("type"), types)
    unknown(("stage",), "stage", raw.get("stage"), stages)
    history = raw.get("history")
    years: set[object] = set()
    for index, entry in enumerate(history if isinstance(history, list) else []):
        if not isinstance(entry, dict):
            continue
        unknown(("history", index, "stage"), "stage", entry.get("stage"), stages)
        unknown(("history", index, "result"), "result", entry.get("result"), results)
        year = entry.get("year")
        if year is not None and year in years:
            problems.append(record.problem(("history", index, "year"), f"year {year} appears twice"))
        years.add(year)
    states = raw.get("indicators")
    for indicator in states if isinstance(states, dict) else {}:
        unknown(("indicators", str(indicator)), "indicator", str(indicator), indicators)
    return problems


def check_units(units: list[tuple[Unit, Located]]) -> list[Problem]:
    """Rules across units: unique ids, known parents, no unit its own ancestor."""
    problems = []
    first: dict[str, str] = {}
    for unit, record in units:
        if unit.id in first:
            problems.append(record.problem(("id",), f"duplicate unit id '{unit.id}', also in {first[unit.id]}"))
        else:
            first[unit.id] = source_of(record)
    parents = {unit.id: unit.parent for unit, _ in units}
    for unit, record in units:
        if unit.parent is None:
            continue
        if unit.parent not in parents:
            problems.append(record.problem(("parent",), f"unknown parent '{unit.parent}': no unit has that id"))
            continue
        seen: set[str] = {unit.id}
        current: str | None = unit.parent
        while current is not None and current not in seen:
            seen.add(current)
            current = parents.get(current)
        if current == unit.id:
            problems.append(record.problem(("parent",), "the parent chain leads back to this unit"))
    return problems


def unit_records(folder: Path) -> tuple[list[tuple[Located, str | None]], list[Problem]]:
    """Every unit record in the folder: YAML files (with the id their name implies) and spreadsheets."""
    records: list[tuple[Located, str | None]] = []
    problems: list[Problem] = []
    units_dir = folder / "units"
    if units_dir.is_dir():
        for path in sorted(units_dir.iterdir()):
            if path.suffix in (".yml", ".yaml") and path.is_file():
                record, found = load_mapping(path)
                problems += found
                if record is not None:
                    records.append((record, path.stem))
            elif path.is_file() and not path.name.startswith("."):
                problems.append(Problem(display(path), 0, "", "not a unit file: unit files end in .yml"))
    for reader_records, found in sheets.read_all(folder):
        problems += found
        records += [(record, None) for record in reader_records]
    return records, problems


def load_data(folder: Path) -> UnitData:
    """Read and check the whole data folder; raise ContentError with every problem found."""
    problems: list[Problem] = []
    if not folder.is_dir():
        raise ContentError([Problem(display(folder), 0, "", "data folder not found (set P2HAM_DATA or create it)")])
    framework = dataset = None
    framework_record, found = load_mapping(folder / "framework.yml")
    problems += found
    if framework_record is not None:
        framework, found = validate(Framework, framework_record)
        problems += found
        if framework is not None:
            problems += check_framework(framework, framework_record)
    dataset_record, found = load_mapping(folder / "dataset.yml")
    problems += found
    if dataset_record is not None:
        dataset, found = validate(Dataset, dataset_record)
        problems += found
    records, found = unit_records(folder)
    problems += found
    units: list[tuple[Unit, Located]] = []
    sources: dict[str, str] = {}
    for record, expected_id in records:
        unit, found = validate(Unit, record)
        problems += found
        if framework is not None:
            problems += check_unit(record.data, record, framework, expected_id)
        if unit is None:
            continue
        units.append((unit, record))
        sources.setdefault(unit.id, source_of(record))
    problems += check_units(units)
    if not records and not problems and not (folder / "units").is_dir():
        # An office starting out has a units/ folder with no unit yet; no folder at all is a wrong data folder.
        problems.append(Problem(display(folder / "units"), 0, "", "no unit found: add units/<id>.yml files or a "
                                                                  "units.xlsx workbook (DATA.md)"))
    if problems:
        raise ContentError(problems)
    assert framework is not None and dataset is not None
    return UnitData(framework=framework, dataset=dataset, units=sorted((u for u, _ in units), key=lambda u: u.id),
                    sources=sources)


def signature(folder: Path) -> tuple[object, ...]:
    """What identifies the data folder's content cheaply: every file's path, size and modification time."""
    if not folder.is_dir():
        return (str(folder),)
    return (str(folder.resolve()), *sorted((str(p), st.st_size, st.st_mtime_ns)
                                           for p in folder.rglob("*") if p.is_file() for st in (p.stat(),)))


class DataCache:
    """The checked data of a folder, read again only when a file in it changed (by :func:`signature`): the builds
    of every language, and ``serve``'s rebuilds after a page was saved, reuse it."""

    def __init__(self) -> None:
        self._key: tuple[object, ...] | None = None
        self._data: UnitData | None = None

    def load(self, folder: Path) -> UnitData:
        key = signature(folder)
        if key != self._key or self._data is None:
            self._data, self._key = None, None
            self._data = load_data(folder)  # raises ContentError: nothing is cached then
            self._key = key
        return self._data
