"""The one YAML reader: every YAML file and every page's front matter is read here, and every problem found in
one names its file, line and field.

- :class:`Loader` is safe YAML (LibYAML's fast parser where installed) in which a date (``2026-11-28``) and a clock
  time (``08:00``) stay text, so that the checks can name an impossible date or read a time as written (YAML 1.1
  would read an unquoted ``12:15`` as the number 735).
- :class:`YamlRecord` is a file's text and data; it finds the line of any field (``("formats", 0, "end")``) from
  YAML's own node tree, only when a problem needs it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from p2ham.core.errors import Problem, display

FieldPath = tuple[str | int, ...]


class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe YAML, fast where LibYAML is present; dates and clock times stay text."""


Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))
Loader.yaml_implicit_resolvers = {first: list(resolvers)
                                  for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
for _digit in "0123456789":
    Loader.yaml_implicit_resolvers.setdefault(_digit, []).insert(
        0, ("tag:yaml.org,2002:str", re.compile(r"^[0-9]{1,2}:[0-9]{2}$")))


def dotted(path: FieldPath) -> str:
    """A field's path as problems name it: ``formats[0].end``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _node_lines(node: yaml.Node, path: FieldPath, lines: dict[FieldPath, int]) -> None:
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
    """One YAML text's data, read from ``file`` where it starts at ``first_line`` (2 for front matter)."""

    file: Path
    text: str
    data: Any
    first_line: int = 1
    _lines: dict[FieldPath, int] | None = field(default=None, repr=False)

    @property
    def name(self) -> str:
        return display(self.file)

    def line(self, path: FieldPath) -> int:
        """The line of a field, or of its nearest parent that exists (a missing field's mapping)."""
        if self._lines is None:
            self._lines = {}
            try:
                root = yaml.compose(self.text, Loader=Loader)  # the nodes' lines
            except yaml.YAMLError:
                root = None
            if root is not None:
                self._lines[()] = root.start_mark.line + 1
                _node_lines(root, (), self._lines)
        for end in range(len(path), -1, -1):
            if path[:end] in self._lines:
                return self._lines[path[:end]] + self.first_line - 1
        return self.first_line

    def problem(self, path: FieldPath, message: str) -> Problem:
        return Problem(self.name, self.line(path), dotted(path), message)

    def unknown_keys(self, data: Mapping[Any, Any], path: FieldPath, known: Sequence[str],
                     hint: str = "") -> list[Problem]:
        """A problem for each key of the mapping ``data`` (found at ``path``) that is not in ``known``, at its line;
        the message names the known keys, or says ``hint`` instead (": the languages are id, en")."""
        return [self.problem((*path, key), f"unknown key{hint or ': the keys are ' + ', '.join(known)}")
                for key in sorted(set(map(str, data)) - set(known))]


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


def parse(path: Path, text: str, first_line: int = 1) -> tuple[YamlRecord | None, list[Problem]]:
    """YAML text found in ``path`` at ``first_line``; a syntax error becomes a problem at its line."""
    try:
        data = yaml.load(text, Loader=Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        line = first_line + mark.line if mark is not None else first_line
        return None, [Problem(display(path), line, "", f"YAML syntax: {problem}")]
    return YamlRecord(file=path, text=text, data=data, first_line=first_line), []


def load(path: Path) -> tuple[YamlRecord | None, list[Problem]]:
    """A YAML file, read and parsed (its data may be anything, None for an empty file), or its problems."""
    text, problems = read_text(path)
    if text is None:
        return None, problems
    return parse(path, text)


def load_mapping(path: Path) -> tuple[YamlRecord | None, list[Problem]]:
    """A YAML file that must hold a mapping of fields (``name: value``)."""
    record, problems = load(path)
    if record is None:
        return None, problems
    if not record.text.strip():
        return None, [Problem(record.name, 1, "", "the file is empty")]
    if not isinstance(record.data, dict):
        return None, [Problem(record.name, 1, "", "expected a mapping of fields (name: value)")]
    return record, []
