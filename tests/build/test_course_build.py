"""The course in a build of the fixture site: each module's box, the learning path, the stages flow, the glossary's
tooltips and page, the agendas, the contact; untranslated pages; and builds that stop on bad content, every
problem at once, as `file:line: field: problem`."""

from __future__ import annotations

import itertools
import posixpath
import re
from pathlib import Path

import pytest
from helpers import HOME, SITE_FIXTURE, BuiltSite, build_project

from p2ham.core.dates import clock_text, format_duration
from p2ham.course.agendas import load_agendas
from p2ham.course.glossary import load_glossary
from p2ham.course.modules import collect_modules

DOCS = SITE_FIXTURE / "docs"
LANGS = [("", "id"), ("en/", "en")]
PAGE = "---\ntitle: {title}\n{extra}---\n\n# {title}\n\nIsi halaman.\n"


@pytest.mark.parametrize(("prefix", "lang"), LANGS)
def test_every_module_page_shows_its_box_in_its_language(fixture_site: BuiltSite, prefix: str, lang: str) -> None:
    word = {"id": "Durasi", "en": "Duration"}[lang]
    for module in collect_modules(DOCS, lang, "id"):
        box = fixture_site.page(f"{prefix}modul/{module.slug}").select_one(".p2ham-module-info")
        assert box is not None, module.slug
        assert f"{word}:" in box.get_text()
        assert [li.get_text() for li in box.select("li")] == list(module.objectives)
        assert box.select_one("time")["datetime"] == module.checked.isoformat()
        page = str(fixture_site.page(f"{prefix}modul/{module.slug}").select_one("article"))
        assert page.index("p2ham-module-info") < page.index("<h2")  # before the first section


@pytest.mark.parametrize(("prefix", "lang"), LANGS)
def test_start_page_lists_every_module_and_the_total(fixture_site: BuiltSite, prefix: str, lang: str) -> None:
    modules = collect_modules(DOCS, lang, "id")
    table = fixture_site.page(f"{prefix}mulai").select_one(".p2ham-learning-path table")
    assert table is not None
    rows = table.select("tbody tr")
    assert [row.select_one("a").get_text() for row in rows] == [m.title for m in modules]
    assert [row.select_one("a")["href"] for row in rows] == [f"../modul/{m.slug}/" for m in modules]
    words = {"id": ("jam", "menit", "Total durasi"), "en": ("h", "min", "Total time")}[lang]
    foot = table.select_one("tfoot").get_text(" ", strip=True)
    assert f"{words[2]} ({len(modules)} {'modul' if lang == 'id' else 'modules'})" in foot  # counted, not written
    assert foot.endswith(format_duration(sum(m.duration for m in modules), words[0], words[1]))


@pytest.mark.parametrize(("prefix", "first"), [("", "Pencanangan"), ("en/", "Declaration (pencanangan)")])
def test_stage_flow_is_an_ordered_list_in_the_page_language(fixture_site: BuiltSite, prefix: str,
                                                            first: str) -> None:
    for path in (f"{prefix}modul/alfa", f"{prefix}cetak"):  # the module page and the print-all page
        flow = fixture_site.page(path).select_one("figure.p2ham-flow")
        assert flow is not None, path
        steps = [li.select_one(".p2ham-flow__name").get_text() for li in flow.select("ol > li")]
        assert len(steps) == 4 and steps[0] == first
        assert flow.select_one("figcaption").get_text().strip()
        assert "<!-- p2ham:" not in fixture_site.text(f"{path}/index.html")  # no marker left anywhere


@pytest.mark.parametrize(("prefix", "lang"), LANGS)
def test_glossary_terms_get_tooltips_and_the_glossary_page_lists_them(fixture_site: BuiltSite, prefix: str,
                                                                     lang: str) -> None:
    entries = load_glossary(SITE_FIXTURE / "content" / "glossary.yml", ["id", "en"])
    page = fixture_site.page(f"{prefix}modul/alfa")
    titles = {a.get_text(): a["title"] for a in page.select("article abbr")}
    assert titles == {"ULT": next(e for e in entries if e.term == "ULT").senses[lang].expansion}
    glossary = fixture_site.page(f"{prefix}glosarium")
    terms = glossary.select(".p2ham-glossary dt")
    assert [dt.select_one("dfn").get_text() for dt in terms] == [e.term for e in entries]
    assert [dt["id"] for dt in terms] == [e.anchor for e in entries]
    assert [dd.get_text() for dd in glossary.select(".p2ham-glossary dd")] == [e.senses[lang].definition
                                                                                 for e in entries]


@pytest.mark.parametrize(("prefix", "lang"), LANGS)
def test_agenda_page_shows_every_format_with_chained_times_and_module_links(fixture_site: BuiltSite, prefix: str,
                                                                           lang: str) -> None:
    modules = {m.slug: m for m in collect_modules(DOCS, lang, "id")}
    agendas = load_agendas(SITE_FIXTURE / "content" / "agendas.yml", {s: m.duration for s, m in modules.items()},
                           ["id", "en"])
    blocks = fixture_site.page(f"{prefix}agenda").select(".p2ham-agenda")
    assert [block.select_one("h2")["id"] for block in blocks] == [agenda.id for agenda in agendas]
    for block, agenda in zip(blocks, agendas, strict=True):
        assert block.select_one("h2").get_text() == agenda.title[lang]
        table = block.select_one("table")
        assert table.select_one("caption").get_text().strip()
        assert [th["scope"] for th in table.select("thead th")] == ["col", "col", "col"]
        rows = table.select("tbody tr")
        times = [[t["datetime"] for t in row.select("td time")] for row in rows]
        assert times[0][0] == clock_text(agenda.start) and times[-1][1] == clock_text(agenda.end)
        assert all(b[0] == a[1] for a, b in itertools.pairwise(times)), times
        assert all(row.select_one("th[scope=row]") for row in rows)
        slugs = []
        for link in table.select("tbody a"):
            target = posixpath.normpath(posixpath.join(f"{prefix}agenda/", link["href"]))
            slug = target.rsplit("/", 1)[-1]
            assert (fixture_site.path / target / "index.html").exists(), target
            assert modules[slug].title in link.get_text()
            slugs.append(slug)
        assert slugs == [item.module for item in agenda.items if item.module]
        assert table.select_one("tfoot td").get_text() == str(agenda.minutes)


def test_the_about_page_says_whose_unit_data_the_site_shows(fixture_site: BuiltSite) -> None:
    assert "contoh ilustratif" in fixture_site.page("tentang").select_one("article").get_text()  # sample: true
    assert "illustrative sample" in fixture_site.page("en/tentang").select_one("article").get_text()


def test_the_accessibility_statement_shows_the_contact_in_each_language(fixture_site: BuiltSite) -> None:
    for prefix, name in (("", "Tim uji"), ("en/", "Test team")):
        page = fixture_site.page(f"{prefix}aksesibilitas")
        contact = page.select_one("[data-p2ham-contact]")
        assert contact is not None and name in contact.get_text()
        assert contact.select_one("a[href='mailto:uji@example.org']") is not None
        assert page.select_one("[data-p2ham-contact-placeholder]") is not None  # an example address says so


# --- Builds --------------------------------------------------------------------------------------------------------

def test_every_content_problem_stops_the_build_at_once_before_anything_is_written(tmp_path: Path) -> None:
    module = (DOCS / "modul" / "beta.md").read_text("utf-8").replace("duration: 20\n", "duration: sejam\n")
    glossary = (SITE_FIXTURE / "content" / "glossary.yml").read_text("utf-8").replace("abbr: true", "abbr: ya")
    strings = (Path(__file__).resolve().parents[2] / "content" / "ui-strings.yml").read_text("utf-8")
    strings = strings.replace("\n  permalink_title: Link to this section", "", 1)
    result = build_project(tmp_path, {"modul/beta.md": module},
                           files={"content/glossary.yml": glossary, "content/ui-strings.yml": strings})
    assert not result.ok and "Traceback" not in result.log
    assert "The site's content has problems (nothing was built):" in result.log
    assert "modul/beta.md:5: duration: must be minutes, a whole number from 15 to 240" in result.log
    assert "content/glossary.yml:2: abbr: must be true or false" in result.log
    assert re.search(r"content/ui-strings\.yml:\d+: en\.permalink_title: missing translation", result.log)
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_missing_translation_fails_and_a_pending_one_builds_with_a_notice(tmp_path: Path) -> None:
    result = build_project(tmp_path / "a", {**HOME, "lain.md": PAGE.format(title="Lain", extra="")},
                           fixture_docs=False)
    assert not result.ok and "lain.md: no 'en' translation" in result.log
    pending = PAGE.format(title="Lain", extra="translation: pending\n")
    result = build_project(tmp_path / "b", {**HOME, "lain.md": pending}, fixture_docs=False)
    assert result.ok, result.log
    site = tmp_path / "b" / "site"
    from bs4 import BeautifulSoup

    english = BeautifulSoup((site / "en" / "lain" / "index.html").read_text("utf-8"), "html.parser")
    notice = english.select_one("[data-p2ham-untranslated]")
    assert notice is not None and "not been translated into English" in notice.get_text()
    assert english.select_one("[data-p2ham-content-lang]")["lang"] == "id"
    indonesian = BeautifulSoup((site / "lain" / "index.html").read_text("utf-8"), "html.parser")
    assert indonesian.select_one("[data-p2ham-untranslated]") is None


def test_an_untranslated_modules_views_say_so_and_carry_their_language(tmp_path: Path) -> None:
    """A module published before its translation: in English, its page and every view made from it (handouts,
    presentation, summary) carry the notice and mark their text as Indonesian (WCAG 3.1.2)."""
    from bs4 import BeautifulSoup

    from p2ham.trainer.views import VIEW_PARTS

    beta = (SITE_FIXTURE / "docs" / "modul" / "beta.md").read_text("utf-8")
    beta = beta.replace("\n---\n", "\ntranslation: pending\n---\n", 1)
    result = build_project(tmp_path, {"modul/beta.md": beta, "modul/beta.en.md": None})
    assert result.ok, result.log
    for prefix, lang in (("en/", "id"), ("", None)):
        for path in ["modul/beta/", *(f"modul/beta/{part}/" for part in VIEW_PARTS.values())]:
            soup = BeautifulSoup((result.site / prefix / path / "index.html").read_text("utf-8"), "html.parser")
            content = soup.select_one("[data-p2ham-content-lang]")
            assert content is not None and content.get("lang") == lang, prefix + path
            assert (soup.select_one("[data-p2ham-untranslated]") is not None) == bool(prefix), prefix + path


def test_a_bad_agendas_file_fails_the_build_naming_file_line_field(tmp_path: Path) -> None:
    agendas = (SITE_FIXTURE / "content" / "agendas.yml").read_text("utf-8")
    bad = agendas.replace("minutes: 10", "minutes: sepuluh", 1).replace("- module: beta", "- module: gamma")
    result = build_project(tmp_path, files={"content/agendas.yml": bad})
    assert not result.ok and "Traceback" not in result.log
    assert "The session agendas have problems:" in result.log
    assert ("content/agendas.yml:9: formats[0].items[0].minutes: must be a positive whole number of minutes, "
            "not 'sepuluh'") in result.log
    assert "content/agendas.yml:15: formats[0].items[3].module: unknown module 'gamma': the modules are alfa, beta" \
        in result.log
