"""Publishing in a real browser, on the fixture site: the share control's QR code decodes to the page's own address
and copying works; search answers in the reader's language with Indonesian stemming; every page type obeys the
security policy while its scripts are used, and a page that breaks the policy is caught."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browsing import RECORD_CSP_VIOLATIONS, VIEWPORTS, axe_violations, decode_qr, describe_violations
from helpers import serve

from p2ham.publish.security import policy

# --- share -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["modul/alfa/", "en/modul/alfa/", "en/unit-kerja/"])
def test_the_qr_code_opens_the_page_in_its_language(browser: Any, fixture_server: str, path: str) -> None:
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(fixture_server + path, wait_until="networkidle")
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert canonical.endswith(path)
    page.locator(".p2ham-share summary").click()
    page.locator("img[data-p2ham-qr]").evaluate("img => img.decode()")
    assert decode_qr(page, "img[data-p2ham-qr]") == canonical
    page.locator("[data-p2ham-share-copy]").click()
    expected = "Address copied." if path.startswith("en/") else "Alamat sudah disalin."
    page.locator("[data-p2ham-share-status]").filter(has_text=expected).wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == canonical
    violations = axe_violations(page)
    assert not violations, describe_violations(path, "phone, share open", violations)
    assert not errors
    context.close()


def test_without_javascript_the_address_can_still_be_selected(browser: Any, fixture_server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(fixture_server + "mulai/")
    page.locator(".p2ham-share summary").click()
    assert page.locator("[data-p2ham-share-address]").is_visible()
    assert not page.locator("[data-p2ham-share-copy]").is_visible()  # the button needs JavaScript
    context.close()


# --- search ------------------------------------------------------------------------------------------------------

def search(page: Any, words: str) -> list[str]:
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(words, delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=10000)
    page.wait_for_timeout(300)
    assert page.locator(".md-search-result__meta").get_attribute("role") == "status"  # the count is announced
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    return list(hrefs)


def test_readers_get_results_in_their_own_language(browser: Any, fixture_server: str) -> None:
    """Search answers in the page's language; its index is fetched on the first search, not on page load."""
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    indexes: list[str] = []
    page.on("request", lambda request: indexes.append(request.url) if "search_index" in request.url else None)
    page.goto(fixture_server + "modul/beta/", wait_until="networkidle")
    page.keyboard.press("Tab")  # moving about the page is not searching
    page.wait_for_timeout(200)
    assert indexes == [], "the search index is fetched before the reader searches"
    # "diadukan" appears nowhere on the site; its stem (adu) does, in "Pengaduan" on module alfa.
    found = search(page, "diadukan")
    assert found and all(not href.startswith(fixture_server + "en/") for href in found), found
    assert any("modul/alfa/" in href for href in found), found
    found = search(page, "pelay")  # while typing: a word's beginning still finds it ("pelayanan")
    assert any("modul/alfa/" in href for href in found), found
    assert indexes == [fixture_server + "search/search_index.json"]  # once, on the first search
    page.goto(fixture_server + "en/modul/beta/")
    found = search(page, "complaints")
    assert indexes[1:] == [fixture_server + "en/search/search_index.json"]
    assert found and all(href.startswith(fixture_server + "en/") for href in found), found
    page.goto(fixture_server + "en/glosarium/")
    found = search(page, "pelayanan")  # an Indonesian word on an English page: English pages only
    assert all(href.startswith(fixture_server + "en/") for href in found), found
    assert not errors
    context.close()


# --- the security policy --------------------------------------------------------------------------------------------

PAGE_TYPES = ["", "mulai/", "modul/alfa/", "kemajuan/", "glosarium/", "unit-kerja/", "unit-kerja/lapas-uji/",
              "404.html", "modul/alfa/presentasi/", "modul/alfa/pembicara/", "modul/alfa/pemandu/",
              "modul/alfa/peserta/", "cetak/", "pemandu/", "agenda/", "aksesibilitas/", "profil/"]


def used(page: Any, url: str, search: bool) -> list[str]:
    """Load a page and use what its scripts do (slides, a quiz, the unit filter, and with `search` the
    search box, whose worker is the same on every page); the security-policy violations the browser reported."""
    page.goto(url, wait_until="load")
    if page.locator("[data-p2ham-deck]").count():
        for key in ("End", "Home", "ArrowRight"):
            page.keyboard.press(key)
    if page.locator("[data-p2ham=check]:visible").count():
        page.locator(".p2ham-options input").first.check()
        page.locator("[data-p2ham=check]").first.click()
    if page.locator("#p2ham-unit-filter").count():
        page.locator("#p2ham-unit-filter").fill("lapas")
    search_icon = page.locator("label.md-search__icon, label[for=__search]").first
    if search and search_icon.count() and search_icon.is_visible():
        search_icon.click()
        page.locator("input.md-search__input").press_sequentially("pelayanan")
        page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_load_state("networkidle")
    return list(page.evaluate("window.__csp"))


def test_every_page_type_obeys_the_policy_while_used(fixture_server: str, browser: Any) -> None:
    """Each type of page, used, in Indonesian; in English the module page, searched (its own index and worker).
    The scripts are the same in both languages, and every page of both is loaded with the policy recorded in
    test_browser_site.py."""
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    page = context.new_page()  # one tab, from page to page, as a reader's
    problems = []
    for path in [*PAGE_TYPES, "en/modul/alfa/"]:
        problems += [f"/{path}: {v}" for v in used(page, fixture_server + path, search=path.endswith("modul/alfa/"))]
    context.close()
    assert problems == []


def test_a_page_breaking_the_policy_is_caught(tmp_path: Path, browser: Any) -> None:
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><title>x</title><script>document.title = "ran"</script></head>'
        '<body><p>x</p></body></html>', "utf-8")
    with serve(tmp_path, headers={"Content-Security-Policy": policy([])}) as root:
        context = browser.new_context()
        context.add_init_script(RECORD_CSP_VIOLATIONS)
        page = context.new_page()
        page.goto(root, wait_until="load")
        violations = page.evaluate("window.__csp")
        title = page.title()
        context.close()
    assert title == "x"  # the inline script did not run
    assert violations and violations[0].startswith("script-src")
