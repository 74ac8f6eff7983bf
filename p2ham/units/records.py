"""A unit record, wherever it was read from: a YAML file (:class:`p2ham.core.yamlfile.YamlRecord`) or a row of a
spreadsheet (:class:`p2ham.units.sheets.SheetRecord`). Both can say where any of their fields came from."""

from __future__ import annotations

from typing import Any, Protocol

from p2ham.core.errors import Problem
from p2ham.core.yamlfile import FieldPath, YamlRecord


class Located(Protocol):
    """A record read from some file, able to say where any of its fields came from."""

    data: Any

    def problem(self, path: FieldPath, message: str) -> Problem: ...


def source_of(record: Located) -> str:
    """The file a record came from, without working out any line number (which parses the YAML again)."""
    if isinstance(record, YamlRecord):
        return record.name
    return record.problem((), "").file
