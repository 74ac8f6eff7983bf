"""The office's own site (this project's content and settings), built once: the checks every site must pass
whatever its modules and data: a strict build (which also checks the office's content rules, published addresses
included); every page in both languages with its counterpart, switcher, canonical and alternates; nothing from
another origin; the sitemap; the security policy over every inline script; redirects; and, for illustrative data,
a notice on every unit page."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from conftest import figure
from helpers import ROOT, BuiltSite, host_headers
from sitecheck import (
    LANGUAGES,
    check_alternates,
    check_counterparts,
    check_switcher,
    external_resources_in_css,
    external_resources_in_html,
    parsed_inline_scripts,
    url_language,
)

from p2ham.publish.redirects import load_redirects
from p2ham.publish.security import script_hash
from p2ham.units.load import load_data



def test_the_strict_build_prints_no_warning(office_site: BuiltSite) -> None:
    assert "WARNING" not in office_site.log, office_site.log


def test_every_page_has_its_counterpart_switcher_canonical_and_alternates(office_site: BuiltSite) -> None:
    pages = office_site.pages()
    assert {url_language(p.url, office_site.base_path) for p in pages} == set(LANGUAGES)
    assert check_counterparts(pages, office_site.base_path) == []
    assert check_switcher(pages, office_site.base_path) == []
    assert check_alternates(pages, office_site.site_url, office_site.base_path) == []


def test_nothing_is_loaded_from_another_origin(office_site: BuiltSite) -> None:
    assert [p for page in office_site.pages() for p in external_resources_in_html(page)] == []
    stylesheets = sorted(office_site.path.rglob("*.css"))
    assert [p for css in stylesheets for p in external_resources_in_css(str(css), css.read_text("utf-8"))] == []


def test_the_sitemap_lists_every_page(office_site: BuiltSite) -> None:
    locations = set(re.findall(r"<loc>https?://[^/]+(/[^<]*)</loc>", office_site.text("sitemap.xml")))
    assert {page.url for page in office_site.pages()} - locations == set()


def test_no_template_source_is_published(office_site: BuiltSite) -> None:
    leaks = [str(path) for path in office_site.path.rglob("*") if path.suffix in (".svg", ".html", ".xml", ".json")
             and ("{{ " in (text := path.read_text("utf-8", errors="replace")) or "{% " in text)]
    assert leaks == []


def test_the_security_policy_covers_every_inline_script(office_site: BuiltSite) -> None:
    csp = host_headers(office_site.path)["Content-Security-Policy"]
    scripts = {s for page in office_site.path.rglob("*.html") for s in parsed_inline_scripts(page.read_text("utf-8"))}
    assert scripts and [s[:60] for s in scripts if script_hash(s) not in csp] == []


# --- redirects -----------------------------------------------------------------------------------------------------

def test_redirects_lead_to_the_page_in_the_same_language(office_site: BuiltSite) -> None:
    for redirect in load_redirects(ROOT / "content" / "redirects.yml"):
        for prefix in ("", "en/"):
            soup = office_site.page(f"{prefix}{redirect.old}")
            target = soup.find("meta", attrs={"http-equiv": "refresh"})["content"].split("url=", 1)[1]
            landing = (office_site.path / prefix / redirect.old / target).resolve()
            assert landing == (office_site.path / prefix / redirect.new).resolve()
            assert soup.find("link", rel="canonical")["href"].endswith(f"/{prefix}{redirect.new}")


# --- unit pages ------------------------------------------------------------------------------------------------------

def test_illustrative_data_says_so_on_every_page_it_produces(office_site: BuiltSite) -> None:
    data = load_data(ROOT / "data")
    pages = [*office_site.path.glob("unit-kerja/*/index.html"), *office_site.path.glob("en/unit-kerja/*/index.html"),
             office_site.path / "unit-kerja" / "index.html", office_site.path / "en" / "unit-kerja" / "index.html"]
    assert len(pages) == 2 * len(data.units) + 2
    for path in pages:
        notice = BeautifulSoup(path.read_text("utf-8"), "html.parser").select_one("[data-p2ham-sample]")
        assert (notice is not None and bool(notice.get_text(strip=True))) == data.dataset.sample, path


def test_a_unit_page_is_small(office_site: BuiltSite) -> None:
    sizes = {p: p.stat().st_size for p in office_site.path.glob("unit-kerja/*/index.html")}
    largest = max(sizes.values())
    figure("largest unit page", f"{largest / 1024:.1f} KB uncompressed (budget 60 KB)")
    assert largest <= 60 * 1024
