"""The glossary: one YAML file that feeds the glossary pages and abbreviation tooltips on every page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from p2ham.errors import ContentError, Problem
from p2ham.frontmatter import read_yaml

FIELDS = {"term", "abbr", "id", "en"}
LANGUAGE_FIELDS = {"expansion", "definition"}
# Characters that would break Markdown's abbreviation syntax `*[TERM]: expansion`.
UNSAFE_TERM = re.compile(r"[\[\]\n*]")


@dataclass(frozen=True)
class Sense:
    expansion: str
    definition: str


@dataclass(frozen=True)
class Entry:
    term: str
    abbr: bool
    senses: dict[str, Sense]
    line: int

    @property
    def anchor(self) -> str:
        return "term-" + re.sub(r"[^a-z0-9]+", "-", self.term.lower()).strip("-")


def _lines(text: str) -> list[dict[str, int]]:
    """For each list item: the line of the item and of each of its keys (``"."`` for the item itself)."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    found: list[dict[str, int]] = []
    if isinstance(root, yaml.SequenceNode):
        for item in root.value:
            lines = {".": item.start_mark.line + 1}
            if isinstance(item, yaml.MappingNode):
                for key, value in item.value:
                    lines[str(key.value)] = key.start_mark.line + 1
                    if isinstance(value, yaml.MappingNode):
                        for sub_key, _ in value.value:
                            lines[f"{key.value}.{sub_key.value}"] = sub_key.start_mark.line + 1
            found.append(lines)
    return found


def load_glossary(path: Path, languages: list[str]) -> list[Entry]:
    """Read and validate the glossary; raise ContentError listing every problem as ``file:line: field: problem``."""
    name = str(path)
    data, problems = read_yaml(path)
    if problems:
        raise ContentError(problems)
    if not isinstance(data, list) or not data:
        raise ContentError([Problem(name, 1, "", "expected a non-empty list of terms")])
    lines = _lines(path.read_text(encoding="utf-8"))
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(data):
        at = lines[index] if index < len(lines) else {".": 0}
        line = at["."]
        if not isinstance(item, dict):
            problems.append(Problem(name, line, f"[{index}]", "expected a mapping with term, abbr, id, en"))
            continue
        for unknown in sorted(set(item) - FIELDS):
            problems.append(Problem(name, at.get(str(unknown), line), str(unknown), "unknown field"))
        term = item.get("term")
        if not isinstance(term, str) or not term.strip():
            problems.append(Problem(name, at.get("term", line), "term", "required, non-empty text"))
            continue
        if UNSAFE_TERM.search(term):
            problems.append(Problem(name, at.get("term", line), "term", "may not contain [, ], * or a line break"))
        if term in seen:
            problems.append(Problem(name, at.get("term", line), "term", f"duplicate of line {seen[term]}"))
        seen[term] = at.get("term", line)
        abbr = item.get("abbr", False)
        if not isinstance(abbr, bool):
            problems.append(Problem(name, at.get("abbr", line), "abbr", "must be true or false"))
        senses: dict[str, Sense] = {}
        for lang in languages:
            sense = item.get(lang)
            if not isinstance(sense, dict):
                problems.append(Problem(name, at.get(lang, line), lang, f"missing the {lang} expansion and definition"))
                continue
            for unknown in sorted(set(sense) - LANGUAGE_FIELDS):
                problems.append(Problem(name, at.get(f"{lang}.{unknown}", line), f"{lang}.{unknown}", "unknown field"))
            values = {}
            for field in sorted(LANGUAGE_FIELDS):
                value = sense.get(field)
                if not isinstance(value, str) or not value.strip():
                    where = at.get(f"{lang}.{field}", at.get(lang, line))
                    problems.append(Problem(name, where, f"{lang}.{field}", "required, non-empty text"))
                elif field == "expansion" and "\n" in value.strip():
                    problems.append(Problem(name, at.get(f"{lang}.{field}", line), f"{lang}.{field}", "one line only"))
                else:
                    values[field] = " ".join(value.split())
            if len(values) == len(LANGUAGE_FIELDS):
                senses[lang] = Sense(**values)
        entries.append(Entry(term=term.strip(), abbr=abbr is True, senses=senses, line=line))
    if problems:
        raise ContentError(problems)
    return sorted(entries, key=lambda entry: entry.term.casefold())


def abbreviation_markdown(entries: list[Entry], lang: str) -> str:
    """Markdown abbreviation definitions (the `abbr` extension) for every abbreviation, in ``lang``."""
    lines = [f"*[{entry.term}]: {entry.senses[lang].expansion}" for entry in entries if entry.abbr]
    return "\n".join(lines)
