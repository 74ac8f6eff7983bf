"""The glossary: one YAML file that feeds the glossary pages and abbreviation tooltips on every page."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from p2ham.core.errors import ContentError, Problem
from p2ham.core.yamlfile import load

GLOSSARY_FILE = "content/glossary.yml"
FIELDS = {"term", "abbr", "id", "en"}
LANGUAGE_FIELDS = {"expansion", "definition"}
# Characters that would break Markdown's abbreviation syntax `*[TERM]: expansion`.
UNSAFE_TERM = re.compile(r"[\[\]\n*]")


class Sense(NamedTuple):
    """A term in one language: what the abbreviation stands for, and what it means."""

    expansion: str
    definition: str


@dataclass(frozen=True)
class Entry:
    """A term of the glossary, with its line in the file and its sense in each language."""

    term: str
    abbr: bool
    senses: dict[str, Sense]
    line: int

    @property
    def anchor(self) -> str:
        return "term-" + re.sub(r"[^a-z0-9]+", "-", self.term.lower()).strip("-")


def load_glossary(path: Path, languages: Sequence[str]) -> list[Entry]:
    """Read and validate the glossary; raise ContentError listing every problem as ``file:line: field: problem``."""
    record, problems = load(path)
    if record is None:
        raise ContentError(problems)
    data = record.data
    if not isinstance(data, list) or not data:
        raise ContentError([Problem(record.name, 1, "", "expected a non-empty list of terms")])
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(data):
        line = record.line((index,))

        def problem(*path: str, message: str, index: int = index) -> None:
            problems.append(Problem(record.name, record.line((index, *path)), ".".join(path) or f"[{index}]",
                                    message))

        if not isinstance(item, dict):
            problem(message="expected a mapping with term, abbr, id, en")
            continue
        for unknown in sorted(set(map(str, item)) - FIELDS):
            problem(unknown, message="unknown field")
        term = item.get("term")
        if not isinstance(term, str) or not term.strip():
            problem("term", message="required, non-empty text")
            continue
        if UNSAFE_TERM.search(term):
            problem("term", message="may not contain [, ], * or a line break")
        if term in seen:
            problem("term", message=f"duplicate of line {seen[term]}")
        seen[term] = record.line((index, "term"))
        abbr = item.get("abbr", False)
        if not isinstance(abbr, bool):
            problem("abbr", message="must be true or false")
        senses: dict[str, Sense] = {}
        for lang in languages:
            sense = item.get(lang)
            if not isinstance(sense, dict):
                problem(lang, message=f"missing the {lang} expansion and definition")
                continue
            for unknown in sorted(set(map(str, sense)) - LANGUAGE_FIELDS):
                problem(lang, unknown, message="unknown field")
            values = {}
            for field in sorted(LANGUAGE_FIELDS):
                value = sense.get(field)
                if not isinstance(value, str) or not value.strip():
                    problem(lang, field, message="required, non-empty text")
                elif field == "expansion" and "\n" in value.strip():
                    problem(lang, field, message="one line only")
                else:
                    values[field] = " ".join(value.split())
            if len(values) == len(LANGUAGE_FIELDS):
                senses[lang] = Sense(**values)
        entries.append(Entry(term=term.strip(), abbr=abbr is True, senses=senses, line=line))
    if problems:
        raise ContentError(problems)
    return sorted(entries, key=lambda entry: entry.term.casefold())


def abbreviation_markdown(entries: list[Entry], lang: str, text: str | None = None) -> str:
    """Markdown abbreviation definitions (the `abbr` extension) in ``lang``: for every abbreviation, or with
    ``text`` only for those that occur in it (a definition costs the parser time on every page, and a page without
    the term has nothing to mark)."""
    lines = [f"*[{entry.term}]: {entry.senses[lang].expansion}" for entry in entries
             if entry.abbr and (text is None or entry.term in text)]
    return "\n".join(lines)
