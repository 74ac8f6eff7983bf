"""Data checked against a schema (a pydantic model): every problem with the file, line and field it is about."""

from __future__ import annotations

from typing import Any, Protocol, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from p2ham.core.errors import Problem
from p2ham.core.yamlfile import FieldPath

M = TypeVar("M", bound=BaseModel)


class Located(Protocol):
    """Data read from some file, able to say where any of its fields came from (a YAML file, a spreadsheet row)."""

    data: Any

    def problem(self, path: FieldPath, message: str) -> Problem: ...


def message(error: ErrorDetails) -> str:
    """A schema problem in words an office's staff read."""
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
        return None, [record.problem(tuple(error["loc"]), message(error)) for error in exc.errors()]
