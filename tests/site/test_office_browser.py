"""The office's own site in a real browser: every page the office writes, in both languages, at a phone's width
(also narrowed to 320 px) and at a desktop's: nothing from another origin, no failed request or script error, no
cookie, no axe violation, no horizontal scrolling, no security-policy violation, nothing drawn over a link or a
control, a language switcher that leads to the same page; the home page's first visit within its weight budget; and
every slide of every module's presentation, in both languages, fitting the projector at three sizes.

Pages the generator makes from templates (every unit page, every module's trainer's views) are checked in full on
the fixture site (tests/browser); here a few of each stand for the rest, with the office's own text."""

from __future__ import annotations

from typing import Any

import pytest
from browsing import MAX_LAYOUT_SHIFT, VIEWPORTS, Report, first_visit_weight, layout_shift, origin, site_report, visit
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


# --- every slide of every module fits the projector ------------------------------------------------------------

PROJECTORS = {"1280x720": {"width": 1280, "height": 720}, "1024x768": {"width": 1024, "height": 768},
              "1920x1080": {"width": 1920, "height": 1080}}
SMALLEST_TEXT = 28  # CSS pixels: a slide's text at 1280x720, at least
# Every slide of the loaded presentation, stepped through with the deck's own keys: what is larger than the window,
# scrolls, or lies outside its slide (or in its margin, where the slide's number is), and the smallest text.
STEP_THROUGH = """() => {
    const press = key => document.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true}));
    const name = el => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
        ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
    const total = document.querySelectorAll('[data-p2ham-deck] .p2ham-slide').length;
    const problems = [], seen = [];
    let smallest = Infinity;
    press('Home');
    for (let step = 0; step < total; step++) {
        const slide = document.querySelector('[data-p2ham-deck] .p2ham-slide[data-current]');
        const label = slide.dataset.p2hamSlide;
        seen.push(label);
        const box = slide.getBoundingClientRect();
        const root = document.documentElement;
        if (root.scrollWidth > root.clientWidth || root.scrollHeight > root.clientHeight) {
            problems.push(`slide ${label}: the window scrolls`);
        }
        if (box.left < -0.5 || box.top < -0.5 || box.right > innerWidth + 0.5 || box.bottom > innerHeight + 0.5) {
            problems.push(`slide ${label}: larger than the window`);
        }
        for (const part of slide.querySelectorAll('.p2ham-slide__body, .p2ham-module-qr__address')) {
            if (part.scrollHeight > part.clientHeight + 1 || part.scrollWidth > part.clientWidth + 1) {
                problems.push(`slide ${label}: ${name(part)} overflows (${part.scrollWidth}x${part.scrollHeight} in ` +
                              `${part.clientWidth}x${part.clientHeight})`);
            }
        }
        for (const el of slide.querySelectorAll('*')) {
            const r = el.getBoundingClientRect();
            if (r.width && r.height && (r.left < box.left - 1 || r.top < box.top - 1 || r.right > box.right + 1 ||
                                        r.bottom > box.bottom + 1)) {
                problems.push(`slide ${label}: ${name(el)} lies outside the slide`);
            }
        }
        for (const el of slide.querySelectorAll('.p2ham-slide__body :is(p, li, th, td)')) {
            if (el.textContent.trim()) smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize));
        }
        press('ArrowRight');
    }
    return {problems, seen, smallest, notes: document.querySelectorAll('.p2ham-trainer-notes').length};
}"""


def test_every_slide_of_every_module_fits_the_projector(office_site: BuiltSite, office_server: str,
                                                       browser: Any) -> None:
    """Each module's presentation in both languages, loaded once: at 1280x720, 1024x768 and 1920x1080 no slide
    scrolls or overflows, its text is 28 px at least at 1280x720, no trainer's note is in the page, and the page
    does not shift as it starts."""
    server_root = office_server[: -len(office_site.base_path)]
    decks = [page.url for page in office_site.pages() if page.url.endswith(f"/{VIEW_PARTS['presentation']}/")]
    assert decks
    context = browser.new_context(viewport=PROJECTORS["1280x720"], service_workers="block")
    page = context.new_page()
    problems, shifts, checked = [], [], 0
    for url in decks:
        result = visit(page, server_root + url, wait_until="load")
        shifts.append(layout_shift(page))
        if shifts[-1] > MAX_LAYOUT_SHIFT:
            problems.append(f"{url}: layout shift {shifts[-1]:.3f}")
        for size, viewport in PROJECTORS.items():
            page.set_viewport_size(viewport)
            found = page.evaluate(STEP_THROUGH)
            checked += len(found["seen"])
            problems += [f"{url} [{size}] {problem}" for problem in found["problems"]]
            if found["notes"] or "p2ham-trainer-notes" in page.content():
                problems.append(f"{url}: trainer's notes in the projected window")
            if size == "1280x720" and found["smallest"] < SMALLEST_TEXT:
                problems.append(f"{url}: text of {found['smallest']} px at 1280x720")
        page.set_viewport_size(PROJECTORS["1280x720"])
        # (A request the next page's load cuts short, such as the icon's, is not a failure of this page.)
        problems += [f"{url}: {error}" for error in result.errors + result.failed if "ERR_ABORTED" not in error]
    context.close()
    figure("slides checked in the office's presentations", f"{checked} slide views ({len(decks)} presentations, "
                                                             f"3 sizes); largest layout shift {max(shifts):.4f}")
    assert problems == [], "\n".join(problems)
