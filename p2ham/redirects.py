"""Redirects for moved addresses, kept in one YAML file: old path -> new path, made in every language."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from p2ham.errors import ContentError, Problem
from p2ham.frontmatter import key_lines, read_yaml

ADDRESS = re.compile(r"^(?:[a-z0-9][a-z0-9._-]*/)+$")


@dataclass(frozen=True)
class Redirect:
    old: str  # e.g. "modul/", without the language prefix
    new: str
    line: int


def load_redirects(path: Path) -> list[Redirect]:
    """Read and check the redirects file: addresses are folder paths ending in '/', none redirects to itself."""
    name = str(path)
    if not path.exists():
        return []
    data, problems = read_yaml(path)
    if problems:
        raise ContentError(problems)
    if data is None:
        return []
    if not isinstance(data, dict):
        raise ContentError([Problem(name, 1, "", "expected a mapping of old address: new address")])
    lines = key_lines(path.read_text(encoding="utf-8"))
    redirects = []
    for old, new in data.items():
        line = lines.get(str(old), 1)
        for field, value in (("old address", old), ("new address", new)):
            if not isinstance(value, str) or not ADDRESS.match(value):
                problems.append(Problem(name, line, str(old), f"{field} {value!r} must look like 'folder/page/' "
                                                              "(lowercase, no leading slash, ending in '/')"))
        if old == new:
            problems.append(Problem(name, line, str(old), "redirects to itself"))
        if not problems:
            redirects.append(Redirect(str(old), str(new), line))
    if problems:
        raise ContentError(problems)
    return redirects
