"""Site-wide checks over the strictly built site, every page in both languages (output files, no browser)."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import BuiltSite
from sitecheck import (
    LANGUAGES,
    check_alternates,
    check_counterparts,
    check_switcher,
    external_resources_in_css,
    external_resources_in_html,
    load_site,
    url_language,
)

ROOT = Path(__file__).resolve().parent.parent


def test_strict_build_prints_no_warning(built_site: BuiltSite) -> None:
    assert "WARNING" not in built_site.log, built_site.log


def test_both_languages_are_built(built_site: BuiltSite) -> None:
    pages = load_site(built_site.path, built_site.base_path)
    languages = {url_language(p.url, built_site.base_path) for p in pages}
    assert languages == set(LANGUAGES)
    assert (built_site.path / "index.html").exists()
    assert (built_site.path / "en" / "index.html").exists()


def test_every_page_has_its_counterpart(built_site: BuiltSite) -> None:
    pages = load_site(built_site.path, built_site.base_path)
    assert len(pages) >= 8
    assert check_counterparts(pages, built_site.base_path) == []


def test_language_switcher_leads_to_the_same_page(built_site: BuiltSite) -> None:
    pages = load_site(built_site.path, built_site.base_path)
    assert check_switcher(pages, built_site.base_path) == []


def test_no_resource_from_another_origin_in_html(built_site: BuiltSite) -> None:
    pages = load_site(built_site.path, built_site.base_path)
    problems = [problem for page in pages for problem in external_resources_in_html(page)]
    assert problems == []


def test_no_resource_from_another_origin_in_css(built_site: BuiltSite) -> None:
    stylesheets = sorted(built_site.path.rglob("*.css"))
    assert stylesheets
    problems = [p for css in stylesheets for p in external_resources_in_css(str(css), css.read_text("utf-8"))]
    assert problems == []


def test_theme_speaks_the_page_language(built_site: BuiltSite) -> None:
    indonesian = (built_site.path / "index.html").read_text("utf-8")
    english = (built_site.path / "en" / "index.html").read_text("utf-8")
    # Material's own interface strings (the search box placeholder) follow the page language.
    assert 'placeholder="Cari"' in indonesian
    assert 'placeholder="Search"' in english


def test_every_page_declares_canonical_and_language_alternates(built_site: BuiltSite) -> None:
    from mkdocs.config import load_config

    site_url = load_config(str(ROOT / "mkdocs.yml")).site_url or ""
    pages = load_site(built_site.path, built_site.base_path)
    assert check_alternates(pages, site_url, built_site.base_path) == []


def test_sitemap_lists_every_page_in_both_languages(built_site: BuiltSite) -> None:
    sitemap = (built_site.path / "sitemap.xml").read_text("utf-8")
    locations = set(re.findall(r"<loc>https?://[^/]+(/[^<]*)</loc>", sitemap))
    pages = {page.url for page in load_site(built_site.path, built_site.base_path)}
    assert pages - locations == set()


def test_no_template_source_is_published(built_site: BuiltSite) -> None:
    leaks = [str(path) for path in built_site.path.rglob("*") if path.suffix in (".svg", ".html", ".xml", ".json")
             and ("{{ " in (text := path.read_text("utf-8", errors="replace")) or "{% " in text)]
    assert leaks == []
