"""Session agendas: the data file's checks, every problem with its file, line and field, and the timetables."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from p2ham.core.dates import clock_text
from p2ham.core.errors import ContentError
from p2ham.course.agendas import agenda_tables, load_agendas, parse_clock, schedule
from p2ham.course.modules import Module

LANGUAGES = ["id", "en"]
DURATIONS = {"a": 60, "b": 75}

# 08:00 + 15 (opening) + 60 (module a) + 75 (module b) = 10:30. Line numbers matter: the tests name them.
GOOD = """\
formats:
  - id: pagi
    title:
      id: Pagi
      en: Morning
    description:
      id: Sesi pagi.
      en: A morning session.
    start: "08:00"
    end: "10:30"
    items:
      - kind: opening
        minutes: 15
        label:
          id: Pembukaan
          en: Opening
      - module: a
      - module: b
"""
FORMAT_LINES = GOOD.split("\n", 1)[1]  # the format, without `formats:`, to add it a second time


def write(folder: Path, text: str) -> Path:
    path = folder / "agendas.yml"
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(folder: Path, text: str, durations: dict[str, int] = DURATIONS) -> list[str]:
    path = write(folder, text)
    with pytest.raises(ContentError) as caught:
        load_agendas(path, durations, LANGUAGES)
    return [line.replace(str(path), "F") for line in str(caught.value).splitlines()]


def changed(old: str, new: str, text: str = GOOD) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


# ---------------------------------------------------------------------------------------------- the data file


def test_a_good_file_loads(tmp_path: Path) -> None:
    [agenda] = load_agendas(write(tmp_path, GOOD), DURATIONS, LANGUAGES)
    assert (agenda.id, agenda.start, agenda.end, agenda.minutes, agenda.module_minutes) == (
        "pagi", 8 * 60, 10 * 60 + 30, 150, 135)
    assert agenda.title == {"id": "Pagi", "en": "Morning"}
    assert [(item.kind, item.minutes, item.module) for item in agenda.items] == [
        ("opening", 15, ""), ("module", 60, "a"), ("module", 75, "b")]


def test_times_may_be_written_without_quotes(tmp_path: Path) -> None:
    """YAML 1.1 reads an unquoted 10:30 as the number 630; the agendas file keeps it a time."""
    text = changed('end: "10:30"', "end: 10:30", changed('start: "08:00"', "start: 08:00"))
    [agenda] = load_agendas(write(tmp_path, text), DURATIONS, LANGUAGES)
    assert (agenda.start, agenda.end) == (480, 630)


@pytest.mark.parametrize(("old", "new", "expected"), [
    # an unknown module slug
    ("- module: b", "- module: zz",
     "F:18: formats[0].items[2].module: unknown module 'zz': the modules are a, b"),
    # a label missing in one language
    ("          en: Opening\n", "",
     "F:14: formats[0].items[0].label.en: missing in this language"),
    ("          en: Opening\n", "          en: ' '\n",
     "F:16: formats[0].items[0].label.en: must be non-empty text"),
    ("      en: Morning\n", "",
     "F:3: formats[0].title.en: missing in this language"),
    # bad times
    ('start: "08:00"', 'start: "8 pagi"',
     "F:9: formats[0].start: '8 pagi' is not a time: write HH:MM on the 24-hour clock, e.g. \"08:00\""),
    ('end: "10:30"', 'end: "24:00"',
     "F:10: formats[0].end: '24:00' is not a time: write HH:MM on the 24-hour clock, e.g. \"08:00\""),
    ('start: "08:00"', 'start: "08:75"',
     "F:9: formats[0].start: '08:75' is not a time: write HH:MM on the 24-hour clock, e.g. \"08:00\""),
    # minutes that are not a positive whole number
    ("minutes: 15", "minutes: 0",
     "F:13: formats[0].items[0].minutes: must be a positive whole number of minutes, not 0"),
    ("minutes: 15", "minutes: 7.5",
     "F:13: formats[0].items[0].minutes: must be a positive whole number of minutes, not 7.5"),
    ("minutes: 15", 'minutes: "15"',
     "F:13: formats[0].items[0].minutes: must be a positive whole number of minutes, not '15'"),
    ("minutes: 15", "minutes: true",
     "F:13: formats[0].items[0].minutes: must be a positive whole number of minutes, not True"),
    # unknown keys
    ('    end: "10:30"\n', '    end: "10:30"\n    room: Aula\n',
     "F:11: formats[0].room: unknown key: the keys are id, title, description, start, end, items"),
    ("- module: a\n", "- module: a\n        minutes: 60\n",
     "F:18: formats[0].items[1].minutes: unknown key: a module item has only `module`; its minutes come from "
     "the module's front matter"),
    ("          en: Opening\n", "          en: Opening\n          fr: Ouverture\n",
     "F:17: formats[0].items[0].label.fr: unknown key: the languages are id, en"),
    ("formats:\n", "version: 2\nformats:\n",
     "F:1: version: unknown key: the keys are formats"),
    # a module listed twice in one format
    ("- module: b", "- module: a",
     "F:18: formats[0].items[2].module: module a is already in this format, at line 17"),
    # an end that is not start + the minutes of the items: both times named
    ('end: "10:30"', 'end: "10:00"',
     "F:10: formats[0].end: 10:00, but the items add up to 10:30 (08:00 + 150 minutes): set end to 10:30 or "
     "change the items"),
    # an item that runs past midnight
    ('start: "08:00"', 'start: "23:00"',
     "F:17: formats[0].items[1]: runs from 23:15 past midnight (60 minutes): a format must end on the day it "
     "starts"),
    # other mistakes
    ("kind: opening", "kind: pause",
     "F:12: formats[0].items[0].kind: unknown kind 'pause': use module or one of opening, break, lunch, closing, "
     "other"),
    ("  - id: pagi", "  - id: Pagi Hari",
     "F:2: formats[0].id: 'Pagi Hari' must be lowercase letters, digits and hyphens (it is the format's anchor "
     "on the page)"),
    ('    end: "10:30"\n', "",
     "F:2: formats[0].end: required"),
])
def test_each_problem_names_file_line_and_field(tmp_path: Path, old: str, new: str, expected: str) -> None:
    assert problems_of(tmp_path, changed(old, new)) == [expected]


def test_a_duplicate_format_id_names_both_lines(tmp_path: Path) -> None:
    assert problems_of(tmp_path, GOOD + FORMAT_LINES) == [
        "F:19: formats[1].id: duplicate format id 'pagi', also at line 2"]


def test_a_changed_module_duration_fails_at_the_line_of_end(tmp_path: Path) -> None:
    """The data never repeats a module's minutes: when the module grows, the format no longer adds up."""
    assert problems_of(tmp_path, GOOD, {"a": 90, "b": 75}) == [
        "F:10: formats[0].end: 10:30, but the items add up to 11:00 (08:00 + 180 minutes): set end to 11:00 or "
        "change the items"]


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = changed("- module: b", "- module: zz", changed("minutes: 15", "minutes: -5",
                                                          changed("      en: Morning\n", "")))
    text += changed("  - id: pagi", "  - id: sore", FORMAT_LINES).replace('"08:00"', '"8.00"')
    found = problems_of(tmp_path, text)
    assert [line.split(": ", 2)[:2] for line in found] == [
        ["F:3", "formats[0].title.en"],
        ["F:12", "formats[0].items[0].minutes"],
        ["F:17", "formats[0].items[2].module"],
        ["F:25", "formats[1].start"],
    ]


def test_a_file_that_is_not_formats_is_explained(tmp_path: Path) -> None:
    assert problems_of(tmp_path, "- id: pagi\n") == ["F:1: expected `formats:` with a list of session formats"]
    assert problems_of(tmp_path, "formats: []\n") == ["F:1: formats: must be a non-empty list of session formats"]
    [syntax] = problems_of(tmp_path, "formats:\n  - id: [\n")
    assert syntax.startswith("F:3: YAML syntax: ")
    assert problems_of(tmp_path, "") == ["F:1: expected `formats:` with a list of session formats"]


# ---------------------------------------------------------------------------------------------- the timetable


def test_clock_times_read_and_write() -> None:
    assert parse_clock("08:05") == 485
    assert parse_clock("23:59") == 1439
    assert [parse_clock(value) for value in ("8:05", "24:00", "12:60", 735, None)] == [None] * 5
    assert clock_text(485) == "08:05"
    assert clock_text(1440) == "24:00"


def test_rows_chain_from_start_to_end_in_each_language(tmp_path: Path) -> None:
    [agenda] = load_agendas(write(tmp_path, GOOD), DURATIONS, LANGUAGES)
    rows = schedule(agenda, "en")
    assert [(r.start_text, r.end_text, r.minutes, r.kind, r.label, r.module) for r in rows] == [
        ("08:00", "08:15", 15, "opening", "Opening", ""),
        ("08:15", "09:15", 60, "module", "", "a"),
        ("09:15", "10:30", 75, "module", "", "b"),
    ]
    assert schedule(agenda, "id")[0].label == "Pembukaan"


def test_the_agenda_page_names_each_module_and_links_it(tmp_path: Path) -> None:
    [agenda] = load_agendas(write(tmp_path, GOOD), DURATIONS, LANGUAGES)
    modules = {slug: Module(slug, number, f"Modul {slug}", "d", DURATIONS[slug], ("o",), dt.date(2026, 1, 1),
                            f"modul/{slug}.md") for number, slug in enumerate(DURATIONS, start=1)}
    strings = {"hours": "h", "minutes": "min"}
    [table] = agenda_tables([agenda], modules, "en", strings, lambda slug: f"../modul/{slug}/")
    assert (table["id"], table["title"], table["start"], table["end"], table["total"], table["module_total"]) == (
        "pagi", "Morning", "08:00", "10:30", "2 h 30 min", "2 h 15 min")
    assert [(row["start"], row["label"], row["url"], row["number"]) for row in table["rows"]] == [
        ("08:00", "Opening", "", 0), ("08:15", "Modul a", "../modul/a/", 1), ("09:15", "Modul b", "../modul/b/", 2)]
