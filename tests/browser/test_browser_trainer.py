"""The trainer's toolkit in a real browser: the projected window of a presentation (one slide and nothing else, no
note ever, no layout shift, driven by the keyboard, its addresses, full screen, the title and closing slides' QR
codes decoded from the screen), its speaker view in a second window kept in step whichever window is driven, axe in
both, a presentation printed one slide per landscape page, the handouts' QR code, how module pages and handouts
print, and each module's one-page summary: one A4 page in print, axe and reflow on screen. (Every page as loaded,
the presentation's two windows included, passes every site-wide check, axe included, in
tests/browser/test_browser_site.py; the two windows from the offline folder: tests/browser/test_browser_offline.py.)"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from browsing import (
    MAX_LAYOUT_SHIFT,
    NARROW,
    SMALLEST_PRINTED_TEXT,
    VIEWPORTS,
    Visit,
    axe_violations,
    decode_qr,
    describe_violations,
    horizontal_overflow,
    in_step,
    layout_shift,
    origin,
    printed_pages,
    shown_slides,
    visit,
)
from conftest import figure
from helpers import BuiltSite

SLUG = "alfa"
SITE = "https://uji.example.org/p2ham/"
LANGS = [("", "dari"), ("en/", "of")]  # address prefix, the word in "Slide 2a of 4"
LABELS = ["1", "2a", "2b", "3", "4"]  # the fixture's first module: title, two slides of a section, a divider, closing


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(viewport=VIEWPORTS["desktop"])
    yield ctx
    ctx.close()


def open_page(context: Any, url: str) -> tuple[Any, Visit]:
    page = context.new_page()
    return page, visit(page, url)


def assert_clean(result: Visit, fixture_server: str) -> None:
    assert result.errors == [], result.errors
    assert result.failed == [], result.failed
    assert result.foreign_requests(origin(fixture_server)) == []


def assert_on_slide(page: Any, label: str, of: str, notes: list[str]) -> None:
    """The projected window shows the slide `label` and nothing else of the deck, at its address, says where it is,
    and holds none of the trainer's notes (`notes`: their text)."""
    assert shown_slides(page) == [label]
    assert page.evaluate("location.hash") == f"#slide-{label}"
    assert page.locator("[data-p2ham-present-position]").inner_text() == f"Slide {label} {of} {LABELS[-1]}"
    assert page.locator("[data-p2ham-present-place]").text_content() == f"{label} / {LABELS[-1]}"  # in the bar
    html = page.content()
    assert "p2ham-trainer-notes" not in html and not [note for note in notes if note in html]


def trainer_notes(site: BuiltSite, path: str) -> list[str]:
    """The text of the trainer's notes of a module (from its speaker view's page), line by line."""
    page = site.page(path)
    return [" ".join(item.get_text(" ").split()) for item in page.select(
        "aside.p2ham-trainer-notes li, aside.p2ham-trainer-notes p:not(.p2ham-trainer-notes__title)")]


@pytest.mark.parametrize(("prefix", "of"), LANGS)
def test_the_projected_window_shows_one_slide_and_is_driven_by_the_keyboard(
        context: Any, fixture_server: str, fixture_site: BuiltSite, prefix: str, of: str) -> None:
    module = f"{prefix}modul/{SLUG}/"
    notes = trainer_notes(fixture_site, module + "pembicara")
    assert notes
    page, result = open_page(context, f"{fixture_server}{module}presentasi/")
    shift = layout_shift(page)
    figure(f"presentation's layout shift ({prefix or 'id/'}modul/{SLUG}/presentasi/)", f"{shift:.4f} (at most 0.02)")
    assert shift <= MAX_LAYOUT_SHIFT
    assert [s for s in page.locator(".p2ham-slide").evaluate_all("s => s.map(e => e.dataset.p2hamSlide)")] == LABELS
    assert_on_slide(page, "1", of, notes)
    # Only the slide: no theme header, navigation, search or switcher; the controls out of sight until used.
    assert page.locator(".md-header, .md-sidebar, .md-search, .md-select, .md-footer").count() == 0
    page.emulate_media(reduced_motion="reduce")
    bar = page.locator("[data-p2ham-present-bar]")
    bar.evaluate("bar => bar.removeAttribute('data-active')")
    assert bar.evaluate("bar => getComputedStyle(bar).opacity") == "0"
    assert page.locator("[data-p2ham-present=previous]").is_disabled()
    for key, label in [("End", "4"), ("Home", "1"), ("ArrowRight", "2a"), ("ArrowRight", "2b"), ("PageDown", "3"),
                       ("ArrowLeft", "2b"), ("Space", "3"), ("Shift+Space", "2b"), ("PageUp", "2a"),
                       ("Home", "1"), ("ArrowLeft", "1")]:
        page.keyboard.press(key)
        assert_on_slide(page, label, of, notes)
    # The focus follows the slide, so a screen reader starts reading at its heading.
    assert page.evaluate("document.activeElement.closest('.p2ham-slide[data-current]') !== null")
    page.mouse.move(20, 20)  # the controls show while the pointer moves
    page.locator("[data-p2ham-present=next]").click()
    assert_on_slide(page, "2a", of, notes)
    # Addresses: a slide's, a section's number (its first slide), a section's heading.
    for address, label in [("#slide-3", "3"), ("#slide-2", "2a"), ("#slide-4", "4")]:
        page.evaluate(f"location.hash = '{address}'")
        page.wait_for_function(f"() => document.querySelector('#slide-{label}').hasAttribute('data-current')")
        assert_on_slide(page, label, of, notes)
    # The closing slide: its QR code opens the quiz on the module's page.
    quiz = fixture_site.page(module).select_one("section.p2ham-quiz").find_previous("h2")["id"]
    closing = "[data-current] figure[data-p2ham-module-qr] img"
    page.locator(closing).evaluate("img => img.decode()")
    assert decode_qr(page, closing) == f"{SITE}{module}#{quiz}"
    # The title slide: the module page's code, a third of the slide's height at least, its address never cut.
    page.keyboard.press("Home")
    title = "[data-current] figure[data-p2ham-module-qr] img"
    page.locator(title).evaluate("img => img.decode()")
    assert decode_qr(page, title) == f"{SITE}{module}"
    code, slide = (page.locator(selector).bounding_box() for selector in (title, "[data-current]"))
    assert code["height"] >= slide["height"] / 3, f"a QR code {code['height']}px high on a {slide['height']}px slide"
    assert page.locator("[data-current] .p2ham-module-qr__address").evaluate(
        "a => a.scrollWidth <= a.clientWidth && a.getBoundingClientRect().right <= a.closest('.p2ham-slide')"
        ".getBoundingClientRect().right")
    # F for full screen; Escape leaves it first, then goes back to the module.
    pressed = "document.querySelector('[data-p2ham-present=fullscreen]').ariaPressed"
    page.keyboard.press("f")
    page.wait_for_function(f"() => document.fullscreenElement && {pressed} === 'true'")  # a function: the page's
    # security policy refuses eval, with which Playwright would run a mere expression
    page.keyboard.press("Escape")
    page.wait_for_function(f"() => !document.fullscreenElement && {pressed} === 'false'")
    assert page.url.endswith("presentasi/#slide-1")
    with page.expect_navigation():
        page.keyboard.press("Escape")
    assert page.url == f"{fixture_server}{module}"
    assert_clean(result, fixture_server)


@pytest.mark.parametrize(("prefix", "of"), LANGS)
def test_the_speaker_view_stays_in_step_with_the_projected_window(context: Any, fixture_server: str,
                                                                  fixture_site: BuiltSite, prefix: str,
                                                                  of: str) -> None:
    module = f"{prefix}modul/{SLUG}/"
    page, result = open_page(context, f"{fixture_server}{module}presentasi/#slide-2a")
    with context.expect_page() as opened:
        page.keyboard.press("s")  # the speaker view, in a second window
    speaker = opened.value
    speaker_errors: list[str] = []
    speaker.on("pageerror", lambda error: speaker_errors.append(str(error)))
    speaker.wait_for_load_state("load")
    assert speaker.url == f"{fixture_server}{module}pembicara/#slide-2a"
    in_step(page, speaker, "2a")
    notes = trainer_notes(fixture_site, module + "pembicara")
    panel = speaker.locator("[data-p2ham-notes-panel]")
    assert notes[0] in " ".join(panel.inner_text().split())  # the section's notes
    assert speaker.locator('[data-p2ham-frame="next"] h2').inner_text() == speaker.locator(
        '[data-p2ham-frame="current"] h2').inner_text()  # 2b continues 2a
    assert speaker.locator('[data-p2ham-speaker="planned"]').inner_text() == "10"
    assert re.fullmatch(r"\d{1,2}[:.]\d{2}( [AP]M)?", speaker.locator('[data-p2ham-speaker="clock"]').inner_text())
    assert re.fullmatch(r"0:00:0\d", speaker.locator('[data-p2ham-speaker="elapsed"]').inner_text())
    # Driven from the projected window (keys, buttons) ...
    page.keyboard.press("ArrowRight")
    in_step(page, speaker, "2b")
    page.keyboard.press("End")
    in_step(page, speaker, "4")
    assert speaker.locator('[data-p2ham-frame="next"] h2').count() == 0  # the end
    assert speaker.locator("[data-p2ham-notes-panel] .p2ham-trainer-notes").count() == 2  # the discussion's, the quiz's
    problems = describe_violations(speaker.url, "desktop", axe_violations(speaker))
    # ... and from the speaker view, which the projected window follows.
    speaker.keyboard.press("Home")
    in_step(page, speaker, "1")
    speaker.locator("[data-p2ham-present=next]").click()
    in_step(page, speaker, "2a")
    speaker.keyboard.press("PageDown")
    in_step(page, speaker, "2b")
    assert page.locator("[data-p2ham-present-position]").inner_text() == f"Slide 2b {of} 4"
    assert "p2ham-trainer-notes" not in page.content()
    problems += describe_violations(page.url, "desktop", axe_violations(page))
    assert not problems, "\n".join(problems)
    assert speaker_errors == []
    assert_clean(result, fixture_server)


def rendered_slides(page: Any) -> list[str]:
    """The labels of the slides laid out, whichever the screen shows (print)."""
    return list(page.evaluate("""() => [...document.querySelectorAll('.p2ham-slide')]
        .filter(slide => slide.getClientRects().length > 0).map(slide => slide.dataset.p2hamSlide)"""))


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_handouts_qr_code_opens_the_module_in_its_language(context: Any, fixture_server: str,
                                                               prefix: str) -> None:
    page, result = open_page(context, f"{fixture_server}{prefix}modul/{SLUG}/pemandu/")
    selector = "figure[data-p2ham-module-qr] img"
    page.locator(selector).evaluate("img => img.decode()")
    assert decode_qr(page, selector) == f"{SITE}{prefix}modul/{SLUG}/"
    assert_clean(result, fixture_server)


def link_after(page: Any, selector: str) -> str:
    return str(page.locator(selector).first.evaluate("a => getComputedStyle(a, '::after').content"))


def hidden_in_print(page: Any, selector: str) -> bool:
    return bool(page.evaluate("""selector => [...document.querySelectorAll(selector)]
        .every(el => el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden')""",
                              selector))


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_a_module_page_prints_without_navigation_or_answers(context: Any, fixture_server: str, prefix: str) -> None:
    page, result = open_page(context, f"{fixture_server}{prefix}modul/{SLUG}/")
    assert page.locator(".md-header").is_visible()
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar", ".md-footer", ".p2ham-share", ".p2ham-question__answers",
                     ".p2ham-question__actions", ".p2ham-quiz__summary", ".headerlink"):
        assert page.locator(selector).count(), selector
        assert hidden_in_print(page, selector), f"{selector} shows in print"
    assert page.locator(".p2ham-question legend").first.is_visible()  # the questions themselves print
    assert page.locator(".p2ham-options label").first.is_visible()
    # A link prints its public address after it (set by the page's script just before printing).
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    link = ".md-content .md-typeset a[href$='beta/']"
    assert page.locator(link).count()
    assert link_after(page, link) == f'" ({SITE}{prefix}modul/beta/)"'
    assert link_after(page, ".md-content .md-typeset a[href^='#']") in ("none", "normal")
    assert_clean(result, fixture_server)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_trainers_handout_prints_its_answer_key(context: Any, fixture_server: str, prefix: str) -> None:
    page, result = open_page(context, f"{fixture_server}{prefix}modul/{SLUG}/pemandu/")
    page.emulate_media(media="print")
    answers = page.locator(".p2ham-question__answers")
    assert answers.count() == 3  # the module's three questions
    for index in range(answers.count()):
        assert answers.nth(index).locator(".p2ham-answer__explanation").first.is_visible()
    assert page.locator("[data-p2ham-timing]").is_visible()
    assert page.locator(".p2ham-trainer-notes").first.is_visible()
    assert page.locator("figure[data-p2ham-module-qr] img").is_visible()
    assert hidden_in_print(page, ".md-header") and hidden_in_print(page, ".md-sidebar")
    assert hidden_in_print(page, ".p2ham-question__actions")
    assert_clean(result, fixture_server)


def test_a_presentation_prints_one_slide_per_landscape_page(context: Any, fixture_server: str) -> None:
    page, result = open_page(context, f"{fixture_server}modul/{SLUG}/presentasi/#slide-3")
    assert shown_slides(page) == ["3"]
    page.emulate_media(media="print")
    assert rendered_slides(page) == LABELS
    assert hidden_in_print(page, ".p2ham-present-bar")
    breaks = page.evaluate("""() => [...document.querySelectorAll('.p2ham-slide')]
        .map(slide => getComputedStyle(slide).breakBefore)""")
    assert breaks[1:] == ["page"] * (len(LABELS) - 1)
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)  # the page size the stylesheet asks for
    sizes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert len(sizes) == len(LABELS) and all(float(w) > float(h) for w, h in sizes), sizes
    page.emulate_media(media="screen")
    assert shown_slides(page) == ["3"]
    assert_clean(result, fixture_server)


@pytest.mark.parametrize("path", ["modul/alfa/peserta/", "en/modul/alfa/peserta/", "cetak/",
                                  "en/cetak/"])
def test_participant_handouts_print_without_answers(context: Any, fixture_server: str, path: str) -> None:
    page, result = open_page(context, fixture_server + path)
    page.emulate_media(media="print")
    assert page.locator(".p2ham-question legend").count() >= 3
    assert page.locator(".p2ham-question legend").first.is_visible()
    for selector in (".p2ham-question__answers", ".p2ham-answer__explanation", "[data-correct]",
                     ".p2ham-trainer-notes"):
        assert page.locator(selector).count() == 0, f"{path}: {selector}"
    assert hidden_in_print(page, ".md-header") and hidden_in_print(page, ".md-sidebar")
    assert_clean(result, fixture_server)


@pytest.mark.parametrize(("path", "blank"), [("modul/beta/peserta/", True), ("cetak/", True),
                                             ("modul/beta/pemandu/", True), ("modul/beta/", False)])
def test_an_order_question_prints_its_positions_as_boxes(context: Any, fixture_server: str, path: str,
                                                         blank: bool) -> None:
    """On paper, an order question's positions are boxes to write in: empty on a handout; a participant's printed
    module page keeps what they chose. The right order prints only in the trainer's answer key."""
    page, result = open_page(context, fixture_server + path)
    page.emulate_media(media="print")
    places = page.locator(".p2ham-question[data-question=beta-urutan] select")  # its id is prefixed on cetak/
    assert places.count() == 4 and places.first.is_visible()
    colours = places.evaluate_all("els => els.map(e => getComputedStyle(e).color)")
    assert all((colour == "rgba(0, 0, 0, 0)") == blank for colour in colours), colours
    assert places.first.evaluate("e => getComputedStyle(e).appearance") == "none"
    if path.endswith("cetak/"):  # every module of the print-all page starts a new sheet
        parts = page.locator(".p2ham-print-part")
        assert parts.count() == 2
        assert parts.evaluate_all("els => els.map(e => getComputedStyle(e).breakBefore)") == ["page", "page"]
    key = page.locator(".p2ham-question[data-question=beta-urutan] details.p2ham-question__answers ol > li")
    if path.endswith("pemandu/"):
        assert key.count() == 4 and key.first.is_visible()
    else:
        assert key.count() == 0 or not key.first.is_visible()
    assert_clean(result, fixture_server)


SUMMARIES = [f"{prefix}modul/{slug}/ringkasan/" for prefix in ("", "en/") for slug in ("alfa", "beta")]
PT = 96 / 72  # CSS pixels in a point


@pytest.mark.parametrize("path", SUMMARIES)
def test_a_summary_prints_on_one_a4_page(context: Any, fixture_server: str, path: str) -> None:
    page, result = open_page(context, fixture_server + path)
    assert printed_pages(page) == 1
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # link addresses, as when printing
    for selector in ("h1", "figure[data-p2ham-module-qr] img", ".p2ham-module-qr__address", ".p2ham-module-info li",
                     "[data-p2ham-summary=key_points] li", "[data-p2ham-summary=sources] li"):
        assert page.locator(selector).first.is_visible(), f"{path}: {selector} does not print"
    for selector in (".md-header", ".md-sidebar", ".md-footer", ".p2ham-share", ".headerlink"):
        assert hidden_in_print(page, selector), f"{path}: {selector} prints"
    smallest = page.evaluate(SMALLEST_PRINTED_TEXT, "[data-p2ham-view]")
    assert smallest >= 9 * PT - 0.01, f"{path}: text printed at {smallest / PT:.1f} pt, under 9 pt"
    assert_clean(result, fixture_server)


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("path", SUMMARIES)
def test_a_summary_reads_well_on_a_phone_and_a_desktop(browser: Any, fixture_server: str, viewport: str,
                                                       path: str) -> None:
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    page, result = open_page(context, fixture_server + path)
    problems = describe_violations(path, viewport, axe_violations(page))
    assert not problems, "\n".join(problems)
    assert horizontal_overflow(page) <= 0, f"{path} [{viewport}] scrolls sideways"
    if viewport == "phone":
        page.set_viewport_size(NARROW)
        page.wait_for_timeout(50)  # a frame for the layout to settle
        assert horizontal_overflow(page) <= 0, f"{path} at 320 px scrolls sideways"
    assert_clean(result, fixture_server)
    context.close()
