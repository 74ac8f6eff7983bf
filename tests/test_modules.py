"""Module front matter, the objectives box and the learning path: pure functions, the hook, and builds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import BuiltSite, build_site, small_site

from p2ham.dates import long_date
from p2ham.errors import ContentError
from p2ham.modules import (
    check_module_meta,
    collect_modules,
    find_markers,
    format_duration,
    insert_before_first_section,
    replace_marker,
)

GOOD_META: dict[str, Any] = {
    "title": "Modul uji", "description": "Deskripsi.", "module": 1, "duration": 60,
    "objectives": ["Menjelaskan sesuatu"], "checked": dt.date(2026, 11, 28),
}


def module_text(meta: str, body: str = "# Judul\n\nPembuka.\n\n## Poin kunci\n\n- Satu\n") -> str:
    return f"---\n{meta}---\n\n{body}"


GOOD_YAML = ("title: Modul uji\ndescription: Deskripsi.\nmodule: {n}\nduration: 60\n"
             "objectives:\n  - Menjelaskan sesuatu\nchecked: 2026-11-28\n")


def test_good_meta_has_no_problem() -> None:
    assert check_module_meta(GOOD_META, "modul/x.md") == []


@pytest.mark.parametrize(("change", "field", "message"), [
    ({"duration": "satu jam"}, "duration", "must be minutes"),
    ({"duration": 5}, "duration", "must be minutes"),
    ({"objectives": []}, "objectives", "non-empty list"),
    ({"objectives": ["ok", ""]}, "objectives", "non-empty list"),
    ({"module": 0}, "module", "whole number"),
    ({"checked": "kemarin"}, "checked", "YYYY-MM-DD"),
    ({"title": " "}, "title", "non-empty text"),
    ({"description": "x" * 201}, "description", "201 characters"),
    ({"durasi": 60}, "durasi", "unknown front-matter key"),
])
def test_each_bad_field_is_named(change: dict[str, Any], field: str, message: str) -> None:
    problems = check_module_meta({**GOOD_META, **change}, "modul/x.md", {field: 7})
    assert len(problems) == 1
    assert str(problems[0]).startswith(f"modul/x.md:7: {field}: ")
    assert message in problems[0].message


def test_missing_fields_are_all_reported() -> None:
    problems = check_module_meta({"title": "x"}, "modul/x.md")
    assert {p.field for p in problems} == {"description", "module", "duration", "objectives", "checked"}


def test_collect_modules_orders_falls_back_and_reports_duplicates(tmp_path: Path) -> None:
    folder = tmp_path / "modul"
    folder.mkdir()
    (folder / "b.md").write_text(module_text(GOOD_YAML.format(n=1)), "utf-8")
    (folder / "a.md").write_text(module_text(GOOD_YAML.format(n=2)), "utf-8")
    (folder / "a.en.md").write_text(module_text(GOOD_YAML.format(n=2).replace("Modul uji", "Test module")), "utf-8")
    english = collect_modules(tmp_path, "en", "id")
    assert [(m.slug, m.title, m.source) for m in english] == [
        ("b", "Modul uji", "modul/b.md"), ("a", "Test module", "modul/a.en.md")]
    (folder / "c.md").write_text(module_text(GOOD_YAML.format(n=2).replace("duration: 60", "duration: x")), "utf-8")
    (folder / "d.md").write_text(module_text(GOOD_YAML.format(n=1)), "utf-8")
    with pytest.raises(ContentError) as caught:
        collect_modules(tmp_path, "id", "id")
    assert str(caught.value).splitlines() == [
        "modul/c.md:5: duration: must be minutes, a whole number from 15 to 240",
        "modul/d.md:1: module: number 1 is also used by modul/b.md",
    ]


def test_durations_and_dates_read_naturally() -> None:
    assert format_duration(45, "jam", "menit") == "45 menit"
    assert format_duration(60, "jam", "menit") == "1 jam"
    assert format_duration(90, "h", "min") == "1 h 30 min"
    assert long_date(dt.date(2026, 11, 28), "id") == "28 November 2026"
    assert long_date(dt.date(2026, 5, 1), "id") == "1 Mei 2026"
    assert long_date(dt.date(2026, 5, 1), "en") == "1 May 2026"


def test_markers_are_found_and_replaced() -> None:
    text = "# T\n\n<!-- p2ham:learning-path -->\n\nafter\n<!-- p2ham:nope -->\n"
    assert find_markers(text) == [("learning-path", 3), ("nope", 6)]
    assert replace_marker(text, "learning-path", "<div>x</div>").startswith("# T\n\n\n<div>x</div>\n\nafter")


def test_box_goes_before_the_first_section() -> None:
    assert insert_before_first_section("# T\n\nIntro.\n\n## A\n", "<div>box</div>") == (
        "# T\n\nIntro.\n\n\n<div>box</div>\n\n## A\n")
    assert insert_before_first_section("# T\n", "<div>box</div>").endswith("<div>box</div>\n\n")


def fake_page(src_uri: str, meta: dict[str, Any], abs_src: Path) -> Any:
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri, locale="id", abs_src_path=str(abs_src)),
                           meta=meta, url="modul/x/")


def fake_config() -> Any:
    plugin = SimpleNamespace(current_language="id", default_language="id")
    return SimpleNamespace(plugins={"i18n": plugin})


def test_hook_adds_the_box_and_rejects_unknown_markers(tmp_path: Path) -> None:
    import modules as modules_hook
    from mkdocs.exceptions import PluginError

    source = tmp_path / "x.md"
    source.write_text(module_text(GOOD_YAML.format(n=1)), "utf-8")
    modules_hook._strings.update({"id": {"module": "Modul", "duration": "Durasi", "hours": "jam",
                                         "minutes": "menit", "objectives_intro": "Anda dapat:",
                                         "checked_on": "Diperiksa pada"}})
    page = fake_page("modul/x.md", dict(GOOD_META, objectives=["<b>Menjelaskan</b>"]), source)
    out = modules_hook.on_page_markdown("# Judul\n\nPembuka.\n\n## Poin\n", page=page, config=fake_config(),
                                        files=Any)
    assert out is not None
    assert "Modul 1 · Durasi: 1 jam" in out
    assert "&lt;b&gt;Menjelaskan&lt;/b&gt;" in out  # text from front matter is escaped
    assert out.index("p2ham-module-info") < out.index("## Poin")
    with pytest.raises(PluginError, match=r"modul/x.md:3: unknown marker <!-- p2ham:shortcode -->"):
        modules_hook.on_page_markdown("# J\n\n<!-- p2ham:shortcode -->\n", page=page, config=fake_config(),
                                      files=Any)


HOME = {"index.md": "---\ntitle: Beranda\n---\n\n# Beranda\n\nIsi.\n",
        "index.en.md": "---\ntitle: Home\n---\n\n# Home\n\nText.\n"}


def test_bad_module_front_matter_fails_the_build_naming_file_line_field(tmp_path: Path) -> None:
    bad = GOOD_YAML.format(n=1).replace("duration: 60", "duration: sejam")
    config = small_site(tmp_path, {**HOME, "modul/x.md": module_text(bad),
                                   "modul/x.en.md": module_text(GOOD_YAML.format(n=1))})
    result = build_site(tmp_path / "site", config)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "modul/x.md:5: duration: must be minutes" in output
    assert "Traceback" not in output


def test_unknown_marker_fails_the_build(tmp_path: Path) -> None:
    config = small_site(tmp_path, {**HOME, "lain.md": "# Lain\n\n<!-- p2ham:learningpath -->\n",
                                   "lain.en.md": "# Other\n\nText.\n"})
    result = build_site(tmp_path / "site", config)
    assert result.returncode != 0
    assert "lain.md:3: unknown marker <!-- p2ham:learningpath -->" in result.stdout + result.stderr


def read(site: BuiltSite, path: str) -> BeautifulSoup:
    return BeautifulSoup((site.path / path / "index.html").read_text("utf-8"), "html.parser")


@pytest.mark.parametrize(("prefix", "word"), [("", "Durasi"), ("en/", "Duration")])
def test_every_module_page_shows_its_box_in_its_language(built_site: BuiltSite, prefix: str, word: str) -> None:
    docs = Path(__file__).resolve().parent.parent / "docs"
    for module in collect_modules(docs, prefix.rstrip("/") or "id", "id"):
        box = read(built_site, f"{prefix}modul/{module.slug}").select_one(".p2ham-module-info")
        assert box is not None, module.slug
        assert f"{word}:" in box.get_text()
        assert [li.get_text() for li in box.select("li")] == list(module.objectives)
        assert box.select_one("time")["datetime"] == module.checked.isoformat()


@pytest.mark.parametrize(("prefix", "total"), [("", "Total durasi"), ("en/", "Total time")])
def test_start_page_lists_every_module_and_the_total(built_site: BuiltSite, prefix: str, total: str) -> None:
    docs = Path(__file__).resolve().parent.parent / "docs"
    modules = collect_modules(docs, prefix.rstrip("/") or "id", "id")
    table = read(built_site, f"{prefix}mulai").select_one(".p2ham-learning-path table")
    assert table is not None
    rows = table.select("tbody tr")
    assert [row.select_one("a").get_text() for row in rows] == [m.title for m in modules]
    assert [row.select_one("a")["href"] for row in rows] == [f"../modul/{m.slug}/" for m in modules]
    minutes = sum(m.duration for m in modules)
    foot = table.select_one("tfoot").get_text(" ", strip=True)
    assert total in foot
    assert foot.endswith(format_duration(minutes, "jam" if not prefix else "h", "menit" if not prefix else "min"))


@pytest.mark.parametrize(("prefix", "first"), [("", "Pencanangan"), ("en/", "Declaration (pencanangan)")])
def test_stage_flow_is_an_ordered_list_in_the_page_language(built_site: BuiltSite, prefix: str, first: str) -> None:
    for slug in ("permenkumham-25-2023", "dari-pencanangan-ke-predikat"):
        flow = read(built_site, f"{prefix}modul/{slug}").select_one("figure.p2ham-flow")
        assert flow is not None, slug
        steps = [li.select_one(".p2ham-flow__name").get_text() for li in flow.select("ol > li")]
        assert len(steps) == 4 and steps[0] == first
        assert flow.select_one("figcaption").get_text().strip()
