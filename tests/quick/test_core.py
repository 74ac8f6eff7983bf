"""p2ham.core: problems, the one YAML reader and its line numbers, page sources, page markers, dates, addresses
and interface strings."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ROOT

from p2ham.core.addresses import AddressMissing, default_source, public_address, public_path, site_relative
from p2ham.core.dates import clock_text, elapsed, format_duration, long_date
from p2ham.core.errors import ContentError, Problem
from p2ham.core.markers import Markers, Phase, find_markers
from p2ham.core.source import (
    annotate_block_lines,
    first_body_line,
    front_matter,
    lines_outside_fences,
    split_front_matter,
)
from p2ham.core.strings import load_strings, script_strings
from p2ham.core.yamlfile import dotted, load, load_mapping, parse

SITE = "https://p2ham.example.org/"


def write(tmp_path: Path, text: str, name: str = "x.yml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_problems_read_file_line_field_problem_and_sort() -> None:
    problems = [Problem("b.yml", 2, "id", "bad"), Problem("a.yml", 9, "", "broken"), Problem("a.yml", 0, "x", "y")]
    assert str(ContentError(problems)).splitlines() == ["a.yml: x: y", "a.yml:9: broken", "b.yml:2: id: bad"]


def test_yaml_keeps_dates_and_clock_times_as_written(tmp_path: Path) -> None:
    record, problems = load(write(tmp_path, "checked: 2026-11-28\nstart: 12:15\nyear: 2024\nbad: 2026-02-30\n"))
    assert problems == [] and record is not None
    assert record.data == {"checked": "2026-11-28", "start": "12:15", "year": 2024, "bad": "2026-02-30"}


def test_every_field_has_its_line_and_a_missing_one_its_parents(tmp_path: Path) -> None:
    text = "formats:\n  - id: a\n    items:\n      - module: x\n      - kind: break\n        minutes: 5\n"
    record, _ = load(write(tmp_path, text))
    assert record is not None
    assert record.line(("formats", 0, "items", 1, "minutes")) == 6
    assert record.line(("formats", 0, "items", 1, "label")) == 5  # missing: the item's line
    assert record.line(("formats", 0, "id")) == 2
    problem = record.problem(("formats", 0, "items", 0, "module"), "unknown module")
    assert str(problem) == f"{record.name}:4: formats[0].items[0].module: unknown module"
    assert dotted(("a", 0, "b")) == "a[0].b"


def test_syntax_errors_bad_bytes_and_shapes_are_problems_not_exceptions(tmp_path: Path) -> None:
    _, problems = load(write(tmp_path, "a: 1\nb: [2\n"))
    assert [p.line for p in problems] == [3] and "YAML syntax" in problems[0].message
    bad = tmp_path / "bad.yml"
    bad.write_bytes(b"a: 1\nb: \xff\n")
    _, problems = load(bad)
    assert [(p.line, p.message) for p in problems] == [(2, "not UTF-8 text: save the file as UTF-8")]
    _, problems = load_mapping(write(tmp_path, "- a\n- b\n"))
    assert problems[0].message == "expected a mapping of fields (name: value)"
    _, problems = load_mapping(write(tmp_path, "\n"))
    assert problems[0].message == "the file is empty"
    _, problems = load(tmp_path / "missing.yml")
    assert problems[0].message.startswith("cannot read")


def test_front_matter_lines_are_the_files(tmp_path: Path) -> None:
    text = "---\ntitle: T\nduration: x\n---\n\n# T\n"
    assert split_front_matter(text) == ("title: T\nduration: x\n", "\n# T\n", 5)
    record, _ = front_matter(tmp_path / "m.md", text)
    assert record is not None and record.line(("duration",)) == 3
    _, problems = parse(tmp_path / "m.md", "a: [b\n", first_line=2)
    assert problems[0].line == 3
    assert split_front_matter("# No front matter\n") == ("", "# No front matter\n", 1)


def test_block_headers_get_their_source_line_outside_code_fences() -> None:
    text = "```\n/// quiz\n```\n\n/// quiz\n\n//// question | Q\n////\n\n/// trainer | 5\nx\n///\n"
    assert annotate_block_lines(text, 10).split("\n") == [
        "```", "/// quiz", "```", "", "/// quiz", "    p2ham-line: 14", "", "//// question | Q", "    p2ham-line: 16",
        "////", "", "/// trainer | 5", "    p2ham-line: 19", "x", "///", ""]
    assert [(n, ok) for n, _, ok in lines_outside_fences("a\n~~~\nb\n~~~\nc", 1)] == [
        (1, True), (2, False), (3, False), (4, False), (5, True)]


def test_the_first_body_line_is_found_in_the_source() -> None:
    source = "---\ntitle: x\n---\n\n# Title\n\nText.\n"
    assert first_body_line(source, "\n# Title\n\nText.\n") == 4
    assert first_body_line(source, "something else") == 1


def test_markers_are_filled_at_their_phase_and_unknown_ones_named() -> None:
    markers = Markers()
    markers.register("a", Phase.MARKDOWN, lambda page: f"<div>{page}</div>")
    markers.register("b", Phase.HTML, lambda page: "<p>b</p>")
    text = "# T\n\n<!-- p2ham:a -->\n\n<!-- p2ham:b -->\n<!-- p2ham:nope -->\n<!--p2ham:a-->\n"
    assert find_markers(text) == [("a", 3), ("b", 5), ("nope", 6), ("a", 7)]
    filled = markers.fill(text, Phase.MARKDOWN, "x")
    assert filled == "# T\n\n\n<div>x</div>\n\n\n<!-- p2ham:b -->\n<!-- p2ham:nope -->\n\n<div>x</div>\n\n"
    assert markers.fill(filled, Phase.HTML, "x").count("<p>b</p>") == 1
    assert [str(p) for p in markers.unknown(text, "lain.md", first_line=4)] == [
        "lain.md:9: <!-- p2ham:nope -->: unknown marker (known: a, b)"]
    assert markers.present(text, Phase.HTML) and not markers.present("x", Phase.HTML)
    with pytest.raises(ValueError, match="registered twice"):
        markers.register("a", Phase.LATE, lambda page: "")


def test_a_marker_inside_text_is_not_a_marker() -> None:
    assert find_markers("See `<!-- p2ham:a -->` in the README.\n") == []


def test_durations_dates_and_clocks_read_naturally() -> None:
    assert format_duration(45, "jam", "menit") == "45 menit"
    assert format_duration(60, "jam", "menit") == "1 jam"
    assert format_duration(90, "h", "min") == "1 h 30 min"
    import datetime as dt

    assert long_date(dt.date(2026, 11, 28), "id") == "28 November 2026"
    assert long_date(dt.date(2026, 5, 1), "id") == "1 Mei 2026"
    assert long_date(dt.date(2026, 5, 1), "en") == "1 May 2026"
    assert (clock_text(485), elapsed(65), elapsed(0)) == ("08:05", "1:05", "0:00")


@pytest.mark.parametrize(("url", "public"), [
    ("", ""), ("modul/x/", "modul/x/"), ("modul/x.html", "modul/x/"), ("modul/x/index.html", "modul/x/"),
    ("index.html", ""), ("./", ""), ("en/index.html", "en/"), ("/p2ham/en/index.html", "/p2ham/en/"),
    ("unit-kerja/data.json", "unit-kerja/data.json"),
])
def test_a_page_url_in_either_build_gives_its_published_folder(url: str, public: str) -> None:
    assert public_path(url) == public


@pytest.mark.parametrize(("page_url", "expected"), [
    ("", SITE), ("modul/x/", SITE + "modul/x/"), ("en/modul/x/", SITE + "en/modul/x/"),
    ("modul/x.html", SITE + "modul/x/"), ("en/index.html", SITE + "en/"), ("index.html", SITE),
])
def test_public_address_is_the_folder_address_also_for_offline_files(page_url: str, expected: str) -> None:
    assert public_address(SITE, page_url) == expected
    assert public_address("https://host.example/p2ham", "x/") == "https://host.example/p2ham/x/"


def test_no_public_address_is_a_clear_error() -> None:
    with pytest.raises(AddressMissing, match=r"site_url is not set in mkdocs\.yml"):
        public_address(None, "x/")


def test_links_from_the_host_root_become_paths_in_the_site() -> None:
    assert site_relative("/p2ham/en/index.html", "/p2ham/") == "en/index.html"
    assert site_relative("/p2ham/", "/p2ham") == "index.html"
    assert site_relative("../x/", "/p2ham/") == "../x/"
    assert default_source("modul/x.en.md", ["id", "en"]) == "modul/x.md"
    assert default_source("modul/x.md", ["id", "en"]) == "modul/x.md"
    assert default_source("en.md", ["id", "en"]) == "en.md"


def test_strings_load_in_every_language(tmp_path: Path) -> None:
    path = write(tmp_path, "id:\n  hello: Halo\n  quiz_a: A\nen:\n  hello: Hello\n  quiz_a: A\n")
    strings = load_strings(path, ["id", "en"])
    assert strings == {"id": {"hello": "Halo", "quiz_a": "A"}, "en": {"hello": "Hello", "quiz_a": "A"}}
    assert script_strings(strings["id"], "quiz_") == {"quiz_a": "A"}


def test_every_missing_string_is_reported_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "id:\n  hello: Halo\n  bye: Dah\nen:\n  hello: Hello\n  bye: ''\n  extra: Only English\n")
    with pytest.raises(ContentError) as caught:
        load_strings(path, ["id", "en"])
    name = caught.value.problems[0].file
    assert name.endswith("x.yml")
    assert str(caught.value).splitlines() == [
        f"{name}:1: id.extra: missing translation",
        f"{name}:6: en.bye: must be non-empty text",
    ]


def test_missing_language_and_bad_yaml_are_reported(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match=r"x.yml:1: en: language missing"):
        load_strings(write(tmp_path, "id:\n  a: b\n"), ["id", "en"])
    with pytest.raises(ContentError, match=r"x.yml:3: YAML syntax"):
        load_strings(write(tmp_path, "id:\n  a: [b\n"), ["id", "en"])


def test_the_generators_interface_strings_are_complete() -> None:
    strings = load_strings(ROOT / "content" / "ui-strings.yml", ["id", "en"])
    assert strings["id"].keys() == strings["en"].keys()
