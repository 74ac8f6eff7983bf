"""The office's own site (this project's content and settings), built once: the checks every site must pass
whatever its modules and data: a strict build (which also checks the office's content rules, published addresses
included); every page in both languages with its counterpart, switcher, canonical and alternates; nothing from
another origin; the sitemap; the security policy over every inline script; redirects; and, for illustrative data,
a notice on every unit page."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from conftest import figure
from helpers import ROOT, SITE_CHECKS, BuiltSite, site_problems

from p2ham.publish.redirects import load_redirects
from p2ham.units.load import load_data


@pytest.mark.parametrize("check", SITE_CHECKS)
def test_every_site_wide_check_passes(office_site: BuiltSite, check: str) -> None:
    assert site_problems(office_site)[check] == []


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
