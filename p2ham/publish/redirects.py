"""Redirects for moved addresses, kept in one YAML file: old path -> new path, made in every language."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from p2ham.core.errors import ContentError, Problem
from p2ham.core.yamlfile import load

REDIRECTS_FILE = "content/redirects.yml"
ADDRESS = re.compile(r"^(?:[a-z0-9][a-z0-9._-]*/)+$")


@dataclass(frozen=True)
class Redirect:
    old: str  # e.g. "modul/", without the language prefix
    new: str
    line: int


def load_redirects(path: Path) -> list[Redirect]:
    """Read and check the redirects file: addresses are folder paths ending in '/', none redirects to itself."""
    if not path.exists():
        return []
    record, problems = load(path)
    if record is None:
        raise ContentError(problems)
    data = record.data
    if data is None:
        return []
    if not isinstance(data, dict):
        raise ContentError([Problem(record.name, 1, "", "expected a mapping of old address: new address")])
    redirects = []
    for old, new in data.items():
        line = record.line((str(old),))
        found = []
        for field, value in (("old address", old), ("new address", new)):
            if not isinstance(value, str) or not ADDRESS.match(value):
                found.append(Problem(record.name, line, str(old), f"{field} {value!r} must look like 'folder/page/' "
                                                                  "(lowercase, no leading slash, ending in '/')"))
        if old == new:
            found.append(Problem(record.name, line, str(old), "redirects to itself"))
        problems += found
        if not found:
            redirects.append(Redirect(str(old), str(new), line))
    if problems:
        raise ContentError(problems)
    return redirects
