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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from p2ham.errors import ContentError, Problem
from p2ham.units.schema import Dataset, Framework, Unit

DATA_ENV = "P2HAM_DATA"
DEFAULT_DATA_DIR = "data"
Path_ = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe YAML, fast where LibYAML is present; dates stay text so that the schema names an impossible date."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def data_dir(explicit: str | os.PathLike[str] | None = None, base: Path | None = None) -> Path:
    """The data folder: an explicit path, else $P2HAM_DATA, else ./data (relative to ``base``)."""
    chosen = explicit or os.environ.get(DATA_ENV) or DEFAULT_DATA_DIR
    path = Path(chosen)
    return path if path.is_absolute() or base is None else base / path


def display(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


class Located(Protocol):
    """A record read from some file, able to say where any of its fields came from."""

    data: Any

    def problem(self, path: Path_, message: str) -> Problem: ...


def dotted(path: Path_) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _node_lines(node: yaml.Node, path: Path_, lines: dict[Path_, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = (*path, str(key.value))
            lines[child] = key.start_mark.line + 1
            _node_lines(value, child, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, value in enumerate(node.value):
            child = (*path, index)
            lines[child] = value.start_mark.line + 1
            _node_lines(value, child, lines)


@dataclass
class YamlRecord:
    """One YAML file's content, with the line of every key, computed only when a problem needs it."""

    file: Path
    text: str
    data: Any
    _lines: dict[Path_, int] | None = field(default=None, repr=False)

    def line(self, path: Path_) -> int:
        if self._lines is None:
            self._lines = {}
            try:
                root = yaml.compose(self.text, Loader=yaml.SafeLoader)
            except yaml.YAMLError:
                root = None
            if root is not None:
                self._lines[()] = root.start_mark.line + 1
                _node_lines(root, (), self._lines)
        for end in range(len(path), -1, -1):  # the nearest key that exists: a missing field's parent
            if path[:end] in self._lines:
                return self._lines[path[:end]]
        return 1

    def problem(self, path: Path_, message: str) -> Problem:
        return Problem(display(self.file), self.line(path), dotted(path), message)


def source_of(record: Located) -> str:
    """The file a record came from, without working out any line number (which parses the YAML again)."""
    if isinstance(record, YamlRecord):
        return display(record.file)
    return record.problem((), "").file


def read_text(path: Path, not_utf8: str = "not UTF-8 text: save the file as UTF-8") -> tuple[str | None,
                                                                                           list[Problem]]:
    """A file's text as UTF-8 (a byte-order mark is allowed), or the problem, naming the line of a bad byte."""
    name = display(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(name, 0, "", f"cannot read: {exc.strerror or exc}")]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        return None, [Problem(name, raw[: exc.start].count(b"\n") + 1, "", not_utf8)]


def parse_yaml(name: str, text: str, loader: type = _Loader) -> tuple[Any, list[Problem]]:
    """YAML text read with `loader`; a syntax error becomes a problem at its line."""
    try:
        return yaml.load(text, Loader=loader), []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return None, [Problem(name, mark.line + 1 if mark else 1, "", f"YAML syntax: {problem}")]


def read_yaml_file(path: Path) -> tuple[YamlRecord | None, list[Problem]]:
    name = display(path)
    text, problems = read_text(path)
    if text is None:
        return None, problems
    if not text.strip():
        return None, [Problem(name, 1, "", "the file is empty")]
    data, problems = parse_yaml(name, text)
    if problems:
        return None, problems
    if not isinstance(data, dict):
        return None, [Problem(name, 1, "", "expected a mapping of fields (name: value)")]
    return YamlRecord(file=path, text=text, data=data), []


def _message(error: ErrorDetails) -> str:
    kind = error["type"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field"
    if kind == "literal_error":
        return f"must be one of {error['ctx']['expected']}, not {error['input']!r}"
    if kind == "string_pattern_mismatch":
        return f"{error['input']!r} must be lowercase letters, digits and hyphens"
    if kind.startswith("date"):
        return f"{error['input']!r} is not a real date (write YYYY-MM-DD): {error['msg'].split(', ', 1)[-1]}"
    return str(error["msg"])


def validate(model: type[M], record: Located) -> tuple[M | None, list[Problem]]:
    """The record as a model, or every schema problem with its place."""
    try:
        return model.model_validate(record.data), []
    except ValidationError as exc:
        return None, [record.problem(tuple(error["loc"]), _message(error)) for error in exc.errors()]


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


def _duplicates(items: Iterable[tuple[str, Path_]], record: Located, what: str) -> list[Problem]:
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

    def unknown(path: Path_, kind: str, value: object, known: set[str]) -> None:
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


SheetReader = Callable[[Path], tuple[list[Located], list[Problem]]]


def unit_records(folder: Path) -> tuple[list[tuple[Located, str | None]], list[Problem]]:
    """Every unit record in the folder: YAML files (with the id their name implies) and spreadsheets."""
    from p2ham.units import sheets  # spreadsheets are optional; their reader lives on its own

    records: list[tuple[Located, str | None]] = []
    problems: list[Problem] = []
    units_dir = folder / "units"
    if units_dir.is_dir():
        for path in sorted(units_dir.iterdir()):
            if path.suffix in (".yml", ".yaml") and path.is_file():
                record, found = read_yaml_file(path)
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
    framework_record, found = read_yaml_file(folder / "framework.yml")
    problems += found
    if framework_record is not None:
        framework, found = validate(Framework, framework_record)
        problems += found
        if framework is not None:
            problems += check_framework(framework, framework_record)
    dataset_record, found = read_yaml_file(folder / "dataset.yml")
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
    if not records and not problems:
        problems.append(Problem(display(folder / "units"), 0, "", "no unit found"))
    if problems:
        raise ContentError(problems)
    assert framework is not None and dataset is not None
    return UnitData(framework=framework, dataset=dataset, units=sorted((u for u, _ in units), key=lambda u: u.id),
                    sources=sources)
