"""The office's own site in a real browser: every page the office writes, in both languages, at a phone's width
(also narrowed to 320 px) and at a desktop's: nothing from another origin, no failed request or script error, no
cookie, no axe violation, no horizontal scrolling, no security-policy violation, nothing drawn over a link or a
control, a language switcher that leads to the same page; and the home page's first visit within its weight budget.

Pages the generator makes from templates (every unit page, every module's trainer's views) are checked in full on
the fixture site (tests/browser); here a few of each stand for the rest, with the office's own text."""

from __future__ import annotations

from typing import Any

import pytest
from browsing import VIEWPORTS, Report, first_visit_weight, origin, site_report
from conftest import figure
from helpers import BuiltSite
from sitecheck import LANGUAGES, counterpart_url, url_language

from p2ham.trainer.views import PRINT_ALL, VIEW_PARTS
from p2ham.units.pages import UNIT_DIR

PAGE_WEIGHT_BUDGET = 100 * 1024  # bytes, gzip, a first visit to the home page or a module page (issue 12)
GENERATED_SAMPLE = 1  # generated pages of a kind checked per language: unit pages, one module's views


def office_pages(site: BuiltSite) -> list[str]:
    """Every page, except that of the generated pages of each kind only the first of each language is loaded."""
    kept: list[str] = []
    seen: dict[tuple[str, str], set[str]] = {}
    for page in site.pages():
        parts = page.url.strip("/").split("/")
        lang = url_language(page.url, site.base_path)
        kind, group = "", ""
        if len(parts) >= 3 and parts[-3] == "modul" and parts[-1] in VIEW_PARTS.values():
            kind, group = "views", parts[-2]
        elif UNIT_DIR in parts and parts[-1] != UNIT_DIR:
            kind, group = "units", parts[-1]
        if kind:
            groups = seen.setdefault((kind, lang), set())
            if group not in groups and len(groups) >= GENERATED_SAMPLE:
                continue
            groups.add(group)
        kept.append(page.url)
    return kept


@pytest.fixture(scope="module")
def report(office_site: BuiltSite, office_server: str, browser: Any) -> Report:
    server_root = office_server[: -len(office_site.base_path)]
    return site_report(browser, server_root, office_pages(office_site))


@pytest.mark.parametrize("check", ["requests to another origin", "failed requests and script errors",
                                   "axe violations", "wider than the screen", "security policy violations",
                                   "cookies", "covered controls"])
def test_every_page_passes(report: Report, office_server: str, office_site: BuiltSite, check: str) -> None:
    urls = {url for url, _ in report.visits}
    assert any(url.endswith(f"/{PRINT_ALL}/") for url in urls)
    assert any(f"/{UNIT_DIR}/" in url and not url.endswith(f"/{UNIT_DIR}/") for url in urls)
    problems = report.problems(origin(office_server))[check]
    assert problems == [], "\n".join(problems)


def test_switcher_after_scripts_ran_leads_to_the_same_page(report: Report, office_site: BuiltSite) -> None:
    problems = [f"{url}: {lang} link is {links.get(lang)}"
                for url, links in report.switcher.items() for lang in LANGUAGES
                if links.get(lang) != counterpart_url(url, lang, office_site.base_path)]
    assert report.switcher and problems == []


def test_first_visits_within_budget(browser: Any, office_server: str, office_site: BuiltSite) -> None:
    """The home page and a module page, on a phone's first visit: everything transferred, the search index included
    if a script fetched it (it is fetched only when the reader starts to search)."""
    module = sorted(path.parent.name for path in (office_site.path / "modul").glob("*/index.html"))[0]
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    for name, path in (("home page", ""), ("module page", f"modul/{module}/")):
        weight = first_visit_weight(context, office_server + path)
        figure(f"{name}, first visit", (f"{weight.gzip / 1024:.1f} KB gzip ({weight.raw / 1024:.1f} KB raw, "
                                          f"{len(weight.files)} files; budget {PAGE_WEIGHT_BUDGET // 1024} KB)"))
        assert weight.files
        assert not [url for url, _, _ in weight.files if "search_index" in url]
        assert weight.gzip <= PAGE_WEIGHT_BUDGET, f"{name}: {weight.gzip / 1024:.1f} KB gzip"
    context.close()
