"""Training modules: their front matter, checked, and what is built from it (info box, learning path)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from p2ham.errors import ContentError, Problem
from p2ham.frontmatter import key_lines, read_yaml, split_front_matter

MODULE_DIR = "modul"
REQUIRED = ("title", "description", "module", "duration", "objectives", "checked")
OPTIONAL = ("hide", "translation", "template")
MARKER = re.compile(r"^<!--\s*p2ham:([a-z-]+)\s*-->\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Module:
    slug: str
    number: int
    title: str
    description: str
    duration: int
    objectives: tuple[str, ...]
    checked: dt.date
    source: str  # path of the Markdown file, relative to the docs folder


def check_module_meta(meta: Mapping[str, Any], source: str, lines: dict[str, int] | None = None) -> list[Problem]:
    """Every problem with a module's front matter, each with the line of the offending key."""
    lines = lines or {}
    problems = []

    def problem(field: str, message: str) -> None:
        problems.append(Problem(source, lines.get(field, 1), field, message))

    for key in REQUIRED:
        if key not in meta:
            problem(key, "required in a module's front matter")
    for key in sorted(set(meta) - set(REQUIRED) - set(OPTIONAL)):
        problem(key, "unknown front-matter key")
    for key in ("title", "description"):
        if key in meta and (not isinstance(meta[key], str) or not meta[key].strip()):
            problem(key, "must be non-empty text")
    if isinstance(meta.get("description"), str) and len(meta["description"]) > 200:
        problem("description", f"{len(meta['description'])} characters; keep it under 200 for link previews")
    number = meta.get("module")
    if "module" in meta and (not isinstance(number, int) or isinstance(number, bool) or number < 1):
        problem("module", "must be a whole number from 1")
    duration = meta.get("duration")
    if "duration" in meta and (not isinstance(duration, int) or isinstance(duration, bool)
                               or not 15 <= duration <= 240):
        problem("duration", "must be minutes, a whole number from 15 to 240")
    objectives = meta.get("objectives")
    if "objectives" in meta and (
        not isinstance(objectives, list) or not objectives
        or not all(isinstance(o, str) and o.strip() for o in objectives)
    ):
        problem("objectives", "must be a non-empty list of texts")
    if "checked" in meta and not isinstance(meta["checked"], dt.date):
        problem("checked", "must be a date written as YYYY-MM-DD")
    return problems


def module_from_meta(meta: Mapping[str, Any], slug: str, source: str) -> Module:
    return Module(
        slug=slug,
        number=int(meta["module"]),
        title=str(meta["title"]).strip(),
        description=str(meta["description"]).strip(),
        duration=int(meta["duration"]),
        objectives=tuple(str(o).strip() for o in meta["objectives"]),
        checked=meta["checked"],
        source=source,
    )


def source_name(slug: str, lang: str, default_lang: str) -> str:
    suffix = "" if lang == default_lang else f".{lang}"
    return f"{MODULE_DIR}/{slug}{suffix}.md"


def collect_modules(docs_dir: Path, lang: str, default_lang: str) -> list[Module]:
    """All modules in ``lang`` (falling back to the default language's file), ordered by number; validated."""
    problems: list[Problem] = []
    modules: list[Module] = []
    for default_file in sorted((docs_dir / MODULE_DIR).glob("*.md")):
        if default_file.name.count(".") > 1:  # page.en.md: a translation, found through its default file
            continue
        slug = default_file.stem
        source = source_name(slug, lang, default_lang)
        path = docs_dir / source
        if not path.exists():
            source, path = source_name(slug, default_lang, default_lang), default_file
        text = path.read_text(encoding="utf-8")
        front, _, _ = split_front_matter(text)
        meta, found = read_yaml(Path(path), front, first_line=2)
        problems += found
        if not isinstance(meta, dict):
            problems.append(Problem(source, 1, "", "a module needs YAML front matter between --- lines"))
            continue
        found = check_module_meta(meta, source, key_lines(front, first_line=2))
        problems += found
        if not found:
            modules.append(module_from_meta(meta, slug, source))
    numbers: dict[int, str] = {}
    for module in modules:
        if module.number in numbers:
            problems.append(Problem(module.source, 1, "module", f"number {module.number} is also used by "
                                    f"{numbers[module.number]}"))
        numbers[module.number] = module.source
    if problems:
        raise ContentError(problems)
    return sorted(modules, key=lambda m: m.number)


def format_duration(minutes: int, hour_word: str, minute_word: str) -> str:
    hours, rest = divmod(minutes, 60)
    parts = ([f"{hours} {hour_word}"] if hours else []) + ([f"{rest} {minute_word}"] if rest or not hours else [])
    return " ".join(parts)


def find_markers(markdown: str) -> list[tuple[str, int]]:
    """``<!-- p2ham:NAME -->`` markers in a page: (name, line)."""
    return [(m.group(1), markdown.count("\n", 0, m.start()) + 1) for m in MARKER.finditer(markdown)]


def replace_marker(markdown: str, name: str, html: str) -> str:
    """Put ``html`` in place of the marker, as a raw HTML block with blank lines around it."""
    pattern = re.compile(rf"^<!--\s*p2ham:{re.escape(name)}\s*-->\s*$", re.MULTILINE)
    return pattern.sub(lambda _: "\n" + html.strip() + "\n", markdown, count=1)


def insert_before_first_section(markdown: str, html: str) -> str:
    """Insert ``html`` before the first ``##`` heading (after the page's opening), or at the end."""
    match = re.search(r"^## ", markdown, re.MULTILINE)
    block = "\n" + html.strip() + "\n\n"
    if match is None:
        return markdown.rstrip() + "\n" + block
    return markdown[: match.start()] + block + markdown[match.start() :]
