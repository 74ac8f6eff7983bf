"""The Content-Security-Policy: computed from the finished pages, shipped for static hosts and nginx, and obeyed
by every page type in both languages in a real browser (0 violations), while a page that breaks it is caught."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browsing import VIEWPORTS
from conftest import BuiltSite, host_headers, serve

from p2ham.csp import inline_scripts, policy, script_hash

RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(
  e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + e.sourceFile + ':' + e.lineNumber));
"""
PAGES = ["", "mulai/", "modul/p2ham-p5ham/", "kemajuan/", "glosarium/", "unit-kerja/", "modul/", "404.html",
         "modul/p2ham-p5ham/presentasi/", "modul/p2ham-p5ham/pemandu/", "modul/p2ham-p5ham/peserta/", "cetak/",
         "pemandu/", "agenda/", "aksesibilitas/"]


def test_inline_scripts_are_found_and_hashed() -> None:
    html = ('<script>a()</script><script src="x.js"></script><script type="application/json">{}</script>'
            '<script type="module">b()</script>')
    assert inline_scripts(html) == ["a()", "b()"]
    assert script_hash("a()").startswith("'sha256-")
    csp = policy([script_hash("a()")])
    assert "'unsafe-inline'" not in csp and "object-src 'none'" in csp and "base-uri 'none'" in csp


def test_headers_are_shipped_for_static_hosts_and_nginx(built_site: BuiltSite) -> None:
    headers = host_headers(built_site.path)
    csp = headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "frame-ancestors 'self'" in csp
    scripts = {s for page in built_site.path.rglob("*.html") for s in inline_scripts(page.read_text("utf-8"))}
    assert scripts and all(script_hash(s) in csp for s in scripts)
    nginx = (built_site.path / "security-headers.nginx.conf").read_text("utf-8")
    assert f'add_header Content-Security-Policy "{csp}" always;' in nginx


def visit_collecting(context: Any, url: str) -> list[str]:
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    if page.locator("[data-p2ham-presentation]").count():  # move through a presentation, show the notes
        for key in ("End", "Home", "ArrowRight", "n"):
            page.keyboard.press(key)
    if page.locator("[data-p2ham=check]:visible").count():  # use a quiz, so its script runs too
        page.locator(".p2ham-options input").first.check()
        page.locator("[data-p2ham=check]").first.click()
    if page.locator("#p2ham-unit-filter").count():
        page.locator("#p2ham-unit-filter").fill("lapas")
    search = page.locator("label.md-search__icon, label[for=__search]").first
    if search.count() and search.is_visible():
        search.click()
        page.locator("input.md-search__input").press_sequentially("pelayanan")
        page.wait_for_timeout(300)
    found = list(page.evaluate("window.__csp"))
    page.close()
    return found


@pytest.mark.browser
def test_every_page_type_obeys_the_policy(built_site: BuiltSite, site_server: str, browser: Any) -> None:
    units = sorted(p.name for p in (built_site.path / "unit-kerja").iterdir() if p.is_dir())
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    context.add_init_script(RECORD_VIOLATIONS)
    problems = []
    for prefix in ("", "en/"):
        for path in [*PAGES, f"unit-kerja/{units[0]}/"]:
            problems += [f"/{prefix}{path}: {v}" for v in visit_collecting(context, site_server + prefix + path)]
    context.close()
    assert problems == []


@pytest.mark.browser
def test_a_page_breaking_the_policy_is_caught(tmp_path: Path, browser: Any) -> None:
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><title>x</title><script>document.title = "ran"</script></head>'
        '<body><p>x</p></body></html>', "utf-8")
    with serve(tmp_path, headers={"Content-Security-Policy": policy([])}) as root:
        context = browser.new_context()
        context.add_init_script(RECORD_VIOLATIONS)
        page = context.new_page()
        page.goto(root, wait_until="load")
        violations = page.evaluate("window.__csp")
        title = page.title()
        context.close()
    assert title == "x"  # the inline script did not run
    assert violations and violations[0].startswith("script-src")
