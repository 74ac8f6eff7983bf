"""Unit pages in builds of the fixture site (three units): pages per unit and language, overview, open data,
badges, escaping, a failed build that leaves the previous site in place, and what stays out of navigation and
search."""

from __future__ import annotations

import csv
import io
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from bs4 import BeautifulSoup
from helpers import UNITS_FIXTURE, BuiltSite, build, make_project

from p2ham.units.load import load_data

HOSTILE = '<script>alert("x")</script> & "quotes" \'single\' {{ 7*7 }}'


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def test_a_page_and_a_badge_per_unit_in_each_language(fixture_site: BuiltSite) -> None:
    site = fixture_site.path
    for prefix, lang, notice in (("", "id", "Data ilustratif"), ("en/", "en", "Illustrative data")):
        for unit in ("kanwil-uji", "lapas-uji", "kanim-uji"):
            page = soup(site / prefix / "unit-kerja" / unit / "index.html")
            assert page.find("html")["lang"] == lang
            assert notice in page.select_one("[data-p2ham-sample]").get_text()
            badge = ET.fromstring((site / prefix / "unit-kerja" / unit / "badge.svg").read_text("utf-8"))
            assert badge.tag.endswith("svg")
        overview = soup(site / prefix / "unit-kerja" / "index.html")
        assert notice in overview.select_one("[data-p2ham-sample]").get_text()
        assert len(overview.select(".p2ham-unit-table table tbody tr")) == 3
    lapas = soup(site / "unit-kerja" / "lapas-uji" / "index.html")
    assert lapas.select_one("[aria-current=step]").get_text(" ", strip=True).startswith("Penilaian")
    criteria = [p.get_text() for p in lapas.select(".p2ham-criterion p")]
    assert criteria[0].startswith("1 dari 2 indikator tersedia, 1 dalam proses, 0 belum (50% tersedia)")
    assert lapas.select_one(".p2ham-criterion svg")["aria-hidden"] == "true"
    assert "Memegang predikat P2HAM (penilaian 2023)" in lapas.select_one(".p2ham-predicate").get_text()
    assert [li.get_text(" ", strip=True)[:4] for li in lapas.select(".p2ham-timeline li")] == ["2023", "2022"]
    assert lapas.select_one(".p2ham-indicators em").get_text() == "bertanggal"  # a little Markdown in notes
    assert lapas.select_one('a[href="../kanwil-uji/"]') is not None  # the parent unit
    english = soup(site / "en" / "unit-kerja" / "lapas-uji" / "index.html")
    assert "Holds the P2HAM predicate (2023 assessment)" in english.select_one(".p2ham-predicate").get_text()


def test_open_data_has_stable_addresses_and_the_whole_dataset(fixture_site: BuiltSite) -> None:
    site = fixture_site.path
    published = json.loads((site / "unit-kerja" / "data.json").read_text("utf-8"))
    assert published["sample"] is True
    assert [u["id"] for u in published["units"]] == ["kanim-uji", "kanwil-uji", "lapas-uji"]
    assert published["framework"]["criteria"][0]["label"] == {"id": "Ketersediaan aksesibilitas",
                                                              "en": "Accessibility"}
    rows = list(csv.DictReader(io.StringIO((site / "unit-kerja" / "data.csv").read_text("utf-8"))))
    assert [r["id"] for r in rows] == ["kanim-uji", "kanwil-uji", "lapas-uji"]
    assert rows[2]["ramp"] == "ada" and rows[2]["predicate_year"] == "2023"
    assert not (site / "en" / "unit-kerja" / "data.json").exists()  # one address for every language


def test_hostile_strings_are_escaped_everywhere(tmp_path: Path) -> None:
    text = (UNITS_FIXTURE / "units" / "lapas-uji.yml").read_text("utf-8")
    text = text.replace("name: {id: Lapas Kelas IIA Uji, en: Uji Class IIA Prison}",
                        f"name: {{id: {json.dumps(HOSTILE)}, en: {json.dumps(HOSTILE)}}}")
    text = text.replace("region: Kabupaten Uji", 'region: "\\"><img src=x onerror=alert(1)>"')
    text = text.replace('note: "Foto *bertanggal* di pintu masuk."',
                        'note: "[klik](javascript:alert(1)) <b onmouseover=x>hai</b> <script>x()</script>"')
    text = text.replace("decree: Kepmen contoh 2023}\nhistory", 'decree: "=HYPERLINK(\\"http://x\\")"}\nhistory')
    text = text.replace("  - {id: Perbaiki toilet aksesibel, en: Finish the accessible toilet}",
                        '  - {id: "</textarea><svg onload=alert(1)>", en: "ok"}')
    result = build(make_project(tmp_path, files={"data/units/lapas-uji.yml": text}))
    assert result.ok, result.log
    site = result.site
    for path in (site / "unit-kerja" / "lapas-uji" / "index.html", site / "en" / "unit-kerja" / "index.html",
                 site / "unit-kerja" / "index.html", site / "unit-kerja" / "kanim-uji" / "index.html"):
        html = path.read_text("utf-8")
        page = BeautifulSoup(html, "html.parser")
        assert not [s for s in page.find_all("script") if "alert" in s.get_text()], path
        assert not page.select("[onerror], [onmouseover], [onload]"), path
        assert not page.select('a[href^="javascript"]'), path
        assert "<script>alert" not in html and "<img src=x" not in html, path
    unit = soup(site / "unit-kerja" / "lapas-uji" / "index.html")
    assert unit.find("h1").get_text() == HOSTILE
    assert unit.select_one(".md-header__topic:last-child .md-ellipsis").get_text(strip=True) == HOSTILE
    assert unit.find("title").get_text().startswith(HOSTILE)
    assert unit.select_one('meta[name="description"]')["content"].startswith(HOSTILE)
    assert unit.select_one('meta[property="og:title"]')["content"] == HOSTILE
    badge = ET.fromstring((site / "unit-kerja" / "lapas-uji" / "badge.svg").read_text("utf-8"))
    assert HOSTILE in "".join(badge.itertext())
    assert json.loads((site / "unit-kerja" / "data.json").read_text("utf-8"))["units"][2]["name"]["id"] == HOSTILE
    rows = list(csv.DictReader(io.StringIO((site / "unit-kerja" / "data.csv").read_text("utf-8"))))
    assert rows[2]["predicate_decree"] == "'=HYPERLINK(\"http://x\")"  # no formula in a spreadsheet


def test_bad_data_fails_before_anything_is_written(tmp_path: Path) -> None:
    """The data named by P2HAM_DATA (elsewhere than the project's data/) is checked before anything is written."""
    data = tmp_path / "data"
    shutil.copytree(UNITS_FIXTURE, data)
    config = make_project(tmp_path / "project")
    result = build(config, env={"P2HAM_DATA": str(data)})
    assert result.ok, result.log
    before = (result.site / "unit-kerja" / "lapas-uji" / "index.html").read_text("utf-8")
    unit = data / "units" / "lapas-uji.yml"
    unit.write_text(unit.read_text("utf-8").replace("stage: penilaian", "stage: selesai"), "utf-8")
    (data / "units" / "kanim-uji.yml").write_text("id: [", "utf-8")
    result = build(config, env={"P2HAM_DATA": str(data)})
    assert not result.ok
    assert "units/lapas-uji.yml:6: stage: unknown stage 'selesai'" in result.log
    assert "units/kanim-uji.yml:" in result.log and ": YAML syntax" in result.log
    assert "Traceback" not in result.log
    assert (result.site / "unit-kerja" / "lapas-uji" / "index.html").read_text("utf-8") == before


def test_units_stay_out_of_navigation_and_search_and_are_in_the_sitemap(fixture_site: BuiltSite) -> None:
    built_site = fixture_site
    data = load_data(UNITS_FIXTURE)
    names = [u.name.id for u in data.units]
    home = (built_site.path / "index.html").read_text("utf-8")
    assert not [n for n in names if n in home]  # the navigation on every page lists no unit
    index = json.loads((built_site.path / "search" / "search_index.json").read_text("utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert not [loc for loc in locations if loc.startswith(("unit-kerja/", "en/unit-kerja/")) and
                loc.split("/")[-2] != "unit-kerja" and "/unit-kerja/#" not in loc and loc.count("/") > 2]
    assert any(loc.startswith("unit-kerja/") for loc in locations)  # the overview is indexed
    sitemap = (built_site.path / "sitemap.xml").read_text("utf-8")
    unit = data.units[0].id
    assert f"unit-kerja/{unit}/</loc>" in sitemap and f"en/unit-kerja/{unit}/</loc>" in sitemap


def test_every_generated_page_of_the_sample_says_it_is_illustrative(fixture_site: BuiltSite) -> None:
    built_site = fixture_site
    pages = [*built_site.path.glob("unit-kerja/*/index.html"), *built_site.path.glob("en/unit-kerja/*/index.html"),
             built_site.path / "unit-kerja" / "index.html", built_site.path / "en" / "unit-kerja" / "index.html"]
    assert len(pages) == 2 * 3 + 2
    for path in pages:
        notice = soup(path).select_one("[data-p2ham-sample]")
        assert notice is not None and notice.get_text(strip=True), path


def test_an_office_starting_out_has_no_unit_and_the_overview_says_so(tmp_path: Path) -> None:
    files = {f"data/units/{name}.yml": None for name in ("kanwil-uji", "lapas-uji", "kanim-uji")}
    result = build(make_project(tmp_path, files={**files, "data/units/.gitkeep": ""}))
    assert result.ok, result.log
    overview = soup(result.site / "en" / "unit-kerja" / "index.html")
    assert "No work unit has been recorded yet." in overview.get_text()
    assert not overview.select(".p2ham-unit-table table")
