"""The fixture site in a real browser, every page in both languages at a phone's width (also narrowed to 320 px)
and at a desktop's: nothing from another origin, no failed request or script error, no cookie, no axe violation, no
horizontal scrolling, no security-policy violation, nothing drawn over a link or a control, and a language switcher
that leads to the same page."""

from __future__ import annotations

from typing import Any

import pytest
from browsing import VIEWPORTS, Report, origin, site_report
from helpers import BuiltSite
from sitecheck import LANGUAGES, counterpart_url, url_language


@pytest.fixture(scope="module")
def report(fixture_site: BuiltSite, fixture_server: str, browser: Any) -> Report:
    server_root = fixture_server[: -len(fixture_site.base_path)]
    return site_report(browser, server_root, [page.url for page in fixture_site.pages()])


@pytest.mark.parametrize("check", ["requests to another origin", "failed requests and script errors",
                                   "axe violations", "wider than the screen", "security policy violations",
                                   "cookies", "covered controls"])
def test_every_page_passes(report: Report, fixture_server: str, fixture_site: BuiltSite, check: str) -> None:
    assert len(report.visits) == len(report.axe) == 2 * len(fixture_site.pages())
    assert len(report.overflow) == 3 * len(fixture_site.pages())
    assert any(url.count("/unit-kerja/") and not url.endswith("/unit-kerja/") for url, _ in report.axe)
    problems = report.problems(origin(fixture_server))[check]
    assert problems == [], "\n".join(problems)


def test_switcher_after_scripts_ran_leads_to_the_same_page(report: Report, fixture_site: BuiltSite) -> None:
    problems = []
    for url, links in report.switcher.items():
        for lang in LANGUAGES:
            expected = counterpart_url(url, lang, fixture_site.base_path)
            if links.get(lang) != expected:
                problems.append(f"{url}: {lang} link is {links.get(lang)}, expected {expected}")
    assert report.switcher and problems == []


@pytest.mark.parametrize(("lang", "path"), [(lang, path) for lang in LANGUAGES
                                             for path in ("tentang/", "unit-kerja/lapas-uji/")])
def test_switching_language_by_clicking_lands_on_the_same_page(lang: str, path: str, browser: Any,
                                                               fixture_server: str, fixture_site: BuiltSite) -> None:
    other = next(code for code in LANGUAGES if code != lang)
    base = fixture_site.base_path
    start = counterpart_url(base + path, lang, base)
    server_root = fixture_server[: -len(base)]
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    page = context.new_page()
    page.goto(server_root + start)
    page.locator(".md-header .md-select button").click()
    page.locator(f".md-header .md-select a[hreflang={other}]").click()
    page.wait_for_load_state()
    assert page.url == server_root + counterpart_url(start, other, base)
    assert page.locator("html").get_attribute("lang") == other
    assert url_language(start, base) == lang
    context.close()


@pytest.mark.parametrize(("prefix", "label"), [("", "Tabel lebar, dapat digeser ke samping"),
                                               ("en/", "Wide table, scrolls sideways")])
def test_wide_table_on_a_phone_is_a_named_keyboard_stop(prefix: str, label: str, browser: Any,
                                                        fixture_server: str) -> None:
    url = f"{fixture_server}{prefix}modul/alfa/"
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
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
    page.goto(url, wait_until="networkidle")
    assert page.locator(".md-typeset__scrollwrap[role=region]").count() == 0
    context.close()
