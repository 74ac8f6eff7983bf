"""Reading YAML front matter and YAML files with line numbers for error messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from p2ham.errors import Problem

FENCE = "---"


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Return (front matter YAML, body, line number where the body starts)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != FENCE:
        return "", text, 1
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() in (FENCE, "..."):
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), index + 2
    return "", text, 1


def read_yaml(path: Path, text: str | None = None, first_line: int = 1) -> tuple[Any, list[Problem]]:
    """Parse YAML from ``path`` (or ``text`` found in it at ``first_line``); problems instead of exceptions."""
    name = str(path)
    try:
        source = path.read_text(encoding="utf-8") if text is None else text
    except UnicodeDecodeError:
        return None, [Problem(name, 0, "", "not UTF-8 text")]
    except OSError as exc:
        return None, [Problem(name, 0, "", f"cannot read: {exc.strerror or exc}")]
    try:
        return yaml.load(source, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)), []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        return None, [Problem(name, line, "", f"invalid YAML: {getattr(exc, 'problem', None) or exc}")]


def key_lines(text: str, first_line: int = 1) -> dict[str, int]:
    """Line of each top-level key of a YAML mapping, found through YAML's node tree."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return {}
    if not isinstance(root, yaml.MappingNode):
        return {}
    return {str(k.value): first_line + k.start_mark.line for k, _ in root.value}
