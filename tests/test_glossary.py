"""The glossary: loading and validation, abbreviations in every page's language, the glossary pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import BuiltSite

from p2ham.errors import ContentError
from p2ham.glossary import Entry, Sense, abbreviation_markdown, load_glossary
from p2ham.render import render

ROOT = Path(__file__).resolve().parent.parent
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
    assert str(caught.value).splitlines() == [
        f"{path}:9: term: duplicate of line 1",
        f"{path}:17: en: missing the en expansion and definition",
        f"{path}:17: term: may not contain [, ], * or a line break",
        f"{path}:18: abbr: must be true or false",
        f"{path}:22: warna: unknown field",
    ]


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match=r"glossary.yml:3: invalid YAML"):
        load_glossary(write(tmp_path, "- term: a\n  abbr: true\n\tid: x\n"), ["id", "en"])


def test_abbreviations_are_written_per_language() -> None:
    entries = [Entry("UPT", True, {"id": Sense("Unit Pelaksana Teknis", "d"), "en": Sense("Technical unit", "d")}, 1),
               Entry("asas", False, {"id": Sense("prinsip", "d"), "en": Sense("principle", "d")}, 2)]
    assert abbreviation_markdown(entries, "id") == "*[UPT]: Unit Pelaksana Teknis"
    assert abbreviation_markdown(entries, "en") == "*[UPT]: Technical unit"


def test_glossary_html_escapes_its_text() -> None:
    entry = Entry("<script>", True, {"id": Sense("<b>x</b>", "a & b")}, 1)
    html = render("glossary.html", entries=[entry], lang="id")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html and "a &amp; b" in html


def test_the_project_glossary_is_valid_and_covers_the_required_terms() -> None:
    entries = load_glossary(ROOT / "content" / "glossary.yml", ["id", "en"])
    terms = {e.term for e in entries}
    required = {"P2HAM", "P5HAM", "HAM", "UPT", "Satker", "Kanwil", "OPD", "K/L", "Lapas", "Rutan", "LPKA",
                "Bapas", "Kanim", "SKM", "ZI", "WBK", "WBBM", "Ditjen HAM", "FNF"}
    assert required <= terms


def soup(site: BuiltSite, path: str) -> BeautifulSoup:
    return BeautifulSoup((site.path / path / "index.html").read_text("utf-8"), "html.parser")


def test_abbreviations_get_tooltips_in_the_page_language(built_site: BuiltSite) -> None:
    entries = {e.term: e for e in load_glossary(ROOT / "content" / "glossary.yml", ["id", "en"])}
    for prefix, lang in (("", "id"), ("en/", "en")):
        page = soup(built_site, f"{prefix}modul/p2ham-p5ham")
        titles = {a.get_text(): a["title"] for a in page.select("article abbr")}
        assert titles.get("HAM") == entries["HAM"].senses[lang].expansion, lang
        assert titles.get("P5HAM") == entries["P5HAM"].senses[lang].expansion, lang
        # The longer term wins: "Ditjen HAM" is one abbreviation, not "Ditjen" + "HAM".
        assert "Ditjen HAM" in titles, lang


@pytest.mark.parametrize(("prefix", "lang"), [("", "id"), ("en/", "en")])
def test_glossary_page_lists_every_term_in_its_language(built_site: BuiltSite, prefix: str, lang: str) -> None:
    entries = load_glossary(ROOT / "content" / "glossary.yml", ["id", "en"])
    page = soup(built_site, f"{prefix}glosarium")
    terms = page.select(".p2ham-glossary dt")
    assert [dt.select_one("dfn").get_text() for dt in terms] == [e.term for e in entries]
    assert [dt["id"] for dt in terms] == [e.anchor for e in entries]
    definitions = [dd.get_text() for dd in page.select(".p2ham-glossary dd")]
    assert definitions == [e.senses[lang].definition for e in entries]
