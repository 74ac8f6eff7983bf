"""A unit record, wherever it was read from: a YAML file (:class:`p2ham.core.yamlfile.YamlRecord`) or a row of a
spreadsheet (:class:`p2ham.units.sheets.SheetRecord`). Both can say where any of their fields came from."""

from __future__ import annotations

from p2ham.core.schema import Located
from p2ham.core.yamlfile import YamlRecord

__all__ = ["Located", "source_of"]


def source_of(record: Located) -> str:
    """The file a record came from, without working out any line number (which parses the YAML again)."""
    if isinstance(record, YamlRecord):
        return record.name
    return record.problem((), "").file
