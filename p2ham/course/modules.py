"""Training modules: their front matter, checked, and what is built from it (info box, learning path)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from p2ham.core.errors import ContentError, Problem
from p2ham.core.source import front_matter, lines_outside_fences, split_front_matter
from p2ham.core.yamlfile import YamlRecord

MODULE_DIR = "modul"
REQUIRED = ("title", "description", "module", "duration", "objectives", "checked")
OPTIONAL = ("hide", "translation", "template")


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
    duration_line: int = 1  # the line of `duration` in the source, where timing problems are reported


class ModulePage(NamedTuple):
    """Where a module's page is in the language being built: its URL and its output file."""

    url: str
    dest: str


@dataclass(frozen=True)
class ModuleSection:
    """A ``##`` section of a module's source: its heading, the heading's line in the file, and its Markdown up to
    the next ``##`` (or ``#``) heading, as written."""

    heading: str
    line: int
    body: str


def module_section(text: str, heading: str) -> ModuleSection | None:
    """The ``## heading`` section of a module's source (the first, if it has two), or None."""
    _, body, first = split_front_matter(text)
    start, lines = 0, []
    for number, line, is_text in lines_outside_fences(body, first):
        heading_line = is_text and (line.startswith("## ") or line.startswith("# "))
        if not start:
            if heading_line and line.startswith("## ") and line[3:].strip() == heading:
                start = number
            continue
        if heading_line:
            break
        lines.append(line)
    return ModuleSection(heading, start, "\n".join(lines).strip("\n")) if start else None


def title_line(text: str) -> int:
    """The line of a module's ``#`` title in its source (where the module's text begins), or of its body's start."""
    _, body, first = split_front_matter(text)
    return next((number for number, line, is_text in lines_outside_fences(body, first)
                 if is_text and line.startswith("# ")), first)


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def check_module_meta(meta: Mapping[str, Any], source: str, lines: Mapping[str, int] | None = None) -> list[Problem]:
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
    if "checked" in meta and _date(meta["checked"]) is None:
        problem("checked", "must be a date written as YYYY-MM-DD")
    return problems


def module_from_meta(meta: Mapping[str, Any], slug: str, source: str, duration_line: int = 1) -> Module:
    checked = _date(meta["checked"])
    assert checked is not None, "checked by check_module_meta"
    return Module(
        slug=slug,
        number=int(meta["module"]),
        title=str(meta["title"]).strip(),
        description=str(meta["description"]).strip(),
        duration=int(meta["duration"]),
        objectives=tuple(str(o).strip() for o in meta["objectives"]),
        checked=checked,
        source=source,
        duration_line=duration_line,
    )


def source_name(slug: str, lang: str, default_lang: str) -> str:
    suffix = "" if lang == default_lang else f".{lang}"
    return f"{MODULE_DIR}/{slug}{suffix}.md"


def module_slugs(docs_dir: Path) -> list[str]:
    """The slugs of the modules: every ``modul/<slug>.md`` of the docs folder (``<slug>.<lang>.md`` translates one)."""
    return [path.stem for path in sorted((docs_dir / MODULE_DIR).glob("*.md")) if path.name.count(".") == 1]


def read_module(docs_dir: Path, slug: str, lang: str, default_lang: str) -> tuple[Module | None, list[Problem]]:
    """One module in ``lang`` (its default-language file when it has no translation), checked."""
    source = source_name(slug, lang, default_lang)
    path = docs_dir / source
    if not path.exists():
        source = source_name(slug, default_lang, default_lang)
        path = docs_dir / source
    record, problems = front_matter(path, path.read_text(encoding="utf-8-sig"))
    if record is None:
        return None, [Problem(source, problem.line, problem.field, problem.message) for problem in problems]
    if not isinstance(record.data, dict):
        return None, [Problem(source, 1, "", "a module needs YAML front matter between --- lines")]
    lines = _key_lines(record)
    problems = check_module_meta(record.data, source, lines)
    if problems:
        return None, problems
    return module_from_meta(record.data, slug, source, lines.get("duration", 1)), []


def _key_lines(record: YamlRecord) -> dict[str, int]:
    return {str(key): record.line((str(key),)) for key in record.data}


def collect_modules(docs_dir: Path, lang: str, default_lang: str) -> list[Module]:
    """All modules in ``lang`` (falling back to the default language's file), ordered by number; validated."""
    problems: list[Problem] = []
    modules: list[Module] = []
    for slug in module_slugs(docs_dir):
        module, found = read_module(docs_dir, slug, lang, default_lang)
        problems += found
        if module is not None:
            modules.append(module)
    numbers: dict[int, str] = {}
    for module in modules:
        if module.number in numbers:
            problems.append(Problem(module.source, 1, "module", f"number {module.number} is also used by "
                                    f"{numbers[module.number]}"))
        numbers[module.number] = module.source
    if problems:
        raise ContentError(problems)
    return sorted(modules, key=lambda m: m.number)


def module_of(src_uri: str) -> str | None:
    """The slug of the module whose page (in any language) has this source path, or None."""
    head, _, name = src_uri.rpartition("/")
    if head != MODULE_DIR or not name.endswith(".md"):
        return None
    return name.split(".", 1)[0]


def module_count(count: int, strings: dict[str, str]) -> str:
    """How many modules, in words of the interface strings ("1 module", "6 modules")."""
    return strings["module_count_one"] if count == 1 else strings["module_count"].format(count=count)


def insert_before_first_section(markdown: str, html: str) -> str:
    """Insert ``html`` before the first section (after the page's opening): its first ``##`` heading, or a
    ``<section>`` block that holds one (as a module's one-page summary wraps each of its sections), or at the end."""
    match = re.search(r"^(## |<section\b)", markdown, re.MULTILINE)
    block = "\n" + html.strip() + "\n\n"
    if match is None:
        return markdown.rstrip() + "\n" + block
    return markdown[: match.start()] + block + markdown[match.start() :]

