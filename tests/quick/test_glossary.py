"""The glossary: loading and validation with every problem's line, abbreviations per language, escaped HTML."""

from __future__ import annotations

from pathlib import Path

import pytest

from p2ham.core.errors import ContentError
from p2ham.core.render import render
from p2ham.course.glossary import Entry, Sense, abbreviation_markdown, load_glossary

ENTRY = """- term: {term}
  abbr: true
  id:
    expansion: Kepanjangan
    definition: Definisi.
  en:
    expansion: Expansion
    definition: Definition.
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "glossary.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_glossary_loads_sorted(tmp_path: Path) -> None:
    entries = load_glossary(write(tmp_path, ENTRY.format(term="UPT") + ENTRY.format(term="asas")), ["id", "en"])
    assert [e.term for e in entries] == ["asas", "UPT"]
    assert entries[1].senses["en"] == Sense("Expansion", "Definition.")
    assert entries[1].anchor == "term-upt"


def test_every_glossary_problem_is_reported_with_its_line(tmp_path: Path) -> None:
    text = (ENTRY.format(term="UPT") + ENTRY.format(term="UPT")
            + "- term: K[L]\n  abbr: ya\n  id:\n    expansion: x\n    definition: y\n  warna: merah\n")
    path = write(tmp_path, text)
    with pytest.raises(ContentError) as caught:
        load_glossary(path, ["id", "en"])
    path = caught.value.problems[0].file  # type: ignore[assignment]
    assert str(caught.value).splitlines() == [
        f"{path}:9: term: duplicate of line 1",
        f"{path}:17: en: missing the en expansion and definition",
        f"{path}:17: term: may not contain [, ], * or a line break",
        f"{path}:18: abbr: must be true or false",
        f"{path}:22: warna: unknown field",
    ]


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match=r"glossary.yml:3: YAML syntax"):
        load_glossary(write(tmp_path, "- term: a\n  abbr: true\n\tid: x\n"), ["id", "en"])


def test_abbreviations_are_written_per_language() -> None:
    entries = [Entry("UPT", True, {"id": Sense("Unit Pelaksana Teknis", "d"), "en": Sense("Technical unit", "d")}, 1),
               Entry("asas", False, {"id": Sense("prinsip", "d"), "en": Sense("principle", "d")}, 2)]
    assert abbreviation_markdown(entries, "id") == "*[UPT]: Unit Pelaksana Teknis"
    assert abbreviation_markdown(entries, "en") == "*[UPT]: Technical unit"
    # With the page's text: only the abbreviations it contains (Markdown's abbr marks whole words of the text).
    assert abbreviation_markdown(entries, "id", "Kepala UPT menandatangani.") == "*[UPT]: Unit Pelaksana Teknis"
    assert abbreviation_markdown(entries, "id", "<!-- p2ham:unit -->") == ""


def test_glossary_html_escapes_its_text() -> None:
    entry = Entry("<script>", True, {"id": Sense("<b>x</b>", "a & b")}, 1)
    html = render("glossary.html", entries=[entry], lang="id")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html and "a &amp; b" in html
