"""Session agendas for trainers: the standard formats (half day, full day, ...) of ``content/agendas.yml``, checked,
and turned into timetables. A module's minutes come from its own front matter and are never written in the data
file, so an agenda always adds up to the modules being taught: when a module's duration changes and a format no
longer ends at its stated ``end``, loading fails naming the file and the line of that ``end``.

File layout::

    formats:
      - id: setengah-hari            # lowercase letters, digits and hyphens: the anchor on the agenda page
        title: {id: ..., en: ...}
        description: {id: ..., en: ...}
        start: "08:00"               # HH:MM, 24-hour clock
        end: "12:30"                 # must equal start + the minutes of every item
        items:
          - module: p2ham-p5ham      # a module by its slug: minutes from its front matter
          - kind: break              # opening, break, lunch, closing or other
            minutes: 15
            label: {id: ..., en: ...}

Every problem is reported at once as ``file:line: field: problem``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from p2ham.core.dates import clock_text, format_duration
from p2ham.core.errors import ContentError, Problem
from p2ham.core.yamlfile import FieldPath, YamlRecord, load
from p2ham.course.modules import Module

AGENDAS_FILE = "content/agendas.yml"
KINDS = ("opening", "break", "lunch", "closing", "other")  # items that are not a module
TOP_KEYS = ("formats",)
FORMAT_KEYS = ("id", "title", "description", "start", "end", "items")
MODULE_ITEM_KEYS = ("module",)
OTHER_ITEM_KEYS = ("kind", "minutes", "label")
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CLOCK = re.compile(r"^([01][0-9]|2[0-3]):([0-5][0-9])$")
DAY = 24 * 60


@dataclass(frozen=True)
class Item:
    """One entry of a format: a module (its slug; minutes from its front matter) or another kind of item."""

    kind: str  # "module" or one of KINDS
    minutes: int
    module: str = ""
    label: Mapping[str, str] | None = None  # per language; None for a module, whose title names it


@dataclass(frozen=True)
class Agenda:
    """A standard session format, checked: its items add up from ``start`` to ``end`` on one day."""

    id: str
    title: Mapping[str, str]
    description: Mapping[str, str]
    start: int  # minutes after midnight
    end: int
    items: tuple[Item, ...]
    line: int = 0  # where the format starts in the file

    @property
    def minutes(self) -> int:
        return self.end - self.start

    @property
    def module_minutes(self) -> int:
        return sum(item.minutes for item in self.items if item.kind == "module")


@dataclass(frozen=True)
class Row:
    """One line of a timetable."""

    start: int  # minutes after midnight
    end: int
    minutes: int
    kind: str
    label: str  # the item's label in the language asked for; empty for a module (the caller names it)
    module: str  # the module's slug, or empty

    @property
    def start_text(self) -> str:
        return clock_text(self.start)

    @property
    def end_text(self) -> str:
        return clock_text(self.end)


def parse_clock(value: object) -> int | None:
    """``"HH:MM"`` (24-hour clock) as minutes after midnight, or None."""
    match = CLOCK.match(value) if isinstance(value, str) else None
    return int(match.group(1)) * 60 + int(match.group(2)) if match else None


def schedule(agenda: Agenda, lang: str) -> list[Row]:
    """The timetable of a format: each row starts where the one before ended, the first at ``start``."""
    rows = []
    now = agenda.start
    for item in agenda.items:
        label = "" if item.label is None else item.label[lang]
        rows.append(Row(start=now, end=now + item.minutes, minutes=item.minutes, kind=item.kind, label=label,
                        module=item.module))
        now += item.minutes
    return rows


def load_agendas(path: Path, durations: Mapping[str, int], languages: Sequence[str]) -> list[Agenda]:
    """Read and check the agendas file against the modules (slug -> minutes); raise ContentError with every
    problem found."""
    record, problems = load(path)
    if record is None:
        raise ContentError(problems)
    agendas, problems = check_agendas(record, durations, languages)
    if problems:
        raise ContentError(problems)
    return agendas


def _whole_positive(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _texts(record: YamlRecord, value: object, path: FieldPath, languages: Sequence[str],
           problems: list[Problem]) -> dict[str, str] | None:
    """A text in every language (``{id: ..., en: ...}``), or None after recording what is wrong with it."""
    if not isinstance(value, dict):
        problems.append(record.problem(path, f"must give a text in each language ({', '.join(languages)})"))
        return None
    texts = {}
    problems += record.unknown_keys(value, path, languages, f": the languages are {', '.join(languages)}")
    for lang in languages:
        text = value.get(lang)
        if lang not in value:
            problems.append(record.problem((*path, lang), "missing in this language"))
        elif not isinstance(text, str) or not text.strip():
            problems.append(record.problem((*path, lang), "must be non-empty text"))
        else:
            texts[lang] = " ".join(text.split())
    return texts if len(texts) == len(languages) else None


def _item(record: YamlRecord, raw: object, path: FieldPath, durations: Mapping[str, int], languages: Sequence[str],
          problems: list[Problem]) -> Item | None:
    if not isinstance(raw, dict):
        problems.append(record.problem(path, "must be `module: <slug>` or an item with kind, minutes and label"))
        return None
    if "module" in raw:
        problems += record.unknown_keys(raw, path, MODULE_ITEM_KEYS,
                                        ": a module item has only `module`; its minutes come from the module's front "
                                        "matter")
        slug = raw["module"]
        if not isinstance(slug, str) or slug not in durations:
            known = ", ".join(sorted(durations)) or "none"
            problems.append(record.problem((*path, "module"), f"unknown module {slug!r}: the modules are {known}"))
            return None
        return Item(kind="module", minutes=durations[slug], module=slug)
    before = len(problems)
    problems += record.unknown_keys(raw, path, OTHER_ITEM_KEYS)
    kind = raw.get("kind")
    if "kind" not in raw:
        problems.append(record.problem(path, "needs `module: <slug>`, or `kind` with minutes and label"))
    elif kind not in KINDS:
        problems.append(record.problem((*path, "kind"), f"unknown kind {kind!r}: use module or one of "
                                                        f"{', '.join(KINDS)}"))
    minutes = raw.get("minutes")
    if "minutes" not in raw:
        problems.append(record.problem((*path, "minutes"), "required: how many minutes the item takes"))
    elif not _whole_positive(minutes):
        problems.append(record.problem((*path, "minutes"), f"must be a positive whole number of minutes, "
                                                           f"not {minutes!r}"))
    label = _texts(record, raw.get("label"), (*path, "label"), languages, problems)
    if len(problems) > before or label is None or not isinstance(minutes, int):
        return None
    return Item(kind=str(kind), minutes=minutes, label=label)


def _format(record: YamlRecord, raw: object, path: FieldPath, durations: Mapping[str, int], languages: Sequence[str],
            problems: list[Problem]) -> Agenda | None:
    if not isinstance(raw, dict):
        problems.append(record.problem(path, "must be a format with " + ", ".join(FORMAT_KEYS)))
        return None
    before = len(problems)
    problems += record.unknown_keys(raw, path, FORMAT_KEYS)
    for key in FORMAT_KEYS:
        if key not in raw:
            problems.append(record.problem((*path, key), "required"))
    format_id = raw.get("id")
    if "id" in raw and (not isinstance(format_id, str) or not ID_PATTERN.match(format_id)):
        problems.append(record.problem((*path, "id"), f"{format_id!r} must be lowercase letters, digits and hyphens "
                                                      "(it is the format's anchor on the page)"))
    title = _texts(record, raw.get("title"), (*path, "title"), languages, problems) if "title" in raw else None
    description = (_texts(record, raw.get("description"), (*path, "description"), languages, problems)
                   if "description" in raw else None)
    times: dict[str, int] = {}
    for key in ("start", "end"):
        if key in raw:
            value = parse_clock(raw[key])
            if value is None:
                problems.append(record.problem((*path, key), f"{raw[key]!r} is not a time: write HH:MM on the "
                                                             "24-hour clock, e.g. \"08:00\""))
            else:
                times[key] = value
    raw_items = raw.get("items")
    items: list[Item] = []
    if "items" in raw and (not isinstance(raw_items, list) or not raw_items):
        problems.append(record.problem((*path, "items"), "must be a non-empty list of items"))
    seen: dict[str, int] = {}
    for index, raw_item in enumerate(raw_items if isinstance(raw_items, list) else []):
        item = _item(record, raw_item, (*path, "items", index), durations, languages, problems)
        if item is None:
            continue
        if item.module:
            where = (*path, "items", index, "module")
            if item.module in seen:
                problems.append(record.problem(where, f"module {item.module} is already in this format, at line "
                                                      f"{seen[item.module]}"))
            seen.setdefault(item.module, record.line(where))
        items.append(item)
    if len(problems) > before or title is None or description is None:
        return None
    start, end = times["start"], times["end"]
    now = start
    for index, item in enumerate(items):
        if now + item.minutes > DAY:
            problems.append(record.problem(
                (*path, "items", index),
                f"runs from {clock_text(now)} past midnight ({item.minutes} minutes): a format must end on the day "
                "it starts"))
            return None
        now += item.minutes
    if now != end:
        total = now - start
        problems.append(record.problem(
            (*path, "end"),
            f"{clock_text(end)}, but the items add up to {clock_text(now)} ({clock_text(start)} + {total} minutes): "
            f"set end to {clock_text(now)} or change the items"))
        return None
    return Agenda(id=str(format_id), title=title, description=description, start=start, end=end,
                  items=tuple(items), line=record.line(path))


def check_agendas(record: YamlRecord, durations: Mapping[str, int],
                  languages: Sequence[str]) -> tuple[list[Agenda], list[Problem]]:
    """Every format of the file, checked against the modules (slug -> minutes); and every problem found."""
    problems: list[Problem] = []
    data = record.data
    if not isinstance(data, dict):
        return [], [record.problem((), "expected `formats:` with a list of session formats")]
    problems += record.unknown_keys(data, (), TOP_KEYS)
    raw_formats = data.get("formats")
    if not isinstance(raw_formats, list) or not raw_formats:
        problems.append(record.problem(("formats",), "must be a non-empty list of session formats"))
        return [], problems
    agendas: list[Agenda] = []
    ids: dict[str, int] = {}
    for index, raw in enumerate(raw_formats):
        format_id = raw.get("id") if isinstance(raw, dict) else None
        if isinstance(format_id, str):
            if format_id in ids:
                problems.append(record.problem(("formats", index, "id"), f"duplicate format id {format_id!r}, "
                                                                         f"also at line {ids[format_id]}"))
            ids.setdefault(format_id, record.line(("formats", index, "id")))
        agenda = _format(record, raw, ("formats", index), durations, languages, problems)
        if agenda is not None:
            agendas.append(agenda)
    return agendas, problems


def agenda_tables(agendas: Sequence[Agenda], modules: Mapping[str, Module], lang: str, strings: Mapping[str, str],
                  url_of: Callable[[str], str]) -> list[dict[str, Any]]:
    """What the agenda page shows of each format, in ``lang``: its times and totals, and one row per item; a
    module's row names the module and links to its page (``url_of(slug)``)."""

    def duration(minutes: int) -> str:
        return format_duration(minutes, strings["hours"], strings["minutes"])

    tables = []
    for agenda in agendas:
        rows = []
        for row in schedule(agenda, lang):
            view = {"start": row.start_text, "end": row.end_text, "minutes": row.minutes, "kind": row.kind,
                    "label": row.label, "url": "", "number": 0}
            if row.module:
                module = modules[row.module]
                view.update(label=module.title, url=url_of(module.slug), number=module.number)
            rows.append(view)
        tables.append({"id": agenda.id, "title": agenda.title[lang], "description": agenda.description[lang],
                       "start": clock_text(agenda.start), "end": clock_text(agenda.end), "minutes": agenda.minutes,
                       "total": duration(agenda.minutes), "module_total": duration(agenda.module_minutes),
                       "rows": rows})
    return tables
