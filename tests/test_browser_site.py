"""Site-wide checks in a real browser: every page in both languages, at a phone and a desktop viewport."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from browsing import (
    VIEWPORTS,
    Visit,
    axe_violations,
    describe_violations,
    first_visit_weight,
    horizontal_overflow,
    visit,
)
from browsing import origin as origin_of
from conftest import FIGURES, BuiltSite
from sitecheck import LANGUAGES, counterpart_url, load_site, url_language

from p2ham.views import VIEW_PARTS

pytestmark = pytest.mark.browser
PAGE_WEIGHT_BUDGET = 150 * 1024  # bytes, compressed, first visit to the home page without the search index
UNIT_PAGES_PER_LANGUAGE = 3  # generated unit pages share one template: a few per language stand for all


def browser_pages(built_site: BuiltSite) -> list[Any]:
    """Every page, except that only the first few generated unit pages of each language are loaded, and the
    trainer's views (presentation and handouts) of one module per language: every module's views come from the
    same templates and the module's own text, which is checked on the module's page (test_browser_trainer.py
    checks the views themselves)."""
    pages, units = [], {}  # type: ignore[var-annotated]
    view_module: dict[str, str] = {}
    for page in load_site(built_site.path, built_site.base_path):
        parts = page.url.strip("/").split("/")
        if len(parts) >= 3 and parts[-3] == "modul" and parts[-1] in VIEW_PARTS.values():
            lang = url_language(page.url, built_site.base_path)
            if view_module.setdefault(lang, parts[-2]) != parts[-2]:
                continue
        if "unit-kerja" in parts and parts[-1] != "unit-kerja":
            lang = url_language(page.url, built_site.base_path)
            units[lang] = units.get(lang, 0) + 1
            if units[lang] > UNIT_PAGES_PER_LANGUAGE:
                continue
        pages.append(page)
    return pages


@dataclass
class Report:
    visits: dict[tuple[str, str], Visit] = field(default_factory=dict)
    axe: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    overflow: dict[tuple[str, str], int] = field(default_factory=dict)
    switcher: dict[str, dict[str, str]] = field(default_factory=dict)
    cookies: list[Any] = field(default_factory=list)


@pytest.fixture(scope="session")
def site_report(built_site: BuiltSite, site_server: str, browser: Any) -> Iterator[Report]:
    """Load every page once per viewport and record what each check needs."""
    report = Report()
    pages = browser_pages(built_site)
    server_root = site_server[: -len(built_site.base_path)]
    sizes = {**VIEWPORTS, "narrow": {"width": 320, "height": 640}}
    for name, viewport in sizes.items():
        context = browser.new_context(viewport=viewport, service_workers="block")
        for built in pages:
            page = context.new_page()
            report.visits[(built.url, name)] = visit(page, server_root + built.url)
            report.overflow[(built.url, name)] = horizontal_overflow(page)
            if name in VIEWPORTS:
                report.axe[(built.url, name)] = describe_violations(built.url, name, axe_violations(page))
            if name == "desktop":
                report.switcher[built.url] = page.evaluate(
                    """() => Object.fromEntries([...document.querySelectorAll('.md-select a[hreflang]')]
                          .map(a => [a.hreflang, new URL(a.href).pathname]))"""
                )
            page.close()
        report.cookies += context.cookies()
        context.close()
    yield report


def test_no_request_to_another_origin(site_report: Report, site_server: str) -> None:
    site_origin = origin_of(site_server)
    problems = [f"{url} [{vp}]: {request}" for (url, vp), v in site_report.visits.items()
                for request in v.foreign_requests(site_origin)]
    assert problems == []
    assert site_report.visits, "no page was visited"


def test_no_failed_request_or_script_error(site_report: Report) -> None:
    problems = [f"{url} [{vp}]: {p}" for (url, vp), v in site_report.visits.items() for p in v.failed + v.errors]
    assert problems == []


def test_no_cookies(site_report: Report) -> None:
    assert site_report.cookies == []


def test_axe_finds_no_violation(site_report: Report) -> None:
    problems = [line for lines in site_report.axe.values() for line in lines]
    assert len(site_report.axe) >= 2 * 8
    assert any("/unit-kerja/" in url and url.count("/") > 3 for url, _ in site_report.axe)
    assert problems == [], "\n".join(problems)


def test_pages_reflow_at_320_and_360_px(site_report: Report) -> None:
    problems = [f"{url} [{vp}]: {px} px wider than the screen"
                for (url, vp), px in site_report.overflow.items() if px > 0 and vp != "desktop"]
    assert problems == []


def test_switcher_after_scripts_ran_leads_to_the_same_page(site_report: Report, built_site: BuiltSite) -> None:
    problems = []
    for url, links in site_report.switcher.items():
        for lang in LANGUAGES:
            expected = counterpart_url(url, lang, built_site.base_path)
            if links.get(lang) != expected:
                problems.append(f"{url}: {lang} link is {links.get(lang)}, expected {expected}")
    assert problems == []


@pytest.mark.parametrize(("lang", "path"), [(lang, path) for lang in LANGUAGES
                                             for path in ("tentang/", "a unit page")])
def test_switching_language_by_clicking_lands_on_the_same_page(
    lang: str, path: str, browser: Any, site_server: str, built_site: BuiltSite
) -> None:
    other = next(code for code in LANGUAGES if code != lang)
    if path == "a unit page":  # a generated page: the first unit of the bundled sample
        path = "unit-kerja/" + sorted(p.name for p in (built_site.path / "unit-kerja").iterdir() if p.is_dir())[0] + "/"
    start = counterpart_url(built_site.base_path + path, lang, built_site.base_path)
    server_root = site_server[: -len(built_site.base_path)]
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    page = context.new_page()
    page.goto(server_root + start)
    page.locator(".md-header .md-select button").click()
    page.locator(f".md-header .md-select a[hreflang={other}]").click()
    page.wait_for_load_state()
    assert page.url == server_root + counterpart_url(start, other, built_site.base_path)
    assert page.locator("html").get_attribute("lang") == other
    assert url_language(start, built_site.base_path) == lang
    context.close()


def test_home_page_weight_within_budget(browser: Any, site_server: str) -> None:
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    weight = first_visit_weight(context, site_server)
    context.close()
    FIGURES["home page, first visit"] = (f"{weight.gzip / 1024:.1f} KB gzip ({weight.raw / 1024:.1f} KB raw, "
                                         f"{len(weight.files)} files, search index excluded; budget 150 KB)")
    print(f"\nHome page first visit: {weight.raw / 1024:.1f} KB raw, {weight.gzip / 1024:.1f} KB gzip, "
          f"{len(weight.files)} files (search index excluded)")
    for url, raw, compressed in sorted(weight.files, key=lambda f: -f[2]):
        print(f"  {compressed / 1024:7.1f} KB gzip  {raw / 1024:7.1f} KB raw  {url}")
    assert weight.files
    assert weight.gzip <= PAGE_WEIGHT_BUDGET


@pytest.mark.parametrize(("lang", "label"), [("id", "Tabel lebar, dapat digeser ke samping"),
                                             ("en", "Wide table, scrolls sideways")])
def test_wide_table_on_a_phone_is_a_named_keyboard_stop(
    lang: str, label: str, browser: Any, site_server: str, built_site: BuiltSite
) -> None:
    url = counterpart_url(built_site.base_path + "modul/standar-pelayanan/", lang, built_site.base_path)
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site_server[: -len(built_site.base_path)] + url, wait_until="networkidle")
    regions = page.locator(".md-typeset__scrollwrap[role=region]")
    assert regions.count() >= 1
    assert regions.first.get_attribute("aria-label") == label
    assert regions.first.get_attribute("tabindex") == "0"
    regions.first.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("el => el.scrollLeft > 0", arg=regions.first.element_handle())
    context.close()
    # At desktop width the same table fits, and is no extra tab stop.
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    page.goto(site_server[: -len(built_site.base_path)] + url, wait_until="networkidle")
    assert page.locator(".md-typeset__scrollwrap[role=region]").count() == 0
    context.close()
